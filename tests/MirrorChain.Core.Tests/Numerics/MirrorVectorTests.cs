using static MirrorChain.Core.Tests.Numerics.Num;

namespace MirrorChain.Core.Tests.Numerics;

/// <summary>
/// The pure arithmetic of Mirror's mint, staking and factory examples (mostly from the upstream unit tests in
/// contracts/mirror_mint/src/testing/*.rs), evaluated in the contracts' operation order.
/// </summary>
public class MirrorVectorTests
{
    /// <summary>mint amount = ⌊⌊collateral × decimal_division(collateral_price, asset_price)⌋ × reverse_decimal(cr)⌋.</summary>
    private static UInt128 MintAmount(string collateral, string collateralPrice, string assetPrice, string cr) =>
        U(collateral) * MirrorMath.DecimalDivision(D(collateralPrice), D(assetPrice)) * MirrorMath.ReverseDecimal(D(cr));

    /// <summary>⌊⌊⌊asset × decimal_division(asset_price, collateral_price)⌋ × mcr⌋ × multiplier⌋ (mint/withdraw/auction checks).</summary>
    private static UInt128 RequiredCollateral(string asset, string assetPrice, string collateralPrice, string mcr, string multiplier) =>
        U(asset) * MirrorMath.DecimalDivision(D(assetPrice), D(collateralPrice)) * D(mcr) * D(multiplier);

    [Theory]
    [InlineData("1000000", "1", "1", "1.5", "666666")] // upstream open_position: 1e6 uusd at 150%
    [InlineData("1000000", "0.5", "1", "3", "166666")] // upstream open_position: cw20 collateral at 0.5 with multiplier 2, cr 3
    [InlineData("1000000", "0.5", "1", "1.5", "333333")] // upstream deposit: cw20 collateral at 0.5
    [InlineData("1000000", "1", "100", "1.5", "6666")] // upstream mint: asset price 100
    [InlineData("2000000000", "1", "1", "20", "100000000")] // upstream pre_ipo_assets: pre-IPO price 1, mcr 10, cr 20
    [InlineData("9000", "1", "10", "1.5", "599")] // the same asset after its IPO, oracle price 10
    [InlineData("1000000", "1", "1", "2", "500000")] // upstream mint_short_position: cr 2
    [InlineData("200", "1", "1", "2", "100")] // upstream close_short_position: 200 uusd at cr 2
    [InlineData("1000000", "1", "0.5", "1.5", "1333333")] // collateral priced 1 for an asset priced 0.5
    [InlineData("1000", "0.1", "1", "2", "50")] // uluna at 0.1 with multiplier 0.5, cr 2
    [InlineData("3", "1", "1", "1.5", "1")] // 3 × 0.666… = 1.99… floors to 1
    [InlineData("300", "1", "1", "1.5", "199")] // 300 × 0.666… floors to 199, not 200
    public void OpenPositionMintAmounts(string collateral, string collateralPrice, string assetPrice, string cr, string minted) =>
        Assert.Equal(U(minted), MintAmount(collateral, collateralPrice, assetPrice, cr));

    [Fact]
    public void OpenMinimumCollateralRatioChecks()
    {
        // mcr 1.5 × multiplier 4/3 truncates to 1.999999999, so cr 1.999999999 is accepted.
        var required = MirrorMath.DecimalMultiplication(D("1.5"), Decimal.FromRatio(4, 3));
        Assert.Equal(D("1.999999999"), required);
        Assert.False(D("1.999999999") < required);
        Assert.True(D("1.999999998") < required);
        // cr 1.40 < 1.5 × 1 fails.
        Assert.True(D("1.4") < MirrorMath.DecimalMultiplication(D("1.5"), Decimal.One));
        // cr 3.00 = 1.5 × 2 passes.
        Assert.False(D("3") < MirrorMath.DecimalMultiplication(D("1.5"), D("2")));
    }

    [Theory]
    [InlineData("13334", "100", "1", "1.5", "1", "2000100")] // upstream mint: with 2e6 collateral, minting 6668 more fails (> 2e6)
    [InlineData("13333", "100", "1", "1.5", "1", "1999950")] // … and minting 6667 succeeds
    [InlineData("6666", "100", "1", "1.5", "1", "999900")] // upstream withdraw: withdrawing 100 of 1e6 leaves exactly enough
    [InlineData("333333", "1", "0.5", "1.5", "1", "999999")] // … and 1 of 1e6 cw20 collateral at 0.5
    [InlineData("6666", "115", "1", "1.3", "1", "996567")] // upstream auction: at price 115 not liquidatable (< 1e6)
    [InlineData("6666", "116", "1", "1.3", "1", "1005232")] // … at price 116 liquidatable
    [InlineData("666666", "1", "1", "1", "1", "666666")] // delisted asset: end_price 1, mcr 1, multiplier 1
    public void CollateralRequirementFloorsEachStep(string asset, string assetPrice, string collateralPrice, string mcr, string multiplier, string required) =>
        Assert.Equal(U(required), RequiredCollateral(asset, assetPrice, collateralPrice, mcr, multiplier));

