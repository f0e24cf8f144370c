using static MirrorChain.Contracts.Mirror.Tests.Factory.FactoryFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Factory;

/// <summary>
/// revoke_asset (feeder path with end_price, owner path without) and migrate_asset (feeder only), as in Mirror v2.1.4
/// contracts/mirror_factory/src/contract.rs and its upstream tests <c>test_revocation</c> and <c>test_migration</c>,
/// plus the oracle-feeder lookup failures and a pre-IPO migrate; and the mint side afterwards (anyone burns the
/// delisted asset at end_price).
/// </summary>
public sealed class DelistingTests
{
    private const string FeederFetch = "Generic error: Failed to fetch the oracle feeder: execute wasm contract failed";
    private const string NoDistributionInfo = "Generic error: No distribution info stored: execute wasm contract failed";
    private readonly FactoryFixture _f = new();

    private static string RegisterMigration(Address asset, string endPrice) =>
        $"{{\"register_migration\":{{\"asset_token\":\"{asset}\",\"end_price\":\"{endPrice}\"}}}}";

    [Fact]
    public void revocation_by_the_feeder_with_a_price_and_by_the_owner_at_the_oracle_price()
    {
        var a0 = _f.NewAsset("mTSLA", weight: 100);
        var a1 = _f.NewAsset("mAPPL", weight: 100);
        _f.FeedPrice(a1, "2");
        _f.Log.Clear();

        const string TwoThirds = "0.666666666666666666"; // from_ratio(2, 3), kept at 18 dp
        Assert.Equal(Unauthorized, Fail(() => _f.Revoke(Address0, a0, TwoThirds)));
        Assert.Equal(Unauthorized, Fail(() => _f.Revoke(Alice, a0, TwoThirds)));
        var r0 = _f.Revoke(Feeder, a0, TwoThirds);
        Assert.Equal([RegisterMigration(a0, TwoThirds)], _f.ExecutedAt(_f.Mint));
        Assert.Equal([("action", "revoke_asset"), ("end_price", TwoThirds), ("asset_token", a0.ToString())], AttributesOf(r0, _f.Factory));

        _f.Log.Clear();
        var r1 = _f.Revoke(GovAddr, a1, null);
        Assert.Equal([RegisterMigration(a1, "2")], _f.ExecutedAt(_f.Mint));
        Assert.Equal([("action", "revoke_asset"), ("end_price", "2"), ("asset_token", a1.ToString())], AttributesOf(r1, _f.Factory));

        Assert.Equal([(_f.Mir.ToString(), 300u)], _f.Weights());
        Assert.Equal(300u, _f.TotalWeight());
        // the mint took the end prices; the staking pools stay registered
        Assert.Equal(TwoThirds, _f.MintAssetConfig(a0).GetProperty("end_price").GetString());
        Assert.Equal("1", _f.MintAssetConfig(a0).GetProperty("min_collateral_ratio").GetString());
        Assert.Equal("2", _f.MintAssetConfig(a1).GetProperty("end_price").GetString());
        Assert.Equal(_f.PairOf(a0).Lp.ToString(), _f.StakingPool(a0).GetProperty("staking_token").GetString());
    }

    [Fact]
    public void each_path_admits_only_its_own_caller()
    {
        var a = _f.NewAsset("mAAPL");
        Assert.Equal(Unauthorized, Fail(() => _f.Revoke(GovAddr, a, "1.5")));   // the owner is not accepted with a price
        Assert.Equal(Unauthorized, Fail(() => _f.Revoke(Feeder, a, null))); // nor the feeder without one
        Assert.Equal(FeederFetch, Fail(() => _f.Revoke(GovAddr, TestAddress.Of("asset9999"), "1")));
        Assert.Equal(FeederFetch, Fail(() => _f.Revoke(Feeder, TestAddress.Of("asset9999"), "1")));
        _f.Revoke(Feeder, a, "1.5");
        Assert.Equal("1.5", _f.MintAssetConfig(a).GetProperty("end_price").GetString());
        // revoked already: its weight is gone
        Assert.Equal(NoDistributionInfo, Fail(() => _f.Revoke(Feeder, a, "1.5")));
    }

