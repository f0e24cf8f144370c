namespace MirrorChain.Rpc.Lcd;

/// <summary>
/// A REST error: answered as <c>{"code": &lt;gRPC code&gt;, "message": "…", "details": []}</c> with the HTTP status
/// grpc-gateway uses for that code.
/// </summary>
public sealed class LcdException(GrpcCode code, string message, int? httpStatus = null) : Exception(message)
{
    public GrpcCode Code { get; } = code;

    /// <summary>grpc-gateway's status for <see cref="Code"/>, unless the error is about HTTP itself (e.g. 413).</summary>
    public int HttpStatus { get; } = httpStatus ?? GrpcCodes.HttpStatus(code);

    public static LcdException BodyTooLarge(long limit) =>
        new(GrpcCode.ResourceExhausted, $"request body too large (limit {limit} bytes)", 413);

    public static LcdException InvalidArgument(string message) => new(GrpcCode.InvalidArgument, message);

    public static LcdException NotFound(string message) => new(GrpcCode.NotFound, message);

    /// <summary>grpc-gateway's text for a path parameter that does not parse.</summary>
    public static LcdException TypeMismatch(string parameter, string error) =>
        InvalidArgument($"type mismatch, parameter: {parameter}, error: {error}");
}
