using System.Text.Json;
using Google.Protobuf;
using MirrorChain.Abci;
using MirrorChain.Abci.Proto;
using MirrorChain.Crypto;
using MirrorChain.Node;
using MirrorChain.Storage;

namespace MirrorChain.Cli.Tests;

/// <summary>
/// The CometBFT homes <c>init --cometbft</c> and <c>testnet</c> write: CometBFT's key file formats, a genesis that
/// keeps the app's app_state and has the Ed25519 validators, distinct ports and peers, and a genesis the ABCI
/// application accepts in InitChain.
/// </summary>
public sealed class CometBftHomeTests
{
    // RFC 8032 TEST 1 key.
    private static readonly byte[] Seed = Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

    [Fact]
    public void Priv_validator_key_json_has_upper_hex_address_and_tendermint_amino_key_types()
    {
        using var key = Ed25519Key.FromSeed(Seed);
        using var doc = JsonDocument.Parse(CometBftHome.PrivValidatorKeyJson(key));
        var root = doc.RootElement;
        Assert.Equal(Core.Hex.Upper(System.Security.Cryptography.SHA256.HashData(key.PublicKey)[..20]), root.GetProperty("address").GetString());
        Assert.Equal("tendermint/PubKeyEd25519", root.GetProperty("pub_key").GetProperty("type").GetString());
        Assert.Equal("11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=", root.GetProperty("pub_key").GetProperty("value").GetString());
        Assert.Equal("tendermint/PrivKeyEd25519", root.GetProperty("priv_key").GetProperty("type").GetString());
        Assert.Equal(key.CometBftPrivateKey(), Convert.FromBase64String(root.GetProperty("priv_key").GetProperty("value").GetString()!));
    }

    [Fact]
    public void Node_id_is_the_lower_hex_address_of_the_node_key()
    {
        using var key = Ed25519Key.FromSeed(Seed);
        Assert.Equal(Core.Hex.Lower(key.Address), CometBftHome.NodeId(key));
        Assert.Equal(40, CometBftHome.NodeId(key).Length);
    }

