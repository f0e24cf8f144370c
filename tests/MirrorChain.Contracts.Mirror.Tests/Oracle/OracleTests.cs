using MirrorChain.Contracts.Mirror.Oracle;
using static MirrorChain.Contracts.Mirror.Tests.Support.Names;

namespace MirrorChain.Contracts.Mirror.Tests.Oracle;

/// <summary>
/// mirror_oracle (Mirror v2.1.4 contracts/mirror_oracle/src/contract.rs, unchanged on the later master) and the
/// upstream tests in its src/tests.rs, through the real runtime.
/// </summary>
public sealed class OracleTests
{
    private static readonly Address MAppl = TestAddress.Of("mAAPL");
    private static readonly Address MGogl = TestAddress.Of("mGOGL");

    private readonly ContractTestApp _app = new(TestCodes.Registry());
    private readonly Address _oracle;

    public OracleTests()
    {
        _app.SetTime(1000);
        _oracle = _app.Instantiate(CodeIds.MirrorOracle, Addr0, InstantiateMsgs.Oracle(Owner), label: "oracle");
    }

    private AppResponse Register(Address sender, Address asset, Address feeder) =>
        _app.Execute(sender, _oracle, $$$"""{"register_asset":{"asset_token":"{{{asset}}}","feeder":"{{{feeder}}}"}}""");

    private AppResponse Feed(Address sender, params (Address Asset, string Price)[] prices) =>
        _app.Execute(sender, _oracle, $$$"""{"feed_price":{"prices":[{{{string.Join(",", prices.Select(p => $"[\"{p.Asset}\",\"{p.Price}\"]"))}}}]}}""");

    private string Price(string @base, string quote) =>
        _app.Query(_oracle, $$$"""{"price":{"base_asset":"{{{@base}}}","quote_asset":"{{{quote}}}"}}""").GetRawText();

    /// <summary>mAAPL's price in uusd is <paramref name="rate"/>, fed at <paramref name="lastUpdated"/> (uusd itself: never updated, u64::MAX).</summary>
    private void AssertMApplPrice(string rate, ulong lastUpdated) =>
        Assert.Equal($$$"""{"rate":"{{{rate}}}","last_updated_base":{{{lastUpdated}}},"last_updated_quote":18446744073709551615}""", Price(MAppl.ToString(), "uusd"));

    [Fact]
    public void Instantiate_stores_owner_and_base_asset()
    {
        Assert.Equal($$$"""{"owner":"{{{Owner}}}","base_asset":"uusd"}""", _app.Query(_oracle, """{"config":{}}""").GetRawText());
        Assert.Equal("mirror_oracle", new OracleContract().Name);
    }

    [Fact]
    public void Update_config_is_owner_only_and_returns_no_attributes()
    {
        var res = _app.Execute(Owner, _oracle, $$$"""{"update_config":{"owner":"{{{Owner1}}}"}}""");
        Assert.Empty(res.WasmAttributes);
        Assert.Equal($$$"""{"owner":"{{{Owner1}}}","base_asset":"uusd"}""", _app.Query(_oracle, """{"config":{}}""").GetRawText());
        Assert.Equal(Unauthorized, Fail.Execute(() => _app.Execute(Owner, _oracle, """{"update_config":{}}""")));
        _app.Execute(Owner1, _oracle, """{"update_config":{}}""");
        Assert.Equal(Owner1.ToString(), _app.Query(_oracle, """{"config":{}}""").GetProperty("owner").GetString());
    }

    [Fact]
    public void Register_asset_is_owner_only_and_stores_price_zero_at_time_zero()
    {
        Assert.Equal(Unauthorized, Fail.Execute(() => Register(Addr0, MAppl, Addr0)));
        var res = Register(Owner, MAppl, Addr0);
        Assert.Empty(res.WasmAttributes);
        Assert.Equal($$$"""{"asset_token":"{{{MAppl}}}","feeder":"{{{Addr0}}}"}""",
            _app.Query(_oracle, $$$"""{"feeder":{"asset_token":"{{{MAppl}}}"}}""").GetRawText());
        // registered, never fed: rate 0, last_updated_base 0, quote = base asset at u64::MAX
        AssertMApplPrice("0", 0);
    }

