using System.Globalization;
using System.Text.Json;
using MirrorChain.Core;

namespace MirrorChain.Rpc;

/// <summary>
/// The arguments of one call, read by name and converted as CometBFT's Go types expect: int64 from a JSON number or
/// a decimal string, <c>[]byte</c> from base64, <c>HexBytes</c> from hex. Absent, null and (URI form) empty values
/// read as null. Conversion failures throw -32602 with a data string naming the parameter and the problem.
/// </summary>
internal abstract class RpcParams
{
    public long? Int64(string name) => TryGet(name, out var v) ? ReadInt64(name, v) : null;

    public int? Int32(string name)
    {
        var v = Int64(name);
        if (v is null)
        {
            return null;
        }
        if (v.Value is < int.MinValue or > int.MaxValue)
        {
            throw Invalid(name, $"{v.Value.ToString(CultureInfo.InvariantCulture)} is out of range");
        }
        return (int)v.Value;
    }

    public bool? Bool(string name) => TryGet(name, out var v) ? ReadBool(name, v) : null;

    public string? String(string name) => TryGet(name, out var v) ? ReadString(name, v) : null;

    /// <summary>A Go <c>[]byte</c> argument: base64 in JSON.</summary>
    public byte[]? Base64Bytes(string name) => TryGet(name, out var v) ? ReadBytes(name, v, hex: false) : null;

    /// <summary>A Go <c>HexBytes</c> argument: hex in JSON.</summary>
    public byte[]? HexBytes(string name) => TryGet(name, out var v) ? ReadBytes(name, v, hex: true) : null;

    public byte[] RequiredBase64Bytes(string name) => Base64Bytes(name) ?? throw Missing(name);

    public string RequiredString(string name) => String(name) ?? throw Missing(name);

    /// <summary>The prefix of conversion errors, as CometBFT words it for this transport.</summary>
    protected abstract string ErrorPrefix { get; }

    /// <summary>The raw value of a present, non-null argument.</summary>
    protected abstract bool TryGet(string name, out RawParam value);

    protected virtual long ReadInt64(string name, RawParam value) => JsonInt64(name, value.Json);

    protected virtual bool ReadBool(string name, RawParam value) => JsonBool(name, value.Json);

    protected virtual string ReadString(string name, RawParam value) => JsonString(name, value.Json);

    protected virtual byte[] ReadBytes(string name, RawParam value, bool hex) => JsonBytes(name, value.Json, hex);

    protected RpcException Invalid(string name, string why) =>
        RpcException.InvalidParams($"{ErrorPrefix}: param \"{name}\": {why}");

    protected RpcException Missing(string name) => Invalid(name, "is required");

    protected long JsonInt64(string name, JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Number when e.TryGetInt64(out var n):
                return n;
            case JsonValueKind.String when long.TryParse(e.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s):
                return s;
            default:
                throw Invalid(name, $"expected an integer (number or decimal string), got {Describe(e)}");
        }
    }

    protected bool JsonBool(string name, JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Invalid(name, $"expected a boolean, got {Describe(e)}"),
    };

    protected string JsonString(string name, JsonElement e) =>
        e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Invalid(name, $"expected a string, got {Describe(e)}");

    protected byte[] JsonBytes(string name, JsonElement e, bool hex)
    {
        if (e.ValueKind != JsonValueKind.String)
        {
            throw Invalid(name, $"expected a {(hex ? "hex" : "base64")} string, got {Describe(e)}");
        }
        var s = e.GetString()!;
        if (hex)
        {
            return Hex.TryDecode(s, out var bytes) ? bytes : throw Invalid(name, $"invalid hex string {Quote(s)}");
        }
        try
        {
            return Convert.FromBase64String(s);
        }
        catch (FormatException)
        {
            throw Invalid(name, $"invalid base64 string {Quote(s)}");
        }
    }

    protected static string Describe(JsonElement e)
    {
        var raw = e.GetRawText();
        return raw.Length > 80 ? raw[..80] + "…" : raw;
    }

    protected static string Quote(string s) => "\"" + (s.Length > 80 ? s[..80] + "…" : s) + "\"";
}
