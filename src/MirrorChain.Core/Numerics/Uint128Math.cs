using System.Globalization;

namespace MirrorChain.Core.Numerics;

/// <summary>
/// cosmwasm-std 0.16 <c>Uint128</c> semantics over <see cref="UInt128"/>.
/// <list type="bullet">
/// <item><c>Checked*</c> return cosmwasm's <c>checked_*</c> errors as <see cref="StdException"/> (what a contract
/// propagates with <c>?</c>): "Overflow: Cannot Sub with 100 and 200", "Divide by zero: Cannot devide 5 by zero".</item>
/// <item><see cref="Add"/>, <see cref="Sub"/>, <see cref="Mul"/>, <see cref="Div"/> are the operators <c>+ - * /</c>,
/// which panic (<see cref="PanicException"/>) on overflow or division by zero.</item>
/// </list>
/// </summary>
public static class Uint128Math
{
    public static UInt128 CheckedAdd(UInt128 a, UInt128 b) =>
        a > UInt128.MaxValue - b ? throw StdException.Overflow(OverflowOperation.Add, a, b) : a + b;

    public static UInt128 CheckedSub(UInt128 a, UInt128 b) =>
        a < b ? throw StdException.Overflow(OverflowOperation.Sub, a, b) : a - b;

    public static UInt128 CheckedMul(UInt128 a, UInt128 b) =>
        TryMul(a, b, out var product) ? product : throw StdException.Overflow(OverflowOperation.Mul, a, b);

    public static UInt128 CheckedDiv(UInt128 a, UInt128 b) =>
        b == UInt128.Zero ? throw StdException.DivideByZero(a) : a / b;

    public static UInt128 CheckedRem(UInt128 a, UInt128 b) =>
        b == UInt128.Zero ? throw StdException.DivideByZero(a) : a % b;

    /// <summary><c>a + b</c>: panics "attempt to add with overflow".</summary>
    public static UInt128 Add(UInt128 a, UInt128 b) => a > UInt128.MaxValue - b ? throw PanicException.AddOverflow() : a + b;

    /// <summary><c>a - b</c>: panics "attempt to subtract with overflow".</summary>
    public static UInt128 Sub(UInt128 a, UInt128 b) => a < b ? throw PanicException.SubOverflow() : a - b;

    /// <summary><c>a * b</c>: panics "attempt to multiply with overflow".</summary>
    public static UInt128 Mul(UInt128 a, UInt128 b) => TryMul(a, b, out var product) ? product : throw PanicException.MulOverflow();

    /// <summary><c>a / b</c>: panics "attempt to divide by zero".</summary>
    public static UInt128 Div(UInt128 a, UInt128 b) => b == UInt128.Zero ? throw PanicException.DivideByZero() : a / b;

    public static UInt128 SaturatingAdd(UInt128 a, UInt128 b) => a > UInt128.MaxValue - b ? UInt128.MaxValue : a + b;

    public static UInt128 SaturatingSub(UInt128 a, UInt128 b) => a < b ? UInt128.Zero : a - b;

    public static UInt128 SaturatingMul(UInt128 a, UInt128 b) => TryMul(a, b, out var product) ? product : UInt128.MaxValue;

    /// <summary>
    /// <c>value.multiply_ratio(numerator, denominator)</c> = floor(value·numerator / denominator) with a 256-bit
    /// intermediate. Panics "Denominator must not be zero" when denominator is 0 and "multiplication overflow"
    /// when the quotient exceeds 2^128 - 1.
    /// </summary>
    public static UInt128 MultiplyRatio(UInt128 value, UInt128 numerator, UInt128 denominator)
    {
        if (denominator == UInt128.Zero)
        {
            throw PanicException.ZeroDenominator();
        }
        return FullWidth.TryMulDiv(value, numerator, denominator, out var result) ? result : throw PanicException.RatioOverflow();
    }

    /// <summary>
    /// floor(√value), exact. This is the <c>integer-sqrt</c> crate's <c>integer_sqrt()</c> on u128 (Terraswap v1/v2.4's
    /// initial LP share) and cosmwasm's <c>Isqrt</c>.
    /// </summary>
    public static UInt128 IntegerSqrt(UInt128 value) => (UInt128)FullWidth.Isqrt(value);

    /// <summary>
    /// Terraswap v1/v2.4 initial LP share: <c>(d0 * d1).integer_sqrt()</c> on u128. The product is computed with
    /// overflow checks, so deposits whose product exceeds 2^128 - 1 panic "attempt to multiply with overflow".
    /// </summary>
    public static UInt128 InitialShare(UInt128 deposit0, UInt128 deposit1) => IntegerSqrt(Mul(deposit0, deposit1));

    /// <summary>The decimal text cosmwasm writes for a Uint128 (its JSON string content and Display form).</summary>
    public static string Format(UInt128 value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// <c>Uint128::from_str</c>: Rust's u128 grammar (optional leading '+', ASCII digits). Throws
    /// <see cref="StdException"/> "Generic error: Parsing u128: {reason}", reason being Rust's ParseIntError text.
    /// </summary>
    public static UInt128 Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var error = RustUnsignedParser.TryParseU128(text, out var value);
        return error == RustParseIntError.None
            ? value
            : throw StdException.GenericErr("Parsing u128: " + RustUnsignedParser.Describe(error));
    }

    public static bool TryParse(string? text, out UInt128 value)
    {
        value = UInt128.Zero;
        return text is not null && RustUnsignedParser.TryParseU128(text, out value) == RustParseIntError.None;
    }

    private static bool TryMul(UInt128 a, UInt128 b, out UInt128 product)
    {
        product = UInt128.Zero;
        if (a != UInt128.Zero && b > UInt128.MaxValue / a)
        {
            return false;
        }
        product = a * b;
        return true;
    }
}
