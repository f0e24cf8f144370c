using static MirrorChain.Contracts.Mirror.Tests.Support.Names;

namespace MirrorChain.Contracts.Mirror.Tests.CollateralOracle;

/// <summary>
/// Every v2.1.4 price source (Mirror v2.1.4 contracts/mirror_collateral_oracle/src/querier.rs): the rates of the
/// upstream tests in its testing/tests.rs for mirror_oracle, terraswap, fixed_price, anchor_market, lunax and band
/// (<c>get_band_oracle_price</c>), terraswap also through a real terraswap_pair + cw20, and MirrorChain's native-rate
/// substitute (uluna registered with a fixed price instead of Terra's oracle module).
/// </summary>
public sealed class PriceSourceTests : CollateralOracleFixture
{
    private const string NoLunaRate =
        "Generic error: No native exchange rate for uluna (MirrorChain has no Terra oracle: register uluna as a collateral with a non-native price source): query wasm contract failed";

    private Address Cw20(string symbol, UInt128 supply) =>
        App.Instantiate(CodeIds.Cw20Base, Addr0,
            $$$"""{"name":"{{{symbol}}} Token","symbol":"{{{symbol}}}","decimals":6,"initial_balances":[{"address":"{{{Addr0}}}","amount":"{{{supply}}}"}],"mint":null}""");

    /// <summary>A real terraswap pair [native denom, token] (or [token, native] when <paramref name="tokenFirst"/>) with the given pools.</summary>
    private Address Pair(string denom, UInt128 nativeAmount, Address token, UInt128 tokenAmount, bool tokenFirst = false)
    {
        var native = Native(denom);
        var tok = Token(token);
        var infos = tokenFirst ? $"[{tok},{native}]" : $"[{native},{tok}]";
        var pair = App.Instantiate(CodeIds.TerraswapPair, Addr0, $$$"""{"asset_infos":{{{infos}}},"token_code_id":{{{CodeIds.Cw20Base}}}}""");
        App.Execute(Addr0, token, $$$"""{"increase_allowance":{"spender":"{{{pair}}}","amount":"{{{tokenAmount}}}"}}""");
        App.Mint(Addr0, new Coin(denom, nativeAmount));
        var nativeAsset = $$$"""{"info":{{{native}}},"amount":"{{{nativeAmount}}}"}""";
        var tokenAsset = $$$"""{"info":{{{tok}}},"amount":"{{{tokenAmount}}}"}""";
        var assets = tokenFirst ? $"[{tokenAsset},{nativeAsset}]" : $"[{nativeAsset},{tokenAsset}]";
        App.Execute(Addr0, pair, $$$"""{"provide_liquidity":{"assets":{{{assets}}}}}""", [new Coin(denom, nativeAmount)]);
        return pair;
    }

    private static string TerraswapSource(Address pair, string? intermediate = null) => intermediate is null
        ? $$$"""{"terraswap":{"terraswap_pair_addr":"{{{pair}}}","intermediate_denom":null}}"""
        : $$$"""{"terraswap":{"terraswap_pair_addr":"{{{pair}}}","intermediate_denom":"{{{intermediate}}}"}}""";

    [Fact]
    public void Mirror_oracle_source_reads_rate_and_last_updated_base()
    {
        Register(Owner, Token(MTsla), """{"mirror_oracle":{}}""");
        Assert.Equal(PriceJson(MTsla, "1", 1000), Price(MTsla));
        FeedTsla("1.234567891234");
        // mirror_oracle truncates the fed price to 9 dp (decimal_division by the base asset's 1)
        Assert.Equal(PriceJson(MTsla, "1.234567891", 1000), Price(MTsla));
    }

    [Fact]
    public void Mirror_oracle_source_passes_the_feed_time_through_without_an_age_check()
    {
        Register(Owner, Token(MTsla), """{"mirror_oracle":{}}""");
        App.AdvanceTime(61);
        // the mint rejects last_updated < now − 60; the collateral oracle itself never does
        Assert.Equal(PriceJson(MTsla, "1", 1000), Price(MTsla));
        FeedTsla("2");
        Assert.Equal(PriceJson(MTsla, "2", 1061), Price(MTsla));
    }

    [Fact]
    public void Mirror_oracle_source_of_a_registered_never_fed_asset_is_rate_zero_at_time_zero()
    {
        var mAapl = TestAddress.Of("mAAPL"); // registered in the oracle, never fed
        App.Execute(Owner, MirrorOracle, $$$"""{"register_asset":{"asset_token":"{{{mAapl}}}","feeder":"{{{Feeder}}}"}}""");
        Register(Owner, Token(mAapl), """{"mirror_oracle":{}}""");
        Assert.Equal(PriceJson(mAapl, "0", 0), Price(mAapl));
    }

    [Fact]
    public void Mirror_oracle_source_errors_come_back_as_querier_contract_errors()
    {
        var unknown = TestAddress.Of("unknown0000"); // not registered in the oracle
        Register(Owner, Token(unknown), """{"mirror_oracle":{}}""");
        Assert.Equal("Generic error: Querier contract error: mirror_oracle::state::PriceInfo not found: query wasm contract failed",
            Fail.Query(() => Price(unknown)));
    }

