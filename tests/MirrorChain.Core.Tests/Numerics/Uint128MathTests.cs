using static MirrorChain.Core.Tests.Numerics.Num;

namespace MirrorChain.Core.Tests.Numerics;

public class Uint128MathTests
{
    private const string Max = "340282366920938463463374607431768211455"; // 2^128 - 1

    [Fact]
    public void CheckedOperationsSucceedInRange()
    {
        Assert.Equal((UInt128)300, Uint128Math.CheckedAdd(100, 200));
        Assert.Equal(U(Max), Uint128Math.CheckedAdd(U(Max) - 1, 1));
        Assert.Equal((UInt128)100, Uint128Math.CheckedSub(300, 200));
        Assert.Equal(UInt128.Zero, Uint128Math.CheckedSub(200, 200));
        Assert.Equal((UInt128)60000, Uint128Math.CheckedMul(200, 300));
        Assert.Equal(U(Max), Uint128Math.CheckedMul(U(Max), 1));
        Assert.Equal(UInt128.Zero, Uint128Math.CheckedMul(U(Max), 0));
        Assert.Equal((UInt128)3, Uint128Math.CheckedDiv(10, 3));
        Assert.Equal((UInt128)1, Uint128Math.CheckedRem(10, 3));
    }

    [Fact]
    public void CheckedSubReturnsTheOverflowStdError()
    {
        var error = Assert.Throws<StdException>(() => Uint128Math.CheckedSub(100, 200));
        Assert.Equal(StdErrorKind.Overflow, error.Kind);
        Assert.Equal("Overflow: Cannot Sub with 100 and 200", error.Message);
        Assert.Equal("Cannot Sub with 100 and 200", error.Detail);
    }

    [Fact]
    public void CheckedAddAndMulReturnTheOverflowStdError()
    {
        Assert.Equal(
            "Overflow: Cannot Add with 340282366920938463463374607431768211455 and 1",
            Assert.Throws<StdException>(() => Uint128Math.CheckedAdd(U(Max), 1)).Message);
        Assert.Equal(
            "Overflow: Cannot Mul with 340282366920938463463374607431768211455 and 2",
            Assert.Throws<StdException>(() => Uint128Math.CheckedMul(U(Max), 2)).Message);
        Assert.Equal(
            "Overflow: Cannot Mul with 18446744073709551616 and 18446744073709551616",
            Assert.Throws<StdException>(() => Uint128Math.CheckedMul(U("18446744073709551616"), U("18446744073709551616"))).Message);
    }

    [Fact]
    public void CheckedDivAndRemReturnTheDivideByZeroStdError()
    {
        var error = Assert.Throws<StdException>(() => Uint128Math.CheckedDiv(5, 0));
        Assert.Equal(StdErrorKind.DivideByZero, error.Kind);
        Assert.Equal("Divide by zero: Cannot devide 5 by zero", error.Message); // sic
        Assert.Equal("Divide by zero: Cannot devide 7 by zero", Assert.Throws<StdException>(() => Uint128Math.CheckedRem(7, 0)).Message);
    }

    [Fact]
    public void OperatorsPanicLikeRust()
    {
        Assert.Equal((UInt128)3, Uint128Math.Add(1, 2));
        Assert.Equal((UInt128)1, Uint128Math.Sub(3, 2));
        Assert.Equal((UInt128)6, Uint128Math.Mul(3, 2));
        Assert.Equal((UInt128)1, Uint128Math.Div(3, 2));
        Assert.Equal("attempt to add with overflow", Assert.Throws<PanicException>(() => Uint128Math.Add(U(Max), 1)).Message);
        Assert.Equal("attempt to subtract with overflow", Assert.Throws<PanicException>(() => Uint128Math.Sub(1, 2)).Message);
        Assert.Equal("attempt to multiply with overflow", Assert.Throws<PanicException>(() => Uint128Math.Mul(U(Max), 2)).Message);
        Assert.Equal("attempt to divide by zero", Assert.Throws<PanicException>(() => Uint128Math.Div(1, 0)).Message);
    }