    [Fact]
    public void Testnet_writes_n_nodes_sharing_one_genesis_with_distinct_ports_and_every_other_node_as_peer()
    {
        using var dir = new MirrorChain.Tests.TempDirectory();
        var output = new StringWriter();
        Assert.Equal(0, TestnetCommand.Run(Path.Combine(dir.Path, "net"), 4, 36656, null, output));

        var genesisTexts = Enumerable.Range(0, 4).Select(i => File.ReadAllText(Path.Combine(dir.Path, "net", $"node{i}", "cometbft", "config", "genesis.json"))).ToList();
        Assert.All(genesisTexts, g => Assert.Equal(genesisTexts[0], g));
        using var genesis = JsonDocument.Parse(genesisTexts[0]);
        var validators = genesis.RootElement.GetProperty("validators").EnumerateArray().ToList();
        Assert.Equal(4, validators.Count);
        Assert.All(validators, v => Assert.Equal("10", v.GetProperty("power").GetString()));
        Assert.Equal("ed25519", genesis.RootElement.GetProperty("consensus_params").GetProperty("validator").GetProperty("pub_key_types")[0].GetString());
        var appGenesis = GenesisDoc.Load(Path.Combine(dir.Path, "net", "node0", "config", "genesis.json"));
        Assert.True(JsonElement.DeepEquals(appGenesis.AppState, genesis.RootElement.GetProperty("app_state")));

        var nodeIds = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var config = Path.Combine(dir.Path, "net", $"node{i}", "cometbft", "config");
            using var privValidator = JsonDocument.Parse(File.ReadAllText(Path.Combine(config, "priv_validator_key.json")));
            Assert.Equal(validators[i].GetProperty("address").GetString(), privValidator.RootElement.GetProperty("address").GetString());
            using var nodeKeyDoc = JsonDocument.Parse(File.ReadAllText(Path.Combine(config, "node_key.json")));
            using var nodeKey = Ed25519Key.FromCometBftPrivateKey(Convert.FromBase64String(nodeKeyDoc.RootElement.GetProperty("priv_key").GetProperty("value").GetString()!));
            nodeIds.Add(CometBftHome.NodeId(nodeKey));
            Assert.True(File.Exists(Path.Combine(dir.Path, "net", $"node{i}", "cometbft", "data", "priv_validator_state.json")));
            // the app home keeps no copy of the devnet's fixed key: under CometBFT the CometBFT home's key signs
            Assert.False(File.Exists(Path.Combine(dir.Path, "net", $"node{i}", "config", "priv_validator_key.json")));
        }
        for (var i = 0; i < 4; i++)
        {
            var toml = File.ReadAllText(Path.Combine(dir.Path, "net", $"node{i}", "cometbft", "config", "config.toml"));
            Assert.Contains($"proxy_app = \"tcp://127.0.0.1:{36656 + (10 * i) + 2}\"", toml, StringComparison.Ordinal);
            Assert.Contains($"laddr = \"tcp://127.0.0.1:{36656 + (10 * i) + 1}\"", toml, StringComparison.Ordinal);
            Assert.Contains($"laddr = \"tcp://0.0.0.0:{36656 + (10 * i)}\"", toml, StringComparison.Ordinal);
            var peers = Enumerable.Range(0, 4).Where(j => j != i).Select(j => $"{nodeIds[j]}@127.0.0.1:{36656 + (10 * j)}");
            Assert.Contains($"persistent_peers = \"{string.Join(',', peers)}\"", toml, StringComparison.Ordinal);
        }
        Assert.Contains("mirrorchain start --home", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Testnet_refuses_a_bad_validator_count_and_a_non_empty_directory()
    {
        using var dir = new MirrorChain.Tests.TempDirectory();
        var output = new StringWriter();
        Assert.Equal(2, TestnetCommand.Run(Path.Combine(dir.Path, "a"), 0, 26656, null, output));
        Assert.Contains("--validators must be between 1 and 64", output.ToString(), StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(dir.Path, "x"), "");
        Assert.Equal(2, TestnetCommand.Run(dir.Path, 2, 26656, null, output));
        Assert.Contains("is not empty", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Init_cometbft_home_is_accepted_by_InitChain_and_refuses_to_replace_its_validator_key()
    {
        using var dir = new MirrorChain.Tests.TempDirectory();
        var home = new HomeLayout(Path.Combine(dir.Path, "home"));
        Assert.Equal(0, InitCommand.Run(home, null, overwrite: false, importTestKeys: false, TextWriter.Null));
        var output = new StringWriter();
        Assert.Equal(0, TestnetCommand.WriteSingle(home, output));
        Assert.Contains("--abci tcp://127.0.0.1:26658", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, TestnetCommand.WriteSingle(home, output));
        Assert.Contains("refusing to replace a validator key", output.ToString(), StringComparison.Ordinal);

        using var cometGenesis = JsonDocument.Parse(File.ReadAllText(Path.Combine(home.Root, "cometbft", "config", "genesis.json")));
        var cp = cometGenesis.RootElement.GetProperty("consensus_params").GetProperty("block");
        using var node = ChainNode.Open(new MemoryKeyValueStore(), GenesisDoc.Load(home.Genesis), AppFactory.Create());
        using var backend = new MirrorChain.Rpc.NodeRpcBackend(node, "t", "", "tcp://127.0.0.1:0");
        using var app = new MirrorAbciApplication(node, backend);
        var response = app.Handle(new Request
        {
            InitChain = new RequestInitChain
            {
                ChainId = cometGenesis.RootElement.GetProperty("chain_id").GetString()!,
                InitialHeight = 1,
                AppStateBytes = ByteString.CopyFromUtf8(cometGenesis.RootElement.GetProperty("app_state").GetRawText()),
                ConsensusParams = new ConsensusParams
                {
                    Block = new BlockParams { MaxBytes = long.Parse(cp.GetProperty("max_bytes").GetString()!, System.Globalization.CultureInfo.InvariantCulture), MaxGas = long.Parse(cp.GetProperty("max_gas").GetString()!, System.Globalization.CultureInfo.InvariantCulture) },
                },
            },
        }, connectionId: 1);
        Assert.Equal(node.LatestAppHash, response.InitChain.AppHash.ToByteArray());
        Assert.Equal(1ul, MirrorAbciApplication.GenesisAppVersion(cometGenesis.RootElement.GetRawText()));
    }
}
