using static MirrorChain.Contracts.Mirror.Tests.Mint.MintFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Mint;

/// <summary>
/// burn and auction (upstream tests <c>burn</c> and <c>auction</c> in
/// contracts/mirror_mint/src/testing/positions_test.rs, and the mXXX / mYYY liquidation example of the Mirror docs'
/// mAssets page).
/// </summary>
public sealed class BurnAuctionTests
{
    private readonly MintFixture _f = new();

    [Fact]
    public void burn_charges_the_fee_on_the_position_collateral_and_returns_nothing()
    {
        var asset = _f.NewAsset("mAAA", "100", balances: (Bob, 1));
        _f.App.Execute(Bob, asset, $"{{\"transfer\":{{\"recipient\":\"{Alice}\",\"amount\":\"1\"}}}}"); // so 13334 can be sent
        _f.OpenNative(Alice, 1_000_000, asset, "1.5");
        _f.DepositNative(Alice, 1, 1_000_000);
        _f.MintMore(Alice, 1, asset, 6667);

        Assert.Equal("Generic error: Cannot burn asset more than you mint: execute wasm contract failed",
            Fail(() => _f.Burn(Alice, 1, asset, 13334)));
        var r = _f.Burn(Alice, 1, asset, 13333);
        Assert.Equal([("action", "burn"), ("position_idx", "1"), ("burn_amount", $"13333{asset}"), ("protocol_fee", "13333uusd")],
            AttributesOf(r, _f.Mint).Select(kv => (kv.Key, kv.Value)));
        Assert.Equal([(asset.ToString(), "send"), (_f.Mint.ToString(), "burn"), (asset.ToString(), "burn")], Actions(r));
        Assert.Equal((UInt128)13333, _f.App.Balance(CollectorAddr, Uusd));
        Assert.Equal(((UInt128)1_986_667, UInt128.Zero), (_f.PositionCollateral(1), _f.PositionAsset(1)));
        Assert.Equal(UInt128.Zero, _f.App.Balance(Alice, Uusd));
        Assert.Equal(UInt128.One, _f.TotalSupply(asset));
    }

    [Fact]
    public void burn_with_cw20_collateral_pays_the_fee_in_the_collateral_token()
    {
        var asset = _f.NewAsset("mAAA", "100", balances: (Alice, 1));
        var collateral = _f.NewAsset("mBBB", "50", balances: (Alice, 2_000_000));
        _f.OpenCw20(Alice, collateral, 1_000_000, asset, "1.5");
        _f.SendHook(Alice, collateral, 1_000_000, "{\"deposit\":{\"position_idx\":\"1\"}}");
        _f.MintMore(Alice, 1, asset, 333333);
        Assert.Contains("Cannot burn asset more than you mint", Fail(() => _f.Burn(Alice, 1, asset, 666667)), StringComparison.Ordinal);
        var r = _f.Burn(Alice, 1, asset, 666666);
        Assert.Equal($"13333{collateral}", r.Attribute("protocol_fee"));
        Assert.Equal([(asset.ToString(), "send"), (_f.Mint.ToString(), "burn"), (asset.ToString(), "burn"), (collateral.ToString(), "transfer")],
            Actions(r));
        Assert.Equal((UInt128)13333, _f.Cw20Balance(collateral, CollectorAddr));
        Assert.Equal((UInt128)1_986_667, _f.PositionCollateral(1));
    }

    [Fact]
    public void Burn_is_owner_only_for_listed_assets_and_checks_the_asset_first()
    {
        var asset = _f.NewAsset("mAAA", "1");
        var other = _f.NewAsset("mBBB", "1", balances: (Alice, 10));
        _f.OpenNative(Alice, 1_000_000, asset, "2");
        _f.App.Execute(Alice, asset, $"{{\"transfer\":{{\"recipient\":\"{Bob}\",\"amount\":\"10\"}}}}");
        Assert.Contains("Generic error: unauthorized", Fail(() => _f.Burn(Bob, 1, asset, 10)), StringComparison.Ordinal);
        Assert.Contains("Generic error: Wrong asset", Fail(() => _f.Burn(Alice, 1, other, 10)), StringComparison.Ordinal);
        Assert.Contains("Generic error: invalid cw20 hook message", Fail(() => _f.SendHook(Alice, asset, 10, "{\"nope\":{}}")), StringComparison.Ordinal);
        Assert.Contains("Generic error: invalid cw20 hook message", Fail(() => _f.SendHook(Alice, asset, 10, "not json")), StringComparison.Ordinal);
    }

