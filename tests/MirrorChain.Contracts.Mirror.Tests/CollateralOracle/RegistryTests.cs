using static MirrorChain.Contracts.Mirror.Tests.Support.Names;

namespace MirrorChain.Contracts.Mirror.Tests.CollateralOracle;

/// <summary>
/// Config and the collateral registry of Mirror v2.1.4 contracts/mirror_collateral_oracle/src/contract.rs, with the
/// upstream tests <c>update_config</c>, <c>register_collateral</c> and <c>update_collateral</c> of its testing/tests.rs
/// and their exact errors.
/// </summary>
public sealed class RegistryTests : CollateralOracleFixture
{
    private const string MirrorSource = """{"mirror_oracle":{}}""";

    [Fact]
    public void instantiate_and_update_config_round_trip_all_six_fields()
    {
        Assert.Equal(
            $$$"""{"owner":"{{{Owner}}}","mint_contract":"{{{MintAddr}}}","base_denom":"uusd","mirror_oracle":"{{{MirrorOracle}}}","anchor_oracle":"{{{AnchorOracle}}}","band_oracle":"{{{BandOracle}}}"}""",
            App.Query(Oracle, """{"config":{}}""").GetRawText());
        var (mo, ao, bo) = (TestAddress.Of("mirrororacle0001"), TestAddress.Of("anchororacle0001"), TestAddress.Of("bandoracle0001"));
        var res = App.Execute(Owner, Oracle,
            $$$"""{"update_config":{"owner":"{{{Owner1}}}","mint_contract":"{{{MintAddr1}}}","base_denom":"uluna","mirror_oracle":"{{{mo}}}","anchor_oracle":"{{{ao}}}","band_oracle":"{{{bo}}}"}}""");
        Assert.Empty(res.WasmAttributes);
        Assert.Equal(
            $$$"""{"owner":"{{{Owner1}}}","mint_contract":"{{{MintAddr1}}}","base_denom":"uluna","mirror_oracle":"{{{mo}}}","anchor_oracle":"{{{ao}}}","band_oracle":"{{{bo}}}"}""",
            App.Query(Oracle, """{"config":{}}""").GetRawText());
        Assert.Equal(Unauthorized, Fail.Execute(() => App.Execute(Owner, Oracle, """{"update_config":{}}""")));
    }

    [Fact]
    public void Update_config_validates_addresses_and_keeps_omitted_fields()
    {
        Assert.StartsWith("Generic error: addr_validate errored: ",
            Fail.Execute(() => App.Execute(Owner, Oracle, """{"update_config":{"band_oracle":"bandoracle0001"}}""")), StringComparison.Ordinal);
        App.Execute(Owner, Oracle, """{"update_config":{"base_denom":"ukrw"}}""");
        var config = App.Query(Oracle, """{"config":{}}""");
        Assert.Equal(("ukrw", Owner.ToString(), BandOracle.ToString()),
            (config.GetProperty("base_denom").GetString(), config.GetProperty("owner").GetString(), config.GetProperty("band_oracle").GetString()));
    }

    [Fact]
    public void register_is_owner_or_mint_only_and_reads_back_mirror_oracle()
    {
        Assert.Equal(Unauthorized, Fail.Execute(() => Register(Addr0, Token(MTsla), MirrorSource)));
        var res = Register(Owner, Token(MTsla), MirrorSource);
        Assert.Empty(res.WasmAttributes);
        Assert.Equal(InfoJson(MTsla, "mirror_oracle"), Info(MTsla));
        Assert.Equal(PriceJson(MTsla, "1", 1000), Price(MTsla));

        Register(MintAddr, Native("uluna"), """{"fixed_price":{"price":"5"}}""", "1.333333333333333333");
        Assert.Equal(InfoJson("uluna", "fixed_price", "1.333333333333333333"), Info("uluna"));
    }

