using System.Net;
using System.Text;
using System.Text.Json;

namespace MirrorChain.LoadGen;

/// <summary>Minimal CometBFT JSON-RPC 2.0 client: POST to the root URL, named params, returns <c>result</c>.</summary>
internal sealed class JsonRpcClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private long _nextId;

    public JsonRpcClient(Uri endpoint, int maxConnections, TimeSpan requestTimeout)
    {
        _endpoint = endpoint;
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(1, maxConnections),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
        };
        _http = new HttpClient(handler) { Timeout = requestTimeout };
    }

    /// <summary>
    /// Calls <paramref name="method"/> with <paramref name="paramsJson"/> (a JSON object) and returns a detached
    /// copy of <c>result</c>.
    /// </summary>
    /// <exception cref="JsonRpcException">A JSON-RPC error object, a non-200 status or a malformed reply.</exception>
    public async Task<JsonElement> CallAsync(string method, string paramsJson, CancellationToken ct = default)
    {
        var id = Interlocked.Increment(ref _nextId);
        var body = $$"""{"jsonrpc":"2.0","id":{{id}},"method":"{{method}}","params":{{paramsJson}}}""";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(_endpoint, content, ct).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new JsonRpcException($"{method}: HTTP {(int)response.StatusCode}: {Truncate(Encoding.UTF8.GetString(bytes))}");
        }
        using var doc = JsonDocument.Parse(bytes);
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

    public void Dispose() => _http.Dispose();

    private static string Truncate(string s) => s.Length <= 300 ? s : s[..300] + "…";
}

internal sealed class JsonRpcException(string message) : Exception(message);
