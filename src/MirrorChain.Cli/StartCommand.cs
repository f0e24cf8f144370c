using System.Text.Json;
using MirrorChain.Core;
using MirrorChain.Metrics;
using MirrorChain.Node;
using MirrorChain.Rpc;
using MirrorChain.Rpc.Explorer;
using MirrorChain.Rpc.Lcd;

namespace MirrorChain.Cli;

/// <summary>
/// mirrorchain start: opens the home's chain data, serves JSON-RPC and produces a block every block time until
/// SIGINT/SIGTERM, then finishes the block in progress, stops the RPC and closes the database cleanly. The LCD and the
/// Prometheus endpoint (docs/metrics.md) run beside the RPC when their address is not "off".
/// </summary>
public static class StartCommand
{
    public static async Task<int> RunAsync(HomeLayout home, string? rpcOverride, string? blockTimeOverride, TextWriter output, CancellationToken ct, string? lcdOverride = null,
        string? metricsOverride = null, bool noExplorer = false)
    {
        if (!home.IsInitialized)
        {
            output.WriteLine($"error: {home.Root} is not initialised (run: mirrorchain init --home {home.Root})");
            return 2;
        }
        var config = NodeConfigFile.Load(home.NodeConfig);
        var rpcAddress = rpcOverride ?? config.RpcListen;
        var blockTime = DurationParser.Parse(blockTimeOverride ?? config.BlockTime);
        var endpoint = RpcServerOptions.ParseEndpoint(rpcAddress);
        var lcdEndpoint = LcdServerOptions.ParseListenAddress(lcdOverride ?? config.LcdListen);
        var metricsEndpoint = MetricsServer.ParseListenAddress(metricsOverride ?? config.MetricsListen);
        var genesis = GenesisDoc.Load(home.Genesis);
        MirrorChain.Crypto.Ed25519Key? validatorKey;
        string signingLine;
        try
        {
            (validatorKey, signingLine) = LoadValidatorKey(home, genesis);
        }
        catch (InvalidDataException e)
        {
            output.WriteLine($"error: {e.Message}");
            return 2;
        }
        using var ownedValidatorKey = validatorKey;

        using var stop = NodeStartup.StopOnSignals(ct);

        if (NodeStartup.OpenStore(home, output) is not { } db)
        {
            return 1;
        }
        var exitCode = 0;
        using (db)
        {
            var metrics = metricsEndpoint is null ? null : new NodeMetrics();
            var options = NodeStartup.Options(config, line => { lock (output) { output.WriteLine(line); output.Flush(); } },
                (INodeMetrics?)metrics ?? NoNodeMetrics.Instance) with
            {
                BlockTime = blockTime,
                BlockSigner = validatorKey is null ? null : new BlockSigner(validatorKey),
            };
            using var node = ChainNode.Open(db, genesis, AppFactory.Create(), options);
            metrics?.Observe(node);
            metrics?.ObserveStore(db.Path, db.GetIntProperty);
            var rpcMetrics = (IRpcMetrics?)metrics ?? NoRpcMetrics.Instance;
            using var backend = new NodeRpcBackend(node, config.Moniker, ReadNodeId(home), $"tcp://{endpoint}");
            await using var rpc = new RpcServer(backend, new RpcServerOptions { Endpoint = endpoint, MaxRequestBodyBytes = config.MaxRequestBytes, Metrics = rpcMetrics });
            try
            {
                await rpc.StartAsync(stop.Token).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                output.WriteLine($"error: cannot listen on {endpoint}: {e.Message} (another node running? use --rpc 127.0.0.1:PORT)");
                return 1;
            }
            var explorer = config.Explorer && !noExplorer ? ExplorerOptionsFor(home, rpc) : null;
            await using var lcd = lcdEndpoint is null ? null : new LcdServer(backend, new LcdServerOptions { Endpoint = lcdEndpoint, MaxRequestBodyBytes = config.MaxRequestBytes, Metrics = rpcMetrics, Explorer = explorer });
            var lcdLine = "off";
            var explorerLine = explorer is null ? "off" : "off (no LCD)";
            try
            {
                if (lcd is not null)
                {
                    await lcd.StartAsync(stop.Token).ConfigureAwait(false);
                    lcdLine = $"http://{lcd.BoundEndpoint}";
                    if (explorer is not null)
                    {
                        explorerLine = $"http://{lcd.BoundEndpoint}{ExplorerOptions.PathPrefix}/";
                    }
                }
            }
            catch (IOException e) when (lcdOverride is null)
            {
                lcdLine = $"off (cannot listen on {lcdEndpoint}: {e.Message}; use --lcd 127.0.0.1:PORT)";
            }
            catch (IOException e)
            {
                output.WriteLine($"error: cannot listen on {lcdEndpoint} (LCD): {e.Message} (use --lcd 127.0.0.1:PORT or --lcd off)");
                return 1;
            }
            await using var metricsServer = metrics is null || metricsEndpoint is null ? null : new MetricsServer(metricsEndpoint, metrics.ExportAsync);
            var metricsLine = "off";
            try
            {
                if (metricsServer is not null)
                {
                    await metricsServer.StartAsync(stop.Token).ConfigureAwait(false);
                    metricsLine = $"http://{metricsServer.BoundEndpoint}{MetricsServer.Path}";
                }
            }
            catch (IOException e) when (metricsOverride is null)
            {
                metricsLine = $"off (cannot listen on {metricsEndpoint}: {e.Message.TrimEnd('.')}; use --metrics 127.0.0.1:PORT or --metrics off)";
            }
            catch (IOException e)
            {
                output.WriteLine($"error: cannot listen on {metricsEndpoint} (metrics): {e.Message.TrimEnd('.')} (use --metrics 127.0.0.1:PORT or --metrics off)");
                return 1;
            }
            output.WriteLine($"mirrorchain node {genesis.ChainId} at height {node.LatestHeight}, app hash {Hex.Upper(node.LatestAppHash)}");
            output.WriteLine($"  home        {home.Root}");
            output.WriteLine($"  rpc         http://{rpc.BoundEndpoint}");
            output.WriteLine($"  lcd         {lcdLine}");
            output.WriteLine($"  metrics     {metricsLine}");
            output.WriteLine($"  explorer    {explorerLine}");
            output.WriteLine($"  block time  {DurationParser.Format(blockTime)}");
            output.WriteLine($"  signing     {signingLine}");
            output.Flush();

            var producer = new BlockProducer(node, TimeProvider.System, line => { lock (output) { output.WriteLine(line); output.Flush(); } });
            var ended = await producer.RunAsync(stop.Token).ConfigureAwait(false);
            exitCode = ended.ExitCode;

            output.WriteLine($"stopping at height {node.LatestHeight} (app hash {Hex.Upper(node.LatestAppHash)})");
            // Drain both servers before the node and the store close: StopAsync returns only once every request
            // handler has returned (a search still running is cancelled through its RequestAborted token), and the
            // store's reader gate turns any straggler's read into ObjectDisposedException, never a native call
            // after free.
            await Task.WhenAll(
                metricsServer is null ? Task.CompletedTask : metricsServer.StopAsync(CancellationToken.None),
                lcd is null ? Task.CompletedTask : lcd.StopAsync(CancellationToken.None),
                rpc.StopAsync(CancellationToken.None)).ConfigureAwait(false);
        }
        if (exitCode != 0)
        {
            output.WriteLine($"stopped after a failure (exit code {exitCode}); the database was closed cleanly");
            return exitCode;
        }
        output.WriteLine("stopped cleanly");
        return 0;
    }

