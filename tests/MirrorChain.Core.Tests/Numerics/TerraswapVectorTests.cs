using System.Numerics;
using static MirrorChain.Core.Tests.Numerics.Num;

namespace MirrorChain.Core.Tests.Numerics;

/// <summary>
/// The Terraswap pair's swap (<c>compute_swap</c>), reverse-simulation (<c>compute_offer_amount</c>), spread
/// (<c>assert_max_spread</c>) and liquidity formulas with the rounding of each version: T-v1 (Terraswap v1), T-v2.4 and
/// T-v2.9. Expected values come from the upstream tests in contracts/terraswap_pair/src/testing.rs or are worked out
/// by hand with the same integer rules.
/// </summary>
public class TerraswapVectorTests
{
    private static readonly Decimal256 Commission = Decimal256.Permille(3);

    /// <summary>T-v1: R = P_a − ⌊P_o·P_a / (P_o + x)⌋ in Uint128, S = ⌊x × from_ratio(P_a, P_o)⌋ − R (≥ 0), C = ⌊R × 0.003⌋.</summary>
    private static (UInt128 R, UInt128 C, UInt128 N, UInt128 S) SwapV1(UInt128 offerPool, UInt128 askPool, UInt128 offer)
    {
        var r = askPool - Uint128Math.MultiplyRatio(Uint128Math.Mul(offerPool, askPool), 1, offerPool + offer);
        var s = Uint128Math.SaturatingSub(offer * Decimal.FromRatio(askPool, offerPool), r);
        var c = r * Decimal.Permille(3);
        return (r, c, r - c, s);
    }

    /// <summary>T-v2.4: R = ⌊Decimal256(P_a) − from_ratio(P_o·P_a, P_o + x)⌋.</summary>
    private static (BigInteger R, BigInteger C, BigInteger N, BigInteger S) SwapV24(BigInteger offerPool, BigInteger askPool, BigInteger offer)
    {
        var r = (Decimal256.FromInteger(askPool) - Decimal256.FromRatio(offerPool * askPool, offerPool + offer)).Floor();
        var s = BigInteger.Max(offer * Decimal256.FromRatio(askPool, offerPool) - r, 0);
        var c = r * Commission;
        return (r, c, r - c, s);
    }

    /// <summary>T-v2.9: R = ⌊P_a·x / (P_o + x)⌋; C is ⌊R × 0.003⌋, plus 1 unless C × (1/0.003) gives back R.</summary>
    private static (BigInteger R, BigInteger C, BigInteger N, BigInteger S) SwapV29(BigInteger offerPool, BigInteger askPool, BigInteger offer)
    {
        var r = askPool * offer / (offerPool + offer);
        var s = offer * Decimal256.FromRatio(askPool, offerPool) - r;
        var c = r * Commission;
        if (r != c * (Decimal256.One / Commission))
        {
            c += 1;
        }
        return (r, c, r - c, s);
    }

    [Theory]
    [InlineData("30000000000", "20000000000", "1500000000", "952380953", "2857142", "949523811", "47619046")] // upstream try_native_to_token / try_token_to_native
    [InlineData("395451850234", "317", "1", "1", "0", "1", "0")] // huge pool variance: v1's rounding returns 1
    [InlineData("1000000", "1000000", "1000", "1000", "3", "997", "0")] // 1,000 into 1e6 / 1e6
    [InlineData("1000000000000", "1000000000000", "1000000000", "999001000", "2997003", "996003997", "999000")] // 1e9 into 1e12 / 1e12
    [InlineData("5000000", "10000000", "5000000", "5000000", "15000", "4985000", "5000000")] // an offer as large as the offer pool
    public void SwapV1Vectors(string po, string pa, string x, string r, string c, string n, string s) =>
        Assert.Equal((U(r), U(c), U(n), U(s)), SwapV1(U(po), U(pa), U(x)));

