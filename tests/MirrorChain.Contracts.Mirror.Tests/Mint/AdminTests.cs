using static MirrorChain.Contracts.Mirror.Tests.Mint.MintFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Mint;

/// <summary>
/// instantiate, update_config, register_asset, update_asset (Mirror v2.1.4 upstream tests in
/// contracts/mirror_mint/src/testing/contract_test.rs: the mirror_oracle price source and three-field IPO params).
/// </summary>
public sealed class AdminTests
{
    private readonly MintFixture _f = new();

    [Fact]
    public void config_round_trip_and_update_config()
    {
        Assert.Equal(
            $"{{\"owner\":\"{Owner}\",\"oracle\":\"{_f.Oracle}\",\"collector\":\"{CollectorAddr}\",\"collateral_oracle\":\"{_f.CollateralOracle}\"," +
            $"\"staking\":\"{_f.Staking}\",\"terraswap_factory\":\"{_f.Factory}\",\"lock\":\"{_f.Lock}\",\"base_denom\":\"uusd\"," +
            "\"token_code_id\":1,\"protocol_fee_rate\":\"0.01\"}",
            _f.App.Query(_f.Mint, "{\"config\":{}}").GetRawText());
        var owner1 = Contracts.Testing.TestAddress.Of("owner0001");
        var r = _f.App.Execute(Owner, _f.Mint, $"{{\"update_config\":{{\"owner\":\"{owner1}\",\"token_code_id\":100}}}}");
        Assert.Equal([(_f.Mint.ToString(), "update_config")], Actions(r));
        var config = _f.App.Query(_f.Mint, "{\"config\":{}}");
        Assert.Equal((owner1.ToString(), 100ul), (config.GetProperty("owner").GetString(), config.GetProperty("token_code_id").GetUInt64()));
        Assert.Equal(Unauthorized,
            Fail(() => _f.App.Execute(Owner, _f.Mint, "{\"update_config\":{\"token_code_id\":1}}")));
        Assert.Equal("Generic error: protocol_fee_rate must be smaller than 1: execute wasm contract failed",
            Fail(() => _f.App.Execute(owner1, _f.Mint, "{\"update_config\":{\"protocol_fee_rate\":\"1\"}}")));
        _f.App.Execute(owner1, _f.Mint, "{\"update_config\":{\"protocol_fee_rate\":\"0.015\"}}");
        Assert.Equal("0.015", _f.App.Query(_f.Mint, "{\"config\":{}}").GetProperty("protocol_fee_rate").GetString());
    }