    private (Address Asset, Address Collateral) AuctionSetup()
    {
        var asset = _f.NewAsset("mAAA", "100", mcr: "1.3", balances: (Bob, 400_000));
        var collateral = _f.NewAsset("mBBB", "50", balances: (Alice, 1_000_000));
        _f.OpenNative(Alice, 1_000_000, asset, "1.5");            // pos1: 1e6 uusd / 6666
        _f.OpenCw20(Alice, collateral, 1_000_000, asset, "1.5");   // pos2: 1e6 mBBB / 333333
        return (asset, collateral);
    }

    [Fact]
    public void auction_refuses_a_safe_position_and_more_than_the_debt()
    {
        var (asset, _) = AuctionSetup();
        _f.FeedPrice(asset, "115"); // ⌊6666 × 115⌋ × 1.3 = 996 567 < 1e6
        Assert.Equal("Generic error: Cannot liquidate a safely collateralized position", InnerLog(() => _f.Auction(Bob, 1, asset, 6666)));
        _f.FeedPrice(asset, "116");
        Assert.Equal("Generic error: Cannot liquidate more than the position amount", InnerLog(() => _f.Auction(Bob, 1, asset, 6667)));
        Assert.Equal("Generic error: Cannot liquidate more than the position amount", InnerLog(() => _f.Auction(Bob, 2, asset, 333334)));
    }

    [Fact]
    public void auction_closes_the_position_refunds_the_owner_and_pays_the_fee()
    {
        var (asset, _) = AuctionSetup();
        _f.FeedPrice(asset, "116");
        var r = _f.Auction(Bob, 1, asset, 6666);
        Assert.Equal(
            [("action", "auction"), ("position_idx", "1"), ("owner", Alice.ToString()), ("return_collateral_amount", "958838uusd"),
             ("liquidated_amount", $"6666{asset}"), ("tax_amount", "0uusd"), ("protocol_fee", "7732uusd")],
            AttributesOf(r, _f.Mint).Select(kv => (kv.Key, kv.Value)));
        Assert.Equal((UInt128)33_430, _f.App.Balance(Alice, Uusd));
        Assert.Equal((UInt128)958_838, _f.App.Balance(Bob, Uusd));
        Assert.Equal((UInt128)7_732, _f.App.Balance(CollectorAddr, Uusd));
        Assert.Equal(UInt128.Zero, _f.App.Balance(_f.Mint, Uusd));
        Assert.False(_f.PositionExists(1));
        Assert.Equal((UInt128)(400_000 - 6666), _f.Cw20Balance(asset, Bob));
        Assert.Equal((UInt128)(400_000 + 6666 + 333333 - 6666), _f.TotalSupply(asset));
    }

    [Fact]
    public void payouts_net_of_a_5_percent_tax_are_31838_913179_and_7363()
    {
        var rate = Core.Numerics.Decimal.Percent(5).Atomics;
        Assert.Equal((UInt128)(33_430 - 31_838), Terraswap.TerraTax.Compute(33_430, rate, 1_000_000));
        Assert.Equal((UInt128)45_659, Terraswap.TerraTax.Compute(958_838, rate, 1_000_000));
        Assert.Equal((UInt128)(7_732 - 7_363), Terraswap.TerraTax.Compute(7_732, rate, 1_000_000));
    }

    [Fact]
    public void Partial_auction_pays_at_the_discounted_price_and_keeps_the_position()
    {
        var asset = _f.NewAsset("mAAA", "100", balances: (Bob, 10_000));
        _f.OpenNative(Alice, 1_000_000, asset, "1.5"); // 6666
        _f.FeedPrice(asset, "140");                       // ⌊6666 × 140⌋ × 1.5 = 1 399 860 ≥ 1e6
        var r = _f.Auction(Bob, 1, asset, 1000);          // 1000 × 140 / 0.8 = 175 000; fee ⌊140 000 × 0.01⌋ = 1400
        Assert.Equal("173600uusd", r.Attribute("return_collateral_amount"));
        Assert.Equal("1400uusd", r.Attribute("protocol_fee"));
        Assert.Equal([(asset.ToString(), "send"), (_f.Mint.ToString(), "auction"), (asset.ToString(), "burn")], Actions(r));
        Assert.Equal(((UInt128)825_000, (UInt128)5666), (_f.PositionCollateral(1), _f.PositionAsset(1)));
        Assert.Equal((UInt128)173_600, _f.App.Balance(Bob, Uusd));
    }

