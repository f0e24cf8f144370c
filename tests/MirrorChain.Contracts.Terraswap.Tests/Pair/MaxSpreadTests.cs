using MirrorChain.Contracts.Terraswap.Pair;

namespace MirrorChain.Contracts.Terraswap.Tests.Pair;

/// <summary>
/// Terraswap v2.4 contracts/terraswap_pair/src/contract.rs <c>assert_max_spread</c>: the check runs on the gross return
/// (net + commission) and 1/belief_price uses the 9-digit reverse_decimal (1/1200 = 0.000833333333333333, so 1.2e9
/// offered expects 999,999).
/// </summary>
public sealed class MaxSpreadTests : PairFixture
{
    private const string MaxSpread = "Max spread assertion";

    /// <summary>
    /// The cases of upstream test_max_spread on assert_max_spread directly (offer, gross return, spread).
    /// </summary>
    [Theory]
    [InlineData("1200", "0.01", "1_200_000_000", "989_999", "0", false)] // spread 10,000 of 999,999 > 1%
    [InlineData("1200", "0.01", "1_200_000_000", "990_000", "0", true)] // spread 9,999
    [InlineData(null, "0.01", "0", "990_000", "10_000", true)] // no belief price: exactly 1% passes (strict >)
    [InlineData(null, "0.0099", "0", "990_000", "10_000", false)] // a max_spread just below that 1%
    [InlineData("1200", null, "1_200_000_000", "1", "0", true)] // belief price alone: no check
    [InlineData(null, null, "1", "0", "999", true)] // neither: no check
    public void Assert_max_spread_vectors(string? belief, string? max, string offer, string gross, string spread, bool ok)
    {
        void Check() => SwapMath.AssertMaxSpread(
            belief is null ? null : Decimal.Parse(belief), max is null ? null : Decimal.Parse(max), U(offer), U(gross), U(spread));
        if (ok)
        {
            Check();
        }
        else
        {
            Assert.Equal(MaxSpread, Assert.Throws<ContractException>(Check).Message);
        }
    }

    [Fact]
    public void Reverse_decimal_is_9_digit()
    {
        Assert.Equal(Decimal.Parse("0.000833333333333333"), SwapMath.ReverseDecimal(Decimal.Parse("1200")));
        Assert.Equal(Decimal.Parse("0.666666666666666666"), SwapMath.ReverseDecimal(Decimal.Parse("1.5")));
        // 9-digit truncation: 1.0000000009 reads as 1.000000000
        Assert.Equal(Decimal.One, SwapMath.ReverseDecimal(Decimal.Parse("1.0000000009")));
        Assert.Equal(Decimal.Zero, SwapMath.ReverseDecimal(Decimal.Zero));
    }

    /// <summary>
    /// The failing belief-price case through the pair: pools uusd 1,198,800,000,000 / token 989,999,500; 1.2e9 uusd →
    /// P_o·P_a/(P_o+x) = 989,009,500.5 exactly, so the gross return is ⌊989,999.5⌋ = 989,999 (net 987,030 + commission
    /// 2,969).
    /// </summary>
    [Fact]
    public void belief_1200_max_1pct_gross_989_999_fails()
    {
        var (pair, _) = UusdTokenPair(U("1_198_800_000_000"), U("989_999_500"));
        var (net, _, commission) = Simulate(pair, Native(Uusd), U("1_200_000_000"));
        Assert.Equal(U("989_999"), net + commission);

        var before = App.Balance(Bob, Uusd);
        var e = Fails(() => SwapNative(Bob, pair, Uusd, U("1_200_000_000"), beliefPrice: "1200", maxSpread: "0.01"));
        Assert.Equal(Exec(MaxSpread), e.Log);
        Assert.Equal(before, App.Balance(Bob, Uusd));
    }

    /// <summary>
    /// The passing belief-price case through the pair: token pool 990,000,000 gives gross exactly 990,000 → passes
    /// (spread 9,999 of 999,999).
    /// </summary>
    [Fact]
    public void belief_1200_max_1pct_gross_990_000_passes()
    {
        var (pair, _) = UusdTokenPair(U("1_198_800_000_000"), U("990_000_000"));
        var before = TokenBalance(MAapl, Bob);
        var r = SwapNative(Bob, pair, Uusd, U("1_200_000_000"), beliefPrice: "1200", maxSpread: "0.01");
        Assert.Equal(U("987_030"), TokenBalance(MAapl, Bob) - before); // 990,000 − ⌊990,000·0.003⌋
        Assert.Equal("2970", r.Attribute("commission_amount"));
    }

    /// <summary>
    /// The exactly-1% case through the pair: 99e6 / 99e6 with 1e6 offered: gross 990,000, spread 10,000 → exactly 1%
    /// passes with max_spread 0.01 and fails with 0.0099.
    /// </summary>
    [Fact]
    public void max_spread_only_exactly_one_percent()
    {
        var (pair, _) = UusdTokenPair(U("99_000_000"), U("99_000_000"));
        Assert.Equal((U("987_030"), U("10_000"), U("2_970")), Simulate(pair, Native(Uusd), U("1_000_000")));

        var e = Fails(() => SwapNative(Bob, pair, Uusd, U("1_000_000"), maxSpread: "0.0099"));
        Assert.Equal(Exec(MaxSpread), e.Log);

        var r = SwapNative(Bob, pair, Uusd, U("1_000_000"), maxSpread: "0.01");
        Assert.Equal("10000", r.Attribute("spread_amount"));
    }

    /// <summary>A belief price without max_spread is not checked, however far off.</summary>
    [Fact]
    public void Belief_price_alone_is_not_checked()
    {
        var (pair, _) = UusdTokenPair(U("99_000_000"), U("99_000_000"));
        var r = SwapNative(Bob, pair, Uusd, U("1_000_000"), beliefPrice: "0.001");
        Assert.Equal("987030", r.Attribute("return_amount"));
    }

    /// <summary>
    /// The same check on a cw20 offer (send hook): belief price 1 with a 1% tolerance on 1e6 / 1e6 pools.
    /// </summary>
    [Fact]
    public void Token_offer_checks_belief_price_too()
    {
        var (pair, _) = UusdTokenPair(U("1_000_000"), U("1_000_000"));
        // 100,000 offered into 1e6/1e6: gross ⌊1e6 − 1e12/1.1e6⌋ = 90,909, expected 100,000 → 9.09% spread
        var e = Fails(() => SwapToken(Bob, MAapl, pair, U("100_000"), beliefPrice: "1", maxSpread: "0.09"));
        Assert.Equal(Exec(MaxSpread), e.Log);
        var r = SwapToken(Bob, MAapl, pair, U("100_000"), beliefPrice: "1", maxSpread: "0.1");
        Assert.Equal("90637", r.Attribute("return_amount")); // 90,909 − 272
    }
}
