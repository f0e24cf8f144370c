using System.Globalization;
using System.Numerics;
using static MirrorChain.Core.Tests.Numerics.Num;

namespace MirrorChain.Core.Tests.Numerics;

public class Decimal256Tests
{
    private static readonly BigInteger Max256 = (BigInteger.One << 256) - 1;

    private static BigInteger B(string text) => BigInteger.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void ConstantsAndConstructors()
    {
        Assert.Equal(B("1000000000000000000"), Decimal256.One.Atomics);
        Assert.True(Decimal256.Zero.IsZero);
        Assert.True(default(Decimal256).IsZero);
        Assert.Equal(Max256, Decimal256.MaxValue.Atomics);
        Assert.Equal(
            "115792089237316195423570985008687907853269984665640564039457.584007913129639935",
            Decimal256.MaxValue.ToString());
        Assert.Equal(D256("0.003"), Decimal256.Permille(3));
        Assert.Equal(D256("0.5"), Decimal256.Percent(50));
        Assert.Equal(D256("123"), Decimal256.FromInteger(123));
        Assert.Equal(D256("0.000000000000000007"), Decimal256.FromAtomics(7));
        Assert.Throws<ArgumentOutOfRangeException>(() => Decimal256.FromAtomics(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Decimal256.FromAtomics(Max256 + 1));
    }

    [Fact]
    public void FromRatioFloorsAndChecksItsRange()
    {
        Assert.Equal(D256("0.666666666666666666"), Decimal256.FromRatio(20_000_000_000, 30_000_000_000));
        Assert.Equal(D256("19047619047.619047619047619047"), Decimal256.FromRatio(B("600000000000000000000"), 31_500_000_000));
        Assert.Equal(Decimal256.One, Decimal256.FromRatio(Max256, Max256));
        Assert.Equal("Denominator must not be zero", Assert.Throws<PanicException>(() => Decimal256.FromRatio(1, 0)).Message);
        Assert.Equal("multiplication overflow", Assert.Throws<PanicException>(() => Decimal256.FromRatio(Max256, 1)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Decimal256.FromRatio(-1, 1));
        Assert.Throws<PanicException>(() => Decimal256.FromInteger(Max256));
    }

    [Fact]
    public void ArithmeticFloorsAndPanicsOutOfRange()
    {
        Assert.Equal(D256("2"), D256("1.5") + D256("0.5"));
        Assert.Equal(D256("1"), D256("1.5") - D256("0.5"));
        Assert.Equal(D256("2.25"), D256("1.5") * D256("1.5"));
        Assert.Equal(D256("0.999999999999999999"), D256("0.333333333333333333") * D256("3"));
        Assert.Equal(D256("333.333333333333333333"), Decimal256.One / Decimal256.Permille(3));
        Assert.Equal(D256("1.003009027081243731"), Decimal256.One / D256("0.997"));
        Assert.Equal(D256("1.003009027081243731"), D256("0.997").Inv());
        Assert.Null(Decimal256.Zero.Inv());
        Assert.Equal("attempt to subtract with overflow", Assert.Throws<PanicException>(() => D256("0.5") - D256("1")).Message);
        Assert.Equal("attempt to add with overflow", Assert.Throws<PanicException>(() => Decimal256.MaxValue + D256("0.000000000000000001")).Message);
        Assert.Equal("attempt to multiply with overflow", Assert.Throws<PanicException>(() => Decimal256.MaxValue * D256("2")).Message);
        Assert.Equal("attempt to divide by zero", Assert.Throws<PanicException>(() => Decimal256.One / Decimal256.Zero).Message);
    }

    [Fact]
    public void UintTimesDecimal256Floors()
    {
        Assert.Equal(B("999999999"), new BigInteger(1_500_000_000) * D256("0.666666666666666666"));
        Assert.Equal(B("999999999"), D256("0.666666666666666666") * new BigInteger(1_500_000_000));
        Assert.Equal(Max256, Decimal256.Mul(Max256, Decimal256.One)); // needs a 512-bit intermediate
        Assert.Equal(BigInteger.Zero, Decimal256.Mul(0, Decimal256.MaxValue));
        Assert.Equal(BigInteger.Zero, Decimal256.Mul(Max256, Decimal256.Zero));
        Assert.Equal("multiplication overflow", Assert.Throws<PanicException>(() => Decimal256.Mul(Max256, D256("2"))).Message);
        Assert.Equal(B("952380952"), D256("952380952.380952380952380953").Floor());
    }

    [Fact]
    public void ConvertsToAndFromDecimal()
    {
        Decimal256 wide = D("1.5");
        Assert.Equal(D256("1.5"), wide);
        Assert.Equal(D("3.333333333333333333"), (Decimal)Decimal256.FromRatio(10, 3));
        Assert.Equal(Decimal.MaxValue, (Decimal)(Decimal256)Decimal.MaxValue);
        var error = Assert.Throws<PanicException>(() => (Decimal)((Decimal256)Decimal.MaxValue + D256("0.000000000000000001")));
        Assert.Equal("called `Result::unwrap()` on an `Err` value: Generic error: Value too big", error.Message);
    }

    [Theory]
    [InlineData("1210000", "1100")] // sqrt(1100 · 1100)
    [InlineData("1", "1")] // Terraswap v2.9: a first share of 1 < 1000 → MinimumLiquidityAmountError
    [InlineData("2", "1.414213562373095048")]
    [InlineData("600000000000000000000", "24494897427.831780981972840747")] // 30e9 · 20e9 pools: full precision
    [InlineData("200000000000000000000000000000000000000000000000000", "14142135623730950488016887.2420969807856")] // precision 4
    public void SqrtMatchesCosmWasmPrecisionLowering(string value, string root) => Assert.Equal(D256(root), D256(value).Sqrt());

    [Fact]
    public void SqrtOfTheLargestValueStillWorks() =>
        Assert.Equal(B("340282366920938463463374607431768211455") * BigInteger.Pow(10, 9), Decimal256.MaxValue.Sqrt().Atomics);

    [Theory]
    [InlineData("1.5", "1500000000000000000")]
    [InlineData("115792089237316195423570985008687907853269984665640564039457.584007913129639935",
        "115792089237316195423570985008687907853269984665640564039457584007913129639935")]
    [InlineData("340282366920938463463374607431768211456", "340282366920938463463374607431768211456000000000000000000")]
    public void ParsesTheWideRange(string text, string atomics)
    {
        Assert.Equal(B(atomics), Decimal256.Parse(text).Atomics);
        Assert.Equal(text, Decimal256.Parse(text).ToString());
        Assert.True(Decimal256.TryParse(text, out _));
    }

    [Theory]
    [InlineData("", "Error parsing whole")]
    [InlineData("115792089237316195423570985008687907853269984665640564039458", "Value too big")]
    [InlineData("115792089237316195423570985008687907853269984665640564039457.584007913129639936", "Value too big")]
    [InlineData("1.1234567890123456789012345678901234567890", "Cannot parse more than 18 fractional digits")] // fits 256 bits
    [InlineData("1.", "Error parsing fractional")]
    [InlineData("1.2.3", "Unexpected number of dots")]
    public void RejectsWithCosmWasmMessages(string text, string message)
    {
        Assert.Equal("Generic error: " + message, Assert.Throws<StdException>(() => Decimal256.Parse(text)).Message);
        Assert.False(Decimal256.TryParse(text, out _));
    }

    [Fact]
    public void ComparesByAtomics()
    {
        Assert.True(D256("1.1") > D256("1.09"));
        Assert.True(D256("1.1") >= D256("1.10"));
        Assert.True(D256("0.1") < D256("0.2"));
        Assert.True(D256("0.1") <= D256("0.1"));
        Assert.True(D256("0.1") != D256("0.2"));
        Assert.Equal(D256("0.1"), Decimal256.Min(D256("0.1"), D256("0.2")));
        Assert.Equal(D256("0.2"), Decimal256.Max(D256("0.1"), D256("0.2")));
        Assert.Equal(0, D256("2").CompareTo((object)D256("2.0")));
        Assert.Equal(1, D256("2").CompareTo(null));
        Assert.Throws<ArgumentException>(() => D256("2").CompareTo(2));
        Assert.True(D256("2").Equals((object)D256("2")));
        Assert.Equal(D256("2").GetHashCode(), D256("2.000").GetHashCode());
    }
}
