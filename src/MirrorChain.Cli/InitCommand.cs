using System.Security.Cryptography;
using System.Text.Json;
using MirrorChain.Core;
using MirrorChain.Crypto;
using MirrorChain.Node;

namespace MirrorChain.Cli;

/// <summary>
/// mirrorchain init: writes a node home — genesis (the built-in devnet genesis unless --genesis is given),
/// node settings, a node key, the validator key when the genesis validator is the devnet's
/// (<see cref="DevnetValidatorKey"/>), and the devnet test accounts in the test keyring.
/// </summary>
public static class InitCommand
{
    public static int Run(HomeLayout home, string? genesisPath, bool overwrite, bool importTestKeys, TextWriter output)
    {
        if (home.IsInitialized && !overwrite)
        {
            output.WriteLine($"error: {home.Genesis} already exists (use --overwrite to replace the config, or tools/devnet --reset to start over)");
            return 2;
        }
        if (overwrite && Directory.Exists(home.Data) && Directory.EnumerateFileSystemEntries(home.Data).Any())
        {
            output.WriteLine($"error: {home.Data} holds chain data; --overwrite would make it disagree with the new genesis. Delete the home (tools/devnet --reset) instead.");
            return 2;
        }
        var genesisJson = genesisPath is null ? EmbeddedFiles.Read("devnet.json") : File.ReadAllText(genesisPath);
        var genesis = GenesisDoc.Parse(genesisJson); // validates before anything is written
        Directory.CreateDirectory(home.Config);
        File.WriteAllText(home.Genesis, genesisJson);
        new NodeConfigFile().Save(home.NodeConfig);
        if (!File.Exists(home.NodeKey))
        {
            var id = Hex.Lower(RandomNumberGenerator.GetBytes(20));
            File.WriteAllText(home.NodeKey, JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = id }) + "\n");
        }
        var validatorLine = WriteValidatorKey(home, genesis);
        WriteContractsFile(home, genesis);
        var imported = 0;
        if (importTestKeys)
        {
            var keyring = new Keyring(home.Keyring);
            foreach (var account in DevnetAccounts.Load())
            {
                if (!keyring.TryGet(account.Name, out _))
                {
                    keyring.Add(account.Name, account.Mnemonic);
                    imported++;
                }
            }
        }
        output.WriteLine($"initialised {home.Root}");
        output.WriteLine($"  chain id   {genesis.ChainId}");
        output.WriteLine($"  genesis    {home.Genesis}");
        output.WriteLine($"  contracts  {home.Contracts}");
        output.WriteLine($"  validator  {validatorLine}");
        output.WriteLine($"  keyring    {imported} devnet test keys imported (mirrorchain keys list --home {home.Root})");
        return 0;
    }

    /// <summary>
    /// Writes config/priv_validator_key.json when the genesis validator is the devnet's fixed key; says what signs the
    /// blocks otherwise (another genesis brings its own key file, an old secp256k1 genesis none).
    /// </summary>
    private static string WriteValidatorKey(HomeLayout home, GenesisDoc genesis)
    {
        var validator = genesis.Validators[0];
        using var devnet = DevnetValidatorKey.Create();
        if (validator.PubKeyType == GenesisValidator.Ed25519Type && validator.PubKey.AsSpan().SequenceEqual(devnet.PublicKey))
        {
            CometBftHome.WritePrivate(home.PrivValidatorKey, CometBftHome.PrivValidatorKeyJson(devnet));
            return $"{home.PrivValidatorKey} (the devnet's fixed key, address {Hex.Upper(devnet.Address)}: blocks are signed)";
        }
        if (File.Exists(home.PrivValidatorKey))
        {
            return $"{home.PrivValidatorKey} (kept)";
        }
        return validator.PubKeyType == GenesisValidator.Ed25519Type
            ? $"no key written: put the genesis validator's priv_validator_key.json in {home.Config} to sign blocks"
            : $"the genesis validator has a {validator.PubKeyType} key: blocks are not signed (docs/signed-commits.md)";
    }

    /// <summary>
    /// Runs the genesis in memory to learn the deployed contracts' addresses, and writes contracts.json (asset symbols
    /// are queried through the same runtime the application ran the genesis with).
    /// </summary>
    private static void WriteContractsFile(HomeLayout home, GenesisDoc genesis)
    {
        var runtime = AppFactory.Runtime();
        var app = AppFactory.Create(runtime);
        using var store = new MirrorChain.Storage.MemoryKeyValueStore();
        var state = new MirrorChain.State.StateCache(new MirrorChain.State.StateDb(store).Committed);
        app.InitChain(genesis, state);
        var block = new MirrorChain.Execution.BlockContext(genesis.ChainId, 0, genesis.GenesisTime);
        File.WriteAllText(home.Contracts, ContractsFile.ToText(ContractsFile.Build(app.GenesisContracts, state, runtime, block)));
    }
}
