using System.Globalization;
using System.Numerics;

namespace MirrorChain.Rpc;

/// <summary>
/// An exact decimal number (<see cref="Mantissa"/> × 10^-<see cref="Scale"/>) for tx_search numeric comparisons.
/// Exact where CometBFT uses big floats; the same results for the integers and short decimals events carry.
/// </summary>
internal readonly record struct QueryNumber(BigInteger Mantissa, int Scale) : IComparable<QueryNumber>
{
    /// <summary>A query literal: digits with an optional fraction (<c>\d+(\.\d+)?</c>, as the scanner accepts).</summary>
    public static QueryNumber ParseLiteral(string text) =>
        TryParsePrefix(text, out var n, out var length) && length == text.Length
            ? n
            : throw new FormatException($"invalid number {text}");

    /// <summary>
    /// An attribute value as CometBFT reads it: a whole (optionally signed) integer, or else the leading
    /// <c>\d+(\.\d+)?</c> of the text, so <c>"8uluna"</c> reads as 8. False when neither applies.
    /// </summary>
    public static bool TryParseAttribute(string text, out QueryNumber number)
    {
        if (IsSignedInteger(text))
        {
            number = new QueryNumber(BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), 0);
            return true;
        }
        return TryParsePrefix(text, out number, out _);
    }

    public int CompareTo(QueryNumber other)
    {
        if (Scale == other.Scale)
        {
            return Mantissa.CompareTo(other.Mantissa);
        }
        return Scale < other.Scale
            ? (Mantissa * BigInteger.Pow(10, other.Scale - Scale)).CompareTo(other.Mantissa)
            : Mantissa.CompareTo(other.Mantissa * BigInteger.Pow(10, Scale - other.Scale));
    }

    /// <summary>The largest integer ≤ this number.</summary>
    public BigInteger Floor()
    {
        var q = BigInteger.DivRem(Mantissa, BigInteger.Pow(10, Scale), out var rem);
        return rem.Sign < 0 ? q - 1 : q;
    }

    /// <summary>The smallest integer ≥ this number.</summary>
    public BigInteger Ceiling()
    {
        var q = BigInteger.DivRem(Mantissa, BigInteger.Pow(10, Scale), out var rem);
        return rem.Sign > 0 ? q + 1 : q;
    }

    public bool IsInteger => Scale == 0 || BigInteger.Remainder(Mantissa, BigInteger.Pow(10, Scale)).IsZero;

    private static bool IsSignedInteger(string text)
    {
        var start = text.Length > 0 && (text[0] == '+' || text[0] == '-') ? 1 : 0;
        if (text.Length == start)
        {
            return false;
        }
        for (var i = start; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static bool TryParsePrefix(string text, out QueryNumber number, out int length)
    {
        number = default;
        var i = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }
        if (i == 0)
        {
            length = 0;
            return false;
        }
        var intPart = text[..i];
        var fraction = "";
        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            var j = i + 1;
            while (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                j++;
            }
            fraction = text[(i + 1)..j];
            i = j;
        }
        length = i;
        number = new QueryNumber(BigInteger.Parse(intPart + fraction, NumberStyles.None, CultureInfo.InvariantCulture), fraction.Length);
        return true;
    }
}
