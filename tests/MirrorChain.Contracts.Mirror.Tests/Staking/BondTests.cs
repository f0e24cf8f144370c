using static MirrorChain.Contracts.Mirror.Tests.Staking.StakingFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Staking;

/// <summary>
/// bond / unbond and increase / decrease_short_token (upstream <c>test_bond_tokens</c>, <c>test_unbond</c>,
/// <c>test_increase_short_token</c>, <c>test_decrease_short_token</c> in contracts/mirror_staking/src/testing/), with
/// derived rules.
/// </summary>
public sealed class BondTests
{
    private readonly StakingFixture _f = new();

    /// <summary>Bonds of 100 + 100 give total_bond 200; the LP moved into staking.</summary>
    [Fact]
    public void Bond_moves_lp_tokens_into_staking_and_records_the_bond()
    {
        var (asset, lp) = _f.NewPool();
        var before = _f.Cw20Balance(lp, Alice);
        var r = _f.Bond(Alice, lp, asset, 100);
        Assert.Equal(
            [("action", "bond"), ("staker_addr", Alice.ToString()), ("asset_token", asset.ToString()), ("amount", "100")],
            AttributesOf(r, _f.Staking));
        _f.Bond(Alice, lp, asset, 100);

        var pool = _f.PoolInfo(asset);
        Assert.Equal("200", Str(pool, "total_bond_amount"));
        Assert.Equal(
            $$"""{"staker_addr":"{{Alice}}","reward_infos":[{"asset_token":"{{asset}}","bond_amount":"200","pending_reward":"0","is_short":false,"should_migrate":null}]}""",
            _f.RewardInfo(Alice).GetRawText());
        Assert.Equal(before - 200, _f.Cw20Balance(lp, Alice));
        Assert.Equal((UInt128)200, _f.Cw20Balance(lp, _f.Staking));
    }

    /// <summary>A bond sent from any other token than the pool's staking token is "unauthorized".</summary>
    [Fact]
    public void bond_from_wrong_token_is_unauthorized()
    {
        var (asset, _) = _f.NewPool();
        var staking2 = _f.NewToken("STAKINGB", Owner, (Alice, 1000));
        Assert.Equal(Generic("unauthorized"), Support.Fail.Execute(() => _f.Bond(Alice, staking2, asset, 100)));
        Assert.Equal((UInt128)1000, _f.Cw20Balance(staking2, Alice));
    }

    [Fact]
    public void Bond_to_an_unregistered_asset_is_not_found()
    {
        var (_, lp) = _f.NewPool();
        var other = _f.NewToken("OTHER", Owner);
        Assert.Equal(Exec("mirror_staking::state::PoolInfo not found"), Support.Fail.Execute(() => _f.Bond(Alice, lp, other, 100)));
    }

    [Theory]
    [InlineData("""{"stake":{}}""")]
    [InlineData("""{"bond":{}}""")]
    [InlineData("""not json""")]
    [InlineData("""{"deposit_reward":{"rewards":[["a"]]}}""")]
    [InlineData("""{"deposit_reward":{"rewards":[["a","x"]]}}""")]
    public void Undecodable_hooks_are_invalid(string hook)
    {
        var (_, lp) = _f.NewPool();
        Assert.Equal(Generic("invalid cw20 hook message"), Support.Fail.Execute(() => _f.Send(Alice, lp, _f.Staking, 100, hook)));
    }

    /// <summary>
    /// Unbond more than bonded fails; unbonding all returns the LP, zeroes total_bond and deletes the entry.
    /// </summary>
    [Fact]
    public void Unbond_returns_lp_tokens_and_refuses_more_than_the_bond()
    {
        var (asset, lp) = _f.NewPool();
        _f.Bond(Alice, lp, asset, 100);
        Assert.Equal(Generic("Cannot unbond more than bond amount"), Support.Fail.Execute(() => _f.Unbond(Alice, asset, 150)));

        var before = _f.Cw20Balance(lp, Alice);
        var r = _f.Unbond(Alice, asset, 100);
        Assert.Equal(
            [("action", "unbond"), ("staker_addr", Alice.ToString()), ("asset_token", asset.ToString()), ("amount", "100"), ("staking_token", lp.ToString())],
            AttributesOf(r, _f.Staking));
        Assert.Equal([(_f.Staking.ToString(), "unbond"), (lp.ToString(), "transfer")], Actions(r));
        Assert.Equal(before + 100, _f.Cw20Balance(lp, Alice));
        Assert.Equal("0", Str(_f.PoolInfo(asset), "total_bond_amount"));
        Assert.Equal($$"""{"staker_addr":"{{Alice}}","reward_infos":[]}""", _f.RewardInfo(Alice).GetRawText());
    }

    [Fact]
    public void Unbond_without_a_position_is_not_found()
    {
        var (asset, _) = _f.NewPool();
        Assert.Equal(Exec("mirror_staking::state::RewardInfo not found"), Support.Fail.Execute(() => _f.Unbond(Alice, asset, 1)));
        var unknown = _f.NewToken("UNKNOWN", Owner);
        Assert.Equal(Exec("mirror_staking::state::PoolInfo not found"), Support.Fail.Execute(() => _f.Unbond(Alice, unknown, 1)));
    }

