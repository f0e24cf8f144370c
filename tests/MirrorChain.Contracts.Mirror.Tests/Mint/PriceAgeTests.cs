using static MirrorChain.Contracts.Mirror.Tests.Mint.MintFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Mint;

/// <summary>
/// v2.1.4's 60-second price-age rule in the mint itself (Mirror v2.1.4 contracts/mirror_mint/src/querier.rs
/// <c>load_asset_price</c> / <c>load_collateral_info</c>).
/// </summary>
public sealed class PriceAgeTests
{
    private readonly MintFixture _f = new();

    [Fact]
    public void a_price_60_seconds_old_is_accepted_and_61_is_too_old()
    {
        var asset = _f.NewAsset("mAAA", "1");
        _f.App.AdvanceTime(60);
        _f.OpenNative(Alice, 1000, asset, "2");
        _f.App.AdvanceTime(1);
        Assert.Equal("Generic error: Price is too old: execute wasm contract failed", Fail(() => _f.OpenNative(Alice, 1000, asset, "2")));
    }

    [Fact]
    public void a_never_fed_asset_is_always_too_old()
    {
        var token = _f.NewToken("mAAA");
        _f.RegisterAsset(token, "0.2", "1.5");
        _f.App.Execute(Owner, _f.Oracle, $"{{\"register_asset\":{{\"asset_token\":\"{token}\",\"feeder\":\"{Feeder}\"}}}}");
        Assert.Equal("Generic error: Price is too old: execute wasm contract failed", Fail(() => _f.OpenNative(Alice, 1000, token, "2")));
    }

    [Fact]
    public void a_stale_collateral_price_is_collateral_price_too_old()
    {
        var asset = _f.NewAsset("mAAA", "1");
        var collateral = _f.NewAsset("mBBB", "1", balances: (Alice, 10_000));
        _f.App.AdvanceTime(61);
        _f.FeedPrice(asset, "1");
        Assert.Contains("Generic error: Collateral price is too old", Fail(() => _f.OpenCw20(Alice, collateral, 1000, asset, "2")), StringComparison.Ordinal);
        _f.FeedPrice(collateral, "1");
        _f.OpenCw20(Alice, collateral, 1000, asset, "2");
    }

    [Fact]
    public void Stale_prices_disable_open_mint_withdraw_burn_and_auction_but_not_deposit()
    {
        var asset = _f.NewAsset("mAAA", "1", balances: (Bob, 1000));
        var collateral = _f.NewAsset("mBBB", "1", balances: (Alice, 10_000));
        _f.OpenNative(Alice, 10_000, asset, "2");          // pos1, 5000
        _f.OpenCw20(Alice, collateral, 5_000, asset, "2"); // pos2, 2500
        _f.App.AdvanceTime(61);

        const string old = "Generic error: Price is too old";
        Assert.StartsWith(old, Fail(() => _f.MintMore(Alice, 1, asset, 1)), StringComparison.Ordinal);
        Assert.StartsWith(old, Fail(() => _f.WithdrawUusd(Alice, 1, 1)), StringComparison.Ordinal);
        Assert.Contains(old, Fail(() => _f.Burn(Alice, 1, asset, 1)), StringComparison.Ordinal);
        Assert.Contains(old, Fail(() => _f.Auction(Bob, 1, asset, 1)), StringComparison.Ordinal);
        _f.DepositNative(Alice, 1, 1);
        _f.SendHook(Alice, collateral, 1, "{\"deposit\":{\"position_idx\":\"2\"}}");
        Assert.Equal((UInt128)5_001, _f.PositionCollateral(2));

        _f.FeedPrice(asset, "1"); // the asset is fresh again, the cw20 collateral is not
        const string collateralOld = "Generic error: Collateral price is too old";
        Assert.StartsWith(collateralOld, Fail(() => _f.MintMore(Alice, 2, asset, 1)), StringComparison.Ordinal);
        Assert.StartsWith(collateralOld, Fail(() => _f.Withdraw(Alice, 2, TokenInfo(collateral), 1)), StringComparison.Ordinal);
        Assert.Contains(collateralOld, Fail(() => _f.Burn(Alice, 2, asset, 1)), StringComparison.Ordinal);
        Assert.Contains(collateralOld, Fail(() => _f.Auction(Bob, 2, asset, 1)), StringComparison.Ordinal);
        // uusd collateral never asks the collateral oracle
        _f.MintMore(Alice, 1, asset, 1);
        _f.Burn(Alice, 1, asset, 1);
    }
}
