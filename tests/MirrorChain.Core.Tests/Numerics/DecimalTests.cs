using static MirrorChain.Core.Tests.Numerics.Num;

namespace MirrorChain.Core.Tests.Numerics;

public class DecimalTests
{
    private const string Max = "340282366920938463463374607431768211455"; // 2^128 - 1

    [Fact]
    public void ConstantsHaveCosmWasmAtomics()
    {
        Assert.Equal(U("1000000000000000000"), Decimal.One.Atomics);
        Assert.Equal(UInt128.Zero, Decimal.Zero.Atomics);
        Assert.Equal(UInt128.Zero, default(Decimal).Atomics);
        Assert.True(Decimal.Zero.IsZero);
        Assert.False(Decimal.One.IsZero);
        Assert.Equal(U(Max), Decimal.MaxValue.Atomics);
        Assert.Equal("340282366920938463463.374607431768211455", Decimal.MaxValue.ToString());
    }

    [Theory]
    [InlineData(0UL, "0")]
    [InlineData(1UL, "10000000000000000")]
    [InlineData(50UL, "500000000000000000")]
    [InlineData(150UL, "1500000000000000000")]
    [InlineData(ulong.MaxValue, "184467440737095516150000000000000000")]
    public void PercentIsXOver100(ulong x, string atomics) => Assert.Equal(U(atomics), Decimal.Percent(x).Atomics);

    [Theory]
    [InlineData(3UL, "3000000000000000")]
    [InlineData(125UL, "125000000000000000")]
    [InlineData(ulong.MaxValue, "18446744073709551615000000000000000")]
    public void PermilleIsXOver1000(ulong x, string atomics) => Assert.Equal(U(atomics), Decimal.Permille(x).Atomics);

    [Theory]
    [InlineData("1", "1", "1000000000000000000")]
    [InlineData("53", "53", "1000000000000000000")]
    [InlineData("3", "2", "1500000000000000000")]
    [InlineData("333", "222", "1500000000000000000")]
    [InlineData("1", "8", "125000000000000000")]
    [InlineData("1", "3", "333333333333333333")] // floored
    [InlineData("2", "3", "666666666666666666")] // floored; v2.1.4 revoke end_price "0.666666666666666666"
    [InlineData("4", "3", "1333333333333333333")] // a collateral multiplier of 4/3
    [InlineData("1", "100", "10000000000000000")] // collateral oracle amm_pair: 1 uusd / 100 anc = 0.01
    [InlineData("10", "3", "3333333333333333333")] // anchor_market 10/3
    [InlineData("1000", "3", "333333333333333333333")] // distribute: 1000 over 3 s per second
    [InlineData("0", Max, "0")]
    [InlineData(Max, Max, "1000000000000000000")]
    [InlineData("340282366920938463463", "1", "340282366920938463463000000000000000000")] // largest integer <= MAX
    [InlineData(Max, "1000000000000000000", Max)]
    public void FromRatioFloorsWithFullWidthIntermediate(string numerator, string denominator, string atomics) =>
        Assert.Equal(U(atomics), Decimal.FromRatio(U(numerator), U(denominator)).Atomics);

    [Fact]
    public void FromRatioPanicsOnZeroDenominator()
    {
        var error = Assert.Throws<PanicException>(() => Decimal.FromRatio(1, 0));
        Assert.Equal("Denominator must not be zero", error.Message);
        Assert.Throws<PanicException>(() => Decimal.FromRatio(0, 0));
    }

    [Fact]
    public void FromRatioPanicsWhenTheResultDoesNotFit()
    {
        var error = Assert.Throws<PanicException>(() => Decimal.FromRatio(U("340282366920938463464"), 1));
        Assert.Equal("multiplication overflow", error.Message);
        Assert.Throws<PanicException>(() => Decimal.FromRatio(U(Max), 1));
    }

    [Theory]
    [InlineData(Max, "1", Max)] // u128::MAX × 1: the product needs 256 bits
    [InlineData(Max, "0.5", "170141183460469231731687303715884105727")]
    [InlineData(Max, "0.999999999999999999", "340282366920938463123092240510829747991")]
    [InlineData("1000000", "0.5", "500000")]
    [InlineData("300", "0.666666666666666666", "199")] // 300 uusd at 150% mints 199, not 200
    [InlineData("3", "0.666666666666666666", "1")] // 3 uusd at 150% mints 1
    [InlineData("1000000", "0.666666666666666666", "666666")] // 1,000,000 uusd at 150% (upstream open_position)
    [InlineData("0", "340282366920938463463.374607431768211455", "0")]
    [InlineData(Max, "0", "0")]
    [InlineData("2", "340282366920938463463.374607431768211455", "680564733841876926926")]
    [InlineData("1", "0.999999999999999999", "0")]
    [InlineData("123456789", "0.000000000000000001", "0")]
    public void UintTimesDecimalFloors(string u, string d, string expected)
    {
        Assert.Equal(U(expected), U(u) * D(d));
        Assert.Equal(U(expected), D(d) * U(u));
        Assert.Equal(U(expected), Decimal.Mul(U(u), D(d)));
        Assert.Equal(U(expected), Decimal.Mul(D(d), U(u)));
    }

    [Fact]
    public void UintTimesDecimalPanicsWhenTheResultDoesNotFit()
    {
        var error = Assert.Throws<PanicException>(() => U(Max) * D("1.000000000000000001"));
        Assert.Equal("multiplication overflow", error.Message);
        Assert.Throws<PanicException>(() => D("2") * U(Max));
    }

