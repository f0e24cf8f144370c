namespace MirrorChain.Rpc;

/// <summary>
/// What the JSON-RPC and LCD servers report to a metrics collector (docs/metrics.md): cheap, non-blocking calls made
/// after a request was answered. <see cref="NoRpcMetrics"/> is the default.
/// </summary>
public interface IRpcMetrics
{
    /// <summary>
    /// One JSON-RPC call (a URI GET, a POST, one element of a batch or a WebSocket message) was answered:
    /// <paramref name="method"/> is a served method's name or "unknown"; <paramref name="errorCode"/> is 0 for a result,
    /// else the JSON-RPC error code.
    /// </summary>
    void RpcCall(string method, int errorCode, TimeSpan elapsed);

    /// <summary>An HTTP request to the JSON-RPC server was answered with <paramref name="statusCode"/>.</summary>
    void RpcHttpResponse(int statusCode);

    /// <summary>
    /// An LCD request was answered: <paramref name="method"/> the HTTP verb, <paramref name="route"/> the route
    /// template (<c>/cosmos/bank/v1beta1/balances/{address}</c>) or "unmatched".
    /// </summary>
    void LcdRequest(string method, string route, int statusCode, TimeSpan elapsed);
}

/// <summary>The default <see cref="IRpcMetrics"/>: does nothing.</summary>
public sealed class NoRpcMetrics : IRpcMetrics
{
    public static readonly NoRpcMetrics Instance = new();

    private NoRpcMetrics()
    {
    }

    public void RpcCall(string method, int errorCode, TimeSpan elapsed)
    {
    }

    public void RpcHttpResponse(int statusCode)
    {
    }

    public void LcdRequest(string method, string route, int statusCode, TimeSpan elapsed)
    {
    }
}