    [Fact]
    public void Overpaying_auction_refunds_the_excess_asset_and_writes_off_the_rest_of_the_debt()
    {
        var asset = _f.NewAsset("mAAA", "100", balances: (Bob, 10_000));
        _f.OpenNative(Alice, 1_000_000, asset, "1.5"); // 6666
        _f.FeedPrice(asset, "200");                       // discounted 250; 6666 × 250 = 1 666 500 > 1e6
        var r = _f.Auction(Bob, 1, asset, 6666);
        // refund ⌊666 500 × 0.004⌋ = 2666; liquidated 4000; fee ⌊800 000 × 0.01⌋ = 8000; bad debt 2666 written off
        Assert.Equal($"4000{asset}", r.Attribute("liquidated_amount"));
        Assert.Equal("992000uusd", r.Attribute("return_collateral_amount"));
        Assert.Equal([(asset.ToString(), "send"), (_f.Mint.ToString(), "auction"), (asset.ToString(), "transfer"), (asset.ToString(), "burn")],
            Actions(r));
        Assert.Equal((UInt128)(10_000 - 4000), _f.Cw20Balance(asset, Bob));
        Assert.Equal((UInt128)992_000, _f.App.Balance(Bob, Uusd));
        Assert.Equal((UInt128)8000, _f.App.Balance(CollectorAddr, Uusd));
        Assert.Equal(UInt128.Zero, _f.App.Balance(Alice, Uusd));
        Assert.False(_f.PositionExists(1));
    }

    [Fact]
    public void Discount_is_capped_at_mcr_minus_one()
    {
        var asset = _f.NewAsset("mAAA", "100", discount: "0.2", mcr: "1.1", balances: (Bob, 10_000));
        Assert.Equal($"9090{asset}", _f.OpenNative(Alice, 1_000_000, asset, "1.1").Attribute("mint_amount"));
        Assert.Contains("safely collateralized", Fail(() => _f.Auction(Bob, 1, asset, 1000)), StringComparison.Ordinal); // 999 900 < 1e6
        _f.FeedPrice(asset, "101");
        // discount min(0.2, 0.1) = 0.1: ⌊1000 × 101/0.9⌋ = 112 222, minus fee 1010
        Assert.Equal("111212uusd", _f.Auction(Bob, 1, asset, 1000).Attribute("return_collateral_amount"));
    }

    [Fact]
    public void A_position_exactly_at_the_minimum_can_be_minted_to_and_liquidated()
    {
        var asset = _f.NewAsset("mAAA", "1", balances: (Bob, 10));
        _f.OpenNative(Alice, 150, asset, "1.5");  // ⌊150 × 0.666…⌋ = 99
        _f.MintMore(Alice, 1, asset, 1);          // 100 × 1.5 = 150 ≤ 150
        Assert.Equal("10uusd", (_f.Auction(Bob, 1, asset, 8)).Attribute("return_collateral_amount")); // ⌊8 × 1.25⌋ = 10, fee 0
    }

    [Theory]
    [InlineData("0.01", "62000000", "500000")]
    [InlineData("0", "62500000", "0")]
    public void Liquidating_100_mXXX_against_75_mYYY_at_20_percent_pays_62_5_and_returns_12_5(string feeRate, string liquidatorGets, string fee)
    {
        var f = new MintFixture(feeRate);
        var xxx = f.NewAsset("mXXX", "1", discount: "0.2", mcr: "1.5", balances: (Bob, 100_000_000));
        var yyy = f.NewAsset("mYYY", "2", balances: (Alice, 75_000_000));
        Assert.Equal($"99999999{xxx}", f.OpenCw20(Alice, yyy, 75_000_000, xxx, "1.5").Attribute("mint_amount"));
        f.MintMore(Alice, 1, xxx, 1); // debt 100 mXXX = 50 mYYY; 50 × 1.5 = 75: exactly at the minimum
        var r = f.Auction(Bob, 1, xxx, 100_000_000);
        Assert.Equal($"{liquidatorGets}{yyy}", r.Attribute("return_collateral_amount"));
        Assert.Equal($"{fee}{yyy}", r.Attribute("protocol_fee"));
        Assert.Equal(UInt128.Parse(liquidatorGets, System.Globalization.CultureInfo.InvariantCulture), f.Cw20Balance(yyy, Bob));
        Assert.Equal((UInt128)12_500_000, f.Cw20Balance(yyy, Alice));
        Assert.Equal(UInt128.Parse(fee, System.Globalization.CultureInfo.InvariantCulture), f.Cw20Balance(yyy, CollectorAddr));
        Assert.Equal(UInt128.Zero, f.Cw20Balance(yyy, f.Mint));
        Assert.False(f.PositionExists(1));
    }

    /// <summary>A hook error surfaces from inside the cw20 send; the mint's own text comes first in the log.</summary>
    private static string InnerLog(Action action)
    {
        var log = Fail(action);
        return log[..log.IndexOf(": execute wasm contract failed", StringComparison.Ordinal)];
    }
}
