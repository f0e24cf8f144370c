using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MirrorChain.Rpc.Explorer;

namespace MirrorChain.Rpc.Lcd;

/// <summary>
/// The Cosmos SDK REST ("LCD") API on Kestrel, for feather.js / terra.js / mirror.js: the
/// gRPC-gateway routes over the same <see cref="IRpcBackend"/> as the JSON-RPC (blocks, txs and broadcasts through
/// <see cref="LcdServerOptions.Chain"/> when the node runs under CometBFT), errors as
/// <c>{"code", "message", "details"}</c>, CORS open (explorers and web apps call it from browsers). With
/// <see cref="LcdServerOptions.Explorer"/> set it also serves the node's own explorer under <c>/explorer/</c>.
/// </summary>
public sealed class LcdServer : IAsyncDisposable
{
    public const string HeightHeader = "Grpc-Metadata-X-Cosmos-Block-Height";

    private readonly LcdServerOptions _options;
    private readonly ILogger _logger;
    private readonly LcdRouter _router;
    private readonly KestrelHost _host;
    private readonly ExplorerSite? _explorer;

    public LcdServer(IRpcBackend backend, LcdServerOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(backend);
        _options = options ?? new LcdServerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxRequestBodyBytes, 1L, nameof(options));
        ArgumentNullException.ThrowIfNull(_options.Endpoint, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.BroadcastBlockTimeout, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.ShutdownTimeout, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxSearchLimit, 1, nameof(options));
        _logger = logger ?? NullLogger.Instance;
        _router = new LcdRouter(backend, _options, _logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxOpenConnections, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxConcurrentSearches, 1, nameof(options));
        _explorer = _options.Explorer is { } explorer ? new ExplorerSite(backend, explorer, _logger) : null;
        _host = new KestrelHost("LCD", _options.Endpoint, _options.MaxRequestBodyBytes, _options.MaxOpenConnections, _options.ShutdownTimeout, HandleAsync, _logger);
    }

    /// <summary>The address actually listened on (the real port when the endpoint had port 0); null when stopped.</summary>
    public IPEndPoint? BoundEndpoint => _host.BoundEndpoint;

    /// <summary><c>http://host:port/</c> of <see cref="BoundEndpoint"/>; null when stopped.</summary>
    public Uri? BaseAddress => _host.BaseAddress;

    /// <summary>"METHOD template" of every route served.</summary>
    public IReadOnlyList<string> RouteNames => _router.Routes.Select(r => $"{r.Method} {r.Template}").ToList();

    public Task StartAsync(CancellationToken ct = default) => _host.StartAsync(ct);

    /// <summary>Stops listening and returns once every request handler has returned (see <see cref="RpcServer.StopAsync"/>).</summary>
    public Task StopAsync(CancellationToken ct = default) => _host.StopAsync(ct);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task HandleAsync(HttpContext ctx)
    {
        var ct = ctx.RequestAborted;
        var headers = ctx.Response.Headers;
        headers.AccessControlAllowOrigin = "*";
        var started = Stopwatch.GetTimestamp();
        var route = Unmatched;
        try
        {
            if (HttpMethods.IsOptions(ctx.Request.Method))
            {
                headers.AccessControlAllowMethods = "GET, POST, OPTIONS";
                headers.AccessControlAllowHeaders = ctx.Request.Headers.AccessControlRequestHeaders.Count > 0
                    ? ctx.Request.Headers.AccessControlRequestHeaders.ToString()
                    : "Content-Type, Authorization";
                headers.AccessControlMaxAge = "600";
                ctx.Response.StatusCode = StatusCodes.Status204NoContent;
                Observe(ctx, "preflight", StatusCodes.Status204NoContent, started);
                return;
            }
            var rawTarget = ctx.Features.Get<IHttpRequestFeature>()?.RawTarget ?? ctx.Request.Path.Value ?? "/";
            var q = rawTarget.IndexOf('?', StringComparison.Ordinal);
            var rawPath = q >= 0 ? rawTarget[..q] : rawTarget;
            if (_explorer is not null && ExplorerSite.Matches(rawPath))
            {
                await _explorer.HandleAsync(ctx, rawPath, () => ReadBodyAsync(ctx.Request, ct), ct).ConfigureAwait(false);
                return;
            }
            var query = ctx.Request.Query.ToDictionary(
                kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value.Select(v => v ?? "").ToList(), StringComparer.Ordinal);
            var answer = await _router.DispatchAsync(ctx.Request.Method, rawPath, query, () => ReadBodyAsync(ctx.Request, ct), ct)
                .ConfigureAwait(false);
            route = answer.Route ?? route;
            Observe(ctx, route, answer.StatusCode, started);
            await WriteAsync(ctx, answer, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // the client went away
        }
        catch (Exception e)
        {
            _logger.LogError(e, "LCD request {Method} {Path} failed", ctx.Request.Method, ctx.Request.Path);
            if (!ctx.Response.HasStarted)
            {
                Observe(ctx, route, StatusCodes.Status500InternalServerError, started);
                await WriteAsync(ctx, LcdAnswer.Error(500, GrpcCode.Internal, e.Message), CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The route label of a request no route matched (404, 405).</summary>
    private const string Unmatched = "unmatched";

    /// <summary>Counts the request for the metrics before its answer is sent (a client that got it sees it counted).</summary>
    private void Observe(HttpContext ctx, string route, int status, long started) =>
        _options.Metrics.LcdRequest(MetricMethod(ctx.Request.Method), route, status, Stopwatch.GetElapsedTime(started));

    /// <summary>The HTTP verb as a metric label: the ones the gateway answers, anything else "other" (bounded).</summary>
    private static string MetricMethod(string method) =>
        HttpMethods.IsGet(method) ? "GET"
        : HttpMethods.IsPost(method) ? "POST"
        : HttpMethods.IsHead(method) ? "HEAD"
        : HttpMethods.IsOptions(method) ? "OPTIONS"
        : "other";

    private async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        var limit = _options.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            throw LcdException.BodyTooLarge(limit);
        }
        using var ms = new MemoryStream(request.ContentLength is { } n ? (int)n : 0);
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
            {
                if (ms.Length + read > limit)
                {
                    throw LcdException.BodyTooLarge(limit);
                }
                ms.Write(buffer, 0, read);
            }
        }
        catch (BadHttpRequestException e)
        {
            throw e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? LcdException.BodyTooLarge(limit)
                : LcdException.InvalidArgument("error reading request body: " + e.Message);
        }
        return ms.ToArray();
    }

    private static async Task WriteAsync(HttpContext ctx, LcdAnswer answer, CancellationToken ct)
    {
        ctx.Response.StatusCode = answer.StatusCode;
        ctx.Response.ContentType = "application/json";
        if (answer.Height is { } h)
        {
            ctx.Response.Headers[HeightHeader] = h.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        ctx.Response.ContentLength = answer.Body.Length;
        if (!HttpMethods.IsHead(ctx.Request.Method))
        {
            await ctx.Response.Body.WriteAsync(answer.Body, ct).ConfigureAwait(false);
        }
    }
}
