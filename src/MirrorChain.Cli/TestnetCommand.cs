using MirrorChain.Crypto;

namespace MirrorChain.Cli;

/// <summary>
/// <c>mirrorchain testnet --validators N --output DIR</c> (and <c>mirrorchain init --cometbft</c> for one node):
/// homes for N validators on one machine, like <c>cometbft testnet</c>. Node i gets an app home <c>DIR/node{i}</c>
/// and a CometBFT home <c>DIR/node{i}/cometbft</c> sharing one genesis with N Ed25519 validators of equal power;
/// its ports are P+10i (p2p), P+10i+1 (CometBFT RPC), P+10i+2 (the app's ABCI socket) and P+10i+4 (the app's
/// /metrics), its LCD listens on 1317+i (node.json), and every node lists the others as persistent peers.
/// </summary>
public static class TestnetCommand
{
    public const int MaxValidators = 64;

    /// <summary>Voting power of each validator.</summary>
    public const long Power = 10;

    public static int Run(string outputDir, int validators, int startingPort, string? genesisPath, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(outputDir);
        ArgumentNullException.ThrowIfNull(output);
        if (validators < 1 || validators > MaxValidators)
        {
            output.WriteLine($"error: --validators must be between 1 and {MaxValidators}, got {validators}");
            return 2;
        }
        if (startingPort < 1024 || startingPort + (10 * validators) > 65535)
        {
            output.WriteLine($"error: --starting-port {startingPort} leaves no room for {validators} nodes (each takes 10 ports from it)");
            return 2;
        }
        var root = Path.GetFullPath(outputDir);
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            output.WriteLine($"error: {root} is not empty; choose another --output or delete it");
            return 2;
        }
        var validatorKeys = Enumerable.Range(0, validators).Select(_ => Ed25519Key.Generate()).ToList();
        var nodeKeys = Enumerable.Range(0, validators).Select(_ => Ed25519Key.Generate()).ToList();
        try
        {
            var ports = Enumerable.Range(0, validators).Select(i => PortsOf(startingPort, i)).ToList();
            var peers = Enumerable.Range(0, validators).Select(i => $"{CometBftHome.NodeId(nodeKeys[i])}@127.0.0.1:{ports[i].P2p}").ToList();
            string? cometGenesis = null;
            for (var i = 0; i < validators; i++)
            {
                var appHome = new HomeLayout(Path.Combine(root, $"node{i}"));
                var code = InitCommand.Run(appHome, genesisPath, overwrite: false, importTestKeys: true, TextWriter.Null);
                if (code != 0)
                {
                    output.WriteLine($"error: could not initialise {appHome.Root}");
                    return code;
                }
                // Under CometBFT the validator keys are the CometBFT homes'; the app home's copy of the devnet's
                // fixed key (for the embedded producer) would only be a decoy here.
                File.Delete(appHome.PrivValidatorKey);
                cometGenesis ??= CometBftHome.GenesisJson(File.ReadAllText(appHome.Genesis),
                    validatorKeys.Select((k, j) => new CometBftHome.Validator($"node{j}", k.PublicKey, Power)).ToList());
                var config = CometBftHome.ConfigToml($"node{i}", ports[i], peers.Where((_, j) => j != i).ToList(), local: true);
                CometBftHome.Write(Path.Combine(appHome.Root, "cometbft"), cometGenesis, validatorKeys[i], nodeKeys[i], config);
                // Each app on this machine serves its own LCD and /metrics (start --abci reads them from node.json).
                var nodeConfig = NodeConfigFile.Load(appHome.NodeConfig) with
                {
                    LcdListen = $"127.0.0.1:{Rpc.Lcd.LcdServerOptions.DefaultPort + i}",
                    MetricsListen = $"127.0.0.1:{ports[i].P2p + 4}",
                };
                nodeConfig.Save(appHome.NodeConfig);
            }
            output.WriteLine($"wrote a {validators}-validator testnet under {root}");
            for (var i = 0; i < validators; i++)
            {
                var node = Path.Combine(root, $"node{i}");
                output.WriteLine($"  node{i}: mirrorchain start --home {node} --abci tcp://127.0.0.1:{ports[i].Abci}   (lcd http://127.0.0.1:{Rpc.Lcd.LcdServerOptions.DefaultPort + i})");
                output.WriteLine($"         cometbft start --home {Path.Combine(node, "cometbft")}   (rpc http://127.0.0.1:{ports[i].Rpc}, p2p {ports[i].P2p})");
            }
            return 0;
        }
        finally
        {
            validatorKeys.ForEach(k => k.Dispose());
            nodeKeys.ForEach(k => k.Dispose());
        }
    }

    /// <summary>
    /// A CometBFT home beside an initialised app home (<c>HOME/cometbft</c>) with one validator: what
    /// <c>mirrorchain init --cometbft</c> writes. Ports: p2p 26656, RPC 26657, ABCI 26658 (CometBFT's defaults).
    /// </summary>
    public static int WriteSingle(HomeLayout home, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(home);
        ArgumentNullException.ThrowIfNull(output);
        var cometHome = Path.Combine(home.Root, "cometbft");
        using var validatorKey = Ed25519Key.Generate();
        using var nodeKey = Ed25519Key.Generate();
        var ports = new CometBftHome.Ports(26656, 26657, 26658);
        try
        {
            CometBftHome.Write(cometHome,
                CometBftHome.GenesisJson(File.ReadAllText(home.Genesis), [new CometBftHome.Validator("validator", validatorKey.PublicKey, Power)]),
                validatorKey, nodeKey, CometBftHome.ConfigToml("validator", ports, [], local: true));
        }
        catch (IOException e)
        {
            output.WriteLine($"error: {e.Message}");
            return 2;
        }
        output.WriteLine($"  cometbft   {cometHome} (validator {Core.Hex.Upper(validatorKey.Address)})");
        output.WriteLine($"             run: mirrorchain start --home {home.Root} --abci tcp://127.0.0.1:{ports.Abci}");
        output.WriteLine($"             and: cometbft start --home {cometHome}");
        return 0;
    }

    private static CometBftHome.Ports PortsOf(int start, int i) => new(start + (10 * i), start + (10 * i) + 1, start + (10 * i) + 2);
}