    [Fact]
    public void Register_twice_or_with_a_zero_multiplier_fails()
    {
        Register(Owner, Token(MTsla), MirrorSource);
        Assert.Equal("Generic error: Collateral was already registered: execute wasm contract failed",
            Fail.Execute(() => Register(MintAddr, Token(MTsla), """{"fixed_price":{"price":"1"}}""")));
        Assert.Equal("Generic error: Multiplier must be bigger than 0: execute wasm contract failed",
            Fail.Execute(() => Register(Owner, Native("uluna"), MirrorSource, "0")));
        // permission is checked first, then the duplicate, then the multiplier
        Assert.Equal(Unauthorized, Fail.Execute(() => Register(Addr0, Token(MTsla), MirrorSource, "0")));
        Assert.Equal("Generic error: Collateral was already registered: execute wasm contract failed",
            Fail.Execute(() => Register(Owner, Token(MTsla), MirrorSource, "0")));
    }

    [Fact]
    public void update_price_source_is_owner_only()
    {
        Register(Owner, Token(MTsla), MirrorSource);
        var update = """{"update_collateral_price_source":{"asset":""" + Token(MTsla) + ""","price_source":{"fixed_price":{"price":"0"}}}}""";
        Assert.Equal(Unauthorized, Fail.Execute(() => App.Execute(FactoryAddr, Oracle, update)));
        Assert.Equal(Unauthorized, Fail.Execute(() => App.Execute(MintAddr, Oracle, update)));
        Assert.Empty(App.Execute(Owner, Oracle, update).WasmAttributes);
        Assert.Equal(InfoJson(MTsla, "fixed_price"), Info(MTsla));
        Assert.Equal(PriceJson(MTsla, "0", U64Max), Price(MTsla));
    }

    [Fact]
    public void update_multiplier_is_owner_only_and_must_be_positive()
    {
        Register(Owner, Token(MTsla), MirrorSource);
        string Update(string m) => $$$"""{"update_collateral_multiplier":{"asset":{{{Token(MTsla)}}},"multiplier":"{{{m}}}"}}""";
        Assert.Equal("Generic error: Multiplier must be bigger than 0: execute wasm contract failed",
            Fail.Execute(() => App.Execute(Owner, Oracle, Update("0"))));
        Assert.Equal(Unauthorized, Fail.Execute(() => App.Execute(Addr0, Oracle, Update("1.2"))));
        Assert.Equal(Unauthorized, Fail.Execute(() => App.Execute(MintAddr, Oracle, Update("1.2"))));
        App.Execute(Owner, Oracle, Update("1.2"));
        Assert.Equal(InfoJson(MTsla, "mirror_oracle", "1.2"), Info(MTsla));
        Assert.Equal(PriceJson(MTsla, "1", 1000, "1.2"), Price(MTsla));
    }

    [Fact]
    public void Revoke_is_owner_or_mint_and_a_revoked_collateral_is_still_priced()
    {
        Register(Owner, Token(MTsla), MirrorSource);
        var revoke = $$$"""{"revoke_collateral_asset":{"asset":{{{Token(MTsla)}}}}}""";
        Assert.Equal(Unauthorized, Fail.Execute(() => App.Execute(FactoryAddr, Oracle, revoke)));
        Assert.Empty(App.Execute(Owner, Oracle, revoke).WasmAttributes);
        Assert.Equal(InfoJson(MTsla, "mirror_oracle", revoked: true), Info(MTsla));
        Assert.Equal(PriceJson(MTsla, "1", 1000, revoked: true), Price(MTsla));

        Register(Owner, Native("uluna"), """{"fixed_price":{"price":"5"}}""");
        App.Execute(MintAddr, Oracle, """{"revoke_collateral_asset":{"asset":{"native_token":{"denom":"uluna"}}}}""");
        Assert.Equal(InfoJson("uluna", "fixed_price", revoked: true), Info("uluna"));
        // revoking twice is allowed (it only sets the flag)
        App.Execute(Owner, Oracle, revoke);
    }

