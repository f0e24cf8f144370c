using System.Globalization;
using System.Text;

namespace MirrorChain.Tx.Amino;

/// <summary>A JSON value of a legacy Amino JSON sign doc (object, array, string, or a literal written as is).</summary>
public abstract record AminoJson
{
    private AminoJson()
    {
    }

    /// <summary>An object; <see cref="AminoJsonWriter"/> sorts its keys, so the order given here does not matter.</summary>
    public sealed record Object(IReadOnlyList<KeyValuePair<string, AminoJson>> Members) : AminoJson;

    public sealed record Array(IReadOnlyList<AminoJson> Items) : AminoJson;

    /// <summary>A string (UTF-16, lone surrogates allowed: they come from <c>\ud800</c>-style escapes).</summary>
    public sealed record String(string Value) : AminoJson;

    /// <summary>A number already in JavaScript's canonical form, or <c>true</c>/<c>false</c>/<c>null</c>.</summary>
    public sealed record Literal(string Text) : AminoJson;

    public static Object Obj(params (string Key, AminoJson? Value)[] members) =>
        new(members.Where(m => m.Value is not null).Select(m => new KeyValuePair<string, AminoJson>(m.Key, m.Value!)).ToList());

    public static String Str(string value) => new(value);

    /// <summary>An unsigned integer as amino JSON writes 64-bit and larger integers: a decimal string.</summary>
    public static String Uint(ulong value) => new(value.ToString(CultureInfo.InvariantCulture));

    public static Array Arr(IEnumerable<AminoJson> items) => new(items.ToList());

    /// <summary>The canonical bytes of this value (<see cref="AminoJsonWriter"/>).</summary>
    public byte[] ToCanonicalBytes()
    {
        var sb = new StringBuilder();
        AminoJsonWriter.Write(sb, this);
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
