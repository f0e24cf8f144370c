using static MirrorChain.Contracts.Mirror.Tests.Mint.MintFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Mint;

/// <summary>
/// open_position (Mirror v2.1.4 contracts/mirror_mint/src/positions.rs <c>open_position</c>; upstream test
/// <c>open_position</c> in contracts/mirror_mint/src/testing/positions_test.rs plus rounding edge cases).
/// </summary>
public sealed class OpenPositionTests
{
    private readonly MintFixture _f = new();

    [Fact]
    public void open_with_uusd_mints_666666_at_150_percent_and_refuses_140()
    {
        var asset = _f.NewAsset("mAAA", "1");
        Assert.Equal("Generic error: Can not open a position with low collateral ratio than minimum: execute wasm contract failed",
            Fail(() => _f.OpenNative(Alice, 1_000_000, asset, "1.4")));

        var r = _f.OpenNative(Alice, 1_000_000, asset, "1.5");
        Assert.Equal(
            [("action", "open_position"), ("position_idx", "1"), ("mint_amount", $"666666{asset}"), ("collateral_amount", "1000000uusd"), ("is_short", "false")],
            r.WasmAttributes.Where(a => a.Key != "_contract_address").Take(5));
        Assert.Equal([(_f.Mint.ToString(), "open_position"), (asset.ToString(), "mint")], Actions(r));
        var mint = AttributesOf(r, asset);
        Assert.Equal((Alice.ToString(), "666666"), (mint["to"], mint["amount"]));
        Assert.Equal(666666u, _f.Cw20Balance(asset, Alice));
        Assert.Equal((UInt128)1_000_000, _f.PositionCollateral(1));
        Assert.Equal((UInt128)666666, _f.PositionAsset(1));
        Assert.Equal((UInt128)1_000_000, _f.App.Balance(_f.Mint, Uusd));
        Assert.Equal("2", _f.App.Query(_f.Mint, "{\"next_position_idx\":{}}").GetProperty("next_position_idx").GetString());
    }

    [Fact]
    public void position_query_json_is_exact()
    {
        var asset = _f.NewAsset("mAAA", "1");
        _f.OpenNative(Alice, 1_000_000, asset, "1.5");
        Assert.Equal(
            $"{{\"idx\":\"1\",\"owner\":\"{Alice}\",\"collateral\":{{\"info\":{{\"native_token\":{{\"denom\":\"uusd\"}}}},\"amount\":\"1000000\"}}," +
            $"\"asset\":{{\"info\":{{\"token\":{{\"contract_addr\":\"{asset}\"}}}},\"amount\":\"666666\"}},\"is_short\":false}}",
            _f.Position(1).GetRawText());
    }

    [Fact]
    public void cw20_collateral_through_execute_is_unauthorized_and_unknown_cw20_collateral_errors()
    {
        var asset = _f.NewAsset("mAAA", "1");
        var json = $$$"""
            {"open_position":{"collateral":{"info":{"token":{"contract_addr":"{{{asset}}}"}},"amount":"1000000"},"asset_info":{"token":{"contract_addr":"{{{asset}}}"}},"collateral_ratio":"2"}}
            """;
        Assert.Equal(Unauthorized, Fail(() => _f.App.Execute(Alice, _f.Mint, json)));

        var unknown = _f.NewToken("mZZZ", (Alice, 1_000_000));
        var log = Fail(() => _f.OpenCw20(Alice, unknown, 1_000_000, asset, "2"));
        Assert.Contains("Collateral asset not found", log, StringComparison.Ordinal);
        Assert.False(_f.PositionExists(1));
    }

