using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MirrorChain.LoadGen;

/// <summary>
/// Streaming reads of JSON-RPC answers with <see cref="Utf8JsonReader"/>: walk to the fields needed, skip the rest,
/// never build a document of the whole answer.
/// </summary>
internal static class RpcJson
{
    /// <summary>
    /// Reads the envelope's first token and its properties up to <c>result</c>; the reader is then on the result's
    /// first token.
    /// </summary>
    /// <exception cref="JsonRpcException">The answer is not an object, holds a JSON-RPC error object, or has no result.</exception>
    public static void EnterResult(ref Utf8JsonReader r, ReadOnlySpan<byte> json, string method)
    {
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonRpcException($"{method}: the reply is not a JSON object: {JsonRpcClient.Truncate(Encoding.UTF8.GetString(json))}");
        }
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("result"u8))
            {
                r.Read();
                return;
            }
            var isError = r.ValueTextEquals("error"u8);
            r.Read();
            if (isError && r.TokenType != JsonTokenType.Null)
            {
                throw new JsonRpcException($"{method}: {JsonRpcClient.Truncate(RawValue(ref r, json))}");
            }
            r.Skip();
        }
        throw new JsonRpcException($"{method}: reply has no result: {JsonRpcClient.Truncate(Encoding.UTF8.GetString(json))}");
    }

    /// <summary>
    /// With the reader on an object's <c>StartObject</c>, reads its properties up to <paramref name="name"/> and leaves
    /// the reader on that property's value; false (the reader on <c>EndObject</c>) when the object has none.
    /// </summary>
    public static bool FindProperty(ref Utf8JsonReader r, ReadOnlySpan<byte> name)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var found = r.ValueTextEquals(name);
            r.Read();
            if (found)
            {
                return true;
            }
            r.Skip();
        }
        return false;
    }

    /// <summary>The JSON text of the value the reader is on (as in the answer), moving the reader to its end.</summary>
    public static string RawValue(ref Utf8JsonReader r, ReadOnlySpan<byte> json)
    {
        var start = (int)r.TokenStartIndex;
        r.Skip();
        return Encoding.UTF8.GetString(json[start..(int)r.BytesConsumed]);
    }

    /// <summary>A string value; null for anything else (skipped).</summary>
    public static string? String(ref Utf8JsonReader r)
    {
        if (r.TokenType == JsonTokenType.String)
        {
            return r.GetString();
        }
        r.Skip();
        return null;
    }

    /// <summary>A CometBFT integer: a decimal string (int64 fields) or a JSON number.</summary>
    /// <exception cref="FormatException">Neither.</exception>
    public static long Int64(ref Utf8JsonReader r)
    {
        if (r.TokenType == JsonTokenType.Number)
        {
            return r.GetInt64();
        }
        if (r.TokenType == JsonTokenType.String)
        {
            if (!r.ValueIsEscaped && Utf8Parser.TryParse(r.ValueSpan, out long v, out var used) && used == r.ValueSpan.Length)
            {
                return v;
            }
            return long.Parse(r.GetString() ?? "", NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }
        throw new FormatException($"expected an integer, got a JSON {r.TokenType}");
    }
}