    [Fact]
    public void ChainedProductsFloorAfterEveryStep()
    {
        // 9000 uusd at 150% for an asset priced 10: ⌊⌊9000 × 0.1⌋ × 0.666666666666666666⌋ = ⌊900 × 0.666…⌋ = 599
        Assert.Equal((UInt128)599, U("9000") * D("0.1") * D("0.666666666666666666"));
        // Left to right: ⌊10 × 0.15⌋ = 1, then ⌊1 × 0.7⌋ = 0 …
        Assert.Equal(UInt128.Zero, U("10") * D("0.15") * D("0.7"));
        // … while multiplying the Decimals first gives ⌊10 × 0.105⌋ = 1.
        Assert.Equal(UInt128.One, U("10") * (D("0.15") * D("0.7")));
    }

    [Theory]
    [InlineData("1.5", "1.5", "2.25")]
    [InlineData("0.333333333333333333", "3", "0.999999999999999999")]
    [InlineData("0.000000000000000001", "0.5", "0")]
    [InlineData("340282366920938463463.374607431768211455", "1", "340282366920938463463.374607431768211455")]
    [InlineData("1000000000", "1000000000", "1000000000000000000")]
    public void DecimalTimesDecimalFloors(string a, string b, string expected) => Assert.Equal(D(expected), D(a) * D(b));

    [Fact]
    public void DecimalTimesDecimalPanicsOnOverflow()
    {
        var error = Assert.Throws<PanicException>(() => Decimal.MaxValue * D("2"));
        Assert.Equal("attempt to multiply with overflow", error.Message);
    }

    [Fact]
    public void AdditionAndSubtractionWorkOnAtomics()
    {
        Assert.Equal(D("2"), D("1.5") + D("0.5"));
        Assert.Equal(D("1.5"), D("2") - D("0.5"));
        Assert.Equal(Decimal.MaxValue, Decimal.MaxValue - Decimal.Zero);
        Assert.Equal(Decimal.Zero, D("0.7") - D("0.7"));
    }

    [Fact]
    public void AdditionPanicsOnOverflow()
    {
        var error = Assert.Throws<PanicException>(() => Decimal.MaxValue + D("0.000000000000000001"));
        Assert.Equal("attempt to add with overflow", error.Message);
    }

    [Fact]
    public void SubtractionPanicsBelowZero()
    {
        var error = Assert.Throws<PanicException>(() => D("0.5") - D("1"));
        Assert.Equal("attempt to subtract with overflow", error.Message);
    }

    [Fact]
    public void DivisionByUintFloorsTheAtomics()
    {
        Assert.Equal(D("0.333333333333333333"), Decimal.One / 3);
        Assert.Equal(D("0.5"), D("1.5") / 3);
        var error = Assert.Throws<PanicException>(() => Decimal.One / UInt128.Zero);
        Assert.Equal("attempt to divide by zero", error.Message);
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("2", "0.5")]
    [InlineData("3", "0.333333333333333333")]
    [InlineData("1.5", "0.666666666666666666")]
    [InlineData("0.000000000000000001", "1000000000000000000")]
    [InlineData("340282366920938463463.374607431768211455", "0")] // 10^36 / (2^128 - 1) < 1
    public void InvIsOneOverDFloored(string d, string expected) => Assert.Equal(D(expected), D(d).Inv());

    [Fact]
    public void InvOfZeroIsNone() => Assert.Null(Decimal.Zero.Inv());

    [Theory]
    [InlineData("0", "0")]
    [InlineData("1", "1")]
    [InlineData("4", "2")]
    [InlineData("0.25", "0.5")]
    [InlineData("2", "1.414213562373095048")]
    [InlineData("100000000000000000000", "10000000000")]
    [InlineData("340282366920938463463.374607431768211455", "18446744073.709551615")] // precision lowered to 0
    public void SqrtLowersPrecisionUntilNoOverflow(string d, string expected) => Assert.Equal(D(expected), D(d).Sqrt());

    [Fact]
    public void ComparisonUsesAtomics()
    {
        Assert.True(D("1.1") > D("1.09"));
        Assert.True(D("0.000000000000000001") > Decimal.Zero);
        Assert.True(D("1.5") >= D("1.50"));
        Assert.True(D("1.5") <= D("1.5"));
        Assert.True(D("0.2") < D("0.3"));
        Assert.True(D("0.2") != D("0.3"));
        Assert.True(D("1.0") == Decimal.One);
        Assert.Equal(0, D("1.5").CompareTo(D("1.500")));
        Assert.Equal(-1, D("1").CompareTo(D("2")));
        Assert.Equal(1, D("1").CompareTo((object?)null));
        Assert.Equal(1, D("2").CompareTo((object)D("1")));
        Assert.Throws<ArgumentException>(() => D("2").CompareTo("2"));
        Assert.True(D("1.5").Equals((object)Decimal.Percent(150)));
        Assert.False(D("1.5").Equals((object)"1.5"));
        Assert.Equal(D("1.5").GetHashCode(), Decimal.Percent(150).GetHashCode());
        Assert.Equal(D("0.2"), Decimal.Min(D("0.2"), D("0.3")));
        Assert.Equal(D("0.3"), Decimal.Max(D("0.2"), D("0.3")));
        Assert.Equal(new[] { D("0.1"), D("1"), D("1.5") }, new[] { D("1.5"), D("0.1"), D("1") }.Order());
    }
}