    [Fact]
    public void cw20_collateral_with_multiplier_2_needs_cr_3_and_mints_166666()
    {
        var asset = _f.NewAsset("mAAA", "1");
        var collateral = _f.NewAsset("mBBB", "0.5", balances: (Alice, 1_000_000));
        _f.SetMultiplier(collateral, "2");
        _f.OpenNative(Alice, 1_000_000, asset, "1.5");

        Assert.Contains("Can not open a position with low collateral ratio than minimum",
            Fail(() => _f.OpenCw20(Alice, collateral, 1_000_000, asset, "2.999999999")), StringComparison.Ordinal);
        var r = _f.OpenCw20(Alice, collateral, 1_000_000, asset, "3");
        Assert.Equal("2", r.Attribute("position_idx"));
        Assert.Equal($"166666{asset}", r.Attribute("mint_amount"));
        Assert.Equal($"1000000{collateral}", r.Attribute("collateral_amount"));
        Assert.Equal((UInt128)1_000_000, _f.Cw20Balance(collateral, _f.Mint));

        var all = _f.App.Query(_f.Mint, $"{{\"positions\":{{\"owner_addr\":\"{Alice}\"}}}}").GetProperty("positions");
        Assert.Equal(["2", "1"], all.EnumerateArray().Select(p => p.GetProperty("idx").GetString()));
        var after = _f.App.Query(_f.Mint, $"{{\"positions\":{{\"owner_addr\":\"{Alice}\",\"start_after\":\"2\"}}}}").GetProperty("positions");
        Assert.Equal(["1"], after.EnumerateArray().Select(p => p.GetProperty("idx").GetString()));
    }

    [Fact]
    public void double_flooring_mints_1_for_3_uusd_and_199_for_300()
    {
        var asset = _f.NewAsset("mAAA", "1");
        Assert.Equal($"1{asset}", _f.OpenNative(Alice, 3, asset, "1.5").Attribute("mint_amount"));
        Assert.Equal($"199{asset}", _f.OpenNative(Alice, 300, asset, "1.5").Attribute("mint_amount"));
        Assert.Equal("Generic error: collateral is too small: execute wasm contract failed",
            Fail(() => _f.OpenNative(Alice, 1, asset, "1.5")));
    }

    [Fact]
    public void required_ratio_is_the_9_digit_product_of_mcr_and_multiplier()
    {
        var asset = _f.NewAsset("mAAA", "1");
        _f.RegisterFixedCollateral("uluna", "1", "1.333333333333333333");
        Assert.Contains("Can not open a position with low collateral ratio than minimum",
            Fail(() => _f.OpenNative(Alice, 1_000_000, asset, "1.999999998", denom: "uluna")), StringComparison.Ordinal);
        var r = _f.OpenNative(Alice, 1_000_000, asset, "1.999999999", denom: "uluna");
        // ⌊1e6 × 1⌋ × ⌊1/1.999999999⌋ = ⌊500000.00025⌋
        Assert.Equal($"500000{asset}", r.Attribute("mint_amount"));
        Assert.Equal("1000000uluna", r.Attribute("collateral_amount"));
    }

    [Fact]
    public void Zero_collateral_is_wrong_collateral_and_funds_must_match_the_argument()
    {
        var asset = _f.NewAsset("mAAA", "1");
        Assert.Equal("Generic error: Wrong collateral: execute wasm contract failed",
            Fail(() => _f.App.Execute(Alice, _f.Mint, OpenNativeJson(0, asset, "2"))));
        _f.App.Mint(Alice, new Coin(Uusd, 10));
        Assert.Equal("Generic error: Native token balance mismatch between the argument and the transferred: execute wasm contract failed",
            Fail(() => _f.App.Execute(Alice, _f.Mint, OpenNativeJson(11, asset, "2"), [new Coin(Uusd, 10)])));
        Assert.Equal("Generic error: Native token balance mismatch between the argument and the transferred: execute wasm contract failed",
            Fail(() => _f.App.Execute(Alice, _f.Mint, OpenNativeJson(10, asset, "2"))));
    }

    [Fact]
    public void Unregistered_asset_is_no_asset_data_stored()
    {
        var token = _f.NewToken("mXYZ");
        Assert.Equal("Generic error: no asset data stored: execute wasm contract failed",
            Fail(() => _f.OpenNative(Alice, 1000, token, "2")));
    }

    [Fact]
    public void Native_asset_info_is_refused()
    {
        var json = """
            {"open_position":{"collateral":{"info":{"native_token":{"denom":"uusd"}},"amount":"1000"},"asset_info":{"native_token":{"denom":"uusd"}},"collateral_ratio":"2"}}
            """;
        _f.App.Mint(Alice, new Coin(Uusd, 1000));
        Assert.Equal("Generic error: DO NOT ENTER HERE: execute wasm contract failed",
            Fail(() => _f.App.Execute(Alice, _f.Mint, json, [new Coin(Uusd, 1000)])));
    }
}
