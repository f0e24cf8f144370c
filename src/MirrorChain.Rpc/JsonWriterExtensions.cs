using System.Globalization;
using System.Text.Json;
using MirrorChain.Core;

namespace MirrorChain.Rpc;

/// <summary>CometBFT's JSON conventions (libs/json): 64-bit integers as decimal strings, HexBytes as upper-case hex, []byte as base64.</summary>
internal static class JsonWriterExtensions
{
    public static void WriteInt64String(this Utf8JsonWriter w, string name, long value) =>
        w.WriteString(name, value.ToString(CultureInfo.InvariantCulture));

    public static void WriteUInt64String(this Utf8JsonWriter w, string name, ulong value) =>
        w.WriteString(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A HexBytes field: upper-case hex, "" when empty.</summary>
    public static void WriteHex(this Utf8JsonWriter w, string name, ReadOnlySpan<byte> value) =>
        w.WriteString(name, Hex.Upper(value));

    /// <summary>A []byte field: base64, null when empty (as Go writes a nil slice).</summary>
    public static void WriteBase64OrNull(this Utf8JsonWriter w, string name, ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteBase64String(name, value);
        }
    }
}
