namespace MirrorChain.Contracts.Terraswap.Tests.Pair;

/// <summary>
/// Terraswap v2.4 packages/terraswap/src/asset.rs <c>Asset::compute_tax</c>: the Terra tax (min(amount −
/// ⌊amount/(1+rate)⌋, cap)); MirrorChain's rate is 0.
/// </summary>
public sealed class TaxTests : PairFixture
{
    private static readonly UInt128 Percent = 10_000_000_000_000_000UL; // 1% in Decimal atomics

    [Theory]
    [InlineData("949_523_811", 1, "1_000_000", "1_000_000")] // try_token_to_native: 9,401,226 capped
    [InlineData("1_000_000_000", 2, "1_000_000", "1_000_000")] // upstream test_deduct: the cap binds
    [InlineData("1_000_000", 1, "1_000_000", "9_901")] // 1,000,000 − ⌊1,000,000/1.01⌋
    [InlineData("1_000_000", 0, "1_000_000", "0")] // MirrorChain: rate 0
    public void Tax_is_the_excess_over_amount_divided_by_one_plus_rate_capped(string amount, int ratePercent, string cap, string tax)
    {
        Assert.Equal(U(tax), TerraTax.Compute(U(amount), Percent * (UInt128)ratePercent, U(cap)));
    }

    /// <summary>try_token_to_native's payout: 949,523,811 − 1,000,000 = 948,523,811 sent.</summary>
    [Fact]
    public void sent_amount_is_amount_minus_tax()
    {
        Assert.Equal(U("948_523_811"), U("949_523_811") - TerraTax.Compute(U("949_523_811"), Percent, U("1_000_000")));
    }

    /// <summary>
    /// A cw20 outflow pays no tax (upstream try_native_to_token); with rate 0 a native outflow pays none either.
    /// </summary>
    [Fact]
    public void token_return_reports_zero_tax_and_native_return_is_sent_whole()
    {
        var (pair, _) = UusdTokenPair(U("1_000_000"), U("1_000_000"));
        Assert.Equal("0", SwapNative(Bob, pair, Uusd, 1_000).Attribute("tax_amount"));

        var before = App.Balance(Bob, Uusd);
        var r = SwapToken(Bob, MAapl, pair, 1_000);
        Assert.Equal("0", r.Attribute("tax_amount"));
        Assert.Equal(UInt128.Parse(r.Attribute("return_amount")!, System.Globalization.CultureInfo.InvariantCulture), App.Balance(Bob, Uusd) - before);
    }

    [Fact]
    public void Asset_display_and_kinds()
    {
        var token = Asset.Of(AssetInfo.Token(Alice), 100);
        Assert.Equal("100uusd", Asset.Of(AssetInfo.Native("uusd"), 100).ToString());
        Assert.Equal("100" + Alice, token.ToString());
        Assert.False(token.IsNativeToken);
    }
}
