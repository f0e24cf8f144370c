using static MirrorChain.Core.Tests.Numerics.Num;

namespace MirrorChain.Core.Tests.Numerics;

public class MirrorMathTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("1.5", "1500000000")]
    [InlineData("1.333333333333333333", "1333333333")]
    [InlineData("0.0000000019", "1")]
    [InlineData("0.000000000999999999", "0")]
    [InlineData("340282366920938463463.374607431768211455", "340282366920938463463374607431")]
    public void Truncate9IsFloorOfXTimes1e9(string x, string expected) => Assert.Equal(U(expected), MirrorMath.Truncate9(D(x)));

    [Theory]
    [InlineData("1.5", "1.333333333333333333", "1.999999999")] // mcr 1.5 × a 4/3 multiplier: the required cr keeps 9 dp
    [InlineData("1.5", "0.5", "0.75")] // mcr 1.5 × multiplier 0.5
    [InlineData("1.5", "2", "3")] // mcr 1.5 × multiplier 2: required cr 3.0
    [InlineData("9", "5", "45")] // collateral oracle amm_pair with intermediate uluna: 18/2 × 5
    [InlineData("1.1", "5", "5.5")] // lunax
    [InlineData("0.05", "100", "5")] // short reward p = premium × 100
    [InlineData("1", "0.1234567891234", "0.123456789")] // the result keeps only 9 decimals
    [InlineData("0.1234567891234", "1", "0.123456789")] // a is truncated before multiplying
    [InlineData("0.0000000009", "1000000", "0")] // t(a) = 0
    [InlineData("2", "0.0000000001", "0")] // ⌊2·10^9 × 10^-10⌋ = 0
    [InlineData("0", "123", "0")]
    public void DecimalMultiplicationKeepsNineDecimals(string a, string b, string expected) =>
        Assert.Equal(D(expected), MirrorMath.DecimalMultiplication(D(a), D(b)));

    [Theory]
    [InlineData("1", "10", "0.1")] // a price of 0.1: uusd (1) / asset (10)
    [InlineData("1", "3", "0.333333333333333333")] // 18-digit floored result
    [InlineData("2", "3", "0.666666666666666666")]
    [InlineData("116", "0.8", "145")] // auction: price 116 at a 20% discount
    [InlineData("100", "50", "2")] // collateral units per asset: 100 / 50
    [InlineData("1.2", "1", "1.2")] // oracle price display "1.2"
    [InlineData("1.0000000019", "1", "1.000000001")] // v2.1.4 oracle rate: the price truncated to 9 dp
    [InlineData("1", "1.0000000009", "1")] // b is truncated too
    [InlineData("1", "0.0000000019", "1000000000")] // t(b) = 1
    [InlineData("0", "5", "0")]
    [InlineData("5", "100", "0.05")]
    public void DecimalDivisionTruncatesOperandsTo9Decimals(string a, string b, string expected) =>
        Assert.Equal(D(expected), MirrorMath.DecimalDivision(D(a), D(b)));

    [Theory]
    [InlineData("0")]
    [InlineData("0.0000000009")] // t(b) = 0 although b > 0
    [InlineData("0.000000000000000001")]
    public void DecimalDivisionPanicsWhenTheTruncatedDivisorIsZero(string b)
    {
        var error = Assert.Throws<PanicException>(() => MirrorMath.DecimalDivision(Decimal.One, D(b)));
        Assert.Equal("Denominator must not be zero", error.Message);
    }

    [Fact]
    public void DecimalDivisionPanicsWhenTheQuotientOverflows() =>
        Assert.Throws<PanicException>(() => MirrorMath.DecimalDivision(Decimal.MaxValue, D("0.000000001")));

    [Theory]
    [InlineData("1.3", "1", "0.3")] // auction: mcr − 1
    [InlineData("1", "0.2", "0.8")] // auction: 1 − discount
    [InlineData("105", "100", "5")] // adjust_premium: pool price 105 − oracle price 100
    [InlineData("1.0000000019", "0.0000000001999", "1.000000001")] // both truncated first
    [InlineData("1.0000000001", "1.0000000009", "0")] // a < b, but equal after truncation: no panic
    [InlineData("0.7", "0.7", "0")]
    public void DecimalSubtractionTruncatesOperandsTo9Decimals(string a, string b, string expected)
    {
        Assert.Equal(D(expected), MirrorMath.DecimalSubtraction(D(a), D(b)));
        Assert.Equal(D(expected), MirrorMath.CheckedDecimalSubtraction(D(a), D(b)));
    }

    [Fact]
    public void DecimalSubtractionPanicsBelowZero()
    {
        var error = Assert.Throws<PanicException>(() => MirrorMath.DecimalSubtraction(D("1"), D("2")));
        Assert.Equal("called `Result::unwrap()` on an `Err` value: Overflow: Cannot Sub with 1000000000 and 2000000000", error.Message);
    }

    [Fact]
    public void CheckedDecimalSubtractionReturnsTheOverflowStdError()
    {
        var error = Assert.Throws<StdException>(() => MirrorMath.CheckedDecimalSubtraction(D("1.5"), D("2.0000000019")));
        Assert.Equal(StdErrorKind.Overflow, error.Kind);
        Assert.Equal("Overflow: Cannot Sub with 1500000000 and 2000000001", error.Message);
    }

    [Theory]
    [InlineData("1.5", "666666666666666666")] // 1/1.5
    [InlineData("1.1", "909090909090909090")] // 1/1.1 = 0.909090909090909090
    [InlineData("3", "333333333333333333")] // 1/cr 3.0
    [InlineData("2", "500000000000000000")]
    [InlineData("1200", "833333333333333")] // 1/belief_price 1200
    [InlineData("20", "50000000000000000")] // 1/cr 20 (a pre-IPO open)
    [InlineData("1.0000000009", "1000000000000000000")] // truncated to 1
    [InlineData("0.000000001", "1000000000000000000000000000")]
    public void ReverseDecimalIsOneOverTheTruncatedValue(string d, string atomics) =>
        Assert.Equal(U(atomics), MirrorMath.ReverseDecimal(D(d)).Atomics);

    [Theory]
    [InlineData("0")]
    [InlineData("0.0000000009")]
    public void ReverseDecimalPanicsBelowOneNano(string d) =>
        Assert.Equal("Denominator must not be zero", Assert.Throws<PanicException>(() => MirrorMath.ReverseDecimal(D(d))).Message);

    [Theory]
    [InlineData("0.2", "0.3", "0.2")] // auction: min(auction_discount, mcr − 1)
    [InlineData("0.3", "0.2", "0.2")]
    [InlineData("0.2", "0.2", "0.2")]
    [InlineData("0", "1", "0")]
    public void DecimalMinPicksTheSmaller(string a, string b, string expected) =>
        Assert.Equal(D(expected), MirrorMath.DecimalMin(D(a), D(b)));

    [Fact]
    public void ScaleConstantIsOneBillion() => Assert.Equal((UInt128)1_000_000_000, MirrorMath.DecimalFractional);
}