    [Fact]
    public void Fixed_price_is_the_price_at_u64_max()
    {
        Register(Owner, Native("uluna"), """{"fixed_price":{"price":"0.5"}}""");
        Assert.Equal(PriceJson("uluna", "0.5", U64Max), Price("uluna"));
    }

    [Fact]
    public void terraswap_pool_1_uusd_to_100_anc_prices_anc_at_0_01()
    {
        var anc = Cw20("ANC", 1_000_000);
        var pair = Pair("uusd", 1, anc, 100);
        var pool = App.Query(pair, """{"pool":{}}""").GetProperty("assets");
        Assert.Equal(("uusd", "1", anc.ToString(), "100"),
            (pool[0].GetProperty("info").GetProperty("native_token").GetProperty("denom").GetString(), pool[0].GetProperty("amount").GetString(),
             pool[1].GetProperty("info").GetProperty("token").GetProperty("contract_addr").GetString(), pool[1].GetProperty("amount").GetString()));
        Register(Owner, Token(anc), TerraswapSource(pair));
        Assert.Equal(PriceJson(anc, "0.01", U64Max), Price(anc));
        Assert.Equal(InfoJson(anc, "terraswap"), Info(anc));
    }

    [Fact]
    public void Terraswap_pool_with_the_base_denom_second_uses_the_reverse_ratio()
    {
        var anc = Cw20("ANC", 1_000_000);
        var pair = Pair("uusd", 300, anc, 100, tokenFirst: true);
        Register(Owner, Token(anc), TerraswapSource(pair));
        Assert.Equal(PriceJson(anc, "3", U64Max), Price(anc));
    }

    [Fact]
    public void Terraswap_pool_without_the_quote_denom_is_an_invalid_pool()
    {
        var bluna = Cw20("BLUNA", 1_000_000);
        var pair = Pair("uluna", 18, bluna, 2);
        Register(Owner, Token(bluna), TerraswapSource(pair));
        Assert.Equal("Generic error: Invalid pool: query wasm contract failed", Fail.Query(() => Price(bluna)));
    }

    [Fact]
    public void terraswap_with_intermediate_uluna_multiplies_by_the_luna_rate()
    {
        var bluna = Cw20("BLUNA", 1_000_000);
        var pair = Pair("uluna", 18, bluna, 2);
        Register(Owner, Token(bluna), TerraswapSource(pair, "uluna"));
        // MirrorChain: without a LUNA price registered there is no native rate
        Assert.Equal(NoLunaRate, Fail.Query(() => Price(bluna)));
        Register(Owner, Native("uluna"), """{"fixed_price":{"price":"5"}}""", "1.333333333333333333");
        // 18/2 = 9 uluna per bLuna, × 5 uusd per uluna
        Assert.Equal(PriceJson(bluna, "45", U64Max), Price(bluna));
    }

    [Fact]
    public void Intermediate_rates_are_multiplied_with_nine_decimals()
    {
        var bluna = Cw20("BLUNA", 1_000_000);
        var pair = Pair("uluna", 1, bluna, 3);
        Register(Owner, Native("uluna"), """{"fixed_price":{"price":"5"}}""");
        Register(Owner, Token(bluna), TerraswapSource(pair, "uluna"));
        // decimal_multiplication(0.333333333333333333, 5) = ⌊333333333 × 5⌋ / 1e9
        Assert.Equal(PriceJson(bluna, "1.666666665", U64Max), Price(bluna));
    }