    [Fact]
    public void Feed_price_sets_price_and_block_time_with_price_feed_attributes()
    {
        Register(Owner, MAppl, Addr0);
        Register(Owner, MGogl, Addr0);
        var res = Feed(Addr0, (MAppl, "1.2"), (MGogl, "2.2"));
        Assert.Equal(
            [("_contract_address", _oracle.ToString()), ("action", "price_feed"), ("asset", MAppl.ToString()), ("price", "1.2"),
             ("asset", MGogl.ToString()), ("price", "2.2")],
            res.WasmAttributes);
        AssertMApplPrice("1.2", 1000);
        Assert.Equal("""{"rate":"2.2","last_updated_base":1000,"last_updated_quote":18446744073709551615}""", Price(MGogl.ToString(), "uusd"));
    }

    [Fact]
    public void Feed_from_a_non_feeder_is_unauthorized()
    {
        Register(Owner, MAppl, Addr0);
        Assert.Equal(Unauthorized, Fail.Execute(() => Feed(Addr1, (MAppl, "1.2"))));
        Assert.Equal(Unauthorized, Fail.Execute(() => Feed(Owner, (MAppl, "1.2")))); // the owner is not the feeder
    }

    [Fact]
    public void Feed_for_an_unregistered_asset_is_not_found()
    {
        Assert.Equal("cosmwasm_std::addresses::CanonicalAddr not found: execute wasm contract failed",
            Fail.Execute(() => Feed(Addr0, (MAppl, "1.2"))));
    }

    [Fact]
    public void One_bad_entry_fails_the_whole_feed()
    {
        Register(Owner, MAppl, Addr0);
        Register(Owner, MGogl, Addr1);
        Feed(Addr0, (MAppl, "1"));
        _app.AdvanceTime(5);
        Assert.Equal(Unauthorized, Fail.Execute(() => Feed(Addr0, (MAppl, "1.5"), (MGogl, "2"))));
        AssertMApplPrice("1", 1000);
    }

    [Fact]
    public void Re_registering_replaces_only_the_feeder_and_keeps_the_price()
    {
        Register(Owner, MAppl, Addr0);
        Feed(Addr0, (MAppl, "1.2"));
        _app.AdvanceTime(30);
        Register(Owner, MAppl, Addr1);
        Assert.Equal(Addr1.ToString(), _app.Query(_oracle, $$$"""{"feeder":{"asset_token":"{{{MAppl}}}"}}""").GetProperty("feeder").GetString());
        AssertMApplPrice("1.2", 1000);
        Assert.Equal(Unauthorized, Fail.Execute(() => Feed(Addr0, (MAppl, "1.3"))));
        Feed(Addr1, (MAppl, "1.3"));
        AssertMApplPrice("1.3", 1030);
    }

    [Fact]
    public void Last_updated_is_the_block_time_of_the_last_feed_and_does_not_age_by_itself()
    {
        Register(Owner, MAppl, Feeder);
        Feed(Feeder, (MAppl, "100"));
        _app.AdvanceTime(61);
        // the oracle never rejects old prices: the consumer (mint, 60 s) compares last_updated with its block time
        AssertMApplPrice("100", 1000);
        Feed(Feeder, (MAppl, "101"));
        Assert.Equal(1061UL, _app.Seconds);
        AssertMApplPrice("101", 1061);
    }

    [Fact]
    public void Cross_rates_use_decimal_division_of_both_legs_with_their_own_times()
    {
        Register(Owner, MAppl, Addr0);
        Register(Owner, MGogl, Addr0);
        Feed(Addr0, (MAppl, "1.2"));
        _app.AdvanceTime(7);
        Feed(Addr0, (MGogl, "2.2"));
        // 1.2 / 2.2 = from_ratio(1_200_000_000, 2_200_000_000), floored at 18 dp
        Assert.Equal("""{"rate":"0.545454545454545454","last_updated_base":1000,"last_updated_quote":1007}""", Price(MAppl.ToString(), MGogl.ToString()));
        // base asset as the base leg: 1 / 1.2
        Assert.Equal("""{"rate":"0.833333333333333333","last_updated_base":18446744073709551615,"last_updated_quote":1000}""", Price("uusd", MAppl.ToString()));
        Assert.Equal("""{"rate":"1","last_updated_base":18446744073709551615,"last_updated_quote":18446744073709551615}""", Price("uusd", "uusd"));
    }