    [Theory]
    [InlineData("30000000000", "20000000000", "1500000000", "952380952", "2857142", "949523810", "47619047")] // upstream try_native_to_token (v2.4)
    [InlineData("395451850234", "317", "1", "0", "0", "0", "0")] // test_compute_swap_with_huge_pool_variance
    [InlineData("1000000", "1000000", "1000", "999", "2", "997", "1")] // 1,000 into 1e6 / 1e6
    [InlineData("1000000000000", "1000000000000", "1000000000", "999000999", "2997002", "996003997", "999001")] // 1e9 into 1e12 / 1e12
    [InlineData("5000000", "10000000", "5000000", "5000000", "15000", "4985000", "5000000")] // an offer as large as the offer pool
    public void SwapV24Vectors(string po, string pa, string x, string r, string c, string n, string s) =>
        Assert.Equal(Tuple(r, c, n, s), SwapV24(Big(po), Big(pa), Big(x)));

    [Theory]
    [InlineData("30000000000", "20000000000", "1500000000", "952380952", "2857143", "949523809", "47619047")] // upstream try_native_to_token (v2.9: the commission rounds up)
    [InlineData("395451850234", "317", "1", "0", "0", "0", "0")] // upstream test_compute_swap_with_huge_pool_variance
    [InlineData("1000000", "1000000", "1000", "999", "3", "996", "1")] // 1,000 into 1e6 / 1e6
    [InlineData("1000000000000", "1000000000000", "1000000000", "999000999", "2997003", "996003996", "999001")] // 1e9 into 1e12 / 1e12
    [InlineData("5000000", "10000000", "5000000", "5000000", "15001", "4984999", "5000000")] // an offer as large as the offer pool
    public void SwapV29Vectors(string po, string pa, string x, string r, string c, string n, string s) =>
        Assert.Equal(Tuple(r, c, n, s), SwapV29(Big(po), Big(pa), Big(x)));

    [Fact]
    public void ReverseSimulationV1UsesTheNineDigitReciprocal()
    {
        BigInteger po = 30_000_000_000, pa = 20_000_000_000;
        var inv = MirrorMath.ReverseDecimal(D("0.997"));
        var b = (BigInteger)(U("949523811") * inv);
        var offer = po * pa / (pa - b) - po;
        Assert.Equal(Big("1500000001"), offer);
        Assert.Equal(Big("47619047"), BigInteger.Max(offer * Decimal256.FromRatio(pa, po) - b, 0));
        Assert.Equal(Big("2857142"), b * Commission);
    }

    [Fact]
    public void ReverseSimulationV24UsesTheEighteenDigitReciprocal()
    {
        BigInteger po = 30_000_000_000, pa = 20_000_000_000;
        var inv = Decimal256.One / (Decimal256.One - Commission);
        var b = Big("949523810") * inv;
        var offer = po * pa / (pa - b) - po;
        Assert.Equal(Big("1499999999"), offer);
        Assert.Equal(Big("47619047"), BigInteger.Max(offer * Decimal256.FromRatio(pa, po) - b, 0));
        Assert.Equal(Big("2857142"), b * Commission);
    }

    [Fact]
    public void ReverseSimulationV29RoundsUp()
    {
        BigInteger po = 30_000_000_000, pa = 20_000_000_000, ask = Big("949523809");
        var oneMinus = Decimal256.One - Commission;
        var b = ask * (Decimal256.One / oneMinus);
        if (b * oneMinus != ask)
        {
            b += 1;
        }
        var cp = po * pa;
        var afterAsk = pa - b;
        var afterOffer = cp / afterAsk;
        if (afterOffer * afterAsk != cp)
        {
            afterOffer += 1;
        }
        var offer = afterOffer - po;
        Assert.Equal(Big("1500000000"), offer);
        Assert.Equal(Big("47619047"), BigInteger.Max(offer * Decimal256.FromRatio(pa, po) - b, 0));
        Assert.Equal(Big("2857143"), b - ask);
    }

