using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using MirrorChain.Crypto;
using MirrorChain.Node;

namespace MirrorChain.Cli.Tests;

/// <summary>The devnet validator key: init writes it, start signs with it, and refuses a key that is not the genesis validator's.</summary>
public sealed class ValidatorKeyTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mc-valkey-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private HomeLayout Init(string? genesisPath = null)
    {
        var home = HomeLayout.From(_root);
        Assert.Equal(0, InitCommand.Run(home, genesisPath, overwrite: false, importTestKeys: false, TextWriter.Null));
        return home;
    }

    [Fact]
    public void Devnet_key_seed_is_sha256_of_the_documented_sentence()
    {
        using var key = DevnetValidatorKey.Create();
        Assert.Equal(SHA256.HashData("mirrorchain devnet validator"u8), key.Seed());
        Assert.Equal("eJylr9EAzi5uYW/JVtsqqKBqg8gEdEME3Tb9E2obTkE=", Convert.ToBase64String(key.PublicKey));
    }

    [Fact]
    public void Init_writes_the_genesis_validators_key_in_CometBFT_format_readable_by_its_owner_only()
    {
        var home = Init();
        using var doc = JsonDocument.Parse(File.ReadAllText(home.PrivValidatorKey));
        var genesis = GenesisDoc.Load(home.Genesis);
        Assert.Equal(MirrorChain.Core.Hex.Upper(genesis.Validators[0].Address), doc.RootElement.GetProperty("address").GetString());
        Assert.Equal("tendermint/PubKeyEd25519", doc.RootElement.GetProperty("pub_key").GetProperty("type").GetString());
        Assert.Equal("tendermint/PrivKeyEd25519", doc.RootElement.GetProperty("priv_key").GetProperty("type").GetString());
        using var key = PrivValidatorKeyFile.Load(home.PrivValidatorKey);
        Assert.Equal(genesis.Validators[0].PubKey, key.PublicKey);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(home.PrivValidatorKey));
        }

        var (loaded, line) = StartCommand.LoadValidatorKey(home, genesis);
        using (loaded)
        {
            Assert.NotNull(loaded);
            Assert.Contains("validator 9299B90DEABAD9A62DB679F91287AE121382E340", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_home_without_a_key_file_runs_unsigned()
    {
        var home = Init();
        File.Delete(home.PrivValidatorKey);
        var (key, line) = StartCommand.LoadValidatorKey(home, GenesisDoc.Load(home.Genesis));
        Assert.Null(key);
        Assert.StartsWith("off: no ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_old_home_with_a_secp256k1_genesis_validator_runs_unsigned_and_says_why()
    {
        var old = Path.Combine(_root + "-genesis.json");
        try
        {
            var json = JsonNode.Parse(EmbeddedFiles.Read("devnet.json"))!;
            json["validators"]![0]!["address"] = "6E32820F36FAE0E6108F3134523506994C734542";
            json["validators"]![0]!["pub_key"] = new JsonObject { ["type"] = "tendermint/PubKeySecp256k1", ["value"] = "An4JQUJX6KTbh6CvqmDLPhe6knWdqfKYjDvkCl2QE1oc" };
            File.WriteAllText(old, json.ToJsonString());
            var home = Init(old);
            Assert.False(File.Exists(home.PrivValidatorKey));
            var (key, line) = StartCommand.LoadValidatorKey(home, GenesisDoc.Load(home.Genesis));
            Assert.Null(key);
            Assert.Contains("tendermint/PubKeySecp256k1", line, StringComparison.Ordinal);
            Assert.Contains("--reset", line, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(old);
        }
    }

    [Fact]
    public async Task Start_refuses_a_key_file_that_is_not_the_genesis_validators()
    {
        var home = Init();
        using var other = Ed25519Key.FromSeed(SHA256.HashData("someone else"u8));
        File.WriteAllText(home.PrivValidatorKey, CometBftHome.PrivValidatorKeyJson(other));
        var output = new StringWriter();
        Assert.Equal(2, await StartCommand.RunAsync(home, null, "200ms", output, CancellationToken.None));
        Assert.Contains("but the genesis validator is 9299B90DEABAD9A62DB679F91287AE121382E340", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_key_file_is_a_clear_error()
    {
        var home = Init();
        File.WriteAllText(home.PrivValidatorKey, """{"priv_key":{"type":"tendermint/PrivKeyEd25519","value":"AAAA"}}""");
        var e = Assert.Throws<InvalidDataException>(() => StartCommand.LoadValidatorKey(home, GenesisDoc.Load(home.Genesis)));
        Assert.Contains("is not a CometBFT Ed25519 priv_validator_key.json", e.Message, StringComparison.Ordinal);
    }
}
