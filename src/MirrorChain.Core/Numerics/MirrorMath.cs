namespace MirrorChain.Core.Numerics;

/// <summary>
/// Mirror's own decimal helpers (<c>math.rs</c> in mint, oracle, collateral oracle, factory, staking and
/// short_reward; Terraswap v1–v2.5 has the same three). They scale by <see cref="DecimalFractional"/> = 10^9, so every
/// Decimal input is first truncated to 9 decimals: t(x) = floor(x·10^9), computed as <c>Uint128 × Decimal</c>.
/// </summary>
public static class MirrorMath
{
    /// <summary>10^9, Mirror's <c>DECIMAL_FRACTIONAL</c> (not cosmwasm's 10^18).</summary>
    public static readonly UInt128 DecimalFractional = 1_000_000_000UL;

    /// <summary>t(x) = floor(x·10^9), the operand truncated to 9 decimals, as an integer.</summary>
    public static UInt128 Truncate9(Decimal x) => Decimal.Mul(DecimalFractional, x);

    /// <summary>
    /// <c>decimal_division(a, b)</c> = from_ratio(t(a), t(b)): an 18-digit floored quotient of the 9-digit truncations.
    /// Panics "Denominator must not be zero" when t(b) = 0 (b &lt; 10^-9), e.g. a zero price.
    /// </summary>
    public static Decimal DecimalDivision(Decimal a, Decimal b) => Decimal.FromRatio(Truncate9(a), Truncate9(b));

    /// <summary>
    /// <c>decimal_multiplication(a, b)</c> = from_ratio(floor(t(a)·b), 10^9): the result has at most 9 decimals
    /// (1.5 × 1.333333333333333333 = 1.999999999). Panics on overflow of the range.
    /// </summary>
    public static Decimal DecimalMultiplication(Decimal a, Decimal b) =>
        Decimal.FromRatio(Decimal.Mul(Truncate9(a), b), DecimalFractional);

    /// <summary>
    /// <c>decimal_subtraction(a, b)</c> = from_ratio(t(a) − t(b), 10^9), as in mint/oracle/collateral oracle, which
    /// <c>unwrap</c> the subtraction: a &lt; b (after truncation) panics.
    /// </summary>
    public static Decimal DecimalSubtraction(Decimal a, Decimal b)
    {
        var ta = Truncate9(a);
        var tb = Truncate9(b);
        return ta < tb
            ? throw PanicException.Unwrap(StdException.Overflow(OverflowOperation.Sub, ta, tb))
            : Decimal.FromRatio(ta - tb, DecimalFractional);
    }

    /// <summary>
    /// <c>decimal_subtraction(a, b) -&gt; StdResult&lt;Decimal&gt;</c>, as in short_reward/staking/factory, which use
    /// <c>checked_sub(..)?</c>: a &lt; b throws <see cref="StdException"/> "Overflow: Cannot Sub with {t(a)} and {t(b)}".
    /// </summary>
    public static Decimal CheckedDecimalSubtraction(Decimal a, Decimal b) =>
        Decimal.FromRatio(Uint128Math.CheckedSub(Truncate9(a), Truncate9(b)), DecimalFractional);

    /// <summary>
    /// <c>reverse_decimal(d)</c> = from_ratio(10^9, t(d)) ≈ 1/d floored at 18 digits (1/1.5 = 0.666666666666666666).
    /// Panics "Denominator must not be zero" when t(d) = 0.
    /// </summary>
    public static Decimal ReverseDecimal(Decimal d) => Decimal.FromRatio(DecimalFractional, Truncate9(d));

    /// <summary><c>decimal_min(a, b)</c>: the smaller value (b when equal, which is the same value).</summary>
    public static Decimal DecimalMin(Decimal a, Decimal b) => a < b ? a : b;
}
