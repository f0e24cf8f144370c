using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace MirrorChain.Rpc.Lcd;

/// <summary>The Cosmos SDK gRPC-gateway REST routes that feather.js / terra.js use, dispatched by path.</summary>
public sealed class LcdRouter
{
    private readonly List<LcdRoute> _routes;
    private readonly ILogger _logger;

    public LcdRouter(IRpcBackend backend, LcdServerOptions options, ILogger logger)
    {
        _logger = logger;
        var chain = options.Chain ?? new LocalLcdChain(backend);
        _routes =
        [
            .. new AuthRoutes(backend).Routes(),
            .. new BankRoutes(backend).Routes(),
            .. new TxRoutes(backend, chain, options).Routes(),
            .. new WasmRoutes(backend).Routes(),
            .. new TendermintRoutes(backend, chain).Routes(),
        ];
    }

    public IReadOnlyList<LcdRoute> Routes => _routes;

    /// <summary>Runs the route for (method, raw path); every failure becomes a JSON error answer, never an exception.</summary>
    public async Task<LcdAnswer> DispatchAsync(string method, string rawPath, IReadOnlyDictionary<string, IReadOnlyList<string>> query,
        Func<Task<byte[]>> readBody, CancellationToken ct)
    {
        var segments = LcdRoute.Split(rawPath);
        LcdRoute? route = null;
        Dictionary<string, string>? values = null;
        var pathMatched = false;
        foreach (var r in _routes)
        {
            if (!r.TryMatch(segments, out var v))
            {
                continue;
            }
            pathMatched = true;
            if (string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)
                || (r.Method == "GET" && string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase)))
            {
                route = r;
                values = v;
                break;
            }
        }
        if (route is null || values is null)
        {
            return pathMatched
                ? LcdAnswer.Error(405, GrpcCode.Unimplemented, "Method Not Allowed")
                : LcdAnswer.Error(404, GrpcCode.NotFound, "Not Found");
        }
        return await RunAsync(route, values, query, readBody, ct).ConfigureAwait(false) with { Route = route.Template };
    }

    private async Task<LcdAnswer> RunAsync(LcdRoute route, Dictionary<string, string> values, IReadOnlyDictionary<string, IReadOnlyList<string>> query,
        Func<Task<byte[]>> readBody, CancellationToken ct)
    {
        try
        {
            var body = route.Method == "POST" ? await readBody().ConfigureAwait(false) : [];
            var request = new LcdRequest(values, query, body);
            var buffer = new ArrayBufferWriter<byte>();
            await using (var w = new Utf8JsonWriter(buffer, RpcEnvelope.WriterOptions))
            {
                await route.Handler(request, w, ct).ConfigureAwait(false);
            }
            return new LcdAnswer(200, buffer.WrittenSpan.ToArray(), request.Height);
        }
        catch (LcdException e)
        {
            return LcdAnswer.Error(e.HttpStatus, e.Code, e.Message);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (ObjectDisposedException)
        {
            // the store closed under a request in flight: the node is stopping
            return LcdAnswer.Error(503, GrpcCode.Unavailable, JsonRpcProcessor.ShuttingDown);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _logger.LogError(e, "LCD {Method} {Route} failed", route.Method, route.Template);
            return LcdAnswer.Error(500, GrpcCode.Internal, e.Message);
        }
    }
}

/// <summary>
/// An HTTP answer of the gateway: status, JSON body and the height the answer was read at; <see cref="Route"/> is the
/// template of the route that answered (null when none matched), for the metrics.
/// </summary>
public sealed record LcdAnswer(int StatusCode, byte[] Body, long? Height = null)
{
    public string? Route { get; init; }

    public static LcdAnswer Error(int status, GrpcCode code, string message) => new(status, LcdJson.Error(code, message));
}
