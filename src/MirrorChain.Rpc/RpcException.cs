namespace MirrorChain.Rpc;

/// <summary>
/// A JSON-RPC error answer: <see cref="Code"/> with CometBFT's message for it and an optional <see cref="ErrorData"/>
/// string explaining the cause (omitted from the JSON when empty, as CometBFT does).
/// </summary>
public sealed class RpcException(int code, string data) : Exception(data)
{
    public int Code { get; } = code;

    public string ErrorData { get; } = data;

    public string ErrorMessage => RpcErrorCodes.MessageFor(Code);

    public static RpcException InvalidParams(string data) => new(RpcErrorCodes.InvalidParams, data);

    public static RpcException Internal(string data) => new(RpcErrorCodes.InternalError, data);

    public static RpcException InvalidRequest(string data) => new(RpcErrorCodes.InvalidRequest, data);
}
