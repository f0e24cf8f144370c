namespace MirrorChain.Rpc;

/// <summary>JSON-RPC 2.0 error codes and the messages CometBFT pairs with them.</summary>
public static class RpcErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;

    public static string MessageFor(int code) => code switch
    {
        ParseError => "Parse error. Invalid JSON",
        InvalidRequest => "Invalid Request",
        MethodNotFound => "Method not found",
        InvalidParams => "Invalid params",
        InternalError => "Internal error",
        _ => "Server error",
    };
}
