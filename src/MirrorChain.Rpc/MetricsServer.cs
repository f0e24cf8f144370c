using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MirrorChain.Rpc;

/// <summary>
/// The Prometheus scrape endpoint on its own Kestrel listener, as CometBFT serves it on
/// config.toml <c>instrumentation.prometheus_listen_addr</c> (default :26660): <c>GET /metrics</c> answers with what
/// <c>export</c> writes (the Prometheus text format, docs/metrics.md). The export runs on the request's thread into a
/// buffer, so a slow client holds nothing of the node; the node's block path never waits for a scrape.
/// </summary>
public sealed class MetricsServer : IAsyncDisposable
{
    /// <summary>CometBFT's default Prometheus port.</summary>
    public const int DefaultPort = 26660;

    /// <summary>The text exposition format, version 0.0.4.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public const string Path = "/metrics";

    private readonly Func<Stream, CancellationToken, Task> _export;
    private readonly ILogger _logger;
    private readonly KestrelHost _host;

    /// <param name="endpoint">Where to listen; port 0 picks a free port (see <see cref="BoundEndpoint"/>).</param>
    /// <param name="export">Writes the current metrics in the text format to the stream.</param>
    /// <param name="logger">Where listening and failed scrapes are logged.</param>
    public MetricsServer(IPEndPoint endpoint, Func<Stream, CancellationToken, Task> export, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(export);
        _export = export;
        _logger = logger ?? NullLogger.Instance;
        _host = new KestrelHost("metrics", endpoint, maxRequestBodyBytes: 64 * 1024, maxConnections: 32, TimeSpan.FromSeconds(2), HandleAsync, _logger);
    }

    /// <summary>The address actually listened on; null when stopped.</summary>
    public IPEndPoint? BoundEndpoint => _host.BoundEndpoint;

    /// <summary><c>http://host:port/</c> of <see cref="BoundEndpoint"/>; null when stopped.</summary>
    public Uri? BaseAddress => _host.BaseAddress;

    /// <summary>Binds and starts; throws an IOException when the port is taken.</summary>
    public Task StartAsync(CancellationToken ct = default) => _host.StartAsync(ct);

    public Task StopAsync(CancellationToken ct = default) => _host.StopAsync(ct);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <summary>
    /// The <c>--metrics</c> / <c>metrics_laddr</c> value: <c>host:port</c> (also tcp:// or http://), or "off" / "" →
    /// null (disabled).
    /// </summary>
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
            throw new FormatException($"invalid metrics listen address \"{address}\" (want host:port or off)");
        }
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var ct = ctx.RequestAborted;
        var request = ctx.Request;
        if (request.Path.Value is not Path)
        {
            ctx.Response.StatusCode = StatusCodes.Status404NotFound;
            ctx.Response.ContentType = "text/plain; charset=utf-8";
            await ctx.Response.WriteAsync($"404 page not found (the metrics are at {Path})\n", ct).ConfigureAwait(false);
            return;
        }
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            ctx.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            ctx.Response.Headers.Allow = "GET, HEAD";
            return;
        }
        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await _export(buffer, ct).ConfigureAwait(false);
            body = buffer.ToArray();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _logger.LogError(e, "metrics scrape failed");
            ctx.Response.StatusCode = StatusCodes.Status500InternalServerError;
            ctx.Response.ContentType = "text/plain; charset=utf-8";
            await ctx.Response.WriteAsync("metrics export failed: " + e.Message + "\n", ct).ConfigureAwait(false);
            return;
        }
        ctx.Response.StatusCode = StatusCodes.Status200OK;
        ctx.Response.ContentType = ContentType;
        ctx.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(request.Method))
        {
            await ctx.Response.Body.WriteAsync(body, ct).ConfigureAwait(false);
        }
    }
}
