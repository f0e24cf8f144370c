using System.Net;

namespace MirrorChain.Rpc;

/// <summary>Settings of the <see cref="RpcServer"/>.</summary>
public sealed record RpcServerOptions
{
    /// <summary>The largest tx the default body limit leaves room for (CometBFT's default mempool max_tx_bytes, 1 MiB).</summary>
    public const int DefaultMaxTxBytes = 1024 * 1024;

    /// <summary>
    /// A 1 MiB tx travels base64-encoded in a JSON-RPC body (4/3 of its size); 64 KiB more covers the envelope.
    /// </summary>
    public const long DefaultMaxRequestBodyBytes = (DefaultMaxTxBytes + 2) / 3 * 4 + 64 * 1024;

    /// <summary>Where to listen; port 0 picks a free port (see <see cref="RpcServer.BoundEndpoint"/>).</summary>
    public IPEndPoint Endpoint { get; init; } = new(IPAddress.Loopback, 26657);

    /// <summary>Bodies above this are refused with HTTP 400 and -32600, as CometBFT's max_body_bytes.</summary>
    public long MaxRequestBodyBytes { get; init; } = DefaultMaxRequestBodyBytes;

    /// <summary>How long broadcast_tx_commit waits for inclusion (CometBFT's timeout_broadcast_tx_commit).</summary>
    public TimeSpan BroadcastTxCommitTimeout { get; init; } = TimeSpan.FromSeconds(10);

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
