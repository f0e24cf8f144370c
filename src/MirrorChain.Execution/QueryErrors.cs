using MirrorChain.Core;

namespace MirrorChain.Execution;

/// <summary>
/// Query errors shaped as the SDK maps gRPC status errors into ABCI query answers:
/// log "rpc error: code = &lt;Status&gt; desc = &lt;text&gt;: &lt;registered description&gt;".
/// </summary>
public static class QueryErrors
{
    /// <summary>gRPC NotFound → code 22 (key not found).</summary>
    public static SdkException NotFound(string desc) =>
        new(SdkError.KeyNotFound, $"rpc error: code = NotFound desc = {desc}: {SdkError.KeyNotFound.Description}");

    /// <summary>gRPC InvalidArgument → code 18 (invalid request).</summary>
    public static SdkException InvalidArgument(string desc) =>
        new(SdkError.InvalidRequest, $"rpc error: code = InvalidArgument desc = {desc}: {SdkError.InvalidRequest.Description}");

    /// <summary>Parses a bech32 address argument or throws InvalidArgument.</summary>
    public static Address ParseAddress(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            throw InvalidArgument("address cannot be empty");
        }
        return Address.TryParse(text, out var address, out var error) ? address! : throw InvalidArgument($"invalid address: {error}");
    }
}