    [Fact]
    public void Terraswap_prices_follow_the_live_pool()
    {
        var anc = Cw20("ANC", 1_000_000);
        var pair = Pair("uusd", 1_000_000, anc, 100_000);
        Register(Owner, Token(anc), TerraswapSource(pair));
        Assert.Equal(PriceJson(anc, "10", U64Max), Price(anc));
        App.Mint(Addr1, new Coin("uusd", 1_000_000));
        App.Execute(Addr1, pair, """{"swap":{"offer_asset":{"info":{"native_token":{"denom":"uusd"}},"amount":"1000000"}}}""", [new Coin("uusd", 1_000_000)]);
        var pool = App.Query(pair, """{"pool":{}}""").GetProperty("assets");
        var usd = UInt128.Parse(pool[0].GetProperty("amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var tokens = UInt128.Parse(pool[1].GetProperty("amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(PriceJson(anc, Decimal.FromRatio(usd, tokens).ToString(), U64Max), Price(anc));
        Assert.Equal(2_000_000, (long)usd);
    }

    [Fact]
    public void Anchor_market_source_reads_the_exchange_rate_at_the_query_block_height()
    {
        var market = Mock("""
            {"epoch_state":{"exchange_rate":"3.333333333333333333","aterra_supply":"1000000"},
             "{\"epoch_state\":{\"block_height\":12345,\"distributed_interest\":null}}":{"exchange_rate":"1.2","aterra_supply":"1"}}
            """);
        Register(Owner, Native("uaust"), $$$"""{"anchor_market":{"anchor_market_addr":"{{{market}}}"}}""");
        Assert.Equal(PriceJson("uaust", "3.333333333333333333", U64Max), Price("uaust"));
        Assert.Equal(PriceJson("uaust", "1.2", U64Max), Price("uaust", "12345"));
        Assert.Equal(InfoJson("uaust", "anchor_market"), Info("uaust"));
    }

    [Fact]
    public void Anchor_market_queries_with_a_null_block_height_when_none_is_given()
    {
        var market = Mock("""{"{\"epoch_state\":{\"block_height\":null,\"distributed_interest\":null}}":{"exchange_rate":"1.01"}}""");
        Register(Owner, Native("uaust"), $$$"""{"anchor_market":{"anchor_market_addr":"{{{market}}}"}}""");
        Assert.Equal(PriceJson("uaust", "1.01", U64Max), Price("uaust"));
    }

    [Fact]
    public void Native_source_uses_the_registered_luna_price_and_the_base_denom_is_one()
    {
        var lunaProxy = TestAddress.Of("lunaproxy0000");
        Register(Owner, Token(lunaProxy), """{"native":{"native_denom":"uluna"}}""");
        Assert.Equal(NoLunaRate, Fail.Query(() => Price(lunaProxy)));
        Register(Owner, Native("uluna"), """{"fixed_price":{"price":"5"}}""");
        Assert.Equal(PriceJson(lunaProxy, "5", U64Max), Price(lunaProxy));
        Assert.Equal(InfoJson(lunaProxy, "native"), Info(lunaProxy));

        Register(Owner, Native("uusd"), """{"native":{"native_denom":"uusd"}}""");
        Assert.Equal(PriceJson("uusd", "1", U64Max), Price("uusd"));
    }

    [Fact]
    public void A_native_rate_never_resolves_through_another_native_source()
    {
        // uluna priced natively by itself would recurse: MirrorChain resolves native rates one level deep only
        Register(Owner, Native("uluna"), """{"native":{"native_denom":"uluna"}}""");
        Assert.Equal(NoLunaRate, Fail.Query(() => Price("uluna")));
    }

    [Fact]
    public void Lunax_source_is_the_lunax_exchange_rate_times_the_luna_rate()
    {
        var hub = Mock("""{"state":{"state":{"exchange_rate":"1.1","total_staked":"100"}}}""");
        var lunax = TestAddress.Of("lunax0000");
        Register(Owner, Token(lunax), $$$"""{"lunax":{"staking_contract_addr":"{{{hub}}}"}}""");
        Register(Owner, Native("uluna"), """{"fixed_price":{"price":"5"}}""");
        Assert.Equal(PriceJson(lunax, "5.5", U64Max), Price(lunax));
        Assert.Equal(InfoJson(lunax, "lunax"), Info(lunax));
    }

    [Fact]
    public void band_oracle_rate_is_uint128_at_1e18_scale_with_its_last_updated_base()
    {
        Register(Owner, Native("uluna"), """{"band_oracle":{}}""");
        Assert.Equal(PriceJson("uluna", "3465.21105", 100), Price("uluna"));
        Assert.Equal(InfoJson("uluna", "band_oracle"), Info("uluna"));
    }

    [Fact]
    public void Anchor_oracle_source_reads_price_and_last_updated_base()
    {
        Register(Owner, Native("ubluna"), """{"anchor_oracle":{}}""");
        Assert.Equal(PriceJson("ubluna", "1.25", 900), Price("ubluna"));
        Assert.Equal(InfoJson("ubluna", "anchor_oracle"), Info("ubluna"));
    }

    [Fact]
    public void Sources_follow_config_changes_of_the_oracle_addresses()
    {
        var band2 = Mock("""{"get_reference_data":{"rate":"2000000000000000000","last_updated_base":7,"last_updated_quote":7}}""");
        Register(Owner, Native("uluna"), """{"band_oracle":{}}""");
        App.Execute(Owner, Oracle, $$$"""{"update_config":{"band_oracle":"{{{band2}}}"}}""");
        Assert.Equal(PriceJson("uluna", "2", 7), Price("uluna"));
    }

    [Fact]
    public void A_source_address_that_is_no_contract_is_a_querier_system_error()
    {
        Register(Owner, Native("uaust"), """{"anchor_market":{"anchor_market_addr":"market0000"}}""");
        Assert.Equal("Generic error: Querier system error: No such contract: market0000: query wasm contract failed", Fail.Query(() => Price("uaust")));
        var nobody = TestAddress.Of("nobody0000"); // an account, not a contract
        Register(Owner, Native("ukrw"), $$$"""{"anchor_market":{"anchor_market_addr":"{{{nobody}}}"}}""");
        Assert.Equal($"Generic error: Querier system error: No such contract: {nobody}: query wasm contract failed", Fail.Query(() => Price("ukrw")));
    }
}
