using static MirrorChain.Contracts.Mirror.Tests.Collector.CollectorFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Collector;

/// <summary>Instantiate, the config query and update_config (owner only, "Unauthorized").</summary>
public sealed class ConfigTests
{
    private readonly CollectorFixture _f = new();

    private string ConfigJson(Address owner, Address gov, Address factory, Address mir, string denom, Address aust, Address market,
        Address bluna, Address lunax, Address? mirUstPair) =>
        $$$"""{"owner":"{{{owner}}}","distribution_contract":"{{{gov}}}","terraswap_factory":"{{{factory}}}","mirror_token":"{{{mir}}}","base_denom":"{{{denom}}}","aust_token":"{{{aust}}}","anchor_market":"{{{market}}}","bluna_token":"{{{bluna}}}","lunax_token":"{{{lunax}}}","mir_ust_pair":{{{(mirUstPair is null ? "null" : $"\"{mirUstPair}\"")}}}}""";

    [Fact]
    public void ProperInitialization()
    {
        var config = _f.App.Query(_f.Collector, "{\"config\":{}}").GetRawText();

        Assert.Equal(ConfigJson(Owner, _f.Gov, _f.Factory, _f.Mir, "uusd", _f.Aust, _f.AnchorMarket, _f.Bluna, _f.Lunax, null), config);
    }

    [Fact]
    public void InstantiateWithMirUstPairStoresIt()
    {
        var pair = TestAddress.Of("astroport0000");
        var collector = _f.Instantiate(_f.Factory, pair);

        Assert.Equal(pair.ToString(), _f.App.Query(collector, "{\"config\":{}}").GetProperty("mir_ust_pair").GetString());
    }

    [Fact]
    public void InstantiateRejectsAnInvalidAddress()
    {
        var json = _f.InstantiateJson(_f.Factory).Replace($"\"owner\":\"{Owner}\"", "\"owner\":\"owner0000\"", StringComparison.Ordinal);

        var e = Assert.Throws<SdkException>(() => _f.App.Instantiate(CodeIds.MirrorCollector, Addr0, json));
        Assert.Equal("Generic error: addr_validate errored: decoding bech32 failed: missing bech32 separator or checksum: instantiate wasm contract failed", e.Log);
    }

    [Fact]
    public void UpdateConfigIsOwnerOnly()
    {
        Assert.Equal(Exec("Unauthorized"),
            Support.Fail.Execute(() => _f.App.Execute(Addr0, _f.Collector, $"{{\"update_config\":{{\"owner\":\"{Addr0}\"}}}}")));
    }

    [Fact]
    public void UpdateConfigReplacesEveryGivenField()
    {
        Address A(string n) => TestAddress.Of(n);
        var res = _f.App.Execute(Owner, _f.Collector, $$$"""
            {"update_config":{"owner":"{{{A("owner0001")}}}","distribution_contract":"{{{A("gov0001")}}}","terraswap_factory":"{{{A("factory0001")}}}",
             "mirror_token":"{{{A("mirror0001")}}}","base_denom":"ukrw","aust_token":"{{{A("aust0001")}}}","anchor_market":"{{{A("market0001")}}}",
             "bluna_token":"{{{A("bluna0001")}}}","mir_ust_pair":"{{{A("pair0001")}}}","lunax_token":"{{{A("lunax0001")}}}"}}
            """);

        Assert.Equal([("action", "update_config")], AttributesOf(res, _f.Collector));
        Assert.Equal(
            ConfigJson(A("owner0001"), A("gov0001"), A("factory0001"), A("mirror0001"), "ukrw", A("aust0001"), A("market0001"),
                A("bluna0001"), A("lunax0001"), A("pair0001")),
            _f.App.Query(_f.Collector, "{\"config\":{}}").GetRawText());
        Assert.Equal(Exec("Unauthorized"),
            Support.Fail.Execute(() => _f.App.Execute(Owner, _f.Collector, "{\"update_config\":{}}")));
    }

