using static MirrorChain.Contracts.Mirror.Tests.Mint.MintFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Mint;

/// <summary>
/// Delisting via register_migration and revoked collateral (Mirror's former
/// contracts/mirror_mint/src/migrated_asset_test.rs at b9e69bb, with the protocol fee on delisted burns that v2.1.4
/// charges).
/// </summary>
public sealed class DelistingTests
{
    private readonly MintFixture _f = new();

    private static string Migrate(Address asset, string endPrice) =>
        $"{{\"register_migration\":{{\"asset_token\":\"{asset}\",\"end_price\":\"{endPrice}\"}}}}";

    [Fact]
    public void register_migration_sets_end_price_and_mcr_1_and_revokes_the_collateral()
    {
        var asset = _f.NewAsset("mAAA", "1");
        var unknown = _f.NewToken("mZZZ");
        Assert.Equal(Unauthorized, Fail(() => _f.App.Execute(Alice, _f.Mint, Migrate(asset, "0.5"))));
        Assert.Equal("Generic error: no asset data stored: execute wasm contract failed", Fail(() => _f.App.Execute(Owner, _f.Mint, Migrate(unknown, "0.5"))));

        var r = _f.App.Execute(Owner, _f.Mint, Migrate(asset, "0.5"));
        Assert.Equal([("action", "migrate_asset"), ("asset_token", asset.ToString()), ("end_price", "0.5")],
            AttributesOf(r, _f.Mint).Select(kv => (kv.Key, kv.Value)));
        Assert.Equal($"{{\"token\":\"{asset}\",\"auction_discount\":\"0.2\",\"min_collateral_ratio\":\"1\",\"end_price\":\"0.5\",\"ipo_params\":null}}",
            _f.App.Query(_f.Mint, $"{{\"asset_config\":{{\"asset_token\":\"{asset}\"}}}}").GetRawText());
        Assert.True(_f.App.Query(_f.CollateralOracle, $"{{\"collateral_asset_info\":{{\"asset\":\"{asset}\"}}}}").GetProperty("is_revoked").GetBoolean());
    }

    [Fact]
    public void delisted_asset_and_delisted_collateral()
    {
        var a0 = _f.NewAsset("mAAA", "1", balances: [(Alice, 2_000_000), (Bob, 666_666)]);
        var a1 = _f.NewAsset("mBBB", "0.5");
        _f.OpenNative(Alice, 1_000_000, a0, "1.5");                              // pos1: 666666 a0
        Assert.Equal($"1333333{a1}", _f.OpenCw20(Alice, a0, 1_000_000, a1, "1.5").Attribute("mint_amount")); // pos2
        _f.App.Execute(Owner, _f.Mint, Migrate(a0, "1"));

        Assert.Contains("The collateral asset provided is no longer valid", Fail(() => _f.OpenCw20(Alice, a0, 1000, a1, "3")), StringComparison.Ordinal);
        Assert.Contains("The collateral asset provided is no longer valid",
            Fail(() => _f.SendHook(Alice, a0, 1000, "{\"deposit\":{\"position_idx\":\"2\"}}")), StringComparison.Ordinal);
        Assert.Equal("Generic error: Operation is not allowed for the deprecated asset: execute wasm contract failed",
            Fail(() => _f.OpenNative(Alice, 1000, a0, "3")));
        Assert.Equal("Generic error: Operation is not allowed for the deprecated asset: execute wasm contract failed",
            Fail(() => _f.MintMore(Alice, 1, a0, 1)));
        Assert.Equal("Generic error: Operation is not allowed for the deprecated asset: execute wasm contract failed",
            Fail(() => _f.DepositNative(Alice, 1, 1)));
        Assert.Equal("Generic error: The collateral asset provided is no longer valid: execute wasm contract failed",
            Fail(() => _f.MintMore(Alice, 2, a1, 1)));
        Assert.Contains("Operation is not allowed for the deprecated asset", Fail(() => _f.Auction(Bob, 1, a0, 1)), StringComparison.Ordinal);

        Assert.Contains("Cannot withdraw collateral over than minimum collateral ratio", Fail(() => _f.WithdrawUusd(Alice, 1, 333_335)), StringComparison.Ordinal);
        _f.WithdrawUusd(Alice, 1, 333_334);
        Assert.Equal((UInt128)666_666, _f.PositionCollateral(1));

        var r = _f.Burn(Bob, 1, a0, 666_666); // anyone may burn into any position
        Assert.Equal(
            [("action", "burn"), ("position_idx", "1"), ("burn_amount", $"666666{a0}"), ("protocol_fee", "6666uusd"), ("refund_collateral_amount", "660000uusd")],
            AttributesOf(r, _f.Mint).Select(kv => (kv.Key, kv.Value)));
        Assert.Equal((UInt128)660_000, _f.App.Balance(Bob, Uusd));
        Assert.Equal((UInt128)6_666, _f.App.Balance(CollectorAddr, Uusd));
        Assert.False(_f.PositionExists(1));

        // pos2's delisted collateral is valued at end_price: withdrawing stays possible while the ratio holds
        _f.FeedPrice(a1, "0.5");
        _f.Withdraw(Alice, 2, TokenInfo(a0), 1);
        Assert.Equal((UInt128)999_999, _f.PositionCollateral(2));
    }

