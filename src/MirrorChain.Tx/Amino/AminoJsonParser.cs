using System.Globalization;
using System.Text;
using MirrorChain.Core;

namespace MirrorChain.Tx.Amino;

/// <summary>
/// Parses a contract message (UTF-8 JSON) into the value cosmjs puts in the sign doc: wasmd's amino JSON writes
/// <c>msg</c> as the JSON object itself, and cosmjs's converter (@cosmjs/cosmwasm-stargate
/// modules/wasm/aminomessages.ts, <c>msg: JSON.parse(fromUtf8(msg))</c>) re-serializes it, so whitespace goes, keys
/// are sorted, the last of duplicate keys wins, and numbers take JavaScript's form (<c>1.50</c> → <c>1.5</c>,
/// <c>1e3</c> → <c>1000</c>). Numbers are normalized exactly, without floating point: any number with at most 15
/// significant digits (every such decimal survives a round trip through a double, and the shortest form
/// JavaScript and Go both print is its digits without trailing zeros), and integers up to 2^53. Other numbers
/// would be rounded by JavaScript, so they are refused with a clear error (sign such a tx in SIGN_MODE_DIRECT).
/// </summary>
public static class AminoJsonParser
{
    private const int MaxDepth = 256;
    private const int MaxExactDigits = 15;
    private static readonly UInt128 MaxSafeInteger = (UInt128)1 << 53;

    /// <summary>Parses <paramref name="json"/>; a value it cannot represent exactly is code 4 naming it.</summary>
    public static AminoJson Parse(ReadOnlySpan<byte> json)
    {
        var pos = 0;
        SkipWhitespace(json, ref pos);
        var value = ParseValue(json, ref pos, 0);
        SkipWhitespace(json, ref pos);
        if (pos != json.Length)
        {
            throw Error("trailing data after the JSON value");
        }
        return value;
    }

    /// <summary>A JSON number token → JavaScript's <c>Number.prototype.toString()</c> of its value (or code 4).</summary>
    public static string NormalizeNumber(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var span = token.AsSpan();
        var negative = span.Length > 0 && span[0] == '-';
        if (negative)
        {
            span = span[1..];
        }
        var exponentAt = span.IndexOfAny('e', 'E');
        var mantissa = exponentAt < 0 ? span : span[..exponentAt];
        long exponent = 0;
        if (exponentAt >= 0)
        {
            var exp = span[(exponentAt + 1)..];
            var expNegative = exp.Length > 0 && exp[0] == '-';
            if (exp.Length > 0 && (exp[0] == '-' || exp[0] == '+'))
            {
                exp = exp[1..];
            }
            exp = exp.TrimStart('0');
            if (exp.Length > 6)
            {
                throw Error($"number {token} is out of range");
            }
            exponent = exp.Length == 0 ? 0 : long.Parse(exp, NumberStyles.None, CultureInfo.InvariantCulture);
            if (expNegative)
            {
                exponent = -exponent;
            }
        }
        var dot = mantissa.IndexOf('.');
        var intPart = dot < 0 ? mantissa : mantissa[..dot];
        var fracPart = dot < 0 ? [] : mantissa[(dot + 1)..];
        var digits = string.Concat(intPart, fracPart);
        // value = 0.digits × 10^point
        var point = intPart.Length + exponent;
        var lead = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        if (digits.Length == 0)
        {
            return "0"; // JavaScript prints -0 as "0"
        }
        point -= lead;
        var k = digits.Length;
        var exactDecimal = k <= MaxExactDigits && point >= -306 && point <= 308;
        var safeInteger = point >= k && point <= 16 && UInt128.Parse(digits + new string('0', (int)(point - k)), CultureInfo.InvariantCulture) <= MaxSafeInteger;
        if (!exactDecimal && !safeInteger)
        {
            throw Error($"number {token} cannot be represented exactly in JSON as JavaScript reads it");
        }
        var text = Format(digits, (int)point);
        return negative ? "-" + text : text;
    }

    /// <summary>ECMAScript Number::toString for 0.digits × 10^n (digits without leading or trailing zeros).</summary>
    private static string Format(string digits, int n)
    {
        var k = digits.Length;
        if (k <= n && n <= 21)
        {
            return digits + new string('0', n - k);
        }
        if (0 < n && n <= 21)
        {
            return string.Concat(digits.AsSpan(0, n), ".", digits.AsSpan(n));
        }
        if (-6 < n && n <= 0)
        {
            return "0." + new string('0', -n) + digits;
        }
        var e = n - 1;
        var exp = (e < 0 ? "-" : "+") + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
        return k == 1 ? $"{digits}e{exp}" : $"{digits[0]}.{digits[1..]}e{exp}";
    }

    private static AminoJson ParseValue(ReadOnlySpan<byte> json, ref int pos, int depth)
    {
        if (pos >= json.Length)
        {
            throw Error("unexpected end of JSON");
        }
        switch (json[pos])
        {
            case (byte)'{':
                return ParseObject(json, ref pos, depth + 1);
            case (byte)'[':
                return ParseArray(json, ref pos, depth + 1);
            case (byte)'"':
                return new AminoJson.String(ParseString(json, ref pos));
            case (byte)'t':
                return ParseLiteral(json, ref pos, "true");
            case (byte)'f':
                return ParseLiteral(json, ref pos, "false");
            case (byte)'n':
                return ParseLiteral(json, ref pos, "null");
            default:
                return new AminoJson.Literal(NormalizeNumber(ReadNumber(json, ref pos)));
        }
    }

