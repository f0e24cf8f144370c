using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MirrorChain.Core;

namespace MirrorChain.Rpc;

/// <summary>
/// Arguments of the GET URI form (<c>/block?height=5</c>), read as CometBFT does: plain integers for numbers,
/// <c>0x</c>-hex or <c>"quoted"</c> strings for bytes, quoted strings (or <c>0x</c>-hex) for strings, and any other
/// text parsed as a JSON value. An empty value counts as absent.
/// </summary>
internal sealed partial class UriRpcParams(IReadOnlyDictionary<string, string> query) : RpcParams
{
    [GeneratedRegex("^-?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntPattern();

    protected override string ErrorPrefix => "error converting http params to arguments";

    protected override bool TryGet(string name, out RawParam value)
    {
        if (query.TryGetValue(name, out var text) && text.Length > 0)
        {
            value = new RawParam(default, text);
            return true;
        }
        value = default;
        return false;
    }

    protected override long ReadInt64(string name, RawParam value)
    {
        var text = value.UriText!;
        if (IntPattern().IsMatch(text))
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw Invalid(name, $"{text} is out of range");
        }
        if (IsHex(text))
        {
            throw Invalid(name, "got a hex string arg, but expected an integer");
        }
        return JsonInt64(name, ParseJson(name, text));
    }

    protected override bool ReadBool(string name, RawParam value) => JsonBool(name, ParseJson(name, value.UriText!));

    protected override string ReadString(string name, RawParam value)
    {
        var text = value.UriText!;
        return IsHex(text) ? Encoding.UTF8.GetString(DecodeHex(name, text)) : JsonString(name, ParseJson(name, text));
    }

    protected override byte[] ReadBytes(string name, RawParam value, bool hex)
    {
        var text = value.UriText!;
        if (IsHex(text))
        {
            return DecodeHex(name, text);
        }
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            return Encoding.UTF8.GetBytes(JsonString(name, ParseJson(name, text)));
        }
        throw Invalid(name, $"expected 0x-prefixed hex or a quoted string, got {Quote(text)}");
    }

    private static bool IsHex(string text) => text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);

    private byte[] DecodeHex(string name, string text) =>
        Hex.TryDecode(text, out var bytes) ? bytes : throw Invalid(name, $"invalid hex string {Quote(text)}");

    private JsonElement ParseJson(string name, string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw Invalid(name, $"cannot read {Quote(text)} (strings must be quoted, bytes 0x-hex or quoted)");
        }
    }
}