    [Fact]
    public void Delisted_burn_refund_is_capped_pro_rata_and_leaves_one_unit_of_dust()
    {
        var asset = _f.NewAsset("mAAA", "1", balances: (Bob, 1_000));
        _f.OpenNative(Alice, 300, asset, "1.5"); // 199
        _f.App.Execute(Owner, _f.Mint, Migrate(asset, "2"));
        // ⌊100 × 2⌋ = 200 but the pro-rata share is ⌊100 × 300/199⌋ = 150; fee ⌊200 × 0.01⌋ = 2
        var r = _f.Burn(Bob, 1, asset, 100);
        Assert.Equal(("2uusd", "148uusd"), (r.Attribute("protocol_fee"), r.Attribute("refund_collateral_amount")));
        Assert.Equal(((UInt128)150, (UInt128)99), (_f.PositionCollateral(1), _f.PositionAsset(1)));
        _f.Burn(Bob, 1, asset, 99); // min(198, ⌊99 × 150/99⌋ = 149) → collateral 1 left, position closed
        Assert.False(_f.PositionExists(1));
        Assert.Equal(UInt128.One, _f.App.Balance(_f.Mint, Uusd));
    }

    [Fact]
    public void revoked_collateral_blocks_open_mint_deposit_but_not_burn_or_withdraw()
    {
        var asset = _f.NewAsset("mAAA", "1", balances: (Bob, 10));
        _f.RegisterFixedCollateral("uluna", "0.1", "0.5");
        Assert.Equal($"50{asset}", _f.OpenNative(Alice, 1000, asset, "2", denom: "uluna").Attribute("mint_amount"));
        _f.App.Execute(Owner, _f.CollateralOracle, "{\"revoke_collateral_asset\":{\"asset\":{\"native_token\":{\"denom\":\"uluna\"}}}}");

        Assert.Equal("Generic error: The collateral asset provided is no longer valid: execute wasm contract failed",
            Fail(() => _f.OpenNative(Alice, 1000, asset, "2", denom: "uluna")));
        Assert.Equal("Generic error: The collateral asset provided is no longer valid: execute wasm contract failed",
            Fail(() => _f.MintMore(Alice, 1, asset, 1)));
        _f.App.Mint(Alice, new Coin("uluna", 10));
        var deposit = $"{{\"deposit\":{{\"position_idx\":\"1\",\"collateral\":{{\"info\":{NativeInfo("uluna")},\"amount\":\"10\"}}}}}}";
        Assert.Equal("Generic error: The collateral asset provided is no longer valid: execute wasm contract failed",
            Fail(() => _f.App.Execute(Alice, _f.Mint, deposit, [new Coin("uluna", 10)])));
        Assert.Contains("Generic error: unauthorized", Fail(() => _f.Burn(Bob, 1, asset, 10)), StringComparison.Ordinal);

        Assert.Equal("5uluna", _f.Burn(Alice, 1, asset, 50).Attribute("protocol_fee")); // ⌊⌊50 × (1 / 0.1)⌋ × 0.01⌋
        _f.Withdraw(Alice, 1, NativeInfo("uluna"), 995);
        Assert.False(_f.PositionExists(1));
    }
}
