using static MirrorChain.Contracts.Mirror.Tests.Staking.StakingFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Staking;

/// <summary>
/// deprecate_staking_token (upstream <c>test_deprecate</c> in contracts/mirror_staking/src/testing/: total_bond drops
/// to 0, old bonds earn only up to the index snapshot).
/// </summary>
public sealed class DeprecateTests
{
    private readonly StakingFixture _f = new();
    private readonly Address _asset;
    private readonly Address _oldLp;
    private readonly Address _newLp;

    public DeprecateTests()
    {
        (_asset, _oldLp) = _f.NewPool();
        _newLp = _f.NewToken("NEWLP", Owner, (Alice, Plenty), (Bob, Plenty));
        _f.SetPremium(_asset, 2); // weight 0.2 → 80:20
    }

    private string Item(string asset, string bond, string pending, bool isShort, string shouldMigrate) =>
        $$"""{"asset_token":"{{asset}}","bond_amount":"{{bond}}","pending_reward":"{{pending}}","is_short":{{(isShort ? "true" : "false")}},"should_migrate":{{shouldMigrate}}}""";

    private string Infos(Address staker, params string[] items) =>
        $$"""{"staker_addr":"{{staker}}","reward_infos":[{{string.Join(",", items)}}]}""";

    [Fact]
    public void Upstream_test_deprecate()
    {
        var a = _asset.ToString();
        _f.Bond(Alice, _oldLp, _asset, 100);
        _f.IncreaseShort(Alice, _asset, 200);
        _f.DepositReward((_asset, 100));

        var pool = _f.PoolInfo(_asset);
        AssertFields(pool, ("total_bond_amount", "100"), ("total_short_amount", "200"), ("reward_index", "0.8"),
            ("short_reward_index", "0.1"), ("short_pending_reward", "0"), ("migration_index_snapshot", "null"),
            ("migration_deprecated_staking_token", "null"));
        Assert.Equal(Infos(Alice, Item(a, "100", "80", false, "null"), Item(a, "200", "20", true, "null")), _f.RewardInfo(Alice).GetRawText());

        var r = _f.App.Execute(Owner, _f.Staking, $"{{\"deprecate_staking_token\":{{\"asset_token\":\"{_asset}\",\"new_staking_token\":\"{_newLp}\"}}}}");
        Assert.Equal(
            [("action", "depcrecate_staking_token"), ("asset_token", a), ("deprecated_staking_token", _oldLp.ToString()), ("new_staking_token", _newLp.ToString())],
            AttributesOf(r, _f.Staking));

        _f.DepositReward((_asset, 100));
        pool = _f.PoolInfo(_asset);
        AssertFields(pool, ("staking_token", _newLp.ToString()), ("total_bond_amount", "0"),
            ("total_short_amount", "200"), ("reward_index", "0.8"), ("short_reward_index", "0.2"),
            ("short_pending_reward", "0"), ("pending_reward", "80"), ("migration_index_snapshot", "0.8"),
            ("migration_deprecated_staking_token", _oldLp.ToString()));
        Assert.Equal(Infos(Alice, Item(a, "100", "80", false, "true"), Item(a, "200", "40", true, "null")), _f.RewardInfo(Alice).GetRawText());

        // bonding either token fails
        Assert.Equal(Generic($"The staking token for this asset has been migrated to {_newLp}"),
            Support.Fail.Execute(() => _f.Bond(Alice, _oldLp, _asset, 100)));
        Assert.Equal(Generic("The LP token for this asset has been deprecated, withdraw all your deprecated tokens to migrate your position"),
            Support.Fail.Execute(() => _f.Bond(Alice, _newLp, _asset, 100)));

        // unbonding returns the deprecated LP
        var before = _f.Cw20Balance(_oldLp, Alice);
        r = _f.Unbond(Alice, _asset, 100);
        Assert.Equal([(_f.Staking.ToString(), "unbond"), (_oldLp.ToString(), "transfer")], Actions(r));
        Assert.Equal(_oldLp.ToString(), r.Attribute("staking_token"));
        Assert.Equal(before + 100, _f.Cw20Balance(_oldLp, Alice));
        Assert.Equal("0", Str(_f.PoolInfo(_asset), "total_bond_amount"));
        Assert.Equal(Infos(Alice, Item(a, "0", "80", false, "null"), Item(a, "200", "40", true, "null")), _f.RewardInfo(Alice).GetRawText());

        // now the new token bonds, and the next deposit flushes the parked 80
        _f.Bond(Alice, _newLp, _asset, 100);
        _f.DepositReward((_asset, 100));
        Assert.Equal(Infos(Alice, Item(a, "100", "240", false, "null"), Item(a, "200", "60", true, "null")), _f.RewardInfo(Alice).GetRawText());
    }

