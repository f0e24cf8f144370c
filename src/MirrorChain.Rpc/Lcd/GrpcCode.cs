namespace MirrorChain.Rpc.Lcd;

/// <summary>gRPC status codes, as the Cosmos gRPC-gateway puts them in REST error bodies.</summary>
public enum GrpcCode
{
    Ok = 0,
    Canceled = 1,
    Unknown = 2,
    InvalidArgument = 3,
    DeadlineExceeded = 4,
    NotFound = 5,
    AlreadyExists = 6,
    PermissionDenied = 7,
    ResourceExhausted = 8,
    FailedPrecondition = 9,
    Aborted = 10,
    OutOfRange = 11,
    Unimplemented = 12,
    Internal = 13,
    Unavailable = 14,
    DataLoss = 15,
    Unauthenticated = 16,
}

/// <summary>grpc-gateway's <c>runtime.HTTPStatusFromCode</c> and the status names of "rpc error: code = …" logs.</summary>
public static class GrpcCodes
{
    public static int HttpStatus(GrpcCode code) => code switch
    {
        GrpcCode.Ok => 200,
        GrpcCode.Canceled => 408,
        GrpcCode.InvalidArgument or GrpcCode.FailedPrecondition or GrpcCode.OutOfRange => 400,
        GrpcCode.DeadlineExceeded => 504,
        GrpcCode.NotFound => 404,
        GrpcCode.AlreadyExists or GrpcCode.Aborted => 409,
        GrpcCode.PermissionDenied => 403,
        GrpcCode.Unauthenticated => 401,
        GrpcCode.ResourceExhausted => 429,
        GrpcCode.Unimplemented => 501,
        GrpcCode.Unavailable => 503,
        _ => 500,
    };

    /// <summary>Parses the Go name of a status code ("NotFound", "InvalidArgument", …).</summary>
    public static GrpcCode? FromName(string name) =>
        name.Length > 0 && char.IsLetter(name[0]) && Enum.TryParse<GrpcCode>(name, ignoreCase: false, out var code) ? code : null;
}
