using static MirrorChain.Contracts.Mirror.Tests.Factory.FactoryFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Factory;

/// <summary>
/// whitelist and its two replies (v2.1.4's upstream <c>test_whitelist</c>, <c>test_token_creation_hook</c>,
/// <c>test_terraswap_creation_hook</c> and <c>test_whitelist_pre_ipo_asset</c> in
/// contracts/mirror_factory/src/testing/tests.rs).
/// </summary>
public sealed class WhitelistTests
{
    private readonly FactoryFixture _f = new();

    [Fact]
    public void whitelist_instantiates_the_token_with_the_symbol_verbatim()
    {
        Assert.Equal(Unauthorized, Fail(() => _f.Whitelist("apple derivative", "mAPPL", sender: Alice)));

        var r = _f.Whitelist("apple derivative", "mAPPL", ParamsJson(weight: 100));
        Assert.Equal([("action", "whitelist"), ("symbol", "mAPPL"), ("name", "apple derivative")], AttributesOf(r, _f.Factory));
        var asset = Address.Parse(r.Attribute("asset_token_addr")!);

        var created = _f.Instantiated()[0];
        Assert.Equal((asset, _f.Factory), (created.Contract, created.Sender));
        Assert.Equal($$$$"""{"name":"apple derivative","symbol":"mAPPL","decimals":6,"initial_balances":[],"mint":{"minter":"{{{{_f.Mint}}}}","cap":null}}""",
            created.Json);
        var instantiate = r.Events.First(e => e.Type == "instantiate" && e.Attributes[0].Value == asset.ToString());
        Assert.Equal("1", instantiate.Attributes.Single(a => a.Key == "code_id").Value);
        var info = _f.App.Query(asset, "{\"token_info\":{}}");
        Assert.Equal("""{"name":"apple derivative","symbol":"mAPPL","decimals":6,"total_supply":"0"}""", info.GetRawText());
        Assert.Equal(_f.Mint.ToString(), _f.App.Query(asset, "{\"minter\":{}}").GetProperty("minter").GetString());
    }

    [Fact]
    public void token_creation_and_terraswap_creation_hooks_send_the_registrations_in_order()
    {
        var r = _f.Whitelist("apple derivative", "mAPPL", ParamsJson("0.05", "1.5", weight: 100));
        var asset = Address.Parse(r.Attribute("asset_token_addr")!);
        var (pair, lp) = _f.PairOf(asset);

        Assert.Equal([("asset_token_addr", asset.ToString()), ("is_pre_ipo", "false")], AttributesOf(r, _f.Factory, 1));
        Assert.Equal(
        [
            ("instantiate", asset, _f.Factory, $$$$"""{"name":"apple derivative","symbol":"mAPPL","decimals":6,"initial_balances":[],"mint":{"minter":"{{{{_f.Mint}}}}","cap":null}}"""),
            ("execute", _f.Mint, _f.Factory, $$$$"""{"register_asset":{"asset_token":"{{{{asset}}}}","auction_discount":"0.05","min_collateral_ratio":"1.5","ipo_params":null}}"""),
            ("execute", _f.Oracle, _f.Factory, $$$$"""{"register_asset":{"asset_token":"{{{{asset}}}}","feeder":"{{{{Feeder}}}}"}}"""),
            ("execute", _f.TerraswapFactory, _f.Factory, $$$$"""{"create_pair":{"asset_infos":[{"native_token":{"denom":"uusd"}},{"token":{"contract_addr":"{{{{asset}}}}"}}]}}"""),
            ("instantiate", lp, pair, $$$$"""{"name":"terraswap liquidity token","symbol":"uLP","decimals":6,"initial_balances":[],"mint":{"minter":"{{{{pair}}}}","cap":null}}"""),
            ("execute", _f.Staking, _f.Factory, $$$$"""{"register_asset":{"asset_token":"{{{{asset}}}}","staking_token":"{{{{lp}}}}"}}"""),
        ],
            _f.Log.Select(l => (l.Entry, l.Contract, l.Sender, l.Json)));

        var expected = Canonical(asset, _f.Mir).Select(a => (a.ToString(), a == asset ? 100u : 300u)).ToList();
        Assert.Equal(expected, _f.Weights());
        Assert.Equal(400u, _f.TotalWeight());
        Assert.Equal(Genesis, _f.DistributionInfo().GetProperty("last_distributed").GetUInt64());

        // each registration took effect in the real contracts
        Assert.Equal($$$$"""{"token":"{{{{asset}}}}","auction_discount":"0.05","min_collateral_ratio":"1.5","end_price":null,"ipo_params":null}""",
            _f.MintAssetConfig(asset).GetRawText());
        Assert.Equal(Feeder.ToString(), _f.OracleFeeder(asset));
        Assert.Equal("mirror_oracle", _f.App.Query(_f.CollateralOracle, $"{{\"collateral_asset_info\":{{\"asset\":\"{asset}\"}}}}")
            .GetProperty("source_type").GetString());
        Assert.Equal(lp.ToString(), _f.StakingPool(asset).GetProperty("staking_token").GetString());
    }

    [Fact]
    public void without_weight_the_asset_gets_30()
    {
        var asset = _f.NewAsset("mGOGL");
        Assert.Equal(Canonical(asset, _f.Mir).Select(a => (a.ToString(), a == asset ? 30u : 300u)).ToList(), _f.Weights());
        Assert.Equal(330u, _f.TotalWeight());
        Assert.Equal(3, _f.Log.Count(l => l.Entry == "execute" && l.Sender == _f.Factory && l.Contract != _f.Staking));
    }

