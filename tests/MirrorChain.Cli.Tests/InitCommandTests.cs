using MirrorChain.Crypto;
using MirrorChain.Node;

namespace MirrorChain.Cli.Tests;

public sealed class InitCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mc-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Writes_the_devnet_genesis_config_node_key_and_test_keys()
    {
        var home = HomeLayout.From(_root);
        var output = new StringWriter();
        Assert.Equal(0, InitCommand.Run(home, null, overwrite: false, importTestKeys: true, output));

        var genesis = GenesisDoc.Load(home.Genesis);
        Assert.Equal("mirrorchain-devnet-1", genesis.ChainId);
        Assert.Equal("127.0.0.1:26657", NodeConfigFile.Load(home.NodeConfig).RpcListen);
        Assert.Equal("1s", NodeConfigFile.Load(home.NodeConfig).BlockTime);
        Assert.True(File.Exists(home.NodeKey));
        var keys = new Keyring(home.Keyring).List();
        Assert.Equal(11, keys.Count);
        Assert.Equal("terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v", new Keyring(home.Keyring).Get("test1").Address.ToString());
        Assert.Contains("11 devnet test keys imported", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Contracts_json_is_mirror_js_MirrorOptions_with_every_contract_of_the_devnet()
    {
        var home = HomeLayout.From(_root);
        InitCommand.Run(home, null, overwrite: false, importTestKeys: false, TextWriter.Null);
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(home.Contracts));
        var root = doc.RootElement;
        foreach (var key in ContractsFile.ProtocolKeys)
        {
            var value = root.GetProperty(key).GetString()!;
            if (key == "airdrop")
            {
                Assert.Equal("", value);                  // mirror.js requires the key; MirrorChain has no airdrop contract
            }
            else
            {
                Assert.StartsWith("terra1", value, StringComparison.Ordinal);
                Assert.Equal(64, value.Length);           // contract addresses are 32 bytes
            }
        }
        // MirrorChain's addition (the mirror_admin_manager contract): present, and not any other contract's address
        Assert.Equal(ContractsFile.ProtocolKeys.Length, ContractsFile.ProtocolKeys.Select(k => root.GetProperty(k).GetString()).Distinct().Count());
        var assets = root.GetProperty("assets");
        Assert.Equal(["MIR", "mAAPL", "mTSLA", "mGOOGL", "mNFLX", "mMSFT"], assets.EnumerateObject().Select(p => p.Name));
        Assert.Equal(root.GetProperty("mirrorToken").GetString(), assets.GetProperty("MIR").GetProperty("token").GetString());
        foreach (var asset in assets.EnumerateObject())
        {
            Assert.Equal(asset.Name, asset.Value.GetProperty("symbol").GetString());
            foreach (var field in new[] { "token", "pair", "lpToken" })
            {
                Assert.StartsWith("terra1", asset.Value.GetProperty(field).GetString(), StringComparison.Ordinal);
            }
        }
        Assert.Equal("Tesla, Inc.", assets.GetProperty("mTSLA").GetProperty("name").GetString());

        // the feeder prices the mAssets, not MIR
        var (oracle, fed) = ContractsFile.LoadForFeeder(home.Contracts);
        Assert.Equal(root.GetProperty("oracle").GetString(), oracle.ToString());
        Assert.Equal(["mAAPL", "mTSLA", "mGOOGL", "mNFLX", "mMSFT"], fed.Select(a => a.Symbol));
    }

    [Fact]
    public void Refuses_to_initialise_twice_without_overwrite()
    {
        var home = HomeLayout.From(_root);
        InitCommand.Run(home, null, false, false, TextWriter.Null);
        var output = new StringWriter();
        Assert.Equal(2, InitCommand.Run(home, null, false, false, output));
        Assert.Contains("already exists", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_an_invalid_genesis_file_before_writing_anything()
    {
        var bad = Path.Combine(Path.GetTempPath(), "mc-bad-genesis-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(bad, """{"chain_id": ""}""");
        try
        {
            var home = HomeLayout.From(_root);
            var e = Assert.Throws<InvalidDataException>(() => InitCommand.Run(home, bad, false, false, TextWriter.Null));
            Assert.Equal("genesis chain_id must be 1..50 characters", e.Message);
            Assert.False(File.Exists(home.Genesis));
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Fact]
    public void Devnet_genesis_funds_every_test_account_with_uluna_and_uusd()
    {
        var genesis = GenesisDoc.Parse(EmbeddedFiles.Read("devnet.json"));
        var balances = genesis.AppState.GetProperty("bank").GetProperty("balances").EnumerateArray().ToList();
        var accounts = DevnetAccounts.Load();
        Assert.Equal(accounts.Select(a => a.Address), balances.Select(b => b.GetProperty("address").GetString()));
        foreach (var b in balances)
        {
            var coins = b.GetProperty("coins").EnumerateArray().Select(c => (c.GetProperty("denom").GetString(), c.GetProperty("amount").GetString())).ToList();
            Assert.Equal([("uluna", "1000000000000000"), ("uusd", "1000000000000000")], coins);
        }
        // the validator of the genesis is the devnet's fixed Ed25519 key, with CometBFT's address of it
        using var devnetKey = DevnetValidatorKey.Create();
        Assert.Equal("tendermint/PubKeyEd25519", genesis.Validators[0].PubKeyType);
        Assert.Equal(devnetKey.PublicKey, genesis.Validators[0].PubKey);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(devnetKey.PublicKey)[..20], genesis.Validators[0].Address);
        Assert.Equal("9299B90DEABAD9A62DB679F91287AE121382E340", MirrorChain.Core.Hex.Upper(genesis.Validators[0].Address));
    }

    [Fact]
    public void Devnet_accounts_file_matches_the_mnemonics()
    {
        foreach (var a in DevnetAccounts.Load())
        {
            Assert.Equal(a.Address, PrivateKey.FromMnemonic(a.Mnemonic).Address.ToString());
        }
    }
}