    [Fact]
    public void UpdateConfigKeepsOmittedFields()
    {
        _f.App.Execute(Owner, _f.Collector, "{\"update_config\":{\"base_denom\":\"ukrw\"}}");

        Assert.Equal(ConfigJson(Owner, _f.Gov, _f.Factory, _f.Mir, "ukrw", _f.Aust, _f.AnchorMarket, _f.Bluna, _f.Lunax, null),
            _f.App.Query(_f.Collector, "{\"config\":{}}").GetRawText());
    }

    [Fact]
    public void UpdateConfigRejectsAnInvalidAddressAndKeepsTheConfig()
    {
        var log = Support.Fail.Execute(() => _f.App.Execute(Owner, _f.Collector, "{\"update_config\":{\"mir_ust_pair\":\"pair0000\"}}"));

        Assert.Equal(Exec("Generic error: addr_validate errored: decoding bech32 failed: missing bech32 separator or checksum"), log);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, _f.App.Query(_f.Collector, "{\"config\":{}}").GetProperty("mir_ust_pair").ValueKind);
    }

    [Fact]
    public void SetAstroportMirPairRoutesTheMirSwapThere()
    {
        // test_set_astroport_mir_pair with real pairs: first the factory's MIR/UST pair, then a second MIR/UST pair
        // (instantiated outside the factory) set as mir_ust_pair.
        var factoryPair = _f.TokenPair(_f.Mir, 500_000_000, Uusd, 1_000_000_000);
        var other = _f.App.Instantiate(CodeIds.TerraswapPair, Addr0,
            $"{{\"asset_infos\":[{Native(Uusd)},{TokenInfo(_f.Mir)}],\"token_code_id\":{CodeIds.Cw20Base}}}", label: "astroport-like");
        _f.MintToken(_f.Mir, Lp, 200_000_000);
        _f.App.Mint(Lp, new Coin(Uusd, 600_000_000));
        _f.App.Execute(Lp, _f.Mir, $"{{\"increase_allowance\":{{\"spender\":\"{other}\",\"amount\":\"200000000\"}}}}");
        _f.App.Execute(Lp, other, $$$"""
            {"provide_liquidity":{"assets":[{"info":{{{Native(Uusd)}}},"amount":"600000000"},{"info":{{{TokenInfo(_f.Mir)}}},"amount":"200000000"}]}}
            """, [new Coin(Uusd, 600_000_000)]);

        _f.App.Mint(_f.Collector, new Coin(Uusd, 100_000));
        var first = _f.Convert(_f.Mir);
        Assert.Contains(("offer_amount", "100000"), AttributesOf(first, factoryPair));
        var fromFactoryPair = SwapFormula.Net(1_000_000_000, 500_000_000, 100_000);
        Assert.Equal(fromFactoryPair, _f.TokenBalance(_f.Mir, _f.Collector));

        _f.App.Execute(Owner, _f.Collector, $"{{\"update_config\":{{\"mir_ust_pair\":\"{other}\"}}}}");
        _f.App.Mint(_f.Collector, new Coin(Uusd, 100_000));
        var second = _f.Convert(_f.Mir);

        Assert.Empty(AttributesOf(second, factoryPair));
        Assert.Contains(("offer_amount", "100000"), AttributesOf(second, other));
        Assert.Equal(fromFactoryPair + SwapFormula.Net(600_000_000, 200_000_000, 100_000), _f.TokenBalance(_f.Mir, _f.Collector));
    }

    [Fact]
    public void MirUstPairSkipsTheFactoryLookup()
    {
        var pair = TestAddress.Of("astroport0000");
        var collector = _f.Instantiate(TestAddress.Of("nofactory0000"), pair);

        var res = _f.App.Execute(Addr0, collector, $"{{\"convert\":{{\"asset_token\":\"{_f.Mir}\"}}}}");

        Assert.Equal(
            [("action", "convert"), ("swap_type", "direct"), ("asset_token", _f.Mir.ToString())],
            AttributesOf(res, collector));
    }

    [Fact]
    public void UnknownMessageIsAParseError()
    {
        var log = Support.Fail.Execute(() => _f.App.Execute(Addr0, _f.Collector, "{\"sweep\":{}}"));

        Assert.Equal(Exec("Error parsing into type mirror_protocol::collector::ExecuteMsg: unknown variant `sweep`, expected one of `update_config`, `convert`, `distribute`, `luna_swap_hook`"), log);
    }
}
