using static MirrorChain.Contracts.Mirror.Tests.Staking.StakingFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Staking;

/// <summary>
/// Instantiate, config, update_config and register_asset (Mirror v2.1.4 contracts/mirror_staking/src/contract.rs;
/// messages in packages/mirror_protocol/src/staking.rs).
/// </summary>
public sealed class ConfigTests
{
    private readonly StakingFixture _f = new();

    [Fact]
    public void Config_query_returns_the_instantiate_values_in_struct_order()
    {
        var c = _f.App.Query(_f.Staking, """{"config":{}}""");
        Assert.Equal(
            $$"""{"owner":"{{Owner}}","mirror_token":"{{_f.Mir}}","mint_contract":"{{MintAddr}}","oracle_contract":"{{_f.Oracle}}","terraswap_factory":"{{_f.TerraswapFactory}}","base_denom":"uusd","premium_min_update_interval":3600,"short_reward_contract":"{{_f.ShortReward}}"}""",
            c.GetRawText());
    }

    [Fact]
    public void Instantiate_validates_addresses()
    {
        var json = _f.InstantiateJson().Replace($"\"{MintAddr}\"", "\"mint\"", StringComparison.Ordinal);
        var e = Assert.Throws<SdkException>(() => _f.App.Instantiate(CodeIds.MirrorStaking, Owner, json));
        Assert.Equal("Generic error: addr_validate errored: decoding bech32 failed: invalid bech32 length 4: instantiate wasm contract failed", e.Log);
    }

    [Fact]
    public void Update_config_is_owner_only_and_replaces_given_fields()
    {
        Assert.Equal(Generic("unauthorized"),
            Support.Fail.Execute(() => _f.App.Execute(Alice, _f.Staking, """{"update_config":{"premium_min_update_interval":7200}}""")));

        var newShortReward = TestAddress.Of("short_reward0001");
        var r = _f.App.Execute(Owner, _f.Staking,
            $$"""{"update_config":{"owner":"{{Alice}}","premium_min_update_interval":7200,"short_reward_contract":"{{newShortReward}}"} }""");
        Assert.Equal([("action", "update_config")], AttributesOf(r, _f.Staking));

        var c = _f.App.Query(_f.Staking, """{"config":{}}""");
        Assert.Equal(Alice.ToString(), c.GetProperty("owner").GetString());
        Assert.Equal(7200UL, c.GetProperty("premium_min_update_interval").GetUInt64());
        Assert.Equal(newShortReward.ToString(), c.GetProperty("short_reward_contract").GetString());
        Assert.Equal(_f.Mir.ToString(), c.GetProperty("mirror_token").GetString());

        // the old owner lost the right, the new one has it
        Assert.Equal(Generic("unauthorized"),
            Support.Fail.Execute(() => _f.App.Execute(Owner, _f.Staking, """{"update_config":{}}""")));
        _f.App.Execute(Alice, _f.Staking, """{"update_config":{}}""");
    }

    [Fact]
    public void Register_asset_creates_an_empty_pool()
    {
        var asset = _f.NewToken("MAPPL", Owner);
        var lp = _f.NewToken("LPTOKEN", Owner);
        var r = _f.RegisterAsset(asset, lp);
        Assert.Equal([("action", "register_asset"), ("asset_token", asset.ToString())], AttributesOf(r, _f.Staking));

        Assert.Equal(
            $$"""{"asset_token":"{{asset}}","staking_token":"{{lp}}","total_bond_amount":"0","total_short_amount":"0","reward_index":"0","short_reward_index":"0","pending_reward":"0","short_pending_reward":"0","premium_rate":"0","short_reward_weight":"0","premium_updated_time":0,"migration_index_snapshot":null,"migration_deprecated_staking_token":null}""",
            _f.PoolInfo(asset).GetRawText());
    }

    [Fact]
    public void Register_asset_is_owner_only_and_once()
    {
        var asset = _f.NewToken("MAPPL", Owner);
        var lp = _f.NewToken("LPTOKEN", Owner);
        Assert.Equal(Generic("unauthorized"), Support.Fail.Execute(() => _f.RegisterAsset(asset, lp, sender: Alice)));
        _f.RegisterAsset(asset, lp);
        Assert.Equal(Generic("Asset was already registered"), Support.Fail.Execute(() => _f.RegisterAsset(asset, lp)));
    }

    [Fact]
    public void Pool_info_of_an_unknown_asset_is_not_found()
    {
        var unknown = TestAddress.Of("asset9999");
        Assert.Equal("mirror_staking::state::PoolInfo not found: query wasm contract failed",
            Support.Fail.Query(() => _f.PoolInfo(unknown)));
    }

    [Fact]
    public void Reward_info_of_a_stranger_is_empty()
    {
        Assert.Equal($$"""{"staker_addr":"{{Carol}}","reward_infos":[]}""", _f.RewardInfo(Carol).GetRawText());
    }

    [Fact]
    public void Unknown_execute_variant_is_a_parse_error()
    {
        var log = Support.Fail.Execute(() => _f.App.Execute(Alice, _f.Staking, """{"stake":{}}"""));
        Assert.Equal(Exec("Error parsing into type mirror_protocol::staking::ExecuteMsg: unknown variant `stake`, expected one of `receive`, `update_config`, `register_asset`, `deprecate_staking_token`, `unbond`, `withdraw`, `auto_stake`, `auto_stake_hook`, `adjust_premium`, `increase_short_token`, `decrease_short_token`"), log);
    }
}
