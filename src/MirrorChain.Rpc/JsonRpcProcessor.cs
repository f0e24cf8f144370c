using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Extensions.Logging;

namespace MirrorChain.Rpc;

/// <summary>
/// Transport-independent JSON-RPC handling, with CometBFT's behaviour: a single request object gets an object, an
/// array gets an array (notifications, i.e. requests without an id, get nothing); method-level errors are HTTP 200,
/// unparseable JSON is HTTP 500 with -32700; URI-form calls answer with id -1 and HTTP 500 on error. Every
/// unexpected exception becomes -32603 with its message and is logged.
/// </summary>
internal sealed class JsonRpcProcessor(RpcMethodTable methods, ILogger logger, int maxBatchRequests = RpcServerOptions.DefaultMaxBatchRequests, IRpcMetrics? metrics = null)
{
    private readonly IRpcMetrics _metrics = metrics ?? NoRpcMetrics.Instance;

    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 64 };

    /// <summary>The error data of a request that met the node stopping (its store already closed).</summary>
    public const string ShuttingDown = "the node is shutting down";

    public RpcMethodTable Methods => methods;

    public async Task<RpcAnswer> ProcessBodyAsync(ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        if (!Utf8.IsValid(body.Span))
        {
            return RpcAnswer.Json(500, RpcEnvelope.Error(null, RpcErrorCodes.ParseError, "error unmarshaling request: the body is not valid UTF-8"));
        }
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body, ReadOptions);
        }
        catch (JsonException e)
        {
            return RpcAnswer.Json(500, RpcEnvelope.Error(null, RpcErrorCodes.ParseError, "error unmarshaling request: " + e.Message));
        }
        if (!JsonUtf16.EscapesAreValid(body.Span, ReadOptions.MaxDepth))
        {
            doc.Dispose();
            return RpcAnswer.Json(500, RpcEnvelope.Error(null, RpcErrorCodes.ParseError, "error unmarshaling request: a string holds an invalid \\u escape (lone surrogate)"));
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                var single = await ProcessRequestAsync(root, ct).ConfigureAwait(false);
                return RpcAnswer.Json(200, single ?? []);
            }
            if (root.GetArrayLength() == 0)
            {
                return RpcAnswer.Json(200, RpcEnvelope.Error(null, RpcErrorCodes.InvalidRequest, "empty batch"));
            }
            if (root.GetArrayLength() > maxBatchRequests)
            {
                // CometBFT rpc/jsonrpc/server/http_json_handler.go (max_request_batch_size): the whole batch is refused
                return RpcAnswer.Json(200, RpcEnvelope.Error(null, RpcErrorCodes.InvalidRequest,
                    $"batch request exceeds maximum ({maxBatchRequests}) allowed number of requests"));
            }
            var responses = new List<byte[]>();
            foreach (var request in root.EnumerateArray())
            {
                if (await ProcessRequestAsync(request, ct).ConfigureAwait(false) is { } response)
                {
                    responses.Add(response);
                }
            }
            return RpcAnswer.Json(200, responses.Count == 0 ? [] : RpcEnvelope.Batch(responses));
        }
    }

    public async Task<RpcAnswer> ProcessUriAsync(RpcMethod method, IReadOnlyDictionary<string, string> query, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await InvokeAsync(method, new UriRpcParams(query), ct).ConfigureAwait(false);
            _metrics.RpcCall(method.Name, 0, Stopwatch.GetElapsedTime(started));
            return RpcAnswer.Json(200, RpcEnvelope.Success(RpcId.Uri, result));
        }
        catch (RpcException e)
        {
            _metrics.RpcCall(method.Name, e.Code, Stopwatch.GetElapsedTime(started));
            return RpcAnswer.Json(500, RpcEnvelope.Error(RpcId.Uri, e));
        }
    }

    /// <summary>One request object → its response object, or null for a notification.</summary>
    private async Task<byte[]?> ProcessRequestAsync(JsonElement request, CancellationToken ct)
    {
        if (request.ValueKind != JsonValueKind.Object)
        {
            return RpcEnvelope.Error(null, RpcErrorCodes.InvalidRequest, "a request must be a JSON object");
        }
        if (!request.TryGetProperty("id", out var idElement) || idElement.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (!RpcId.TryRead(idElement, out var id, out var idError))
        {
            return RpcEnvelope.Error(null, RpcErrorCodes.InvalidRequest, idError);
        }
        if (request.TryGetProperty("jsonrpc", out var version)
            && !(version.ValueKind == JsonValueKind.String && version.ValueEquals("2.0")))
        {
            return RpcEnvelope.Error(id, RpcErrorCodes.InvalidRequest, "jsonrpc must be \"2.0\"");
        }
        var name = "";
        if (request.TryGetProperty("method", out var methodElement))
        {
            if (methodElement.ValueKind != JsonValueKind.String)
            {
                return RpcEnvelope.Error(id, RpcErrorCodes.InvalidRequest, "method must be a string");
            }
            name = methodElement.GetString()!;
        }
        if (!methods.TryGet(name, out var method))
        {
            _metrics.RpcCall("unknown", RpcErrorCodes.MethodNotFound, TimeSpan.Zero);
            return RpcEnvelope.Error(id, RpcErrorCodes.MethodNotFound, "");
        }
        var started = Stopwatch.GetTimestamp();
        try
        {
            JsonElement? parameters = request.TryGetProperty("params", out var p) ? p : null;
            var result = await InvokeAsync(method, new JsonRpcParams(parameters, method.ArgNames), ct).ConfigureAwait(false);
            _metrics.RpcCall(method.Name, 0, Stopwatch.GetElapsedTime(started));
            return RpcEnvelope.Success(id, result);
        }
        catch (RpcException e)
        {
            _metrics.RpcCall(method.Name, e.Code, Stopwatch.GetElapsedTime(started));
            return RpcEnvelope.Error(id, e);
        }
    }

    /// <summary>Runs a method into its own buffer, so a failure half-way never leaves a broken response.</summary>
    private async Task<byte[]> InvokeAsync(RpcMethod method, RpcParams args, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        try
        {
            await using (var w = new Utf8JsonWriter(buffer, RpcEnvelope.WriterOptions))
            {
                await method.Handler(args, w, ct).ConfigureAwait(false);
                if (w.CurrentDepth != 0 || w.BytesPending + w.BytesCommitted == 0)
                {
                    throw new InvalidOperationException($"method {method.Name} wrote an incomplete result");
                }
            }
        }
        catch (RpcException)
        {
            throw;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (ObjectDisposedException)
        {
            // the store closed under a request in flight: the node is stopping
            throw RpcException.Internal(ShuttingDown);
        }
        catch (Exception e)
        {
            logger.LogError(e, "RPC method {Method} failed", method.Name);
            throw RpcException.Internal(string.IsNullOrEmpty(e.Message) ? e.GetType().Name : e.Message);
        }
        return buffer.WrittenSpan.ToArray();
    }
}
