namespace MirrorChain.Contracts.Mirror.Tests.Integration;

/// <summary>
/// Messages a hostile client can send that once ended as a host exception (tx code 1 "internal"): each must be a
/// contract error (wasm 5, cosmwasm's parse error in serde-json-wasm's words) that leaves the state untouched.
/// </summary>
public sealed class HostileMessageTests
{
    private readonly DevnetDeployment _d = new();

    private string Rejected(string account, string contract, string json)
    {
        var before = StateFingerprint();
        var e = Assert.Throws<SdkException>(() => _d.App.Execute(_d[account], _d[contract], json));
        Assert.Equal(SdkError.WasmExecuteFailed, e.Error);
        Assert.Equal(before, StateFingerprint());
        return e.Log;
    }

    private string StateFingerprint()
    {
        var all = new StringBuilder();
        foreach (var (key, value) in _d.App.State.Range([], null))
        {
            all.Append(Convert.ToHexString(key)).Append('=').Append(Convert.ToHexString(value)).Append(';');
        }
        return Convert.ToHexString(Hashing.Sha256(Encoding.UTF8.GetBytes(all.ToString())));
    }

    [Fact]
    public void Open_position_with_null_collateral_is_an_invalid_type_parse_error()
    {
        var log = Rejected("test2", "mint",
            $$$"""{"open_position":{"collateral":null,"asset_info":{"token":{"contract_addr":"{{{_d["mTSLA"]}}}"}},"collateral_ratio":"2"}}""");
        Assert.Equal("Error parsing into type mirror_protocol::mint::ExecuteMsg: Invalid type: execute wasm contract failed", log);
    }

    [Fact]
    public void Unlock_position_funds_with_null_positions_is_an_invalid_type_parse_error()
    {
        var log = Rejected("test2", "lock", """{"unlock_position_funds":{"positions_idx":null}}""");
        Assert.Equal("Error parsing into type mirror_protocol::lock::ExecuteMsg: Invalid type: execute wasm contract failed", log);
    }

    [Theory]
    [InlineData("mTSLA", """{"transfer":{"recipient":"\ud800","amount":"1"}}""", "cw20_base::msg::ExecuteMsg")]
    [InlineData("oracle", """{"feed_price":{"prices":[["\ud800","1"]]}}""", "mirror_protocol::oracle::ExecuteMsg")]
    [InlineData("gov", """{"cast_vote":{"poll_id":1,"vote":"yes","amount":"1","x\udbff":1}}""", "mirror_protocol::gov::ExecuteMsg")]
    [InlineData("mTSLA.pair", """{"swap":{"offer_asset":{"info":{"native_token":{"denom":"uusd\ud800"}},"amount":"1"}}}""", "terraswap::pair::ExecuteMsg")]
    public void A_lone_surrogate_in_any_string_is_serde_json_wasms_lone_surrogate_error(string contract, string json, string type)
    {
        var log = Rejected("test1", contract, json);
        Assert.Equal($"Error parsing into type {type}: Found a lone surrogate, which can exist in JSON but cannot be encoded to UTF-8.: execute wasm contract failed", log);
    }

    [Fact]
    public void A_missing_required_field_names_the_field_as_serde_does()
    {
        var log = Rejected("test2", "mint", """{"open_position":{"collateral_ratio":"2"}}""");
        Assert.Equal("Error parsing into type mirror_protocol::mint::ExecuteMsg: missing field `collateral`: execute wasm contract failed", log);
    }

    [Fact]
    public void A_query_with_a_lone_surrogate_fails_as_a_wasm_query_error()
    {
        var e = Assert.Throws<SdkException>(() => _d.App.Query(_d["mTSLA"], """{"balance":{"address":"\udc00"}}"""));
        Assert.Equal(SdkError.WasmQueryFailed, e.Error);
        Assert.StartsWith("Error parsing into type cw20_base::msg::QueryMsg: Expected a high surrogate (D800–DBFF).", e.Log, StringComparison.Ordinal);
    }

    /// <summary>
    /// Found by the contract fuzz targets (seed 5): a null element inside a message's array reached the contract as a
    /// null and threw NullReferenceException (contained as a Wasm abort); serde refuses it as "Invalid type".
    /// </summary>
    [Theory]
    [InlineData("staking", """{"auto_stake":{"assets":[null,null],"slippage_tolerance":"0.1"}}""", "mirror_protocol::staking::ExecuteMsg")]
    [InlineData("terraswapFactory", """{"create_pair":{"asset_infos":[{"native_token":{"denom":"uusd"}},null]}}""", "terraswap::factory::ExecuteMsg")]
    [InlineData("mTSLA.pair", """{"provide_liquidity":{"assets":[null,{"info":{"native_token":{"denom":"uusd"}},"amount":"100"}],"slippage_tolerance":"0.01"}}""", "terraswap::pair::ExecuteMsg")]
    [InlineData("lock", """{"unlock_position_funds":{"positions_idx":["1",null]}}""", "mirror_protocol::lock::ExecuteMsg")]
    public void A_null_array_element_is_an_invalid_type_parse_error(string contract, string json, string type)
    {
        var log = Rejected("test1", contract, json);
        Assert.Equal($"Error parsing into type {type}: Invalid type: execute wasm contract failed", log);
    }

    [Fact]
    public void A_null_array_element_in_a_query_or_an_instantiate_is_a_parse_error()
    {
        var q = Assert.Throws<SdkException>(() => _d.App.Query(_d["terraswapFactory"],
            """{"pairs":{"start_after":[{"native_token":{"denom":"uusd"}},null],"limit":5}}"""));
        Assert.Equal(SdkError.WasmQueryFailed, q.Error);
        Assert.StartsWith("Error parsing into type terraswap::factory::QueryMsg: Invalid type", q.Log, StringComparison.Ordinal);

        var i = Assert.Throws<SdkException>(() => _d.App.Instantiate(CodeIds.Cw20Base, _d["test1"],
            $$$"""{"name":"Fuzz Token","symbol":"FUZZ","decimals":6,"initial_balances":[null,{"address":"{{{_d["test1"]}}}","amount":"1"}]}"""));
        Assert.Equal(SdkError.WasmInstantiateFailed, i.Error);
        Assert.StartsWith("Error parsing into type cw20_base::msg::InstantiateMsg: Invalid type", i.Log, StringComparison.Ordinal);
    }
}
