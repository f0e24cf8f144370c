using static MirrorChain.Contracts.Mirror.Tests.Staking.StakingFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Staking;

/// <summary>
/// deposit_reward and withdraw (upstream <c>test_deposit_reward</c>, <c>test_deposit_reward_when_no_bonding</c> and
/// <c>test_withdraw</c> in contracts/mirror_staking/src/testing/) and the reward-index math of Mirror v2.1.4
/// contracts/mirror_staking/src/rewards.rs, with derived cases.
/// </summary>
public sealed class RewardTests
{
    private readonly StakingFixture _f = new();

    /// <summary>
    /// test_deposit_reward, weight 0.2 (premium 2%): bond 100 LP, short 100, deposit 100 → indices 0.8 / 0.2.
    /// </summary>
    [Fact]
    public void deposit_reward_weight_0_2()
    {
        var (asset, lp) = _f.NewPool();
        _f.SetPremium(asset, 2);
        Assert.Equal("0.2", Str(_f.PoolInfo(asset), "short_reward_weight"));
        _f.Bond(Alice, lp, asset, 100);
        _f.IncreaseShort(Alice, asset, 100);

        var r = _f.DepositReward((asset, 100));
        Assert.Equal([("action", "deposit_reward"), ("rewards_amount", "100")], AttributesOf(r, _f.Staking));
        var pool = _f.PoolInfo(asset);
        AssertFields(pool, ("reward_index", "0.8"), ("short_reward_index", "0.2"), ("pending_reward", "0"),
            ("short_pending_reward", "0"));
        Assert.Equal((UInt128)100, _f.Cw20Balance(_f.Mir, _f.Staking));
    }

    /// <summary>
    /// test_deposit_reward, weight 0.4 (the v2.1.4 cap, premium 8%): deposit 100 → indices 0.6 / 0.4.
    /// </summary>
    [Fact]
    public void deposit_reward_weight_0_4()
    {
        var (asset, lp) = _f.NewPool();
        _f.SetPremium(asset, 8);
        Assert.Equal("0.4", Str(_f.PoolInfo(asset), "short_reward_weight"));
        _f.Bond(Alice, lp, asset, 100);
        _f.IncreaseShort(Alice, asset, 100);
        _f.DepositReward((asset, 100));
        var pool = _f.PoolInfo(asset);
        Assert.Equal("0.6", Str(pool, "reward_index"));
        Assert.Equal("0.4", Str(pool, "short_reward_index"));
    }

    /// <summary>Nothing bonded: deposit 100 at weight 0.2 parks 80 / 20; at 0.4, 60 / 40. Indices stay 0.</summary>
    [Theory]
    [InlineData(2UL, "80", "20")]
    [InlineData(8UL, "60", "40")]
    public void deposit_reward_when_no_bonding(ulong premiumPercent, string pending, string shortPending)
    {
        var (asset, _) = _f.NewPool();
        _f.SetPremium(asset, premiumPercent);
        _f.DepositReward((asset, 100));
        var pool = _f.PoolInfo(asset);
        AssertFields(pool, ("pending_reward", pending), ("short_pending_reward", shortPending), ("reward_index", "0"),
            ("short_reward_index", "0"));
    }

    /// <summary>
    /// test_withdraw: bond 100, no shorts, weight 0.2: deposit 100 → LP index 0.8, short_pending 20, 80 MIR paid.
    /// </summary>
    [Fact]
    public void Withdraw_pays_the_long_share_and_keeps_the_short_share_pending()
    {
        var (asset, lp) = _f.NewPool();
        _f.SetPremium(asset, 2);
        _f.Bond(Alice, lp, asset, 100);
        _f.DepositReward((asset, 100));
        var pool = _f.PoolInfo(asset);
        Assert.Equal("0.8", Str(pool, "reward_index"));
        Assert.Equal("20", Str(pool, "short_pending_reward"));

        var r = _f.Withdraw(Alice, asset);
        Assert.Equal([("action", "withdraw"), ("amount", "80")], AttributesOf(r, _f.Staking));
        Assert.Equal([(_f.Staking.ToString(), "withdraw"), (_f.Mir.ToString(), "transfer")], Actions(r));
        Assert.Equal((UInt128)80, _f.Cw20Balance(_f.Mir, Alice));
        Assert.Equal((UInt128)20, _f.Cw20Balance(_f.Mir, _f.Staking));
        // the entry stays (bond 100), settled at 0.8 with nothing pending
        Assert.Equal(
            $$"""{"staker_addr":"{{Alice}}","reward_infos":[{"asset_token":"{{asset}}","bond_amount":"100","pending_reward":"0","is_short":false,"should_migrate":null}]}""",
            _f.RewardInfo(Alice).GetRawText());
    }