    [Fact]
    public void Owner_path_reads_the_mint_config_and_truncates_the_oracle_rate_to_9_decimals()
    {
        var fed = _f.NewAsset("mFED");
        var neverFed = _f.NewAsset("mNEW");
        _f.FeedPrice(fed, "1.123456789123");
        _f.Log.Clear();
        Assert.Equal("1.123456789", _f.Revoke(GovAddr, fed, null).Attribute("end_price"));
        // a registered but never-fed asset reads rate 0 (no age check)
        Assert.Equal("0", _f.Revoke(GovAddr, neverFed, null).Attribute("end_price"));
        Assert.Equal([RegisterMigration(fed, "1.123456789"), RegisterMigration(neverFed, "0")], _f.ExecutedAt(_f.Mint));
        // MIR has a weight but no mint config
        Assert.Equal("Generic error: Failed to fetch the mint asset config: execute wasm contract failed", Fail(() => _f.Revoke(GovAddr, _f.Mir, null)));
    }

    [Fact]
    public void Revoking_a_pre_ipo_asset_uses_its_pre_ipo_price_and_fails_in_the_collateral_oracle()
    {
        var r = _f.Whitelist("pre-IPO", "mPRE", ParamsJson("0.05", "1.5", 100, 10000, "1.5", "0.01"));
        var asset = Address.Parse(r.Attribute("asset_token_addr")!);
        _f.Log.Clear();
        Assert.Equal("Generic error: Collateral not found: execute wasm contract failed", Fail(() => _f.Revoke(GovAddr, asset, null)));
        Assert.Equal(RegisterMigration(asset, "0.01"), _f.ExecutedAt(_f.Mint).Single()); // it was sent, then the tx reverted
        Assert.Equal(Canonical(asset, _f.Mir).Select(a => (a.ToString(), a == asset ? 100u : 300u)).ToList(), _f.Weights());
    }

    [Fact]
    public void After_a_revocation_anyone_burns_the_asset_at_end_price()
    {
        var asset = _f.NewAsset("mAAPL", discount: "0.2", mcr: "1.5");
        _f.FeedPrice(asset, "1");
        _f.OpenPosition(Alice, 1_000_000, asset, "2");                     // 500_000 minted
        _f.App.Execute(Alice, asset, $"{{\"transfer\":{{\"recipient\":\"{Bob}\",\"amount\":\"100000\"}}}}");
        _f.Revoke(Feeder, asset, "2");

        // min(100000 · 2, ⌊100000 · 1000000/500000⌋) = 200000; protocol fee ⌊200000 · 0.015⌋ = 3000
        var burn = _f.SendHook(Bob, asset, _f.Mint, 100_000, "{\"burn\":{\"position_idx\":\"1\"}}");
        Assert.Equal(("3000uusd", "197000uusd"), (burn.Attribute("protocol_fee"), burn.Attribute("refund_collateral_amount")));
        Assert.Equal((UInt128)197_000, _f.App.Balance(Bob, Uusd));
        Assert.Equal((UInt128)3_000, _f.App.Balance(CollectorAddr, Uusd));
        // the delisted asset can no longer be minted
        Assert.Equal("Generic error: Operation is not allowed for the deprecated asset: execute wasm contract failed",
            Fail(() => _f.OpenPosition(Alice, 1_000, asset, "2")));
    }