    [Fact]
    public void Unknown_collaterals_give_collateral_not_found_on_execute_and_asset_not_found_on_query()
    {
        const string NotFound = "Generic error: Collateral not found: execute wasm contract failed";
        Assert.Equal(NotFound, Fail.Execute(() => App.Execute(Owner, Oracle, """{"revoke_collateral_asset":{"asset":{"native_token":{"denom":"uluna"}}}}""")));
        Assert.Equal(NotFound, Fail.Execute(() => App.Execute(Owner, Oracle,
            """{"update_collateral_price_source":{"asset":{"native_token":{"denom":"uluna"}},"price_source":{"fixed_price":{"price":"1"}}}}""")));
        Assert.Equal(NotFound, Fail.Execute(() => App.Execute(Owner, Oracle,
            """{"update_collateral_multiplier":{"asset":{"native_token":{"denom":"uluna"}},"multiplier":"0"}}""")));
        // the mint's revoke of an unregistered (e.g. pre-IPO) asset fails the same way (where a v2.1.4 migrate of a
        // pre-IPO asset ends)
        Assert.Equal(NotFound, Fail.Execute(() => App.Execute(MintAddr, Oracle, $$$"""{"revoke_collateral_asset":{"asset":{{{Token(MTsla)}}}}}""")));
        Assert.Equal("Generic error: Collateral asset not found: query wasm contract failed", Fail.Query(() => Price("uluna")));
        Assert.Equal("Generic error: Collateral asset not found: query wasm contract failed", Fail.Query(() => Info("uluna")));
        // the base denom is not implicitly registered (the mint never asks for it)
        Assert.Equal("Generic error: Collateral asset not found: query wasm contract failed", Fail.Query(() => Price("uusd")));
    }

    [Fact]
    public void Collateral_asset_infos_lists_all_ascending_by_asset_string()
    {
        Assert.Equal("""{"collaterals":[]}""", App.Query(Oracle, """{"collateral_asset_infos":{}}""").GetRawText());
        Register(Owner, Native("uluna"), """{"fixed_price":{"price":"5"}}""", "1.333333333333333333");
        Register(Owner, Token(MTsla), MirrorSource);
        Register(Owner, Native("uaust"), """{"fixed_price":{"price":"1.1"}}""");
        App.Execute(Owner, Oracle, """{"revoke_collateral_asset":{"asset":{"native_token":{"denom":"uaust"}}}}""");
        var expected = new[]
        {
            ("uluna", InfoJson("uluna", "fixed_price", "1.333333333333333333")),
            (MTsla.ToString(), InfoJson(MTsla, "mirror_oracle")),
            ("uaust", InfoJson("uaust", "fixed_price", revoked: true)),
        }.OrderBy(e => e.Item1, StringComparer.Ordinal).Select(e => e.Item2);
        Assert.Equal($$$"""{"collaterals":[{{{string.Join(",", expected)}}}]}""", App.Query(Oracle, """{"collateral_asset_infos":{}}""").GetRawText());
    }

    [Fact]
    public void Unknown_messages_and_sources_are_parse_errors()
    {
        Assert.StartsWith("Error parsing into type mirror_protocol::collateral_oracle::ExecuteMsg: ",
            Fail.Execute(() => Register(Owner, Token(MTsla), """{"tefi_oracle":{"oracle_addr":"x"}}""")), StringComparison.Ordinal);
        Assert.Contains("unknown variant `tefi_oracle`",
            Fail.Execute(() => Register(Owner, Token(MTsla), """{"tefi_oracle":{"oracle_addr":"x"}}""")), StringComparison.Ordinal);
        Assert.StartsWith("Error parsing into type mirror_protocol::collateral_oracle::ExecuteMsg: unknown variant `update_collateral_query`",
            Fail.Execute(() => App.Execute(Owner, Oracle, """{"update_collateral_query":{}}""")), StringComparison.Ordinal);
    }
}
