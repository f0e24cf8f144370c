using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace MirrorChain.Rpc.Remote;

/// <summary>
/// A JSON-RPC 2.0 client for CometBFT 0.38's RPC (HTTP POST to its <c>rpc.laddr</c>, by default
/// http://127.0.0.1:26657), as the Cosmos SDK's REST server reaches CometBFT through its client/rpc. Every call is
/// bounded: <see cref="Timeout"/> per call, <see cref="MaxResponseBytes"/> per answer, and
/// <see cref="MaxConnections"/> open connections. A failure is a <see cref="CometBftRpcException"/> naming the address
/// and the method, never another exception type (cancellation by the caller excepted).
/// </summary>
public sealed class CometBftRpcClient : IDisposable
{
    /// <summary>CometBFT's default RPC address (config.toml <c>[rpc] laddr</c>, as <c>mirrorchain init --cometbft</c> writes it).</summary>
    public const string DefaultAddress = "http://127.0.0.1:26657";

    /// <summary>Largest answer read (a tx_search page of 100 txs of up to 1 MiB each, in base64, fits).</summary>
    public const long MaxResponseBytes = 256L * 1024 * 1024;

    /// <summary>Most connections kept open to CometBFT at once; further calls wait for one.</summary>
    public const int MaxConnections = 64;

    private readonly HttpClient _http;
    private long _nextId;

    /// <param name="address">http://host:port (also tcp://host:port, as config.toml writes it, or host:port).</param>
    /// <param name="timeout">How long one call may take, connecting included; 10 s when null.</param>
    public CometBftRpcClient(string address, TimeSpan? timeout = null)
    {
        Address = ParseAddress(address);
        Timeout = timeout ?? TimeSpan.FromSeconds(10);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero, nameof(timeout));
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = Timeout,
            MaxConnectionsPerServer = MaxConnections,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
            UseProxy = false,
        };
        _http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan, MaxResponseContentBufferSize = MaxResponseBytes };
    }

    /// <summary>The RPC address calls go to, as http://host:port/.</summary>
    public Uri Address { get; }

    public TimeSpan Timeout { get; }

    /// <summary>The address as written in messages: http://host:port.</summary>
    public string DisplayAddress => Address.GetLeftPart(UriPartial.Authority);

    /// <summary>http://, tcp:// (CometBFT's config.toml spelling) or a bare host:port → an http:// URI.</summary>
    public static Uri ParseAddress(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var text = address.Trim();
        if (text.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase))
        {
            text = "http://" + text["tcp://".Length..];
        }
        else if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "http://" + text;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
        {
            throw new FormatException($"invalid CometBFT RPC address \"{address}\" (want http://host:port, e.g. {DefaultAddress})");
        }
        return uri;
    }

    /// <summary>
    /// Calls <paramref name="method"/> with the params <paramref name="writeParams"/> writes (inside <c>"params": {…}</c>)
    /// and returns a copy of the <c>result</c>. <paramref name="timeout"/> replaces <see cref="Timeout"/> for a call that
    /// waits on purpose (broadcast_tx_commit).
    /// </summary>
    public async Task<JsonElement> CallAsync(string method, Action<Utf8JsonWriter>? writeParams, CancellationToken ct, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Timeout;
        var id = Interlocked.Increment(ref _nextId);
        using var body = new MemoryStream();
        using (var w = new Utf8JsonWriter(body))
        {
            w.WriteStartObject();
            w.WriteString("jsonrpc", "2.0");
            w.WriteNumber("id", id);
            w.WriteString("method", method);
            w.WriteStartObject("params");
            writeParams?.Invoke(w);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(limit);
        byte[] answer;
        int status;
        try
        {
            using var content = new ByteArrayContent(body.ToArray());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await _http.PostAsync(Address, content, deadline.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            answer = await response.Content.ReadAsByteArrayAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException e)
        {
            throw new CometBftRpcException(CometBftRpcFailure.Timeout,
                $"CometBFT RPC at {DisplayAddress} did not answer {method} within {Seconds(limit)}", e);
        }
        catch (HttpRequestException e)
        {
            throw new CometBftRpcException(CometBftRpcFailure.Unreachable,
                $"CometBFT RPC at {DisplayAddress} is unreachable ({method}): {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new CometBftRpcException(CometBftRpcFailure.Unreachable,
                $"CometBFT RPC at {DisplayAddress} is unreachable ({method}): {e.Message}", e);
        }
        return ParseAnswer(method, status, answer);
    }

    private JsonElement ParseAnswer(string method, int status, byte[] answer)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(answer);
        }
        catch (JsonException)
        {
            throw new CometBftRpcException(CometBftRpcFailure.Unreachable,
                $"CometBFT RPC at {DisplayAddress} answered {method} with HTTP {status} and a body that is not JSON-RPC (is this CometBFT's RPC address?)");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                var code = error.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : 0;
                var message = error.TryGetProperty("message", out var m) ? TextOf(m) : "";
                var data = error.TryGetProperty("data", out var d) ? TextOf(d) : "";
                var text = data.Length > 0 ? $"RPC error {code} - {message}: {data}" : $"RPC error {code} - {message}";
                throw new CometBftRpcException(CometBftRpcFailure.RpcError, $"CometBFT RPC at {DisplayAddress} refused {method}: {text}")
                {
                    RpcCode = code,
                    RpcData = data,
                };
            }
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("result", out var result))
            {
                throw new CometBftRpcException(CometBftRpcFailure.Unreachable,
                    $"CometBFT RPC at {DisplayAddress} answered {method} with HTTP {status} and no JSON-RPC result (is this CometBFT's RPC address?)");
            }
            return result.Clone();
        }
    }

    private static string TextOf(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText();

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";

    public void Dispose() => _http.Dispose();
}
