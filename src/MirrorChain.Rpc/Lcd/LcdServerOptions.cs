using System.Net;

namespace MirrorChain.Rpc.Lcd;

/// <summary>Settings of the <see cref="LcdServer"/>.</summary>
public sealed record LcdServerOptions
{
    /// <summary>The Cosmos SDK's API server port.</summary>
    public const int DefaultPort = 1317;

    /// <summary>Where to listen; port 0 picks a free port (see <see cref="LcdServer.BoundEndpoint"/>).</summary>
    public IPEndPoint Endpoint { get; init; } = new(IPAddress.Loopback, DefaultPort);

    /// <summary>Bodies above this are refused with HTTP 413 (room for a 1 MiB tx in base64 inside JSON, as the RPC).</summary>
    public long MaxRequestBodyBytes { get; init; } = RpcServerOptions.DefaultMaxRequestBodyBytes;

    /// <summary>How long BROADCAST_MODE_BLOCK / _COMMIT waits for the tx to be included.</summary>
    public TimeSpan BroadcastBlockTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long <see cref="LcdServer.StopAsync"/> lets requests in flight finish before aborting them.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Where the server reports each request for the metrics (docs/metrics.md); nothing by default.</summary>
    public IRpcMetrics Metrics { get; init; } = NoRpcMetrics.Instance;

    /// <summary>Largest page of a tx search (the SDK's MaxLimit).</summary>
    public int MaxSearchLimit { get; init; } = 100;

    /// <summary>Connections beyond this are closed at once (the Cosmos SDK app.toml <c>[api] max-open-connections</c>, 1000).</summary>
    public int MaxOpenConnections { get; init; } = 1000;

    /// <summary>Tx searches by events running at once; more are refused with HTTP 429 / ResourceExhausted.</summary>
    public int MaxConcurrentSearches { get; init; } = RpcServerOptions.DefaultMaxConcurrentSearches;

    /// <summary>
    /// Where blocks, txs, broadcasts and node status come from: null (the default) is the node itself
    /// (<see cref="LocalLcdChain"/>); a node under CometBFT gives a <see cref="CometBftLcdChain"/> over CometBFT's RPC.
    /// State queries always run against the local application.
    /// </summary>
    public ILcdChain? Chain { get; init; }

    /// <summary>The explorer and Mirror dashboard at <c>/explorer/</c> (docs/explorer.md); null (the default) serves none.</summary>
    public Explorer.ExplorerOptions? Explorer { get; init; }

    /// <summary>The <c>--lcd</c> / <c>lcd_laddr</c> value: <c>host:port</c> (also tcp:// or http://), or "off" / "" → null (disabled).</summary>
    public static IPEndPoint? ParseListenAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address) || string.Equals(address.Trim(), "off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        try
        {
            return RpcServerOptions.ParseEndpoint(address.Trim());
        }
        catch (FormatException)
        {
            throw new FormatException($"invalid LCD listen address \"{address}\" (want host:port or off)");
        }
    }
}
