using System.Globalization;
using System.Text.Json;

namespace MirrorChain.Rpc;

/// <summary>A JSON-RPC request id: an integer or a string, echoed back unchanged.</summary>
internal readonly record struct RpcId(long? Number, string? Text)
{
    /// <summary>The id CometBFT gives URI-form (GET) answers.</summary>
    public static readonly RpcId Uri = new(-1, null);

    /// <summary>Reads an id; JSON-RPC allows numbers and strings, CometBFT only whole numbers among the former.</summary>
    public static bool TryRead(JsonElement e, out RpcId id, out string error)
    {
        id = default;
        error = "";
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                id = new RpcId(null, e.GetString());
                return true;
            case JsonValueKind.Number when e.TryGetInt64(out var n):
                id = new RpcId(n, null);
                return true;
            case JsonValueKind.Number when e.TryGetDouble(out var d) && double.IsFinite(d) && Math.Truncate(d) == d
                                           && d >= long.MinValue && d < long.MaxValue:
                id = new RpcId((long)d, null);
                return true;
            case JsonValueKind.Number:
                error = $"json-rpc ID must be a whole number in the int64 range, got {e.GetRawText()}";
                return false;
            default:
                error = $"json-rpc ID ({Truncate(e.GetRawText())}) is of unknown type ({e.ValueKind.ToString().ToLowerInvariant()})";
                return false;
        }
    }

    public void Write(Utf8JsonWriter w)
    {
        if (Number is { } n)
        {
            w.WriteNumber("id", n);
        }
        else if (Text is not null)
        {
            w.WriteString("id", Text);
        }
    }

    public override string ToString() => Number?.ToString(CultureInfo.InvariantCulture) ?? Text ?? "";

    private static string Truncate(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
