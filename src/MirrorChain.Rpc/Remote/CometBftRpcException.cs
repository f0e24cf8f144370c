namespace MirrorChain.Rpc.Remote;

/// <summary>Why a call to CometBFT's RPC failed.</summary>
public enum CometBftRpcFailure
{
    /// <summary>No connection (refused, reset, DNS) or an HTTP answer that is not JSON-RPC.</summary>
    Unreachable,

    /// <summary>No answer within <see cref="CometBftRpcClient.Timeout"/>.</summary>
    Timeout,

    /// <summary>CometBFT answered with a JSON-RPC <c>error</c> object.</summary>
    RpcError,

    /// <summary>A JSON-RPC result that does not have the shape CometBFT 0.38 gives.</summary>
    BadAnswer,
}

/// <summary>
/// A failed call to CometBFT's JSON-RPC. The message always names the address and the method; for
/// <see cref="CometBftRpcFailure.RpcError"/> it carries CometBFT's code, message and data as its Go client formats them
/// (CometBFT rpc/jsonrpc/types <c>RPCError.Error</c>: "RPC error CODE - MESSAGE: DATA").
/// </summary>
public sealed class CometBftRpcException(CometBftRpcFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public CometBftRpcFailure Failure { get; } = failure;

    /// <summary>The JSON-RPC error code (e.g. -32603) when <see cref="Failure"/> is <see cref="CometBftRpcFailure.RpcError"/>.</summary>
    public int RpcCode { get; init; }

    /// <summary>The JSON-RPC error's <c>data</c> (CometBFT puts the reason there, e.g. "tx (…) not found").</summary>
    public string RpcData { get; init; } = "";
}