    [Theory]
    [InlineData("13333", "100", "1", "13333")] // upstream burn: fee ⌊⌊13333 × 100⌋ × 0.01⌋
    [InlineData("666666", "100", "50", "13333")] // cw20 collateral at 50: ⌊666666 × 2⌋ × 0.01 = ⌊13333.32⌋
    [InlineData("6666", "116", "1", "7732")] // upstream auction: ⌊773256 × 0.01⌋
    [InlineData("100", "1", "1", "1")] // upstream burn_short_position: burning 100
    [InlineData("666666", "1", "1", "6666")] // burning 666666 of a delisted asset still pays the fee
    public void ProtocolFee(string amount, string assetPrice, string collateralPrice, string fee) =>
        Assert.Equal(U(fee), U(amount) * MirrorMath.DecimalDivision(D(assetPrice), D(collateralPrice)) * D("0.01"));

    [Fact]
    public void AuctionAtPrice116PaysTheLiquidatorAtATwentyPercentDiscount()
    {
        var mcr = D("1.3");
        var cpa = MirrorMath.DecimalDivision(D("116"), Decimal.One);
        var discount = MirrorMath.DecimalMin(D("0.2"), MirrorMath.DecimalSubtraction(mcr, Decimal.One));
        Assert.Equal(D("0.2"), discount);
        var discountedPrice = MirrorMath.DecimalDivision(cpa, MirrorMath.DecimalSubtraction(Decimal.One, discount));
        Assert.Equal(D("145"), discountedPrice);
        var value = U("6666") * discountedPrice;
        Assert.Equal(U("966570"), value);
        Assert.Equal(U("33430"), U("1000000") - value); // refunded to the owner
        var fee = U("6666") * cpa * D("0.01");
        Assert.Equal(U("958838"), value - fee); // return_collateral_amount
    }

    [Fact]
    public void AuctionWithADiscountOfOnePanics() =>
        Assert.Throws<PanicException>(() => MirrorMath.DecimalDivision(D("116"), MirrorMath.DecimalSubtraction(Decimal.One, Decimal.One)));

    [Fact]
    public void DelistedBurnRefundsAtTheEndPriceLessTheFee()
    {
        var burn = U("666666");
        var cpa = MirrorMath.DecimalDivision(D("1"), Decimal.One);
        var conversionRate = Decimal.FromRatio(U("666666"), U("666666"));
        var refund = UInt128.Min(burn * cpa, burn * conversionRate);
        var fee = burn * cpa * D("0.01");
        Assert.Equal(U("660000"), refund - fee);
    }

    [Fact]
    public void StakingDepositRewardSplitsByTheShortRewardWeight()
    {
        var amount = U("100");
        var shortReward = amount * D("0.2");
        Assert.Equal(U("20"), shortReward);
        Assert.Equal(D("0.8"), Decimal.Zero + Decimal.FromRatio(amount - shortReward, 100));
        Assert.Equal(D("0.2"), Decimal.Zero + Decimal.FromRatio(shortReward, 100));
        Assert.Equal(U("80"), U("100") * D("0.8")); // withdrawing 100 LP at index 0.8
    }

    [Fact]
    public void AdjustPremiumIsPoolPriceOverOraclePriceMinusOne()
    {
        var pool = Decimal.FromRatio(105, 1);
        var oracle = D("100");
        Assert.Equal(D("0.05"), MirrorMath.DecimalDivision(MirrorMath.DecimalSubtraction(pool, oracle), oracle));
    }

    [Fact]
    public void FactoryDistributeFloorsPerSecond()
    {
        // upstream test_distribute: [[1800,3600,"3600"],[3600,7200,"7200"]] at genesis+5400 → 1800·2 + 1800·2 = 7200.
        var first = Decimal.FromRatio(3600, 3600 - 1800) * (UInt128)(3600 - 1800);
        var second = Decimal.FromRatio(7200, 7200 - 3600) * (UInt128)(5400 - 3600);
        Assert.Equal(U("7200"), first + second);
        // Per-second flooring: 1000 over 3 s paid out in one call is 1 unit short.
        Assert.Equal(U("999"), Decimal.FromRatio(1000, 3) * (UInt128)3);
    }

    [Fact]
    public void CollateralOracleRates()
    {
        Assert.Equal("0.01", Decimal.FromRatio(1, 100).ToString()); // amm_pair 1 uusd / 100 anc
        Assert.Equal("45", MirrorMath.DecimalMultiplication(Decimal.FromRatio(18, 2), D("5")).ToString());
        Assert.Equal("3.333333333333333333", ((Decimal)Decimal256.FromRatio(10, 3)).ToString()); // anchor Decimal256 → Decimal
        Assert.Equal("5.5", MirrorMath.DecimalMultiplication(D("1.1"), D("5")).ToString()); // lunax
        Assert.Equal("3465.21105", Decimal.FromAtomics(U("3465211050000000000000")).ToString()); // band (v2.1.4)
    }
}
