using System.Net;

namespace MirrorChain.Rpc;

/// <summary>Settings of the <see cref="RpcServer"/>.</summary>
public sealed record RpcServerOptions
{
    /// <summary>The largest tx the default body limit leaves room for: the chain's max_tx_bytes (1 MiB, as CometBFT's mempool default).</summary>
    public const int DefaultMaxTxBytes = 1024 * 1024;

    /// <summary>JSON-RPC envelope room on top of the base64 tx: method, id, params keys (a few hundred bytes), generously.</summary>
    public const int EnvelopeBytes = 64 * 1024;

    /// <summary>
    /// The one request body limit of the JSON-RPC and LCD servers: a <see cref="DefaultMaxTxBytes"/> tx travels
    /// base64-encoded (4 bytes per 3) inside a JSON envelope, so 4 × ⌈1048576 / 3⌉ + 65536 = 1,463,640 bytes
    /// (≈ 1.40 MiB). CometBFT's equivalent is config.toml <c>max_body_bytes</c> (1,000,000 by default).
    /// </summary>
    public const long DefaultMaxRequestBodyBytes = (DefaultMaxTxBytes + 2L) / 3 * 4 + EnvelopeBytes;

    /// <summary>Most requests in one JSON-RPC batch (CometBFT config.toml <c>max_request_batch_size</c> is 10; 20 is cosmjs HttpBatchClient's default batch).</summary>
    public const int DefaultMaxBatchRequests = 20;

    /// <summary>Most simultaneous connections (CometBFT config.toml <c>max_open_connections</c>).</summary>
    public const int DefaultMaxOpenConnections = 900;

    /// <summary>Most tx_search calls running at once; more are refused with a JSON-RPC error.</summary>
    public const int DefaultMaxConcurrentSearches = 4;

    /// <summary>Where to listen; port 0 picks a free port (see <see cref="RpcServer.BoundEndpoint"/>).</summary>
    public IPEndPoint Endpoint { get; init; } = new(IPAddress.Loopback, 26657);

    /// <summary>Bodies above this are refused with HTTP 400 and -32600, as CometBFT's max_body_bytes.</summary>
    public long MaxRequestBodyBytes { get; init; } = DefaultMaxRequestBodyBytes;

    /// <summary>A batch with more requests is refused whole with -32600.</summary>
    public int MaxBatchRequests { get; init; } = DefaultMaxBatchRequests;

    /// <summary>Connections beyond this are closed at once by the server.</summary>
    public int MaxOpenConnections { get; init; } = DefaultMaxOpenConnections;

    /// <summary>tx_search calls beyond this many in flight get -32603 "too many concurrent tx_search requests…".</summary>
    public int MaxConcurrentSearches { get; init; } = DefaultMaxConcurrentSearches;

    /// <summary>How long broadcast_tx_commit waits for inclusion (CometBFT's timeout_broadcast_tx_commit).</summary>
    public TimeSpan BroadcastTxCommitTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Limits of the <c>/websocket</c> endpoint and its subscriptions (CometBFT's defaults).</summary>
    public RpcSubscriptionOptions Subscriptions { get; init; } = new();

    /// <summary>Where the server reports each call and response for the metrics (docs/metrics.md); nothing by default.</summary>
    public IRpcMetrics Metrics { get; init; } = NoRpcMetrics.Instance;

    /// <summary>How long <see cref="RpcServer.StopAsync"/> lets requests in flight finish before aborting them.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Parses <c>host:port</c>, <c>tcp://host:port</c> or <c>http://host:port</c> (CometBFT's laddr forms).</summary>
    public static IPEndPoint ParseEndpoint(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var s = address;
        foreach (var scheme in new[] { "tcp://", "http://" })
        {
            if (s.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                s = s[scheme.Length..];
            }
        }
        s = s.TrimEnd('/');
        if (s.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase))
        {
            s = "127.0.0.1" + s["localhost".Length..];
        }
        return IPEndPoint.TryParse(s, out var ep) && s.Contains(':', StringComparison.Ordinal)
            ? ep
            : throw new FormatException($"invalid RPC listen address \"{address}\" (want host:port)");
    }
}