    [Fact]
    public void Price_inputs_are_truncated_to_nine_decimals()
    {
        Register(Owner, MAppl, Addr0);
        Feed(Addr0, (MAppl, "1.234567891999999999"));
        Assert.Equal("1.234567891", JsonDocument.Parse(Price(MAppl.ToString(), "uusd")).RootElement.GetProperty("rate").GetString());
        Feed(Addr0, (MAppl, "0.0000000009"));
        Assert.Equal("0", JsonDocument.Parse(Price(MAppl.ToString(), "uusd")).RootElement.GetProperty("rate").GetString());
    }

    [Fact]
    public void A_zero_quote_price_panics_and_unknown_assets_are_not_found()
    {
        Register(Owner, MAppl, Addr0);
        Register(Owner, MGogl, Addr0);
        Feed(Addr0, (MAppl, "1.2"));
        Assert.Equal("Error executing Wasm: Aborted: panicked at 'Denominator must not be zero': query wasm contract failed",
            Fail.Query(() => Price(MAppl.ToString(), MGogl.ToString())));
        var unknown = TestAddress.Of("unknown");
        Assert.Equal("mirror_oracle::state::PriceInfo not found: query wasm contract failed", Fail.Query(() => Price(unknown.ToString(), "uusd")));
        Assert.Equal("cosmwasm_std::addresses::CanonicalAddr not found: query wasm contract failed",
            Fail.Query(() => _app.Query(_oracle, $$$"""{"feeder":{"asset_token":"{{{unknown}}}"}}""")));
    }

    [Fact]
    public void Prices_ascending_lists_every_asset_by_address_bytes()
    {
        Register(Owner, MAppl, Addr0);
        Register(Owner, MGogl, Addr0);
        Feed(Addr0, (MAppl, "1.2"), (MGogl, "2.2"));
        var expected = new[] { (MAppl, "1.2"), (MGogl, "2.2") }.OrderBy(p => p.Item1).Select(p => $$$"""{"asset_token":"{{{p.Item1}}}","price":"{{{p.Item2}}}","last_updated_time":1000}""");
        Assert.Equal($$$"""{"prices":[{{{string.Join(",", expected)}}}]}""", _app.Query(_oracle, """{"prices":{"order_by":"asc"}}""").GetRawText());
    }

    [Fact]
    public void Prices_paginate_desc_by_default_with_limit_10_max_30()
    {
        var assets = Enumerable.Range(0, 32).Select(i => TestAddress.Of($"asset{i:0000}")).ToList();
        foreach (var a in assets)
        {
            Register(Owner, a, Feeder);
        }
        var sorted = assets.OrderBy(a => a).Select(a => a.ToString()).ToList();
        string[] Tokens(string query) => _app.Query(_oracle, query).GetProperty("prices").EnumerateArray()
            .Select(e => e.GetProperty("asset_token").GetString()!).ToArray();

        Assert.Equal(sorted.AsEnumerable().Reverse().Take(10), Tokens("""{"prices":{}}"""));
        Assert.Equal(sorted.AsEnumerable().Reverse().Take(30), Tokens("""{"prices":{"limit":100}}"""));
        Assert.Equal(sorted.Take(3), Tokens("""{"prices":{"order_by":"asc","limit":3}}"""));
        Assert.Equal(sorted.Skip(6).Take(3), Tokens($$$"""{"prices":{"order_by":"asc","limit":3,"start_after":"{{{sorted[5]}}}"}}"""));
        Assert.Equal(sorted.Take(5).Reverse(), Tokens($$$"""{"prices":{"order_by":"desc","limit":5,"start_after":"{{{sorted[5]}}}"}}"""));
        Assert.Empty(Tokens($$$"""{"prices":{"order_by":"desc","start_after":"{{{sorted[0]}}}"}}"""));
        Assert.Empty(Tokens($$$"""{"prices":{"order_by":"asc","start_after":"{{{sorted[^1]}}}"}}"""));
    }

    [Fact]
    public void Feed_price_json_is_an_array_of_tuples()
    {
        Register(Owner, MAppl, Addr0);
        var log = Fail.Execute(() => _app.Execute(Addr0, _oracle, $$$"""{"feed_price":{"prices":[{"asset_token":"{{{MAppl}}}","price":"1"}]}}"""));
        Assert.StartsWith("Error parsing into type mirror_protocol::oracle::ExecuteMsg: ", log, StringComparison.Ordinal);
        Assert.Equal("Error parsing into type mirror_protocol::oracle::ExecuteMsg: unknown variant `feed`, expected one of `update_config`, `register_asset`, `feed_price`: execute wasm contract failed",
            Fail.Execute(() => _app.Execute(Addr0, _oracle, """{"feed":{}}""")));
    }
}
