using System.Buffers;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MirrorChain.Rpc;

/// <summary>
/// The CometBFT-compatible JSON-RPC server on Kestrel: <c>POST /</c> (JSON-RPC 2.0, single or batch),
/// <c>GET /&lt;method&gt;?arg=value</c> (URI form) and <c>GET /</c> (the list of methods). Stateless apart from the
/// backend, so requests run concurrently; the backend must be thread-safe. <c>GET /websocket</c> serves the same
/// methods over a WebSocket plus event subscriptions (<see cref="WebSocketEndpoint"/>), fed by the backend when it is
/// an <see cref="IRpcEventSource"/>.
/// </summary>
public sealed class RpcServer : IAsyncDisposable
{
    private readonly RpcServerOptions _options;
    private readonly ILogger _logger;
    private readonly JsonRpcProcessor _processor;
    private readonly KestrelHost _host;
    private readonly RpcEventBus _events;
    private readonly WebSocketEndpoint _websocket;

    public RpcServer(IRpcBackend backend, RpcServerOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(backend);
        _options = options ?? new RpcServerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxRequestBodyBytes, 1L, nameof(options));
        ArgumentNullException.ThrowIfNull(_options.Endpoint, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.BroadcastTxCommitTimeout, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.ShutdownTimeout, TimeSpan.Zero, nameof(options));
        _logger = logger ?? NullLogger.Instance;
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxBatchRequests, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxOpenConnections, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxConcurrentSearches, 1, nameof(options));
        ArgumentNullException.ThrowIfNull(_options.Metrics, nameof(options));
        _processor = new JsonRpcProcessor(RpcMethodTable.Create(backend, _options), _logger, _options.MaxBatchRequests, _options.Metrics);
        ArgumentNullException.ThrowIfNull(_options.Subscriptions, nameof(options));
        _options.Subscriptions.Validate();
        _events = new RpcEventBus(backend as IRpcEventSource, _options.Subscriptions, backend.AppProtocolVersion, _logger, backend.CommitSignatures);
        _websocket = new WebSocketEndpoint(_processor, _events, _options.Subscriptions, _options.MaxRequestBodyBytes, _logger);
        _host = new KestrelHost("RPC", _options.Endpoint, _options.MaxRequestBodyBytes, _options.MaxOpenConnections, _options.ShutdownTimeout, HandleAsync, _logger, webSockets: true);
    }

    /// <summary>The address actually listened on (the real port when the endpoint had port 0); null when stopped.</summary>
    public IPEndPoint? BoundEndpoint => _host.BoundEndpoint;

    /// <summary><c>http://host:port/</c> of <see cref="BoundEndpoint"/>; null when stopped.</summary>
    public Uri? BaseAddress => _host.BaseAddress;

    /// <summary>The methods served, sorted by name.</summary>
    public IReadOnlyList<string> MethodNames => _processor.Methods.All.Select(m => m.Name).ToList();

    public Task StartAsync(CancellationToken ct = default)
    {
        _websocket.Reopen();
        return _host.StartAsync(ct);
    }

    /// <summary>Open <c>/websocket</c> connections.</summary>
    public int WebSocketConnections => _websocket.Count;

    /// <summary>
    /// Stops listening, lets requests in flight finish for <see cref="RpcServerOptions.ShutdownTimeout"/>, then
    /// cancels them (their RequestAborted token) and returns only once every request handler has returned, so no
    /// request still reads the node's store when the caller closes it. WebSocket clients are closed first, cleanly:
    /// their subscriptions are cancelled ("CometBFT exited") and they get a close frame.
    /// </summary>
    public async Task StopAsync(CancellationToken ct = default)
    {
        await _websocket.CloseAllAsync().ConfigureAwait(false);
        await _host.StopAsync(ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _websocket.CloseAllAsync().ConfigureAwait(false);
        await _host.DisposeAsync().ConfigureAwait(false);
        await _events.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>One HTTP request (Kestrel's handler; also driven without sockets by the RPC benchmark).</summary>
    internal async Task HandleAsync(HttpContext ctx)
    {
        var ct = ctx.RequestAborted;
        try
        {
            var path = ctx.Request.Path.Value ?? "";
            if (path is "" or "/")
            {
                await HandleRootAsync(ctx, ct).ConfigureAwait(false);
                return;
            }
            if (path == WebSocketEndpoint.Path)
            {
                await _websocket.HandleAsync(ctx).ConfigureAwait(false);
                return;
            }
            var name = path[1..];
            if (name.Contains('/', StringComparison.Ordinal) || !_processor.Methods.TryGet(name, out var method))
            {
                await WriteAsync(ctx, new RpcAnswer(404, "text/plain; charset=utf-8", "404 page not found\n"u8.ToArray()), ct).ConfigureAwait(false);
                return;
            }
            var query = ctx.Request.Query.ToDictionary(kv => kv.Key, kv => kv.Value.FirstOrDefault() ?? "", StringComparer.Ordinal);
            await WriteAsync(ctx, await _processor.ProcessUriAsync(method, query, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // the client went away
        }
        catch (Exception e)
        {
            _logger.LogError(e, "RPC request {Method} {Path} failed", ctx.Request.Method, ctx.Request.Path);
            if (!ctx.Response.HasStarted)
            {
                var body = RpcEnvelope.Error(null, RpcErrorCodes.InternalError, e.Message);
                await WriteAsync(ctx, RpcAnswer.Json(500, body), CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task HandleRootAsync(HttpContext ctx, CancellationToken ct)
    {
        byte[] body;
        try
        {
            body = await ReadBodyAsync(ctx.Request, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is BadHttpRequestException or RequestTooLargeException)
        {
            var data = e is RequestTooLargeException || (e is BadHttpRequestException b && b.StatusCode == StatusCodes.Status413PayloadTooLarge)
                ? $"error reading request body: http: request body too large (limit {_options.MaxRequestBodyBytes} bytes)"
                : "error reading request body: " + e.Message;
            await WriteAsync(ctx, RpcAnswer.Json(400, RpcEnvelope.Error(null, RpcErrorCodes.InvalidRequest, data)), ct).ConfigureAwait(false);
            return;
        }
        if (body.Length == 0)
        {
            var page = EndpointIndexPage.Render(_processor.Methods, ctx.Request.Host.Value ?? "");
            await WriteAsync(ctx, new RpcAnswer(200, "text/html", page), ct).ConfigureAwait(false);
            return;
        }
        await WriteAsync(ctx, await _processor.ProcessBodyAsync(body, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
    }

    private async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        var limit = _options.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            throw new RequestTooLargeException();
        }
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var ms = new MemoryStream();
            if (request.ContentLength is > 0 and var announced)
            {
                // The usual request: read the announced length straight into the body's own array (Kestrel ends the
                // body there and fails a shorter one), then check that nothing follows.
                var body = new byte[announced];
                var filled = 0;
                while (filled < body.Length)
                {
                    var got = await request.Body.ReadAsync(body.AsMemory(filled), ct).ConfigureAwait(false);
                    if (got == 0)
                    {
                        return body.AsSpan(0, filled).ToArray();
                    }
                    filled += got;
                }
                var more = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false);
                if (more == 0)
                {
                    return body;
                }
                ms.Write(body); // more than announced (not from Kestrel): read the rest as below
                if (ms.Length + more > limit)
                {
                    throw new RequestTooLargeException();
                }
                ms.Write(chunk, 0, more);
            }
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (ms.Length + read > limit)
                {
                    throw new RequestTooLargeException();
                }
                ms.Write(chunk, 0, read);
            }
            return ms.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>Counts the response for the metrics (before it is sent: a client that got it sees it counted), then sends it.</summary>
    private async Task WriteAsync(HttpContext ctx, RpcAnswer answer, CancellationToken ct)
    {
        _options.Metrics.RpcHttpResponse(answer.StatusCode);
        ctx.Response.StatusCode = answer.StatusCode;
        ctx.Response.ContentType = answer.ContentType;
        ctx.Response.ContentLength = answer.Body.Length;
        if (answer.Body.Length > 0)
        {
            await ctx.Response.Body.WriteAsync(answer.Body, ct).ConfigureAwait(false);
        }
    }

    private sealed class RequestTooLargeException : Exception
    {
        public RequestTooLargeException()
            : base("request body too large")
        {
        }
    }
}