    /// <summary>
    /// Withdraw with nothing pending emits a MIR transfer of 0 (v2.1.4), which the real cw20-base refuses: the whole
    /// withdraw reverts with the token's error.
    /// </summary>
    [Fact]
    public void Withdraw_of_zero_reverts_in_the_mir_token()
    {
        var (asset, lp) = _f.NewPool();
        _f.Bond(Alice, lp, asset, 100);
        Assert.Equal(Exec("Invalid zero amount"), Support.Fail.Execute(() => _f.Withdraw(Alice)));
        Assert.Equal(Exec("Invalid zero amount"), Support.Fail.Execute(() => _f.Withdraw(Carol)));
        Assert.Equal("100", Str(_f.RewardInfo(Alice).GetProperty("reward_infos")[0], "bond_amount"));
    }

    [Fact]
    public void Deposit_reward_only_from_the_mir_token()
    {
        var (asset, _) = _f.NewPool();
        var fake = _f.NewToken("FAKE", Owner, (Distributor, 1000));
        Assert.Equal(Generic("unauthorized"), Support.Fail.Execute(() => _f.DepositRewardFrom(fake, 100, (asset, 100))));
    }

    [Fact]
    public void Deposit_reward_amounts_must_add_up_to_the_sent_amount()
    {
        var (a, _) = _f.NewPool("MAPPL");
        var (b, _) = _f.NewPool("MGOGL");
        Assert.Equal(Generic("rewards amount miss matched"), Support.Fail.Execute(() => _f.DepositRewardFrom(_f.Mir, 100, (a, 60), (b, 39))));
        Assert.Equal(Generic("rewards amount miss matched"), Support.Fail.Execute(() => _f.DepositRewardFrom(_f.Mir, 100, (a, 60), (b, 41))));
        var r = _f.DepositRewardFrom(_f.Mir, 100, (a, 60), (b, 40));
        Assert.Equal([("action", "deposit_reward"), ("rewards_amount", "100")], AttributesOf(r, _f.Staking));
        Assert.Equal("60", Str(_f.PoolInfo(a), "pending_reward"));
        Assert.Equal("40", Str(_f.PoolInfo(b), "pending_reward"));
    }

    /// <summary>An unregistered asset anywhere in the list reverts the whole deposit.</summary>
    [Fact]
    public void Deposit_reward_for_an_unknown_asset_reverts_everything()
    {
        var (a, _) = _f.NewPool();
        var unknown = _f.NewToken("UNKNOWN", Owner);
        Assert.Equal(Exec("mirror_staking::state::PoolInfo not found"),
            Support.Fail.Execute(() => _f.DepositReward((a, 60), (unknown, 40))));
        Assert.Equal("0", Str(_f.PoolInfo(a), "pending_reward"));
        Assert.Equal((UInt128)0, _f.Cw20Balance(_f.Mir, _f.Staking));
    }

    /// <summary>Pending rewards flush into the index at the first deposit after someone bonds.</summary>
    [Fact]
    public void Pending_reward_flushes_at_the_next_deposit_with_stake()
    {
        var (asset, lp) = _f.NewPool();
        _f.DepositReward((asset, 300));
        _f.Bond(Alice, lp, asset, 100);
        Assert.Equal("0", Str(_f.RewardInfo(Alice).GetProperty("reward_infos")[0], "pending_reward"));
        _f.DepositReward((asset, 100));
        var pool = _f.PoolInfo(asset);
        Assert.Equal("4", Str(pool, "reward_index"));
        Assert.Equal("0", Str(pool, "pending_reward"));
        Assert.Equal("400", Str(_f.RewardInfo(Alice).GetProperty("reward_infos")[0], "pending_reward"));
    }