    [Fact]
    public void pre_ipo_whitelist_registers_ipo_params_with_mint_end_now_plus_period()
    {
        var r = _f.Whitelist("pre-IPO asset", "mPreIPO", ParamsJson("0.05", "10", 100, 10000, "1.5", "0.01"));
        var asset = Address.Parse(r.Attribute("asset_token_addr")!);
        Assert.Equal([("action", "whitelist"), ("symbol", "mPreIPO"), ("name", "pre-IPO asset")], AttributesOf(r, _f.Factory));
        Assert.Equal(
            [("asset_token_addr", asset.ToString()), ("is_pre_ipo", "true"), ("mint_end", "1571807419"),
                ("min_collateral_ratio_after_ipo", "1.5"), ("pre_ipo_price", "0.01")],
            AttributesOf(r, _f.Factory, 1));
        Assert.Contains("\"symbol\":\"mPreIPO\"", _f.Instantiated()[0].Json, StringComparison.Ordinal);
        Assert.Equal(
            [$$$$"""{"register_asset":{"asset_token":"{{{{asset}}}}","auction_discount":"0.05","min_collateral_ratio":"10","ipo_params":{"mint_end":1571807419,"pre_ipo_price":"0.01","min_collateral_ratio_after_ipo":"1.5"}}}"""],
            _f.ExecutedAt(_f.Mint));
        Assert.Equal([$$$$"""{"register_asset":{"asset_token":"{{{{asset}}}}","feeder":"{{{{Feeder}}}}"}}"""], _f.ExecutedAt(_f.Oracle));
        Assert.Equal(_f.PairOf(asset).Lp.ToString(), _f.StakingPool(asset).GetProperty("staking_token").GetString());
        // a pre-IPO asset is not a collateral until its IPO
        Assert.Equal("Generic error: Collateral asset not found: query wasm contract failed",
            Assert.Throws<SdkException>(() => _f.App.Query(_f.CollateralOracle, $"{{\"collateral_asset_info\":{{\"asset\":\"{asset}\"}}}}")).Log);

        // mintable at the fixed pre-IPO price, without any oracle feed: 1_000_000 uusd at ratio 10 and price 0.01
        var open = _f.OpenPosition(Alice, 1_000_000, asset, "10");
        Assert.Equal($"10000000{asset}", open.Attribute("mint_amount"));
        Assert.Equal((UInt128)10_000_000, _f.Cw20Balance(asset, Alice));
    }

    [Fact]
    public void Partial_ipo_params_make_a_normal_asset()
    {
        var r = _f.Whitelist("half", "mHALF", ParamsJson(mintPeriod: 10000, preIpoPrice: "0.01"));
        var asset = Address.Parse(r.Attribute("asset_token_addr")!);
        Assert.Equal([("asset_token_addr", asset.ToString()), ("is_pre_ipo", "false")], AttributesOf(r, _f.Factory, 1));
        Assert.Contains("\"ipo_params\":null", _f.ExecutedAt(_f.Mint).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Whitelist_rejects_an_invalid_feeder_and_keeps_no_params()
    {
        Assert.Equal("Generic error: addr_validate errored: decoding bech32 failed: invalid bech32 length 6: execute wasm contract failed",
            Fail(() => _f.App.Execute(GovAddr, _f.Factory, $$$$"""{"whitelist":{"name":"x","symbol":"mX","oracle_feeder":"terra1","params":{{{{ParamsJson()}}}}}}""")));
        _f.NewAsset("mXYZ"); // no whitelist left "in progress"
    }

    [Fact]
    public void Full_whitelist_flow_gives_a_tradable_and_mintable_masset()
    {
        var asset = _f.NewAsset("mAPPL", weight: 100, discount: "0.2", mcr: "1.5");
        var (pair, lp) = _f.PairOf(asset);

        // mint: the feeder prices it, Alice opens a position (1_000_000 uusd at ratio 2, price 100 → 5000 mAPPL)
        _f.FeedPrice(asset, "100");
        Assert.Equal($"5000{asset}", _f.OpenPosition(Alice, 1_000_000, asset, "2").Attribute("mint_amount"));
        Assert.Equal((UInt128)5_000, _f.Cw20Balance(asset, Alice));

        // trade: Alice provides 1000 mAPPL + 100_000 uusd, Bob buys with 10_000 uusd
        _f.App.Execute(Alice, asset, $"{{\"increase_allowance\":{{\"spender\":\"{pair}\",\"amount\":\"1000\"}}}}");
        _f.App.Mint(Alice, new Coin(Uusd, 100_000));
        var provide = _f.App.Execute(Alice, pair, $$$$"""
            {"provide_liquidity":{"assets":[{"info":{{{{NativeInfo(Uusd)}}}},"amount":"100000"},{"info":{{{{TokenInfo(asset)}}}},"amount":"1000"}]}}
            """, [new Coin(Uusd, 100_000)]);
        Assert.Equal("10000", provide.Attribute("share")); // √(100000 · 1000)
        Assert.Equal((UInt128)10_000, _f.Cw20Balance(lp, Alice));

        _f.App.Mint(Bob, new Coin(Uusd, 10_000));
        var swap = _f.App.Execute(Bob, pair, $$$$"""{"swap":{"offer_asset":{"info":{{{{NativeInfo(Uusd)}}}},"amount":"10000"}}}""", [new Coin(Uusd, 10_000)]);
        // the port's Decimal256 constant-product: ⌊1000 − 100000·1000 / 110000⌋ = ⌊90.909…⌋ = 90, commission ⌊90 · 0.003⌋ = 0
        Assert.Equal("90", swap.Attribute("return_amount"));
        Assert.Equal((UInt128)90, _f.Cw20Balance(asset, Bob));

        // the LP token the pair minted is the one staking knows for the asset
        Assert.Equal(lp.ToString(), _f.StakingPool(asset).GetProperty("staking_token").GetString());
    }
}