    [Fact]
    public void Deprecate_is_owner_only_once_and_needs_a_pool()
    {
        var deprecate = $"{{\"deprecate_staking_token\":{{\"asset_token\":\"{_asset}\",\"new_staking_token\":\"{_newLp}\"}}}}";
        Assert.Equal(Generic("unauthorized"), Support.Fail.Execute(() => _f.App.Execute(Alice, _f.Staking, deprecate)));
        var unknown = _f.NewToken("UNKNOWN", Owner);
        Assert.Equal(Exec("mirror_staking::state::PoolInfo not found"), Support.Fail.Execute(() => _f.App.Execute(Owner, _f.Staking,
            $"{{\"deprecate_staking_token\":{{\"asset_token\":\"{unknown}\",\"new_staking_token\":\"{_newLp}\"}}}}")));
        _f.App.Execute(Owner, _f.Staking, deprecate);
        Assert.Equal(Generic("This asset LP token has already been migrated"), Support.Fail.Execute(() => _f.App.Execute(Owner, _f.Staking, deprecate)));
    }

    /// <summary>
    /// Old positions earn nothing after the snapshot (a withdraw pays up to it); a new staker is marked migrated at
    /// once and earns from the new token; partial unbonds of the old token keep should_migrate.
    /// </summary>
    [Fact]
    public void Old_positions_stop_at_the_snapshot_and_new_stakers_start_fresh()
    {
        var a = _asset.ToString();
        _f.Bond(Alice, _oldLp, _asset, 100);
        _f.DepositReward((_asset, 1000)); // LP 800 → index 8
        _f.App.Execute(Owner, _f.Staking, $"{{\"deprecate_staking_token\":{{\"asset_token\":\"{_asset}\",\"new_staking_token\":\"{_newLp}\"}}}}");

        _f.Bond(Bob, _newLp, _asset, 50);
        Assert.Equal(Infos(Bob, Item(a, "50", "0", false, "null")), _f.RewardInfo(Bob).GetRawText());
        _f.DepositReward((_asset, 1000)); // LP 800 over Bob's 50 → +16; 200 short parked
        Assert.Equal("24", Str(_f.PoolInfo(_asset), "reward_index"));
        Assert.Equal(Infos(Bob, Item(a, "50", "800", false, "null")), _f.RewardInfo(Bob).GetRawText());
        Assert.Equal(Infos(Alice, Item(a, "100", "800", false, "true")), _f.RewardInfo(Alice).GetRawText());

        // Alice withdraws at the snapshot: 800, and still must migrate
        Assert.Equal("800", _f.Withdraw(Alice).Attribute("amount"));
        _f.Unbond(Alice, _asset, 40);
        Assert.Equal(Infos(Alice, Item(a, "60", "0", false, "true")), _f.RewardInfo(Alice).GetRawText());
        Assert.Equal("50", Str(_f.PoolInfo(_asset), "total_bond_amount"));
        _f.Unbond(Alice, _asset, 60); // bond 0, pending 0: entry removed, marked migrated
        Assert.Equal(Infos(Alice), _f.RewardInfo(Alice).GetRawText());
        _f.Bond(Alice, _newLp, _asset, 50);
        _f.DepositReward((_asset, 1000)); // LP 800 over 100 → +8
        Assert.Equal(Infos(Alice, Item(a, "50", "400", false, "null")), _f.RewardInfo(Alice).GetRawText());
        Assert.Equal(Infos(Bob, Item(a, "50", "1200", false, "null")), _f.RewardInfo(Bob).GetRawText());
    }
}
