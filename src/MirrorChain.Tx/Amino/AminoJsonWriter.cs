using System.Globalization;
using System.Text;

namespace MirrorChain.Tx.Amino;

/// <summary>
/// Canonical JSON of a sign doc, byte for byte what cosmjs signs: @cosmjs/amino signdoc.ts
/// <c>serializeSignDoc</c> = <c>escapeCharacters(sortedJsonStringify(doc))</c> as UTF-8. That is JavaScript's
/// <c>JSON.stringify</c> of the doc with every object's keys sorted (<c>Object.keys(obj).sort()</c>, so UTF-16
/// code-unit order, except that JavaScript objects list array-index keys such as "7" first, in numeric order), no
/// whitespace, and then <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> written as <c>\u0026</c>, <c>\u003c</c>,
/// <c>\u003e</c> — the escaping Go's encoding/json applies in the Cosmos SDK's <c>sdk.MustSortJSON</c>
/// (types/utils.go), which the SDK's legacytx <c>StdSignBytes</c> runs over the same document.
/// </summary>
public static class AminoJsonWriter
{
    public static void Write(StringBuilder sb, AminoJson value)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(value);
        switch (value)
        {
            case AminoJson.Object obj:
                WriteObject(sb, obj);
                break;
            case AminoJson.Array arr:
                sb.Append('[');
                for (var i = 0; i < arr.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }
                    Write(sb, arr.Items[i]);
                }
                sb.Append(']');
                break;
            case AminoJson.String s:
                WriteString(sb, s.Value);
                break;
            case AminoJson.Literal l:
                sb.Append(l.Text);
                break;
            default:
                throw new ArgumentException("unknown JSON value", nameof(value));
        }
    }

    private static void WriteObject(StringBuilder sb, AminoJson.Object obj)
    {
        // JSON.parse keeps the last of duplicate keys; the sign-doc objects built here never repeat one.
        var members = new Dictionary<string, AminoJson>(StringComparer.Ordinal);
        foreach (var (key, value) in obj.Members)
        {
            members[key] = value;
        }
        var keys = members.Keys.ToList();
        keys.Sort(CompareKeys);
        sb.Append('{');
        for (var i = 0; i < keys.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }
            WriteString(sb, keys[i]);
            sb.Append(':');
            Write(sb, members[keys[i]]);
        }
        sb.Append('}');
    }

    /// <summary>The order JSON.stringify lists the keys of cosmjs's sorted object in (see the class summary).</summary>
    internal static int CompareKeys(string a, string b)
    {
        var ia = ArrayIndex(a);
        var ib = ArrayIndex(b);
        if (ia is not null || ib is not null)
        {
            if (ia is null)
            {
                return 1;
            }
            if (ib is null)
            {
                return -1;
            }
            return ia.Value.CompareTo(ib.Value);
        }
        return string.CompareOrdinal(a, b);
    }

    /// <summary>ECMAScript array index: the canonical decimal form of an integer below 2^32 − 1.</summary>
    private static uint? ArrayIndex(string key)
    {
        if (key.Length == 0 || key.Length > 10 || (key.Length > 1 && key[0] == '0'))
        {
            return null;
        }
        foreach (var c in key)
        {
            if (c is < '0' or > '9')
            {
                return null;
            }
        }
        var value = ulong.Parse(key, NumberStyles.None, CultureInfo.InvariantCulture);
        return value < uint.MaxValue ? (uint)value : null;
    }

    /// <summary>
    /// JSON.stringify's QuoteJSONString (short escapes for \b \t \n \f \r " \, <c>\u00xx</c> for other controls and
    /// lone surrogates, lowercase hex), then cosmjs's <c>escapeCharacters</c> for &amp; &lt; &gt;.
    /// </summary>
    internal static void WriteString(StringBuilder sb, string value)
    {
        sb.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\b': sb.Append("\\b"); break;
                case '\t': sb.Append("\\t"); break;
                case '\n': sb.Append("\\n"); break;
                case '\f': sb.Append("\\f"); break;
                case '\r': sb.Append("\\r"); break;
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '&': sb.Append("\\u0026"); break;
                case '<': sb.Append("\\u003c"); break;
                case '>': sb.Append("\\u003e"); break;
                default:
                    if (c < 0x20)
                    {
                        AppendUnicodeEscape(sb, c);
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        sb.Append(c).Append(value[i + 1]);
                        i++;
                    }
                    else if (char.IsSurrogate(c))
                    {
                        AppendUnicodeEscape(sb, c);
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        sb.Append('"');
    }

    private static void AppendUnicodeEscape(StringBuilder sb, char c) =>
        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
}