    [Fact]
    public void SaturatingOperationsClamp()
    {
        Assert.Equal(U(Max), Uint128Math.SaturatingAdd(U(Max), 5));
        Assert.Equal((UInt128)7, Uint128Math.SaturatingAdd(3, 4));
        Assert.Equal(UInt128.Zero, Uint128Math.SaturatingSub(3, 4));
        Assert.Equal((UInt128)1, Uint128Math.SaturatingSub(4, 3));
        Assert.Equal(U(Max), Uint128Math.SaturatingMul(U(Max), 2));
        Assert.Equal((UInt128)12, Uint128Math.SaturatingMul(3, 4));
    }

    [Theory]
    [InlineData("500", "1", "1", "500")]
    [InlineData("500", "3", "3", "500")]
    [InlineData("500", "2", "3", "333")]
    [InlineData("500", "3", "2", "750")]
    [InlineData("100", "100", "200", "50")] // a Terraswap LP share: min(100·100/200, 200·100/200)
    [InlineData("200", "100", "200", "100")]
    [InlineData(Max, Max, Max, Max)] // needs the 256-bit intermediate
    [InlineData(Max, "2", "4", "170141183460469231731687303715884105727")]
    [InlineData(Max, "340282366920938463463374607431768211454", Max, "340282366920938463463374607431768211454")]
    [InlineData("1", Max, Max, "1")]
    [InlineData("0", Max, "1", "0")]
    [InlineData("18446744073709551616", "18446744073709551616", "18446744073709551616", "18446744073709551616")] // 2^64·2^64/2^64
    public void MultiplyRatioFloorsWithFullWidthIntermediate(string value, string numerator, string denominator, string expected) =>
        Assert.Equal(U(expected), Uint128Math.MultiplyRatio(U(value), U(numerator), U(denominator)));

    [Fact]
    public void MultiplyRatioPanicsOnZeroDenominatorAndOverflow()
    {
        Assert.Equal("Denominator must not be zero", Assert.Throws<PanicException>(() => Uint128Math.MultiplyRatio(1, 1, 0)).Message);
        Assert.Equal("multiplication overflow", Assert.Throws<PanicException>(() => Uint128Math.MultiplyRatio(U(Max), 2, 1)).Message);
        Assert.Throws<PanicException>(() => Uint128Math.MultiplyRatio(U(Max), U(Max), U(Max) - 1));
    }

    /// <summary>
    /// Terra tax (Terraswap v2.4 <c>Asset::compute_tax</c>): min(amount − ⌊amount·10^18 / (⌊10^18 × rate⌋ + 10^18)⌋,
    /// cap).
    /// </summary>
    private static UInt128 Tax(UInt128 amount, Decimal rate, UInt128 cap)
    {
        var fraction = Decimal.Fractional;
        var tax = Uint128Math.CheckedSub(amount, Uint128Math.MultiplyRatio(amount, fraction, fraction * rate + fraction));
        return tax < cap ? tax : cap;
    }

    [Theory]
    [InlineData("949523811", "0.01", "1000000", "1000000")] // upstream try_token_to_native (v1): uncapped 9 401 226
    [InlineData("1000000000", "0.02", "1000000", "1000000")] // upstream test_deduct: the cap binds
    [InlineData("1000000", "0.01", "1000000", "9901")] // sends 990 099
    [InlineData("100", "0.01", "1000000", "1")] // mint withdraw of 100 sends 99; auto_stake of 100 provides 99
    [InlineData("200", "0.01", "1000000", "2")] // lock unlock 200: sends 198
    [InlineData("300", "0.01", "1000000", "3")] // lock unlock 300
    [InlineData("33430", "0.05", "1000000", "1592")] // auction, owner refund: sends 31 838
    [InlineData("958838", "0.05", "1000000", "45659")] // auction, liquidator: sends 913 179
    [InlineData("7732", "0.05", "1000000", "369")] // auction, protocol fee: sends 7 363
    [InlineData("0", "0.05", "1000000", "0")]
    [InlineData("123456", "0", "1000000", "0")] // rate 0 (the port's default)
    public void TaxVectorsReproduce(string amount, string rate, string cap, string tax) =>
        Assert.Equal(U(tax), Tax(U(amount), D(rate), U(cap)));

