using MirrorChain.Core.Numerics;

namespace MirrorChain.Contracts.Mirror.ShortReward;

/// <summary>
/// mirror_short_reward's <c>math.rs</c>: an integer approximation of 1 + erf(x) (Abramowitz–Stegun 7.1.28) evaluated
/// with Mirror's 9-decimal helpers, carrying the sign of x through each Horner step. It is <b>not</b> the true erf
/// (premium 0 gives 0.002618 in v2.1.4 where 0.4·(1+erf(−√2)) would be 0.0091); only this exact step sequence
/// reproduces the contract's answers.
/// </summary>
public static class ErfMath
{
    private const ulong E6 = 1_000_000;
    private const ulong E10 = 10_000_000_000;

    /// <summary>premium_rate above this (strictly) gets the cap.</summary>
    public static readonly Decimal CapThreshold = Decimal.Percent(7);

    /// <summary>v2.1.4's cap: 0.4 (HEAD #98 raised it to 0.8).</summary>
    public static readonly Decimal Cap = Decimal.Percent(40);

    private static readonly Decimal Two = Decimal.One + Decimal.One;
    private static readonly Decimal SqrtTwo = Decimal.FromRatio(14_142_135_624UL, E10);

    // a1..a6 of 1 + a1·x + a2·x² + … + a6·x⁶
    private static readonly Decimal A1 = Decimal.FromRatio(705_230_784UL, E10);
    private static readonly Decimal A2 = Decimal.FromRatio(422_820_123UL, E10);
    private static readonly Decimal A3 = Decimal.FromRatio(92_705_272UL, E10);
    private static readonly Decimal A4 = Decimal.FromRatio(1_520_143UL, E10);
    private static readonly Decimal A5 = Decimal.FromRatio(2_765_672UL, E10);
    private static readonly Decimal A6 = Decimal.FromRatio(430_638UL, E10);

    /// <summary>
    /// <c>query_short_reward_weight</c> (v2.1.4): premium &gt; 7% → 0.4; else p = premium·100 (9-dp product),
    /// x = |p − 2| / √2 with the sign of p − 2 (p = 2 counts as negative, x = 0), weight = erf_plus_one(sign, x) / 5.
    /// </summary>
    public static Decimal ShortRewardWeight(Decimal premiumRate)
    {
        if (premiumRate > CapThreshold)
        {
            return Cap;
        }
        var p = MirrorMath.DecimalMultiplication(premiumRate, Decimal.FromRatio(100UL, 1UL));
        var positive = p > Two;
        var x = positive
            ? MirrorMath.DecimalDivision(MirrorMath.CheckedDecimalSubtraction(p, Two), SqrtTwo)
            : MirrorMath.DecimalDivision(MirrorMath.CheckedDecimalSubtraction(Two, p), SqrtTwo);
        return MirrorMath.DecimalDivision(ErfPlusOne(positive, x), Decimal.FromRatio(5UL, 1UL));
    }

    /// <summary>
    /// <c>erf_plus_one(sign_x, x)</c>: the signed Horner polynomial n = 1 + a1·x + … + a6·x⁶, then
    /// 2 − 1/n¹⁶ (0 when 1/n¹⁶ &gt; 2), truncated to 6 decimals.
    /// </summary>
    public static Decimal ErfPlusOne(bool positiveX, Decimal x)
    {
        var sign = positiveX;
        var num = MirrorMath.DecimalMultiplication(A6, x);
        foreach (var a in (ReadOnlySpan<Decimal>)[A5, A4, A3, A2, A1])
        {
            (sign, num) = SumAndMultiplyX(sign, true, positiveX, num, a, x);
        }
        if (sign)
        {
            num += Decimal.One;
        }
        else
        {
            num = num > Decimal.One
                ? MirrorMath.CheckedDecimalSubtraction(num, Decimal.One)
                : MirrorMath.CheckedDecimalSubtraction(Decimal.One, num);
        }

        // the sign is ignored from here on
        var num2 = MirrorMath.DecimalMultiplication(num, num);
        var num4 = MirrorMath.DecimalMultiplication(num2, num2);
        var num8 = MirrorMath.DecimalMultiplication(num4, num4);
        var num16 = MirrorMath.DecimalMultiplication(num8, num8);
        var reverse = MirrorMath.ReverseDecimal(num16);
        if (reverse > Two)
        {
            return Decimal.Zero;
        }
        var erfPlusOne = MirrorMath.CheckedDecimalSubtraction(Two, reverse);
        // maximum error 3e-7: keep 6 decimals
        return Decimal.FromRatio(Decimal.Mul(erfPlusOne, (UInt128)E6), E6);
    }

    /// <summary>
    /// <c>sum_and_multiply_x(s1, s2, sx, n1, n2, x)</c>: (s1·n1 + s2·n2)·x as (sign, magnitude), where the product's
    /// sign is + when the sum's sign equals sx.
    /// </summary>
    private static (bool Sign, Decimal Value) SumAndMultiplyX(bool sign1, bool sign2, bool signX, Decimal num1, Decimal num2, Decimal x)
    {
        if (sign1 == sign2)
        {
            return (sign1 == signX, MirrorMath.DecimalMultiplication(num1 + num2, x));
        }
        if (num1 > num2)
        {
            return (sign1 == signX, MirrorMath.DecimalMultiplication(MirrorMath.CheckedDecimalSubtraction(num1, num2), x));
        }
        return (sign2 == signX, MirrorMath.DecimalMultiplication(MirrorMath.CheckedDecimalSubtraction(num2, num1), x));
    }
}