    /// <summary>The explorer's settings: the RPC's URLs and the home's contracts.json (none on a chain without Mirror).</summary>
    private static ExplorerOptions ExplorerOptionsFor(HomeLayout home, RpcServer rpc) => new()
    {
        RpcUrl = $"http://{rpc.BoundEndpoint}",
        WebSocketUrl = $"ws://{rpc.BoundEndpoint}/websocket",
        ContractsJson = File.Exists(home.Contracts) ? File.ReadAllText(home.Contracts) : null,
    };

    private static string ReadNodeId(HomeLayout home)
    {
        if (File.Exists(home.NodeKey))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(home.NodeKey));
            if (doc.RootElement.TryGetProperty("id", out var id) && id.GetString() is { Length: 40 } s)
            {
                return s;
            }
        }
        return Hex.Lower(Hashing.Sha256(System.Text.Encoding.UTF8.GetBytes(home.Root)).AsSpan(0, 20));
    }

    /// <summary>
    /// The validator key that signs blocks: config/priv_validator_key.json, which must be the genesis validator's
    /// (an unreadable or foreign key file is an error). Without the file blocks are produced unsigned, as by a home
    /// made before signed commits (a secp256k1 genesis validator); the line says which.
    /// </summary>
    internal static (MirrorChain.Crypto.Ed25519Key? Key, string Line) LoadValidatorKey(HomeLayout home, GenesisDoc genesis)
    {
        var validator = genesis.Validators[0];
        if (!File.Exists(home.PrivValidatorKey))
        {
            return (null, validator.PubKeyType == GenesisValidator.Ed25519Type
                ? $"off: no {home.PrivValidatorKey} (blocks are not signed; commit has no signatures)"
                : $"off: the genesis validator has a {validator.PubKeyType} key (a home made before signed commits; tools/devnet --reset makes a signed devnet)");
        }
        var key = PrivValidatorKeyFile.Load(home.PrivValidatorKey);
        if (validator.PubKeyType != GenesisValidator.Ed25519Type || !validator.PubKey.AsSpan().SequenceEqual(key.PublicKey))
        {
            var address = Hex.Upper(key.Address);
            key.Dispose();
            throw new InvalidDataException(
                $"{home.PrivValidatorKey} holds the key of validator {address}, but the genesis validator is {Hex.Upper(validator.Address)} ({validator.PubKeyType}): " +
                "use the genesis validator's key file, or remove the file to run unsigned");
        }
        return (key, $"validator {Hex.Upper(key.Address)} (Ed25519, {home.PrivValidatorKey})");
    }
}
