using static MirrorChain.Contracts.Mirror.Tests.Gov.GovFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Gov;

/// <summary>
/// end_poll (upstream <c>end_poll_zero_quorum</c>, <c>end_poll_quorum_rejected</c>,
/// <c>end_poll_quorum_rejected_noting_staked</c>, <c>end_poll_nay_rejected</c>), quorum (on the snapshot if taken) and
/// threshold boundaries, and the deposit refunded only when quorum is reached.
/// </summary>
public sealed class EndPollTests
{
    private readonly GovFixture _f = new();

    private (string, string)[] Ended(ulong pollId, string reason, bool passed) =>
        [("action", "end_poll"), ("poll_id", pollId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("rejected_reason", reason),
            ("passed", passed ? "true" : "false")];

    /// <summary>The deposit refund: the cw20 transfer event gov → creator.</summary>
    private (string, string)[] Refund(UInt128 amount) =>
        [("action", "transfer"), ("from", _f.Gov.ToString()), ("to", Creator.ToString()), ("amount", amount.ToString())];

    [Fact]
    public void Ending_before_the_end_time_is_refused_and_only_once()
    {
        _f.CreatePoll(D);
        _f.Stake(Voter1, 100);
        _f.Vote(Voter1, 1, "yes", 100);
        _f.App.SetTime(VotingPeriod - 1);
        Assert.Equal(Generic("Voting period has not expired"), Fail.Execute(() => _f.EndPoll(1)));
        _f.App.SetTime(VotingPeriod);
        _f.EndPoll(1);
        Assert.Equal(Generic("Poll is not in progress"), Fail.Execute(() => _f.EndPoll(1)));
        Assert.Equal("mirror_gov::state::Poll not found: execute wasm contract failed", Fail.Execute(() => _f.EndPoll(2)));
    }

    [Fact]
    public void zero_quorum_keeps_the_deposit_as_staker_yield()
    {
        _f.CreatePoll(D);
        _f.Stake(Voter1, 100);
        Assert.Equal((UInt128)(100 + D), _f.MirBalance(_f.Gov));
        _f.App.SetTime(VotingPeriod);
        var creatorBefore = _f.MirBalance(Creator);
        var res = _f.EndPoll(1);
        Assert.Equal(Ended(1, "Quorum not reached", false), _f.GovAttributes(res));
        Assert.Empty(EventsOf(res, _f.Mir));
        Assert.Equal(creatorBefore, _f.MirBalance(Creator));
        Assert.Equal(StateJson(1, 100, 0, 0), _f.State());
        Assert.Equal((100 + D).ToString(System.Globalization.CultureInfo.InvariantCulture), _f.Staker(Voter1).GetProperty("balance").GetString());
        Assert.Equal("100", _f.Poll(1).GetProperty("total_balance_at_end_poll").GetString());
    }

    [Fact]
    public void Poll_below_quorum_is_rejected_and_keeps_the_deposit()
    {
        _f.CreatePoll(D);
        _f.Stake(Voter1, 100);
        _f.Vote(Voter1, 1, "yes", 10);
        _f.App.SetTime(VotingPeriod);
        var res = _f.EndPoll(1);
        Assert.Equal(Ended(1, "Quorum not reached", false), _f.GovAttributes(res));
        Assert.Empty(EventsOf(res, _f.Mir));
        Assert.Equal("rejected", _f.Status(1));
    }

    [Fact]
    public void nothing_staked_is_quorum_not_reached()
    {
        _f.CreatePoll(D);
        _f.App.SetTime(VotingPeriod);
        var res = _f.EndPoll(1);
        Assert.Equal(Ended(1, "Quorum not reached", false), _f.GovAttributes(res));
        Assert.Equal("0", _f.Poll(1).GetProperty("total_balance_at_end_poll").GetString());
        Assert.Equal(StateJson(1, 0, 0, 0), _f.State());
    }

    [Fact]
    public void nay_rejected_refunds_the_deposit()
    {
        _f.CreatePoll(D);
        _f.Stake(Voter1, 100);
        _f.Stake(Voter2, 1000);
        Assert.Equal((UInt128)(1100 + D), _f.MirBalance(_f.Gov));
        _f.Vote(Voter2, 1, "no", 1000);
        _f.App.SetTime(VotingPeriod);
        var creatorBefore = _f.MirBalance(Creator);
        var res = _f.EndPoll(1);
        Assert.Equal(Ended(1, "Threshold not reached", false), _f.GovAttributes(res));
        Assert.Equal([Refund(D)], EventsOf(res, _f.Mir));
        Assert.Equal(creatorBefore + D, _f.MirBalance(Creator));
        Assert.Equal("rejected", _f.Status(1));
        Assert.Equal("1100", _f.Poll(1).GetProperty("total_balance_at_end_poll").GetString());
    }

    [Theory]
    [InlineData(300, "", true)] // 300/1000 = 0.3 = quorum: reached (>=)
    [InlineData(299, "Quorum not reached", false)]
    public void Quorum_exactly_at_the_target_is_reached(int yes, string reason, bool passed)
    {
        _f.CreatePoll(D);
        _f.Stake(Voter1, 1000);
        _f.Vote(Voter1, 1, "yes", (UInt128)yes);
        _f.App.SetTime(VotingPeriod);
        var res = _f.EndPoll(1);
        Assert.Equal(Ended(1, reason, passed), _f.GovAttributes(res));
        Assert.Equal(passed ? 1 : 0, EventsOf(res, _f.Mir).Length);
    }

    [Theory]
    [InlineData(500, 500, "Threshold not reached", false)] // a tie: 0.5 is not > 0.5
    [InlineData(501, 499, "", true)]
    [InlineData(0, 1000, "Threshold not reached", false)]
    public void Threshold_is_strictly_greater(int yes, int no, string reason, bool passed)
    {
        _f.CreatePoll(D);
        _f.Stake(Voter1, 1000);
        _f.Stake(Voter2, 1000);
        if (yes > 0)
        {
            _f.Vote(Voter1, 1, "yes", (UInt128)yes);
        }
        _f.Vote(Voter2, 1, "no", (UInt128)no);
        _f.App.SetTime(VotingPeriod);
        var res = _f.EndPoll(1);
        Assert.Equal(Ended(1, reason, passed), _f.GovAttributes(res));
        Assert.Equal([Refund(D)], EventsOf(res, _f.Mir)); // the quorum was reached either way
        Assert.Equal(passed ? "passed" : "rejected", _f.Status(1));
    }

    [Fact]
    public void Abstain_heavy_poll_counts_for_quorum_but_not_threshold()
    {
        _f.CreatePoll(D);
        _f.Stake(Voter1, 1000);
        _f.Stake(Voter2, 1000);
        _f.Vote(Voter1, 1, "abstain", 1000);
        _f.Vote(Voter2, 1, "yes", 10);
        _f.App.SetTime(VotingPeriod);
        Assert.Equal(Ended(1, "", true), _f.GovAttributes(_f.EndPoll(1))); // quorum 1010/2000, threshold 10/10

        _f.App.SetTime(2 * VotingPeriod);
        _f.CreatePoll(D);
        _f.Vote(Voter1, 2, "abstain", 1000);
        _f.App.SetTime(3 * VotingPeriod);
        var res = _f.EndPoll(2);
        Assert.Equal(Ended(2, "Threshold not reached", false), _f.GovAttributes(res)); // yes = 0
        Assert.Equal([Refund(D)], EventsOf(res, _f.Mir));
    }

    [Fact]
    public void Quorum_uses_the_snapshot_which_may_exceed_one()
    {
        _f.CreatePoll(D);
        _f.Stake(Voter1, 100);
        _f.App.SetTime(VotingPeriod - SnapshotPeriod);
        _f.SnapshotPoll(1); // staked_amount = 100
        _f.Stake(Voter2, 900);
        _f.Vote(Voter2, 1, "yes", 900);
        _f.App.SetTime(VotingPeriod);
        var res = _f.EndPoll(1);
        Assert.Equal(Ended(1, "", true), _f.GovAttributes(res)); // quorum 900/100 = 9
        Assert.Equal("100", _f.Poll(1).GetProperty("total_balance_at_end_poll").GetString());
    }

    [Fact]
    public void Targets_are_read_from_the_current_config_at_end()
    {
        _f.CreatePoll(D);
        _f.Stake(Voter1, 1000);
        _f.Vote(Voter1, 1, "yes", 300);
        _f.App.Execute(Owner, _f.Gov,
            """{"update_config":{"default_poll_config":{"proposal_deposit":"10000000000","voting_period":10000,"quorum":"0.31","threshold":"0.5"}}}""");
        _f.App.SetTime(VotingPeriod);
        Assert.Equal(Ended(1, "Quorum not reached", false), _f.GovAttributes(_f.EndPoll(1)));
    }

    [Fact]
    public void Staked_zero_with_shares_outstanding_panics_in_from_ratio()
    {
        // Every staked token is voted and then burned by a passed poll: total_share > 0 but nothing is staked.
        _f.App.SetTime(0);
        _f.CreatePoll(D, executeMsg: ExecuteMsg(_f.Mir, """{"burn":{"amount":"100"}}"""));
        _f.Stake(Voter1, 100);
        _f.Vote(Voter1, 1, "yes", 100);
        _f.CreatePoll(D);
        _f.App.SetTime(VotingPeriod);
        _f.EndPoll(1);
        _f.App.SetTime(VotingPeriod + EffectiveDelay);
        _f.ExecutePoll(1);
        Assert.Equal("executed", _f.Status(1));
        Assert.Equal("Error executing Wasm: Aborted: panicked at 'Denominator must not be zero': execute wasm contract failed",
            Fail.Execute(() => _f.EndPoll(2)));
    }
}