    [Fact]
    public void migration_by_the_feeder_hands_weight_params_and_feeder_to_a_new_token()
    {
        var old = _f.NewAsset("mAPPL", weight: 100, discount: "0.2", mcr: "1.5");
        _f.Log.Clear();
        Assert.Equal(Unauthorized, Fail(() => _f.Migrate(GovAddr, "apple migration", "mAPPLB", old, "2")));
        Assert.Equal(FeederFetch, Fail(() => _f.Migrate(Feeder, "apple migration", "mAPPLB", TestAddress.Of("asset9999"), "2")));
        _f.Log.Clear();

        // the symbol "mAPPL2" of upstream test_migration goes verbatim into the token, which cw20-base refuses
        // (letters and '-' only): the whole
        // migration reverts, after the factory sent exactly these two messages
        Assert.Equal("Generic error: Ticker symbol is not in expected format [a-zA-Z\\-]{3,12}: instantiate wasm contract failed",
            Fail(() => _f.Migrate(Feeder, "apple migration", "mAPPL2", old, "2")));
        Assert.Equal(
        [
            ("execute", RegisterMigration(old, "2")),
            ("instantiate", $$$$"""{"name":"apple migration","symbol":"mAPPL2","decimals":6,"initial_balances":[],"mint":{"minter":"{{{{_f.Mint}}}}","cap":null}}"""),
        ],
            _f.Log.Select(l => (l.Entry, l.Json)));
        _f.Log.Clear();

        var r = _f.Migrate(Feeder, "apple migration", "mAPPLB", old, "2");
        Assert.Equal([("action", "migration"), ("end_price", "2"), ("asset_token", old.ToString())], AttributesOf(r, _f.Factory));
        var fresh = Address.Parse(r.Attribute("asset_token_addr")!);
        Assert.Equal([("asset_token_addr", fresh.ToString()), ("is_pre_ipo", "false")], AttributesOf(r, _f.Factory, 1));
        var (pair, lp) = _f.PairOf(fresh);
        Assert.Equal(
        [
            ("execute", _f.Mint, RegisterMigration(old, "2")),
            ("instantiate", fresh, $$$$"""{"name":"apple migration","symbol":"mAPPLB","decimals":6,"initial_balances":[],"mint":{"minter":"{{{{_f.Mint}}}}","cap":null}}"""),
            ("execute", _f.Mint, $$$$"""{"register_asset":{"asset_token":"{{{{fresh}}}}","auction_discount":"0.2","min_collateral_ratio":"1.5","ipo_params":null}}"""),
            ("execute", _f.Oracle, $$$$"""{"register_asset":{"asset_token":"{{{{fresh}}}}","feeder":"{{{{Feeder}}}}"}}"""),
            ("execute", _f.TerraswapFactory, $$$$"""{"create_pair":{"asset_infos":[{"native_token":{"denom":"uusd"}},{"token":{"contract_addr":"{{{{fresh}}}}"}}]}}"""),
            ("instantiate", lp, $$$$"""{"name":"terraswap liquidity token","symbol":"uLP","decimals":6,"initial_balances":[],"mint":{"minter":"{{{{pair}}}}","cap":null}}"""),
            ("execute", _f.Staking, $$$$"""{"register_asset":{"asset_token":"{{{{fresh}}}}","staking_token":"{{{{lp}}}}"}}"""),
        ],
            _f.Log.Select(l => (l.Entry, l.Contract, l.Json)));

        Assert.Equal(Canonical(fresh, _f.Mir).Select(a => (a.ToString(), a == fresh ? 100u : 300u)).ToList(), _f.Weights());
        Assert.Equal(400u, _f.TotalWeight());
        Assert.Equal(Feeder.ToString(), _f.OracleFeeder(fresh));
        Assert.Equal($$$$"""{"token":"{{{{old}}}}","auction_discount":"0.2","min_collateral_ratio":"1","end_price":"2","ipo_params":null}""",
            _f.MintAssetConfig(old).GetRawText());
        Assert.Equal(_f.PairOf(old).Lp.ToString(), _f.StakingPool(old).GetProperty("staking_token").GetString());

        // the old token has no weight any more
        Assert.Equal(NoDistributionInfo, Fail(() => _f.Migrate(Feeder, "again", "mAPPLC", old, "2")));
    }

    [Fact]
    public void After_a_migration_the_old_token_burns_at_end_price_and_the_new_one_is_mintable()
    {
        var old = _f.NewAsset("mAPPL", discount: "0.2", mcr: "1.5");
        _f.FeedPrice(old, "1");
        _f.OpenPosition(Alice, 1_000_000, old, "2"); // 500_000 old tokens
        var fresh = Address.Parse(_f.Migrate(Feeder, "Apple 2", "mAPPLB", old, "3").Attribute("asset_token_addr")!);

        var burn = _f.SendHook(Alice, old, _f.Mint, 100_000, "{\"burn\":{\"position_idx\":\"1\"}}");
        // the fee is taken on the burn value ⌊100000 · 3 · 0.015⌋ = 4500, the refund is capped pro rata:
        // min(100000 · 3 = 300000, ⌊100000 · 1000000/500000⌋ = 200000) − 4500 = 195500
        Assert.Equal(("4500uusd", "195500uusd"), (burn.Attribute("protocol_fee"), burn.Attribute("refund_collateral_amount")));

        _f.FeedPrice(fresh, "2"); // its feeder is the old one's
        Assert.Equal($"150000{fresh}", _f.OpenPosition(Bob, 600_000, fresh, "2").Attribute("mint_amount"));
    }

    [Fact]
    public void migrating_a_pre_ipo_asset_fails_in_the_collateral_oracle()
    {
        var r = _f.Whitelist("pre-IPO", "mPRE", ParamsJson("0.05", "1.5", 100, 10000, "1.5", "0.01"));
        var asset = Address.Parse(r.Attribute("asset_token_addr")!);
        Assert.Equal("Generic error: Collateral not found: execute wasm contract failed", Fail(() => _f.Migrate(Feeder, "pre 2", "mPREB", asset, "1")));
        Assert.Equal(Canonical(asset, _f.Mir).Select(a => (a.ToString(), a == asset ? 100u : 300u)).ToList(), _f.Weights());
    }
}
