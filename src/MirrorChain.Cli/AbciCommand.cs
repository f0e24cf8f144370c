using System.Net.Sockets;
using MirrorChain.Abci;
using MirrorChain.Core;
using MirrorChain.Metrics;
using MirrorChain.Node;
using MirrorChain.Rpc;
using MirrorChain.Rpc.Lcd;
using MirrorChain.Rpc.Remote;

namespace MirrorChain.Cli;

/// <summary>
/// <c>mirrorchain start --abci tcp://127.0.0.1:26658</c>: the node as a CometBFT 0.38 application. CometBFT orders
/// the blocks and serves the JSON-RPC (its own, on 26657); this process executes and commits them through the ABCI
/// socket, with the same executor and store as the devnet's own block producer, which does not run in this mode.
/// Beside it the node serves the LCD as the Cosmos SDK's REST server does under CometBFT: state queries against this
/// application, blocks, txs, broadcasts and node status through CometBFT's RPC (<c>--cometbft-rpc</c>,
/// <see cref="CometBftRpcAddress"/>); and its Prometheus /metrics. Both take node.json's <c>lcd_laddr</c> /
/// <c>metrics_laddr</c> unless a flag overrides them ("off" disables).
/// </summary>
public static class AbciCommand
{
    public static async Task<int> RunAsync(HomeLayout home, string address, TextWriter output, CancellationToken ct,
        string? cometBftRpc = null, string? lcdOverride = null, string? metricsOverride = null)
    {
        if (!home.IsInitialized)
        {
            output.WriteLine($"error: {home.Root} is not initialised (run: mirrorchain init --home {home.Root})");
            return 2;
        }
        var config = NodeConfigFile.Load(home.NodeConfig);
        var genesis = GenesisDoc.Load(home.Genesis);
        System.Net.IPEndPoint? lcdEndpoint;
        System.Net.IPEndPoint? metricsEndpoint;
        CometBftRpcClient? cometBft = null;
        try
        {
            lcdEndpoint = LcdServerOptions.ParseListenAddress(lcdOverride ?? config.LcdListen);
            metricsEndpoint = MetricsServer.ParseListenAddress(metricsOverride ?? config.MetricsListen);
            if (lcdEndpoint is not null)
            {
                cometBft = new CometBftRpcClient(CometBftRpcAddress.Resolve(home, cometBftRpc));
            }
        }
        catch (FormatException e)
        {
            output.WriteLine($"error: {e.Message}");
            return 2;
        }
        using var cometBftClient = cometBft;
        using var stop = NodeStartup.StopOnSignals(ct);
        if (NodeStartup.OpenStore(home, output) is not { } db)
        {
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
            var metrics = metricsEndpoint is null ? null : new NodeMetrics();
            var options = NodeStartup.Options(config, Log, (INodeMetrics?)metrics ?? NoNodeMetrics.Instance);
            using var node = ChainNode.Open(db, genesis, AppFactory.Create(), options);
            metrics?.Observe(node);
            metrics?.ObserveStore(db.Path, db.GetIntProperty);
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
                var rpcMetrics = (IRpcMetrics?)metrics ?? NoRpcMetrics.Instance;
                await using var lcd = lcdEndpoint is null || cometBftClient is null ? null : new LcdServer(queries, new LcdServerOptions
                {
                    Endpoint = lcdEndpoint,
                    MaxRequestBodyBytes = config.MaxRequestBytes,
                    Metrics = rpcMetrics,
                    Chain = new CometBftLcdChain(cometBftClient),
                });
                var lcdLine = await StartAsync(lcd is null ? null : lcd.StartAsync, () => $"http://{lcd!.BoundEndpoint}", lcdEndpoint, lcdOverride, "LCD", "--lcd", output, stop.Token).ConfigureAwait(false);
                if (lcdLine is null)
                {
                    return 1;
                }
                await using var metricsServer = metrics is null || metricsEndpoint is null ? null : new MetricsServer(metricsEndpoint, metrics.ExportAsync);
                var metricsLine = await StartAsync(metricsServer is null ? null : metricsServer.StartAsync, () => $"http://{metricsServer!.BoundEndpoint}{MetricsServer.Path}",
                    metricsEndpoint, metricsOverride, "metrics", "--metrics", output, stop.Token).ConfigureAwait(false);
                if (metricsLine is null)
                {
                    return 1;
                }
                output.WriteLine($"mirrorchain ABCI application {genesis.ChainId} at height {node.LatestHeight}, app hash {Hex.Upper(node.LatestAppHash)}");
                output.WriteLine($"  home        {home.Root}");
                output.WriteLine($"  abci        {server.ListenAddress} (CometBFT's proxy_app)");
                output.WriteLine("  blocks      ordered by CometBFT; its RPC serves clients");
                output.WriteLine(lcdLine.StartsWith("http", StringComparison.Ordinal)
                    ? $"  lcd         {lcdLine} (blocks, txs and broadcasts through CometBFT's RPC at {cometBftClient!.DisplayAddress})"
                    : $"  lcd         {lcdLine}");
                output.WriteLine($"  metrics     {metricsLine}");
                output.Flush();
                try
                {
                    await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
                // Drain the HTTP servers before the node and the store close (as start does).
                await Task.WhenAll(
                    metricsServer is null ? Task.CompletedTask : metricsServer.StopAsync(CancellationToken.None),
                    lcd is null ? Task.CompletedTask : lcd.StopAsync(CancellationToken.None)).ConfigureAwait(false);
            }
            output.WriteLine($"stopping at height {node.LatestHeight} (app hash {Hex.Upper(node.LatestAppHash)})");
        }
        output.WriteLine("stopped cleanly");
        return 0;
    }

    /// <summary>
    /// Starts one HTTP server: its line for the banner, "off" when there is none or its default address is taken (the
    /// node runs on without it), or null after printing an error when the address given by <paramref name="flag"/> is taken.
    /// </summary>
    private static async Task<string?> StartAsync(Func<CancellationToken, Task>? start, Func<string> describe, System.Net.IPEndPoint? endpoint,
        string? given, string name, string flag, TextWriter output, CancellationToken ct)
    {
        if (start is null)
        {
            return "off";
        }
        try
        {
            await start(ct).ConfigureAwait(false);
            return describe();
        }
        catch (IOException e) when (given is null)
        {
            return $"off (cannot listen on {endpoint}: {e.Message.TrimEnd('.')}; use {flag} 127.0.0.1:PORT)";
        }
        catch (IOException e)
        {
            output.WriteLine($"error: cannot listen on {endpoint} ({name}): {e.Message.TrimEnd('.')} (use {flag} 127.0.0.1:PORT or {flag} off)");
            return null;
        }
    }
}
