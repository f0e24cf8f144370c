using System.Globalization;
using System.Numerics;

namespace MirrorChain.Core.Numerics;

/// <summary>
/// cosmwasm's <c>Decimal::from_str</c> / Display for 18 fractional digits, shared by <see cref="Decimal"/> (128-bit
/// atomics) and <see cref="Decimal256"/> (256-bit atomics).
/// </summary>
internal static class FixedPointText
{
    public const int Places = 18;

    private static readonly BigInteger Fractional = BigInteger.Pow(10, Places);

    /// <summary>
    /// Parses like cosmwasm: split on '.'; the whole part and the fractional part are each parsed as an unsigned
    /// integer of the backing width (Rust grammar, so a leading '+' is accepted); the fractional part's length
    /// (including such a '+') may be at most 18. Returns null on success, else the generic_err message.
    /// Checks run in cosmwasm's order: whole, its scaling, fractional, its length, the sum, then extra dots.
    /// </summary>
    public static string? TryParse(string input, bool wide, out BigInteger atomics)
    {
        atomics = BigInteger.Zero;
        var max = wide ? FullWidth.MaxUint256 : (BigInteger)UInt128.MaxValue;
        var firstDot = input.IndexOf('.');
        var wholePart = firstDot < 0 ? input.AsSpan() : input.AsSpan(0, firstDot);
        if (!TryParseUnsigned(wholePart, wide, out var whole))
        {
            return "Error parsing whole";
        }
        var result = whole * Fractional;
        if (result > max)
        {
            return "Value too big";
        }
        if (firstDot >= 0)
        {
            var rest = input.AsSpan(firstDot + 1);
            var secondDot = rest.IndexOf('.');
            var fractionalPart = secondDot < 0 ? rest : rest[..secondDot];
            if (!TryParseUnsigned(fractionalPart, wide, out var fractional))
            {
                return "Error parsing fractional";
            }
            if (fractionalPart.Length > Places)
            {
                return $"Cannot parse more than {Places} fractional digits";
            }
            result += fractional * BigInteger.Pow(10, Places - fractionalPart.Length);
            if (result > max)
            {
                return "Value too big";
            }
            if (secondDot >= 0)
            {
                return "Unexpected number of dots";
            }
        }
        atomics = result;
        return null;
    }

    /// <summary>Display: the integer part, then '.' and the 18-digit fraction with trailing zeros trimmed (no '.' if zero).</summary>
    public static string Format(UInt128 atomics)
    {
        var fractional = (ulong)(atomics % Decimal.Fractional);
        var whole = (atomics / Decimal.Fractional).ToString(CultureInfo.InvariantCulture);
        return fractional == 0 ? whole : whole + "." + fractional.ToString("D18", CultureInfo.InvariantCulture).TrimEnd('0');
    }

    /// <inheritdoc cref="Format(UInt128)"/>
    public static string Format(BigInteger atomics)
    {
        var whole = BigInteger.DivRem(atomics, Fractional, out var remainder);
        var wholeText = whole.ToString(CultureInfo.InvariantCulture);
        var fractional = (ulong)remainder;
        return fractional == 0 ? wholeText : wholeText + "." + fractional.ToString("D18", CultureInfo.InvariantCulture).TrimEnd('0');
    }

    private static bool TryParseUnsigned(ReadOnlySpan<char> text, bool wide, out BigInteger value)
    {
        if (wide)
        {
            return RustUnsignedParser.TryParseU256(text, out value) == RustParseIntError.None;
        }
        var ok = RustUnsignedParser.TryParseU128(text, out var narrow) == RustParseIntError.None;
        value = narrow;
        return ok;
    }
}
