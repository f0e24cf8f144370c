using static MirrorChain.Contracts.Mirror.Tests.Staking.StakingFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Staking;

/// <summary>
/// adjust_premium (Mirror v2.1.4 contracts/mirror_staking/src/querier.rs <c>compute_premium_rate</c>, upstream
/// <c>test_adjust_premium</c>) against the real mirror_oracle, a real Terraswap pair from the real factory, and the
/// real mirror_short_reward.
/// </summary>
public sealed class PremiumTests
{
    private readonly StakingFixture _f = new();

    /// <summary>
    /// Upstream test_adjust_premium: pool 100 uusd : 1 asset with oracle 100 → premium 0 at now; again at the same time
    /// → too early; +3600 → premium 0; pool 105 at +3600 more → premium 0.05 (weight 0.39946 in v2.1.4).
    /// </summary>
    [Fact]
    public void Adjust_premium_waits_for_the_interval_and_follows_the_pool_premium()
    {
        var (asset, _) = _f.NewPool();
        _f.FeedPrice(asset, "100");
        var (pair, _) = _f.NewPair(asset, 100, 1);

        var r = _f.AdjustPremium(asset);
        Assert.Equal([("action", "premium_adjustment")], AttributesOf(r, _f.Staking));
        var pool = _f.PoolInfo(asset);
        Assert.Equal("0", Str(pool, "premium_rate"));
        Assert.Equal("0.002618", Str(pool, "short_reward_weight"));
        Assert.Equal(_f.App.Seconds, pool.GetProperty("premium_updated_time").GetUInt64());

        Assert.Equal(Generic("cannot adjust premium before premium_min_update_interval passed"),
            Support.Fail.Execute(() => _f.AdjustPremium(asset)));

        _f.App.AdvanceTime((long)Interval);
        _f.AdjustPremium(asset);
        Assert.Equal("0", Str(_f.PoolInfo(asset), "premium_rate"));
        Assert.Equal(_f.App.Seconds, _f.PoolInfo(asset).GetProperty("premium_updated_time").GetUInt64());

        _f.App.Mint(pair, new Coin(Uusd, 5)); // pool 105 : 1
        _f.App.AdvanceTime((long)Interval);
        _f.AdjustPremium(asset);
        pool = _f.PoolInfo(asset);
        Assert.Equal("0.05", Str(pool, "premium_rate"));
        Assert.Equal("0.39946", Str(pool, "short_reward_weight"));
    }

    /// <summary>The interval is measured from the last update: one second short fails, exactly the interval passes.</summary>
    [Fact]
    public void Interval_boundary()
    {
        var (asset, _) = _f.NewPool();
        _f.FeedPrice(asset, "100");
        _f.NewPair(asset, 100, 1);
        _f.AdjustPremium(asset);
        _f.App.AdvanceTime((long)Interval - 1);
        Assert.Equal(Generic("cannot adjust premium before premium_min_update_interval passed"),
            Support.Fail.Execute(() => _f.AdjustPremium(asset)));
        _f.App.AdvanceTime(1);
        _f.AdjustPremium(asset);
    }

    /// <summary>
    /// v2.1.4: an asset registered in the oracle but never fed has rate 0: premium 0, weight 0, and short_reward is
    /// not queried (here it points nowhere, which would fail a query).
    /// </summary>
    [Fact]
    public void never_fed_asset_gets_zero_weight_without_querying_short_reward()
    {
        var (asset, _) = _f.NewPool();
        _f.App.Execute(Owner, _f.Oracle, $"{{\"register_asset\":{{\"asset_token\":\"{asset}\",\"feeder\":\"{Feeder}\"}}}}");
        _f.NewPair(asset, 100, 1);
        _f.App.Execute(Owner, _f.Staking, $"{{\"update_config\":{{\"short_reward_contract\":\"{TestAddress.Of("nowhere")}\"}}}}");
        _f.AdjustPremium(asset);
        var pool = _f.PoolInfo(asset);
        Assert.Equal("0", Str(pool, "premium_rate"));
        Assert.Equal("0", Str(pool, "short_reward_weight"));
        Assert.Equal(_f.App.Seconds, pool.GetProperty("premium_updated_time").GetUInt64());
    }

    /// <summary>With a fed oracle the short_reward contract is queried: pointing it nowhere fails the call.</summary>
    [Fact]
    public void Fed_asset_queries_short_reward()
    {
        var (asset, _) = _f.NewPool();
        _f.FeedPrice(asset, "100");
        _f.NewPair(asset, 100, 1);
        var nowhere = TestAddress.Of("nowhere");
        _f.App.Execute(Owner, _f.Staking, $"{{\"update_config\":{{\"short_reward_contract\":\"{nowhere}\"}}}}");
        Assert.Equal(Exec($"Generic error: Querier system error: No such contract: {nowhere}"),
            Support.Fail.Execute(() => _f.AdjustPremium(asset)));
    }