    /// <summary>
    /// Index increments are floored at 18 decimals and each accrual floors bond·index separately: 10 over 3 gives
    /// index 3.333333333333333333 and 9 + dust; a later bond change settles first.
    /// </summary>
    [Fact]
    public void Flooring_of_index_and_accrual()
    {
        var (asset, lp) = _f.NewPool();
        _f.Bond(Alice, lp, asset, 1);
        _f.Bond(Bob, lp, asset, 2);
        _f.DepositReward((asset, 10));
        Assert.Equal("3.333333333333333333", Str(_f.PoolInfo(asset), "reward_index"));
        Assert.Equal((UInt128)3, _f.PendingOf(Alice)); // ⌊1 × 3.333…⌋
        Assert.Equal((UInt128)6, _f.PendingOf(Bob)); // ⌊2 × 3.333…⌋

        // Alice bonds 2 more: her pending settles at 3 and her index moves to the pool's
        _f.Bond(Alice, lp, asset, 2);
        _f.DepositReward((asset, 10)); // total 5: +2 per unit
        Assert.Equal("5.333333333333333333", Str(_f.PoolInfo(asset), "reward_index"));
        // 3 + (⌊3 × 5.333…⌋ − ⌊3 × 3.333…⌋) = 3 + (15 − 9) = 9
        Assert.Equal((UInt128)9, _f.PendingOf(Alice));
        // ⌊2 × 5.333…⌋ = 10
        Assert.Equal((UInt128)10, _f.PendingOf(Bob));
    }

    /// <summary>A zero weight (no premium adjustment yet) sends everything to LP; shorts earn nothing.</summary>
    [Fact]
    public void Zero_weight_gives_everything_to_lp()
    {
        var (asset, lp) = _f.NewPool();
        _f.Bond(Alice, lp, asset, 10);
        _f.IncreaseShort(Bob, asset, 10);
        _f.DepositReward((asset, 1000));
        Assert.Equal("100", Str(_f.PoolInfo(asset), "reward_index"));
        Assert.Equal("0", Str(_f.PoolInfo(asset), "short_reward_index"));
        Assert.Equal((UInt128)1000, _f.PendingOf(Alice));
        Assert.Equal((UInt128)0, _f.PendingOf(Bob));
    }

    /// <summary>The short share is ⌊amount·weight⌋: 999 at 0.2 → 199 short, 800 LP.</summary>
    [Fact]
    public void Short_share_is_floored()
    {
        var (asset, lp) = _f.NewPool();
        _f.SetPremium(asset, 2);
        _f.DepositReward((asset, 999));
        Assert.Equal("800", Str(_f.PoolInfo(asset), "pending_reward"));
        Assert.Equal("199", Str(_f.PoolInfo(asset), "short_pending_reward"));
    }

    /// <summary>
    /// withdraw without an asset collects every LP and sLP entry; with an asset only that asset's two entries. Entries
    /// with nothing bonded are removed.
    /// </summary>
    [Fact]
    public void Withdraw_all_or_one_asset()
    {
        var (a, lpA) = _f.NewPool("MAPPL");
        var (b, lpB) = _f.NewPool("MGOGL");
        _f.SetPremium(a, 2);
        _f.Bond(Alice, lpA, a, 100);
        _f.IncreaseShort(Alice, a, 50);
        _f.Bond(Alice, lpB, b, 10);
        _f.DepositReward((a, 1000), (b, 500));
        // a: LP 800 / 100, short 200 / 50; b: 500 all LP

        var r = _f.Withdraw(Alice, b);
        Assert.Equal([("action", "withdraw"), ("amount", "500")], AttributesOf(r, _f.Staking));
        _f.DecreaseShort(Alice, a, 50);
        r = _f.Withdraw(Alice);
        Assert.Equal([("action", "withdraw"), ("amount", "1000")], AttributesOf(r, _f.Staking));
        Assert.Equal((UInt128)1500, _f.Cw20Balance(_f.Mir, Alice));

        // the short entry (bond 0) is gone, the LP entries remain
        var infos = _f.RewardInfo(Alice).GetProperty("reward_infos");
        Assert.Equal(2, infos.GetArrayLength());
        Assert.All(infos.EnumerateArray(), i => Assert.False(i.GetProperty("is_short").GetBoolean()));
    }

