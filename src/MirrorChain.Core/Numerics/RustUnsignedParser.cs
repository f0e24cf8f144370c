using System.Numerics;

namespace MirrorChain.Core.Numerics;

/// <summary>
/// Rust's <c>str::parse::&lt;u128&gt;()</c> (and, for 256 bits, the same grammar): an optional single leading '+',
/// then one or more ASCII digits; no '-', whitespace, '_' or other characters. Leading zeros are allowed.
/// Digits are consumed left to right and the first failure wins (an invalid digit is detected before the
/// overflow of the same step), exactly like <c>u128::from_str_radix</c>.
/// </summary>
internal static class RustUnsignedParser
{
    private static readonly UInt128 MaxDiv10 = UInt128.MaxValue / 10;

    public static RustParseIntError TryParseU128(ReadOnlySpan<char> text, out UInt128 value)
    {
        value = UInt128.Zero;
        var digits = StripSign(text, out var error);
        if (error != RustParseIntError.None)
        {
            return error;
        }
        var result = UInt128.Zero;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return RustParseIntError.InvalidDigit;
            }
            if (result > MaxDiv10)
            {
                return RustParseIntError.PosOverflow;
            }
            result *= 10;
            var digit = (uint)(c - '0');
            if (result > UInt128.MaxValue - digit)
            {
                return RustParseIntError.PosOverflow;
            }
            result += digit;
        }
        value = result;
        return RustParseIntError.None;
    }

    /// <summary>The same grammar for a 256-bit unsigned integer (overflow above 2^256 - 1).</summary>
    public static RustParseIntError TryParseU256(ReadOnlySpan<char> text, out BigInteger value)
    {
        value = BigInteger.Zero;
        var digits = StripSign(text, out var error);
        if (error != RustParseIntError.None)
        {
            return error;
        }
        var result = BigInteger.Zero;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return RustParseIntError.InvalidDigit;
            }
            result = result * 10 + (c - '0');
            if (result > FullWidth.MaxUint256)
            {
                return RustParseIntError.PosOverflow;
            }
        }
        value = result;
        return RustParseIntError.None;
    }

    /// <summary>The Display text of Rust's <c>ParseIntError</c>.</summary>
    public static string Describe(RustParseIntError error) => error switch
    {
        RustParseIntError.Empty => "cannot parse integer from empty string",
        RustParseIntError.InvalidDigit => "invalid digit found in string",
        RustParseIntError.PosOverflow => "number too large to fit in target type",
        _ => throw new ArgumentOutOfRangeException(nameof(error)),
    };

    private static ReadOnlySpan<char> StripSign(ReadOnlySpan<char> text, out RustParseIntError error)
    {
        error = RustParseIntError.None;
        if (text.IsEmpty)
        {
            error = RustParseIntError.Empty;
            return text;
        }
        if (text[0] == '+' || text[0] == '-')
        {
            if (text.Length == 1)
            {
                error = RustParseIntError.InvalidDigit;
                return text;
            }
            // '-' is not stripped for an unsigned type: it then fails as an invalid digit.
            return text[0] == '+' ? text[1..] : text;
        }
        return text;
    }
}