    private static AminoJson.Object ParseObject(ReadOnlySpan<byte> json, ref int pos, int depth)
    {
        CheckDepth(depth);
        pos++; // {
        var members = new List<KeyValuePair<string, AminoJson>>();
        SkipWhitespace(json, ref pos);
        if (Peek(json, pos) == '}')
        {
            pos++;
            return new AminoJson.Object(members);
        }
        while (true)
        {
            SkipWhitespace(json, ref pos);
            if (Peek(json, pos) != '"')
            {
                throw Error("expected an object key");
            }
            var key = ParseString(json, ref pos);
            SkipWhitespace(json, ref pos);
            Expect(json, ref pos, ':');
            SkipWhitespace(json, ref pos);
            members.Add(new(key, ParseValue(json, ref pos, depth)));
            SkipWhitespace(json, ref pos);
            if (Peek(json, pos) == ',')
            {
                pos++;
                continue;
            }
            Expect(json, ref pos, '}');
            return new AminoJson.Object(members);
        }
    }

    private static AminoJson.Array ParseArray(ReadOnlySpan<byte> json, ref int pos, int depth)
    {
        CheckDepth(depth);
        pos++; // [
        var items = new List<AminoJson>();
        SkipWhitespace(json, ref pos);
        if (Peek(json, pos) == ']')
        {
            pos++;
            return new AminoJson.Array(items);
        }
        while (true)
        {
            SkipWhitespace(json, ref pos);
            items.Add(ParseValue(json, ref pos, depth));
            SkipWhitespace(json, ref pos);
            if (Peek(json, pos) == ',')
            {
                pos++;
                continue;
            }
            Expect(json, ref pos, ']');
            return new AminoJson.Array(items);
        }
    }

    private static string ParseString(ReadOnlySpan<byte> json, ref int pos)
    {
        pos++; // opening quote
        var sb = new StringBuilder();
        var runStart = pos;
        while (true)
        {
            if (pos >= json.Length)
            {
                throw Error("unterminated string");
            }
            var b = json[pos];
            if (b == '"' || b == '\\')
            {
                sb.Append(Utf8(json[runStart..pos]));
                if (b == '"')
                {
                    pos++;
                    return sb.ToString();
                }
                pos++;
                sb.Append(ParseEscape(json, ref pos));
                runStart = pos;
            }
            else if (b < 0x20)
            {
                throw Error("control character in a string");
            }
            else
            {
                pos++;
            }
        }
    }

    private static char ParseEscape(ReadOnlySpan<byte> json, ref int pos)
    {
        var c = Peek(json, pos);
        pos++;
        switch (c)
        {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                if (pos + 4 > json.Length
                    || !ushort.TryParse(Encoding.ASCII.GetString(json.Slice(pos, 4)), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    throw Error("invalid \\u escape");
                }
                pos += 4;
                return (char)code;
            default:
                throw Error("invalid escape in a string");
        }
    }

    private static string ReadNumber(ReadOnlySpan<byte> json, ref int pos)
    {
        var start = pos;
        if (Peek(json, pos) == '-')
        {
            pos++;
        }
        if (Peek(json, pos) == '0')
        {
            pos++;
        }
        else if (!ReadDigits(json, ref pos))
        {
            throw Error("invalid JSON value");
        }
        if (Peek(json, pos) == '.')
        {
            pos++;
            if (!ReadDigits(json, ref pos))
            {
                throw Error("invalid number");
            }
        }
        if (Peek(json, pos) is 'e' or 'E')
        {
            pos++;
            if (Peek(json, pos) is '+' or '-')
            {
                pos++;
            }
            if (!ReadDigits(json, ref pos))
            {
                throw Error("invalid number");
            }
        }
        return Encoding.ASCII.GetString(json[start..pos]);
    }

    private static bool ReadDigits(ReadOnlySpan<byte> json, ref int pos)
    {
        var start = pos;
        while (pos < json.Length && json[pos] is >= (byte)'0' and <= (byte)'9')
        {
            pos++;
        }
        return pos > start;
    }

    private static AminoJson.Literal ParseLiteral(ReadOnlySpan<byte> json, ref int pos, string literal)
    {
        if (pos + literal.Length > json.Length || Encoding.ASCII.GetString(json.Slice(pos, literal.Length)) != literal)
        {
            throw Error("invalid JSON value");
        }
        pos += literal.Length;
        return new AminoJson.Literal(literal);
    }

    private static void SkipWhitespace(ReadOnlySpan<byte> json, ref int pos)
    {
        while (pos < json.Length && json[pos] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            pos++;
        }
    }

    private static char Peek(ReadOnlySpan<byte> json, int pos) => pos < json.Length ? (char)json[pos] : '\0';

    private static void Expect(ReadOnlySpan<byte> json, ref int pos, char c)
    {
        if (Peek(json, pos) != c)
        {
            throw Error($"expected '{c}'");
        }
        pos++;
    }

    private static void CheckDepth(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error($"nested deeper than {MaxDepth} levels");
        }
    }

    private static string Utf8(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? "" : Encoding.UTF8.GetString(bytes);

    private static SdkException Error(string what) =>
        SdkError.Unauthorized.Wrap($"cannot build the SIGN_MODE_LEGACY_AMINO_JSON sign doc: contract message: {what}; sign this tx with SIGN_MODE_DIRECT");
}