    /// <summary>reward_info lists LP entries then sLP entries, each ascending by the asset's canonical address bytes.</summary>
    [Fact]
    public void Reward_info_order_is_lp_then_short_by_canonical_bytes()
    {
        var pools = new[] { _f.NewPool("MAAA"), _f.NewPool("MBBB"), _f.NewPool("MCCC") };
        foreach (var (asset, lp) in pools.Reverse())
        {
            _f.Bond(Alice, lp, asset, 1);
            _f.IncreaseShort(Alice, asset, 2);
        }
        var sorted = pools.Select(p => p.Asset).OrderBy(a => a.ToArray(), Comparer<byte[]>.Create((x, y) => x.AsSpan().SequenceCompareTo(y))).ToList();
        var infos = _f.RewardInfo(Alice).GetProperty("reward_infos").EnumerateArray()
            .Select(i => (i.GetProperty("asset_token").GetString()!, i.GetProperty("is_short").GetBoolean())).ToList();
        var expected = sorted.Select(a => (a.ToString(), false)).Concat(sorted.Select(a => (a.ToString(), true))).ToList();
        Assert.Equal(expected, infos);

        // one asset: its LP and sLP entries only
        var one = _f.RewardInfo(Alice, sorted[1]).GetProperty("reward_infos");
        Assert.Equal(2, one.GetArrayLength());
        Assert.Equal(sorted[1].ToString(), one[0].GetProperty("asset_token").GetString());
        Assert.True(one[1].GetProperty("is_short").GetBoolean());
    }

    /// <summary>The query's pending equals what a withdraw pays (the query settles without writing).</summary>
    [Fact]
    public void Queried_pending_equals_the_withdrawn_amount()
    {
        var (asset, lp) = _f.NewPool();
        _f.SetPremium(asset, 3);
        _f.Bond(Alice, lp, asset, 7);
        _f.Bond(Bob, lp, asset, 11);
        _f.IncreaseShort(Alice, asset, 13);
        _f.DepositReward((asset, 12_345));
        _f.DepositReward((asset, 678));
        var pending = _f.PendingOf(Alice);
        Assert.Equal(pending, _f.PendingOf(Alice)); // a query writes nothing
        var r = _f.Withdraw(Alice);
        Assert.Equal(pending.ToString(), r.Attribute("amount"));
        Assert.Equal(pending, _f.Cw20Balance(_f.Mir, Alice));
    }
    /// <summary>
    /// Derived v2.1.4 quirk of the floored accrual: a position's baseline ⌊bond·index⌋ forgives its fractional part, so
    /// two stakers joining at index 0.5 each earn 1 from a deposit of 1 (index 0.5 → 1). Carol earned 1 from the first
    /// deposit: staking owes 3 while holding 2, and the last withdraw fails in the MIR token.
    /// </summary>
    [Fact]
    public void Floor_baselines_can_owe_one_unit_more_than_held()
    {
        var (asset, lp) = _f.NewPool();
        _f.Bond(Carol, lp, asset, 2);
        _f.DepositReward((asset, 1));
        Assert.Equal("0.5", Str(_f.PoolInfo(asset), "reward_index"));
        _f.Unbond(Carol, asset, 2);
        _f.Bond(Alice, lp, asset, 1);
        _f.Bond(Bob, lp, asset, 1);
        _f.DepositReward((asset, 1));
        Assert.Equal("1", Str(_f.PoolInfo(asset), "reward_index"));
        Assert.Equal((UInt128)1, _f.PendingOf(Carol));
        Assert.Equal((UInt128)1, _f.PendingOf(Alice));
        Assert.Equal((UInt128)1, _f.PendingOf(Bob));
        Assert.Equal((UInt128)2, _f.Cw20Balance(_f.Mir, _f.Staking));

        _f.Withdraw(Carol);
        _f.Withdraw(Alice);
        Assert.Equal(Exec("Overflow: Cannot Sub with 0 and 1"), Support.Fail.Execute(() => _f.Withdraw(Bob)));
    }
}