    [Fact]
    public void SpreadCheckV1WithBeliefPrice()
    {
        // upstream test_max_spread: expected = ⌊1.2e9 × reverse_decimal(1200)⌋ = 999 999; fail iff from_ratio(spread, expected) > 1%.
        var expected = U("1200000000") * MirrorMath.ReverseDecimal(D("1200"));
        Assert.Equal(U("999999"), expected);
        Assert.True(Decimal.FromRatio(expected - 989_999, expected) > Decimal.Percent(1)); // a return of 989,999 errors
        Assert.False(Decimal.FromRatio(expected - 990_000, expected) > Decimal.Percent(1)); // a return of 990,000 passes
        Assert.Equal(D("0.000833333333333333"), MirrorMath.ReverseDecimal(D("1200"))); // 1/1200 at 18 dp
        // without belief_price: a spread of exactly 1% passes (strict >).
        Assert.False(Decimal.FromRatio(10_000, 990_000 + 10_000) > Decimal.Percent(1));
    }

    [Fact]
    public void SpreadCheckV29ScalesDecimals()
    {
        var inv = Decimal256.One / D256("1200");
        // upstream test_max_spread_with_diff_decimal: offer 6 dp, ask 8 dp → x × 100.
        var expected = new BigInteger(120_000_000_000) * inv;
        Assert.Equal(Big("99999999"), expected);
        Assert.False(Big("100000000") < expected); // a return of 100,000,000 passes
        Assert.True(Decimal256.FromRatio(expected - 98_999_999, expected) > Decimal256.Percent(1)); // a return of 98,999,999 errors
        // offer 8 dp, ask 6 dp → return × 100.
        expected = new BigInteger(120_000_000_000) * inv;
        Assert.False(Big("100000000") < expected); // a return of 1 000 000 (× 100) passes
        Assert.True(Decimal256.FromRatio(expected - 98_999_900, expected) > Decimal256.Percent(1)); // a return of 989 999 (× 100) errors
    }

    [Fact]
    public void SlippageToleranceV1UsesNineDigitMath()
    {
        var oneMinusTolerance = MirrorMath.DecimalSubtraction(Decimal.One, Decimal.Percent(1));
        bool Fails(UInt128 d0, UInt128 d1, UInt128 p0, UInt128 p1) =>
            MirrorMath.DecimalMultiplication(Decimal.FromRatio(d0, d1), oneMinusTolerance) > Decimal.FromRatio(p0, p1)
            || MirrorMath.DecimalMultiplication(Decimal.FromRatio(d1, d0), oneMinusTolerance) > Decimal.FromRatio(p1, p0);
        Assert.True(Fails(98, 100, 100, 100)); // deposit token 98 / uusd 100 into 100 / 100, tolerance 1%
        Assert.True(Fails(100, 98, 100, 100)); // token 100 / uusd 98
        Assert.False(Fails(99, 100, 100, 100)); // 99 / 100 is within 1%
        Assert.False(Fails(100, 99, 100, 100)); // 100 / 99 is within 1%
    }

    [Fact]
    public void LiquidityShares()
    {
        Assert.Equal((UInt128)100, Uint128Math.InitialShare(100, 100)); // first deposit: isqrt(100·100)
        Assert.Equal((UInt128)50, UInt128.Min(Uint128Math.MultiplyRatio(200, 100, 200), Uint128Math.MultiplyRatio(100, 100, 200))); // later deposit: the smaller ratio
        Assert.Equal(Big("1100"), Decimal256.FromRatio(1100 * 1100, 1).Sqrt().Floor()); // v2.9 locks 1000 of the first 1100, the user gets 100
        Assert.Equal(BigInteger.One, Decimal256.FromRatio(1, 1).Sqrt().Floor()); // v2.9 refuses a first share of 1 (< 1000)
        Assert.Equal((UInt128)100, U("100") * Decimal.FromRatio(100, 100)); // withdrawing all 100 LP refunds the whole pool
    }

    private static BigInteger Big(string text) => BigInteger.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static (BigInteger, BigInteger, BigInteger, BigInteger) Tuple(string r, string c, string n, string s) =>
        (Big(r), Big(c), Big(n), Big(s));
}