    [Theory]
    [InlineData("0", "0")]
    [InlineData("1", "1")]
    [InlineData("2", "1")]
    [InlineData("3", "1")]
    [InlineData("4", "2")]
    [InlineData("8", "2")]
    [InlineData("9", "3")]
    [InlineData("10000", "100")] // isqrt(100·100)
    [InlineData("1210000", "1100")]
    [InlineData("18446744073709551615", "4294967295")]
    [InlineData("340282366920938463426481119284349108225", "18446744073709551615")] // (2^64 − 1)^2
    [InlineData("340282366920938463426481119284349108224", "18446744073709551614")] // one below
    [InlineData(Max, "18446744073709551615")]
    public void IntegerSqrtFloors(string value, string root) => Assert.Equal(U(root), Uint128Math.IntegerSqrt(U(value)));

    [Fact]
    public void InitialShareIsIsqrtOfTheU128Product()
    {
        Assert.Equal((UInt128)100, Uint128Math.InitialShare(100, 100)); // isqrt(100·100)
        Assert.Equal((UInt128)1, Uint128Math.InitialShare(1, 1));
        Assert.Equal((UInt128)24494897427, Uint128Math.InitialShare(30_000_000_000, 20_000_000_000));
        Assert.Equal(UInt128.Zero, Uint128Math.InitialShare(0, 1_000_000));
        var error = Assert.Throws<PanicException>(() => Uint128Math.InitialShare(U("18446744073709551616"), U("18446744073709551616")));
        Assert.Equal("attempt to multiply with overflow", error.Message);
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("1000000", "1000000")]
    [InlineData("007", "7")]
    [InlineData("+5", "5")]
    [InlineData(Max, Max)]
    public void ParsesRustU128Grammar(string text, string expected)
    {
        Assert.Equal(U(expected), Uint128Math.Parse(text));
        Assert.True(Uint128Math.TryParse(text, out var value));
        Assert.Equal(U(expected), value);
    }

    [Theory]
    [InlineData("", "cannot parse integer from empty string")]
    [InlineData("+", "invalid digit found in string")]
    [InlineData("-", "invalid digit found in string")]
    [InlineData("-0", "invalid digit found in string")]
    [InlineData("1.23", "invalid digit found in string")]
    [InlineData(" 1", "invalid digit found in string")]
    [InlineData("1_000", "invalid digit found in string")]
    [InlineData("0x10", "invalid digit found in string")]
    [InlineData("340282366920938463463374607431768211456", "number too large to fit in target type")]
    [InlineData("3402823669209384634633746074317682114560x", "number too large to fit in target type")] // overflow comes first
    [InlineData("1x3402823669209384634633746074317682114560", "invalid digit found in string")]
    public void ParseReportsCosmWasmErrors(string text, string reason)
    {
        var error = Assert.Throws<StdException>(() => Uint128Math.Parse(text));
        Assert.Equal("Generic error: Parsing u128: " + reason, error.Message);
        Assert.False(Uint128Math.TryParse(text, out _));
    }

    [Fact]
    public void FormatsAsPlainDecimal()
    {
        Assert.Equal("0", Uint128Math.Format(UInt128.Zero));
        Assert.Equal("1000000", Uint128Math.Format(1_000_000));
        Assert.Equal(Max, Uint128Math.Format(UInt128.MaxValue));
        Assert.False(Uint128Math.TryParse(null, out _));
    }
}
