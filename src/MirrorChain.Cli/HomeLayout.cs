namespace MirrorChain.Cli;

/// <summary>
/// The files of a node home:
/// <code>
/// config/genesis.json   the genesis document (copied from genesis/devnet.json by init)
/// config/node.json      node settings (moniker, rpc address, block time, mempool limits)
/// config/node_key.json  the node id
/// config/priv_validator_key.json  the validator's Ed25519 key, CometBFT's format (the devnet's fixed key, written by
///                       init for the devnet genesis): it signs each block (docs/signed-commits.md)
/// data/                 RocksDB: state, blocks, results, indexes
/// keyring-test/         the test-backend keyring (devnet accounts imported by init)
/// </code>
/// </summary>
public sealed record HomeLayout(string Root)
{
    public static string DefaultRoot =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".mirrorchain");

    /// <summary>The environment variable naming the home when no --home is given (as terrad's TERRAD_HOME).</summary>
    public const string HomeVariable = "MIRRORCHAIN_HOME";

    /// <summary>--home, else $MIRRORCHAIN_HOME, else ~/.mirrorchain.</summary>
    public static HomeLayout From(string? root) =>
        new(Path.GetFullPath(ExpandTilde(root ?? NonEmpty(Environment.GetEnvironmentVariable(HomeVariable)) ?? DefaultRoot)));

    private static string? NonEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    public string Config => Path.Combine(Root, "config");

    public string Genesis => Path.Combine(Config, "genesis.json");

    public string NodeConfig => Path.Combine(Config, "node.json");

    public string NodeKey => Path.Combine(Config, "node_key.json");

    public string PrivValidatorKey => Path.Combine(Config, "priv_validator_key.json");

    public string Contracts => Path.Combine(Config, "contracts.json");

    public string Data => Path.Combine(Root, "data");

    public string Keyring => Root;

    public bool IsInitialized => File.Exists(Genesis);

    private static string ExpandTilde(string path) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.TrimStart('~').TrimStart('/'))
            : path;
}
