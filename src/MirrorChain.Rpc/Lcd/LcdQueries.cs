using Google.Protobuf;

namespace MirrorChain.Rpc.Lcd;

/// <summary>
/// Runs a gRPC-style query through <see cref="IRpcBackend.Query"/> at the latest height and decodes the answer; a
/// failed query becomes the REST error the Cosmos gateway would send.
/// </summary>
internal static class LcdQueries
{
    private const string RpcErrorPrefix = "rpc error: code = ";

    /// <summary>Registered descriptions the execution layer appends to "rpc error" logs (errorsmod.Wrap style).</summary>
    private static readonly string[] RegisteredSuffixes = [": key not found", ": invalid request", ": unknown request"];

    public static T Run<T>(IRpcBackend backend, LcdRequest request, string path, IMessage query, MessageParser<T> parser)
        where T : IMessage<T>
    {
        var result = backend.Query(path, query.ToByteArray(), 0, false);
        if (result.Code != 0)
        {
            throw ToException(result);
        }
        request.Height = result.Height;
        try
        {
            return parser.ParseFrom(result.Value);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new LcdException(GrpcCode.Internal, $"cannot decode the {typeof(T).Name}: {e.Message}");
        }
    }

    /// <summary>
    /// "rpc error: code = NotFound desc = account x not found: key not found" → (NotFound, "account x not found");
    /// other logs keep their text, with the code derived from the SDK error.
    /// </summary>
    public static LcdException ToException(QueryResult result)
    {
        var log = result.Log;
        if (log.StartsWith(RpcErrorPrefix, StringComparison.Ordinal))
        {
            var rest = log[RpcErrorPrefix.Length..];
            var desc = rest.IndexOf(" desc = ", StringComparison.Ordinal);
            if (desc > 0 && GrpcCodes.FromName(rest[..desc]) is { } code)
            {
                var message = rest[(desc + " desc = ".Length)..];
                foreach (var suffix in RegisteredSuffixes)
                {
                    if (message.EndsWith(suffix, StringComparison.Ordinal))
                    {
                        message = message[..^suffix.Length];
                        break;
                    }
                }
                return new LcdException(code, message);
            }
        }
        return new LcdException(CodeOf(result.Codespace, result.Code), log);
    }

    private static GrpcCode CodeOf(string codespace, uint code) => (codespace, code) switch
    {
        ("sdk", 22) or ("sdk", 38) or ("sdk", 9) or ("wasm", 8) or ("wasm", 22) => GrpcCode.NotFound,
        ("sdk", 2) or ("sdk", 7) or ("sdk", 10) or ("sdk", 18) or ("wasm", 14) or ("wasm", 21) => GrpcCode.InvalidArgument,
        ("sdk", 4) => GrpcCode.Unauthenticated,
        ("sdk", 37) => GrpcCode.Unimplemented,
        _ => GrpcCode.Unknown,
    };
}