    /// <summary>A position with pending rewards survives a full unbond (bond 0) until the rewards are withdrawn.</summary>
    [Fact]
    public void Full_unbond_keeps_an_entry_with_pending_rewards()
    {
        var (asset, lp) = _f.NewPool();
        _f.Bond(Alice, lp, asset, 100);
        _f.DepositReward((asset, 50));
        _f.Unbond(Alice, asset, 100);
        Assert.Equal(
            $$"""{"staker_addr":"{{Alice}}","reward_infos":[{"asset_token":"{{asset}}","bond_amount":"0","pending_reward":"50","is_short":false,"should_migrate":null}]}""",
            _f.RewardInfo(Alice).GetRawText());
        _f.Withdraw(Alice);
        Assert.Equal($$"""{"staker_addr":"{{Alice}}","reward_infos":[]}""", _f.RewardInfo(Alice).GetRawText());
        Assert.Equal((UInt128)50, _f.Cw20Balance(_f.Mir, Alice));
    }

    /// <summary>Only the mint moves short tokens; 100 up then 100 down.</summary>
    [Fact]
    public void increase_and_decrease_short_token()
    {
        var (asset, _) = _f.NewPool();
        Assert.Equal(Generic("unauthorized"), Support.Fail.Execute(() => _f.IncreaseShort(Alice, asset, 100, sender: Alice)));
        Assert.Equal(Generic("unauthorized"), Support.Fail.Execute(() => _f.DecreaseShort(Alice, asset, 100, sender: Owner)));

        var r = _f.IncreaseShort(Alice, asset, 100);
        Assert.Equal(
            [("action", "increase_short_token"), ("staker_addr", Alice.ToString()), ("asset_token", asset.ToString()), ("amount", "100")],
            AttributesOf(r, _f.Staking));
        Assert.Equal("100", Str(_f.PoolInfo(asset), "total_short_amount"));
        Assert.Equal("0", Str(_f.PoolInfo(asset), "total_bond_amount"));
        Assert.Equal(
            $$"""{"staker_addr":"{{Alice}}","reward_infos":[{"asset_token":"{{asset}}","bond_amount":"100","pending_reward":"0","is_short":true,"should_migrate":null}]}""",
            _f.RewardInfo(Alice).GetRawText());

        Assert.Equal(Generic("Cannot unbond more than bond amount"), Support.Fail.Execute(() => _f.DecreaseShort(Alice, asset, 101)));
        r = _f.DecreaseShort(Alice, asset, 100);
        Assert.Equal(
            [("action", "decrease_short_token"), ("staker_addr", Alice.ToString()), ("asset_token", asset.ToString()), ("amount", "100")],
            AttributesOf(r, _f.Staking));
        Assert.Equal([(_f.Staking.ToString(), "decrease_short_token")], Actions(r));
        Assert.Equal("0", Str(_f.PoolInfo(asset), "total_short_amount"));
        Assert.Equal($$"""{"staker_addr":"{{Alice}}","reward_infos":[]}""", _f.RewardInfo(Alice).GetRawText());
    }

    /// <summary>The mint check comes first; then the pool lookup.</summary>
    [Fact]
    public void Short_token_for_an_unknown_asset()
    {
        var unknown = _f.NewToken("UNKNOWN", Owner);
        Assert.Equal(Generic("unauthorized"), Support.Fail.Execute(() => _f.IncreaseShort(Alice, unknown, 1, sender: Bob)));
        Assert.Equal(Exec("mirror_staking::state::PoolInfo not found"), Support.Fail.Execute(() => _f.IncreaseShort(Alice, unknown, 1)));
        var (asset, _) = _f.NewPool();
        Assert.Equal(Exec("mirror_staking::state::RewardInfo not found"), Support.Fail.Execute(() => _f.DecreaseShort(Alice, asset, 1)));
    }

    /// <summary>LP and sLP positions of the same staker and asset are separate: the list shows LP entries first.</summary>
    [Fact]
    public void Lp_and_short_positions_are_separate()
    {
        var (asset, lp) = _f.NewPool();
        _f.IncreaseShort(Alice, asset, 30);
        _f.Bond(Alice, lp, asset, 70);
        Assert.Equal(
            $$"""{"staker_addr":"{{Alice}}","reward_infos":[{"asset_token":"{{asset}}","bond_amount":"70","pending_reward":"0","is_short":false,"should_migrate":null},{"asset_token":"{{asset}}","bond_amount":"30","pending_reward":"0","is_short":true,"should_migrate":null}]}""",
            _f.RewardInfo(Alice).GetRawText());
        Assert.Equal(Generic("Cannot unbond more than bond amount"), Support.Fail.Execute(() => _f.Unbond(Alice, asset, 71)));
    }
}
