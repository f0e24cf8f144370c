namespace MirrorChain.Rpc.Tests;

/// <summary>Helpers to spell golden JSON: repeated hex bytes and the JSON-RPC envelope.</summary>
internal static class Golden
{
    private static readonly System.Text.Json.JsonSerializerOptions Relaxed =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><paramref name="hexByte"/> repeated <paramref name="count"/> times, e.g. Rep("B3", 32).</summary>
    public static string Rep(string hexByte, int count) => string.Concat(Enumerable.Repeat(hexByte, count));

    public static string Ok(string result, string id = "1") => $$"""{"jsonrpc":"2.0","id":{{id}},"result":{{result}}}""";

    public static string Err(int code, string message, string? data, string id = "1")
    {
        var d = data is null ? "" : $$""","data":{{System.Text.Json.JsonSerializer.Serialize(data, Relaxed)}}""";
        return $$$"""{"jsonrpc":"2.0","id":{{{id}}},"error":{"code":{{{code}}},"message":"{{{message}}}"{{{d}}}}}""";
    }
}
