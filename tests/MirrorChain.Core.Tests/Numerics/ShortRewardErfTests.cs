using static MirrorChain.Core.Tests.Numerics.Num;

namespace MirrorChain.Core.Tests.Numerics;

/// <summary>
/// A long chain of Mirror's 9-digit helpers: the short-reward erf approximation (Mirror
/// contracts/mirror_short_reward/src/math.rs <c>erf_plus_one</c>; the later master divides by 2.5 and caps at 0.8,
/// v2.1.4 divides by 5 and caps at 0.4), evaluated here only to check that every intermediate truncation reproduces the
/// weights the upstream tests in contracts/mirror_short_reward/src/tests.rs assert (rows between them computed the same
/// way).
/// </summary>
public class ShortRewardErfTests
{
    private static Decimal Dm(Decimal a, Decimal b) => MirrorMath.DecimalMultiplication(a, b);

    private static Decimal Ds(Decimal a, Decimal b) => MirrorMath.CheckedDecimalSubtraction(a, b);

    private static (bool Positive, Decimal Value) SumAndMultiplyX(bool s1, bool s2, bool sx, Decimal n1, Decimal n2, Decimal x)
    {
        if (s1 == s2)
        {
            return (s1 == sx, Dm(n1 + n2, x));
        }
        return n1 > n2 ? (s1 == sx, Dm(Ds(n1, n2), x)) : (s2 == sx, Dm(Ds(n2, n1), x));
    }

    private static Decimal ErfPlusOne(bool positiveX, Decimal x)
    {
        const ulong e10 = 10_000_000_000;
        var a = new ulong[] { 705230784, 422820123, 92705272, 1520143, 2765672, 430638 }.Select(k => Decimal.FromRatio(k, e10)).ToArray();
        var two = Decimal.One + Decimal.One;
        var sign = positiveX;
        var num = Dm(a[5], x);
        foreach (var coefficient in new[] { a[4], a[3], a[2], a[1], a[0] })
        {
            (sign, num) = SumAndMultiplyX(sign, true, positiveX, num, coefficient, x);
        }
        num = sign ? num + Decimal.One : num > Decimal.One ? Ds(num, Decimal.One) : Ds(Decimal.One, num);
        var n16 = Dm(num, num);
        for (var i = 0; i < 3; i++)
        {
            n16 = Dm(n16, n16);
        }
        var reverse = MirrorMath.ReverseDecimal(n16);
        if (reverse > two)
        {
            return Decimal.Zero;
        }
        return Decimal.FromRatio(Ds(two, reverse) * (UInt128)1_000_000, 1_000_000);
    }

    private static Decimal Weight(Decimal premium, bool head)
    {
        if (premium > Decimal.Percent(7))
        {
            return Decimal.Percent(head ? 80UL : 40UL);
        }
        var two = Decimal.One + Decimal.One;
        var sqrtTwo = Decimal.FromRatio(14142135624, 10_000_000_000);
        var p = Dm(premium, Decimal.FromRatio(100, 1));
        var (positive, x) = p > two
            ? (true, MirrorMath.DecimalDivision(Ds(p, two), sqrtTwo))
            : (false, MirrorMath.DecimalDivision(Ds(two, p), sqrtTwo));
        return MirrorMath.DecimalDivision(ErfPlusOne(positive, x), head ? Decimal.FromRatio(5, 2) : Decimal.FromRatio(5, 1));
    }

    [Theory]
    [InlineData("0", "0.005236", "0.002618")]
    [InlineData("0.01", "0.1268336", "0.0634168")]
    [InlineData("0.015", "0.2468428", "0.1234214")]
    [InlineData("0.02", "0.4", "0.2")]
    [InlineData("0.03", "0.6730756", "0.3365378")]
    [InlineData("0.04", "0.7817996", "0.3908998")]
    [InlineData("0.05", "0.79892", "0.39946")]
    [InlineData("0.07", "0.7999996", "0.3999998")]
    [InlineData("0.0701", "0.8", "0.4")]
    [InlineData("0.08", "0.8", "0.4")]
    [InlineData("0.15", "0.8", "0.4")]
    public void ShortRewardWeightTable(string premium, string head, string v214)
    {
        Assert.Equal(head, Weight(D(premium), head: true).ToString());
        Assert.Equal(v214, Weight(D(premium), head: false).ToString());
    }

    [Theory]
    [InlineData(false, "2.1213203435", "0")]
    [InlineData(false, "1.4142135623", "0.01309")]
    [InlineData(true, "0", "1")]
    [InlineData(true, "1.4142135623", "1.954499")]
    public void ErfPlusOneUnitVectors(bool positive, string x, string expected) =>
        Assert.Equal(expected, ErfPlusOne(positive, D(x)).ToString());
}
