using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace MirrorChain.LoadGen;

/// <summary>Minimal CometBFT JSON-RPC 2.0 client: POST to the root URL, named params, returns <c>result</c>.</summary>
internal sealed class JsonRpcClient : IDisposable
{
    /// <summary>Answers up to this size are read without a timer of their own.</summary>
    private const long SmallBody = 16 * 1024;

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private long _nextId;

    public JsonRpcClient(Uri endpoint, int maxConnections, TimeSpan requestTimeout)
        : this(endpoint, new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(1, maxConnections),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
        }, requestTimeout)
    {
    }

    /// <summary>A client over any handler (tests answer from memory).</summary>
    public JsonRpcClient(Uri endpoint, HttpMessageHandler handler, TimeSpan requestTimeout)
    {
        _endpoint = endpoint;
        _http = new HttpClient(handler) { Timeout = requestTimeout };
    }

    /// <summary>
    /// Calls <paramref name="method"/> with <paramref name="paramsJson"/> (a JSON object) and returns a detached
    /// copy of <c>result</c>.
    /// </summary>
    /// <exception cref="JsonRpcException">A JSON-RPC error object, a non-200 status or a malformed reply.</exception>
    public async Task<JsonElement> CallAsync(string method, string paramsJson, CancellationToken ct = default)
    {
        using var reply = await PostAsync(Encoding.UTF8.GetBytes(Request(method, paramsJson)), method, ct).ConfigureAwait(false);
        using var doc = JsonDocument.Parse(reply.Memory);
        var root = doc.RootElement;
        if (root.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
        {
            throw new JsonRpcException($"{method}: {Truncate(error.GetRawText())}");
        }
        if (!root.TryGetProperty("result", out var result))
        {
            throw new JsonRpcException($"{method}: reply has no result: {Truncate(root.GetRawText())}");
        }
        return result.Clone();
    }

    public Task<JsonElement> CallAsync(string method, CancellationToken ct = default) => CallAsync(method, "{}", ct);

    /// <summary>A request object with the next id: <c>{"jsonrpc":"2.0","id":N,"method":M,"params":P}</c>.</summary>
    public string Request(string method, string paramsJson)
    {
        var id = Interlocked.Increment(ref _nextId);
        return $$"""{"jsonrpc":"2.0","id":{{id}},"method":"{{method}}","params":{{paramsJson}}}""";
    }

    /// <summary>
    /// POSTs a ready JSON body and returns the HTTP 200 answer's bytes in a pooled buffer (dispose it to return the
    /// buffer); the caller reads what it needs from them.
    /// </summary>
    /// <exception cref="JsonRpcException">A non-200 status (the message starts with <paramref name="what"/>).</exception>
    public async Task<RpcReply> PostAsync(ReadOnlyMemory<byte> body, string what, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ReadOnlyMemoryContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        // Headers only: the body is read straight into the pooled buffer (HttpClient would first buffer it itself).
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        // A small body (a broadcast answer) came with the headers; a large one (a block's results) gets the request
        // timeout for itself, as HttpClient gives it when it buffers the body (a timer per request would cost more).
        using var bodyRead = response.Content.Headers.ContentLength is <= SmallBody ? null : CancellationTokenSource.CreateLinkedTokenSource(ct);
        bodyRead?.CancelAfter(_http.Timeout);
        RpcReply reply;
        try
        {
            reply = await RpcReply.ReadAsync(response.Content, bodyRead?.Token ?? ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new JsonRpcException($"{what}: the answer's body did not arrive within {_http.Timeout.TotalSeconds:F0} s");
        }
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var text = Encoding.UTF8.GetString(reply.Span);
            reply.Dispose();
            throw new JsonRpcException($"{what}: HTTP {(int)response.StatusCode}: {Truncate(text)}");
        }
        return reply;
    }

    public void Dispose() => _http.Dispose();

    public static string Truncate(string s) => s.Length <= 300 ? s : s[..300] + "…";
}

/// <summary>An answer's body in a buffer rented from <see cref="ArrayPool{T}.Shared"/>; returned on dispose.</summary>
internal sealed class RpcReply : IDisposable
{
    private byte[]? _buffer;
    private readonly int _length;

    private RpcReply(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    public ReadOnlyMemory<byte> Memory => (_buffer ?? throw new ObjectDisposedException(nameof(RpcReply))).AsMemory(0, _length);

    public ReadOnlySpan<byte> Span => Memory.Span;

    /// <summary>A reply holding a copy of <paramref name="bytes"/> (tests).</summary>
    public static RpcReply Of(ReadOnlySpan<byte> bytes)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, bytes.Length));
        bytes.CopyTo(buffer);
        return new RpcReply(buffer, bytes.Length);
    }

    public static async Task<RpcReply> ReadAsync(HttpContent content, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(content.Headers.ContentLength ?? 4096, 1, 64 << 20) + 1);
        var length = 0;
        try
        {
            var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while ((read = await stream.ReadAsync(buffer.AsMemory(length), ct).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length == buffer.Length)
                    {
                        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
        return new RpcReply(buffer, length);
    }

    public void Dispose()
    {
        if (_buffer is { } b)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(b);
        }
    }
}

internal sealed class JsonRpcException(string message) : Exception(message);
