using System.Net.Sockets;
using System.Runtime.InteropServices;
using MirrorChain.Abci;
using MirrorChain.Core;
using MirrorChain.Node;
using MirrorChain.Rpc;
using MirrorChain.Storage;

namespace MirrorChain.Cli;

/// <summary>
/// <c>mirrorchain start --abci tcp://127.0.0.1:26658</c>: the node as a CometBFT 0.38 application. CometBFT orders
/// the blocks and serves the JSON-RPC (its own, on 26657); this process executes and commits them through the ABCI
/// socket, with the same executor and store as the devnet's own block producer, which does not run in this mode.
/// </summary>
public static class AbciCommand
{
    public static async Task<int> RunAsync(HomeLayout home, string address, TextWriter output, CancellationToken ct)
    {
        if (!home.IsInitialized)
        {
            output.WriteLine($"error: {home.Root} is not initialised (run: mirrorchain init --home {home.Root})");
            return 2;
        }
        var config = NodeConfigFile.Load(home.NodeConfig);
        var genesis = GenesisDoc.Load(home.Genesis);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        RocksDbStore db;
        try
        {
            db = RocksDbStore.Open(home.Data);
        }
        catch (StoreLockedException e)
        {
            output.WriteLine($"error: {e.Message}");
            return 1;
        }
        using (db)
        {
            void Log(string line)
            {
                lock (output)
                {
                    output.WriteLine(line);
                    output.Flush();
                }
            }
            var options = new NodeOptions { Moniker = config.Moniker, MempoolCacheSize = config.MempoolCacheSize, Log = Log };
            using var node = ChainNode.Open(db, genesis, AppFactory.Create(), options);
            using var queries = new NodeRpcBackend(node, config.Moniker, "", address);
            using var app = new MirrorAbciApplication(node, queries, Log);
            var server = new AbciServer(app, Log);
            try
            {
                server.Start(address);
            }
            catch (Exception e) when (e is SocketException or FormatException or IOException)
            {
                output.WriteLine($"error: cannot serve ABCI on {address}: {e.Message} (use --abci tcp://127.0.0.1:PORT or unix:///path)");
                await server.DisposeAsync().ConfigureAwait(false);
                return 1;
            }
            await using (server)
            {
                output.WriteLine($"mirrorchain ABCI application {genesis.ChainId} at height {node.LatestHeight}, app hash {Hex.Upper(node.LatestAppHash)}");
                output.WriteLine($"  home        {home.Root}");
                output.WriteLine($"  abci        {server.ListenAddress} (CometBFT's proxy_app)");
                output.WriteLine("  blocks      ordered by CometBFT; its RPC serves clients");
                output.Flush();
                try
                {
                    await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }
            output.WriteLine($"stopping at height {node.LatestHeight} (app hash {Hex.Upper(node.LatestAppHash)})");
        }
        output.WriteLine("stopped cleanly");
        return 0;
    }
}
