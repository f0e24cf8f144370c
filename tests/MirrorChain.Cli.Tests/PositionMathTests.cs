using Decimal = MirrorChain.Core.Numerics.Decimal;

namespace MirrorChain.Cli.Tests;

public sealed class PositionMathTests
{
    // the README tour's position: 1340 UST at ratio 2 against mTSLA at 670 mints ⌊⌊1340000000 × 1/670⌋ × 0.5⌋ = 999999
    private static readonly UInt128 Collateral = 1_340_000_000;
    private static readonly UInt128 Debt = 999_999;
    private static readonly Decimal Price = Decimal.Parse("670");
    private static readonly Decimal Mcr = Decimal.Parse("1.5");

    [Fact]
    public void Collateral_ratio_is_collateral_over_the_floored_debt_value()
    {
        Assert.Equal((UInt128)669_999_330, PositionMath.DebtValue(Debt, Price, Decimal.One));
        Assert.Equal("2.000002000002000002", PositionMath.CollateralRatio(Collateral, Debt, Price, Decimal.One)!.Value.ToString());
        Assert.Null(PositionMath.CollateralRatio(Collateral, 0, Price, Decimal.One));
    }

    [Fact]
    public void Minimum_is_the_assets_ratio_times_the_multiplier_at_nine_decimals()
    {
        Assert.Equal("1.5", PositionMath.MinimumRatio(Mcr, Decimal.One).ToString());
        Assert.Equal("1.999999999", PositionMath.MinimumRatio(Mcr, Decimal.Parse("1.333333333333333333")).ToString());
    }

    [Fact]
    public void Trigger_price_is_the_lowest_nine_decimal_price_the_mint_would_auction_at()
    {
        var trigger = PositionMath.AuctionTriggerPrice(Collateral, Debt, Decimal.One, Mcr, Decimal.One)!.Value;

        Assert.Equal("893.334227335", trigger.ToString());
        Assert.True(PositionMath.IsAuctionable(Collateral, Debt, trigger, Decimal.One, Mcr, Decimal.One));
        Assert.False(PositionMath.IsAuctionable(Collateral, Debt, Decimal.Parse("893.334227334"), Decimal.One, Mcr, Decimal.One));
        Assert.False(PositionMath.IsAuctionable(Collateral, Debt, Price, Decimal.One, Mcr, Decimal.One));
        Assert.Equal("33.3%", PositionMath.PercentChange(Price, trigger, 1, signed: false));
    }

    [Fact]
    public void Trigger_price_moves_with_the_collateral_price_and_multiplier()
    {
        // collateral worth 2 each: the debt's value in collateral halves and the trigger doubles ...
        var atTwo = PositionMath.AuctionTriggerPrice(Collateral, Debt, Decimal.Parse("2"), Mcr, Decimal.One)!.Value;
        Assert.Equal("1786.668454669", atTwo.ToString());
        // ... and a multiplier of 2 on top halves it back (the floors land on the same 9-decimal step)
        var both = PositionMath.AuctionTriggerPrice(Collateral, Debt, Decimal.Parse("2"), Mcr, Decimal.Parse("2"))!.Value;
        Assert.Equal("893.334227335", both.ToString());
        Assert.True(PositionMath.IsAuctionable(Collateral, Debt, both, Decimal.Parse("2"), Mcr, Decimal.Parse("2")));
    }

    [Fact]
    public void No_debt_has_no_trigger()
    {
        Assert.Null(PositionMath.AuctionTriggerPrice(Collateral, 0, Decimal.One, Mcr, Decimal.One));
        Assert.Equal(Decimal.Zero, PositionMath.AuctionTriggerPrice(0, Debt, Decimal.One, Mcr, Decimal.One));
    }

    [Theory]
    [InlineData("100", "123.4", 1, false, "23.4%")]
    [InlineData("100", "95", 1, false, "-5.0%")]
    [InlineData("670", "893.334227335", 1, false, "33.3%")]
    [InlineData("3", "4", 2, true, "+33.33%")]
    [InlineData("3", "2", 2, true, "-33.33%")]
    [InlineData("2", "2", 2, true, "0.00%")]
    [InlineData("8", "9", 0, false, "13%")]
    public void Percent_change_rounds_half_away_from_zero(string from, string to, int decimals, bool signed, string expected) =>
        Assert.Equal(expected, PositionMath.PercentChange(Decimal.Parse(from), Decimal.Parse(to), decimals, signed));

    [Fact]
    public void Round_truncates_and_drops_trailing_zeros()
    {
        Assert.Equal("2.000002", PositionMath.Round(Decimal.Parse("2.000002000002000002"), 6));
        Assert.Equal("1.5", PositionMath.Round(Decimal.Parse("1.5"), 6));
        Assert.Equal("0.666666", PositionMath.Round(Decimal.Parse("0.666666666"), 6));
    }
}