    /// <summary>Pool price at or below the oracle: premium 0 (weight = short_reward(0) = 0.002618).</summary>
    [Theory]
    [InlineData(90UL)]
    [InlineData(100UL)]
    public void Pool_price_not_above_oracle_gives_zero_premium(ulong uusd)
    {
        var (asset, _) = _f.NewPool();
        _f.FeedPrice(asset, "100");
        _f.NewPair(asset, uusd, 1);
        _f.AdjustPremium(asset);
        Assert.Equal("0", Str(_f.PoolInfo(asset), "premium_rate"));
        Assert.Equal("0.002618", Str(_f.PoolInfo(asset), "short_reward_weight"));
    }

    /// <summary>
    /// The premium goes through the 9-decimal helpers: P = 1000000/3 = 333333.333333333333333333, O = 100000 →
    /// (t9(P) − O)/O = 233333.333333333 / 100000 = 2.33333333333333 (not …333333); above 7% → weight 0.4.
    /// </summary>
    [Fact]
    public void Premium_uses_nine_decimal_truncation()
    {
        var (asset, _) = _f.NewPool();
        _f.FeedPrice(asset, "100000");
        _f.NewPair(asset, 1_000_000, 3);
        _f.AdjustPremium(asset);
        Assert.Equal("2.33333333333333", Str(_f.PoolInfo(asset), "premium_rate"));
        Assert.Equal("0.4", Str(_f.PoolInfo(asset), "short_reward_weight"));
    }

    /// <summary>An empty asset side divides by 1: a pair holding 100 uusd and no asset prices the asset at 100.</summary>
    [Fact]
    public void Empty_asset_side_uses_denominator_one()
    {
        var (asset, _) = _f.NewPool();
        _f.FeedPrice(asset, "50");
        var (pair, _) = _f.NewPair(asset, 0, 0);
        _f.App.Mint(pair, new Coin(Uusd, 100));
        _f.AdjustPremium(asset);
        Assert.Equal("1", Str(_f.PoolInfo(asset), "premium_rate"));
        Assert.Equal("0.4", Str(_f.PoolInfo(asset), "short_reward_weight"));
    }

    /// <summary>One asset failing the interval check aborts the whole batch (the earlier asset is not updated either).</summary>
    [Fact]
    public void A_failing_asset_aborts_the_batch()
    {
        var (a, _) = _f.NewPool("MAPPL");
        var (b, _) = _f.NewPool("MGOGL");
        _f.FeedPrice(a, "100");
        _f.FeedPrice(b, "100");
        _f.NewPair(a, 102, 1);
        _f.NewPair(b, 100, 1);
        _f.AdjustPremium(b);
        _f.App.AdvanceTime(10);
        Assert.Equal(Generic("cannot adjust premium before premium_min_update_interval passed"),
            Support.Fail.Execute(() => _f.AdjustPremium(a, b)));
        Assert.Equal("0", Str(_f.PoolInfo(a), "premium_rate"));
        Assert.Equal(0UL, _f.PoolInfo(a).GetProperty("premium_updated_time").GetUInt64());

        _f.AdjustPremium(a);
        Assert.Equal("0.02", Str(_f.PoolInfo(a), "premium_rate"));
        Assert.Equal("0.2", Str(_f.PoolInfo(a), "short_reward_weight"));
    }

    [Fact]
    public void Unregistered_pool_or_missing_pair_or_oracle_entry_fail()
    {
        var unknown = _f.NewToken("UNKNOWN", Owner);
        Assert.Equal(Exec("mirror_staking::state::PoolInfo not found"), Support.Fail.Execute(() => _f.AdjustPremium(unknown)));

        var (asset, _) = _f.NewPool();
        var noPair = Support.Fail.Execute(() => _f.AdjustPremium(asset));
        Assert.Equal(Exec("Generic error: Querier contract error: terraswap::asset::PairInfoRaw not found"), noPair);

        _f.NewPair(asset, 100, 1);
        Assert.Equal(Exec("Generic error: Querier contract error: mirror_oracle::state::PriceInfo not found"),
            Support.Fail.Execute(() => _f.AdjustPremium(asset)));
    }

    /// <summary>The weight set by adjust_premium splits the next deposit (premium 3% → 0.3365378: 336 of 1000 short).</summary>
    [Fact]
    public void Adjusted_weight_splits_deposits()
    {
        var (asset, _) = _f.NewPool();
        _f.SetPremium(asset, 3);
        Assert.Equal("0.03", Str(_f.PoolInfo(asset), "premium_rate"));
        Assert.Equal("0.3365378", Str(_f.PoolInfo(asset), "short_reward_weight"));
        _f.DepositReward((asset, 1000));
        Assert.Equal("336", Str(_f.PoolInfo(asset), "short_pending_reward"));
        Assert.Equal("664", Str(_f.PoolInfo(asset), "pending_reward"));
    }
}