    [Fact]
    public void Instantiate_refuses_a_fee_rate_of_1()
    {
        var e = Assert.Throws<SdkException>(() => new MintFixture("1"));
        Assert.Contains("protocol_fee_rate must be smaller than 1", e.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void register_asset_registers_the_collateral_and_validates_before_the_owner_check()
    {
        var token = _f.NewToken("mAAA");
        var r = _f.RegisterAsset(token, "0.2", "1.5");
        Assert.Equal([("action", "register"), ("asset_token", token.ToString())], AttributesOf(r, _f.Mint).Select(kv => (kv.Key, kv.Value)));
        var info = _f.App.Query(_f.CollateralOracle, $"{{\"collateral_asset_info\":{{\"asset\":\"{token}\"}}}}");
        Assert.Equal(("mirror_oracle", "1"), (info.GetProperty("source_type").GetString(), info.GetProperty("multiplier").GetString()));

        Assert.Equal("Generic error: Asset was already registered: execute wasm contract failed", Fail(() => _f.RegisterAsset(token, "0.2", "1.5")));
        var other = _f.NewToken("mBBB");
        Assert.Equal(Unauthorized, Fail(() => _f.RegisterAsset(other, "0.2", "1.5", sender: Alice)));
        Assert.Equal("Generic error: auction_discount must be smaller than 1: execute wasm contract failed",
            Fail(() => _f.RegisterAsset(other, "1.5", "1.5", sender: Alice)));
        Assert.Equal("Generic error: min_collateral_ratio must be bigger or equal than 1.1: execute wasm contract failed",
            Fail(() => _f.RegisterAsset(other, "0.2", "0.5", sender: Alice)));
        Assert.Equal("Generic error: min_collateral_ratio must be bigger or equal than 1.1: execute wasm contract failed",
            Fail(() => _f.RegisterAsset(other, "0.2", "1.099999999999999999")));
        Assert.Equal("Generic error: min_collateral_ratio must be bigger or equal than 1.1: execute wasm contract failed",
            Fail(() => _f.RegisterAsset(other, "0.2", "2", "{\"mint_end\":1,\"pre_ipo_price\":\"1\",\"min_collateral_ratio_after_ipo\":\"1\"}")));
        _f.RegisterAsset(other, "1", "1.1"); // both limits are inclusive
    }

    [Fact]
    public void update_asset_reads_back_exactly_and_validates()
    {
        var token = _f.NewAsset("mAAA", "1");
        var unknown = _f.NewToken("mZZZ");
        _f.App.Execute(Owner, _f.Mint, $$$$$"""
            {"update_asset":{"asset_token":"{{{{{token}}}}}","auction_discount":"0.3","min_collateral_ratio":"2","ipo_params":{"mint_end":10000,"pre_ipo_price":"0.01","min_collateral_ratio_after_ipo":"1.5"}}}
            """);
        Assert.Equal(
            $"{{\"token\":\"{token}\",\"auction_discount\":\"0.3\",\"min_collateral_ratio\":\"2\",\"end_price\":null," +
            "\"ipo_params\":{\"mint_end\":10000,\"pre_ipo_price\":\"0.01\",\"min_collateral_ratio_after_ipo\":\"1.5\"}}",
            _f.App.Query(_f.Mint, $"{{\"asset_config\":{{\"asset_token\":\"{token}\"}}}}").GetRawText());
        Assert.Equal("Generic error: auction_discount must be smaller than 1: execute wasm contract failed",
            Fail(() => _f.App.Execute(Owner, _f.Mint, $"{{\"update_asset\":{{\"asset_token\":\"{token}\",\"auction_discount\":\"1.3\"}}}}")));
        Assert.Equal("Generic error: min_collateral_ratio must be bigger or equal than 1.1: execute wasm contract failed",
            Fail(() => _f.App.Execute(Owner, _f.Mint, $"{{\"update_asset\":{{\"asset_token\":\"{token}\",\"min_collateral_ratio\":\"0.5\"}}}}")));
        Assert.Equal(Unauthorized,
            Fail(() => _f.App.Execute(Alice, _f.Mint, $"{{\"update_asset\":{{\"asset_token\":\"{token}\",\"auction_discount\":\"1.3\"}}}}")));
        // the asset config is loaded before the owner check
        Assert.Equal("Generic error: no asset data stored: execute wasm contract failed",
            Fail(() => _f.App.Execute(Alice, _f.Mint, $"{{\"update_asset\":{{\"asset_token\":\"{unknown}\"}}}}")));
        Assert.Equal("Generic error: no asset data stored: query wasm contract failed",
            Fail(() => _f.App.Query(_f.Mint, $"{{\"asset_config\":{{\"asset_token\":\"{unknown}\"}}}}")));
    }

    [Fact]
    public void Pre_ipo_registration_sends_no_collateral_registration()
    {
        var token = _f.NewToken("mPRE");
        var r = _f.RegisterAsset(token, "0.2", "10", "{\"mint_end\":1,\"pre_ipo_price\":\"1\",\"min_collateral_ratio_after_ipo\":\"1.5\"}");
        Assert.Equal([(_f.Mint.ToString(), "register")], Actions(r));
    }

    [Fact]
    public void Unknown_messages_are_parse_errors()
    {
        Assert.Contains("unknown variant `nope`", Fail(() => _f.App.Execute(Owner, _f.Mint, "{\"nope\":{}}")), StringComparison.Ordinal);
        Assert.Contains("Error parsing into type mirror_protocol::mint::ExecuteMsg",
            Fail(() => _f.App.Execute(Owner, _f.Mint, "{\"register_asset\":{\"asset_token\":\"x\"}}")), StringComparison.Ordinal);
    }
}
