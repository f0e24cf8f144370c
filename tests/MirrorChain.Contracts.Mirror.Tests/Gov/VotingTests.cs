using static MirrorChain.Contracts.Mirror.Tests.Gov.GovFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Gov;

/// <summary>
/// cast_vote and snapshot_poll (upstream <c>fails_cast_vote_not_enough_staked</c>, <c>happy_days_cast_vote</c>,
/// <c>fails_cast_vote_twice</c>, <c>snapshot_poll</c>, <c>happy_days_cast_vote_with_snapshot</c>,
/// <c>fails_end_poll_quorum_inflation_without_snapshot_poll</c>) and the time rules.
/// </summary>
public sealed class VotingTests
{
    private readonly GovFixture _f = new();

    [Fact]
    public void cannot_vote_more_than_the_staked_value()
    {
        _f.CreatePoll(D);
        _f.Stake(Voter1, 10);
        Assert.Equal(Generic("User does not have enough staked tokens."), Fail.Execute(() => _f.Vote(Voter1, 1, "yes", 11)));
        _f.Vote(Voter1, 1, "yes", 10);
        Assert.Equal("10", _f.Poll(1).GetProperty("yes_votes").GetString());
    }

    [Fact]
    public void happy_days_cast_vote_at_end_time_and_staker_view()
    {
        _f.CreatePoll(D);
        var stake = _f.Stake(Voter1, 11);
        Assert.Equal([("action", "staking"), ("sender", Voter1.ToString()), ("share", "11"), ("amount", "11")], _f.GovAttributes(stake));

        _f.App.SetTime(10000);
        var vote = _f.Vote(Voter1, 1, "yes", 10);
        Assert.Equal([("action", "cast_vote"), ("poll_id", "1"), ("amount", "10"), ("voter", Voter1.ToString()), ("vote_option", "yes")],
            _f.GovAttributes(vote));
        _f.Fund(11);
        Assert.Equal(
            """{"balance":"22","share":"11","locked_balance":[[1,{"vote":"yes","balance":"10"}]],"withdrawable_polls":[],"pending_voting_rewards":"0"}""",
            _f.Staker(Voter1).GetRawText());
        Assert.Equal($$$"""{"voters":[{"voter":"{{{Voter1}}}","vote":"yes","balance":"10"}]}""",
            _f.Query("""{"voters":{"poll_id":1}}""").GetRawText());
        Assert.Equal("""{"voters":[]}""", _f.Query($$$"""{"voters":{"poll_id":1,"start_after":"{{{Voter1}}}"}}""").GetRawText());
        Assert.Equal($$$"""{"voter":"{{{Voter1}}}","vote":"yes","balance":"10"}""",
            _f.Query($$$"""{"voter":{"poll_id":1,"address":"{{{Voter1}}}"}}""").GetRawText());
        // Voting at end_time is inside the snapshot window (0 < 10): the staked amount then (11) is recorded.
        Assert.Equal("11", _f.Poll(1).GetProperty("staked_amount").GetString());
        Assert.Equal("10", _f.Poll(1).GetProperty("yes_votes").GetString());
    }

    [Fact]
    public void one_vote_per_voter_and_only_existing_polls()
    {
        _f.CreatePoll(D);
        _f.Stake(Voter1, 11);
        _f.Vote(Voter1, 1, "yes", 1);
        Assert.Equal(Generic("User has already voted."), Fail.Execute(() => _f.Vote(Voter1, 1, "no", 1)));
        Assert.Equal(Generic("Poll does not exist"), Fail.Execute(() => _f.Vote(Voter1, 0, "yes", 1)));
        Assert.Equal(Generic("Poll does not exist"), Fail.Execute(() => _f.Vote(Voter1, 2, "yes", 1)));
        Assert.Equal("Generic error: Poll does not exist: query wasm contract failed", Fail.Query(() => _f.Poll(2)));
    }

    [Fact]
    public void Votes_after_end_time_or_on_ended_polls_are_refused()
    {
        _f.CreatePoll(D);
        _f.Stake(Voter1, 100);
        _f.App.SetTime(VotingPeriod + 1);
        Assert.Equal(Generic("Poll is not in progress"), Fail.Execute(() => _f.Vote(Voter1, 1, "yes", 1)));
        _f.EndPoll(1);
        Assert.Equal(Generic("Poll is not in progress"), Fail.Execute(() => _f.Vote(Voter1, 1, "yes", 1)));
    }

    [Fact]
    public void Abstain_and_no_votes_are_tallied_separately()
    {
        _f.CreatePoll(D);
        _f.Stake(Voter1, 100);
        _f.Stake(Voter2, 100);
        _f.Stake(Voter3, 100);
        _f.Vote(Voter1, 1, "yes", 10);
        _f.Vote(Voter2, 1, "no", 20);
        var res = _f.Vote(Voter3, 1, "abstain", 30);
        Assert.Equal("abstain", res.Attribute("vote_option"));
        var poll = _f.Poll(1);
        Assert.Equal(("10", "20", "30"), (poll.GetProperty("yes_votes").GetString(), poll.GetProperty("no_votes").GetString(), poll.GetProperty("abstain_votes").GetString()));
        Assert.StartsWith("Error parsing into type mirror_protocol::gov::ExecuteMsg: unknown variant `maybe`",
            Fail.Execute(() => _f.Vote(Voter1, 1, "maybe", 1)));
    }

    [Fact]
    public void The_same_stake_can_vote_on_several_polls()
    {
        _f.CreatePoll(D);
        _f.CreatePoll(D);
        _f.Stake(Voter1, 100);
        _f.Vote(Voter1, 1, "yes", 100);
        _f.Vote(Voter1, 2, "no", 100);
        Assert.Equal(
            """{"balance":"100","share":"100","locked_balance":[[1,{"vote":"yes","balance":"100"}],[2,{"vote":"no","balance":"100"}]],"withdrawable_polls":[],"pending_voting_rewards":"0"}""",
            _f.Staker(Voter1).GetRawText());
    }

    [Fact]
    public void Voting_with_nothing_staked_anywhere_panics_on_the_zero_total_share()
    {
        _f.CreatePoll(D);
        Assert.Equal(Panic("Denominator must not be zero"), Fail.Execute(() => _f.Vote(Voter1, 1, "yes", 0)));
    }

    [Fact]
    public void Snapshot_poll_only_in_the_last_snapshot_period_and_once()
    {
        _f.CreatePoll(D);
        _f.Stake(Voter1, 1000);
        Assert.Equal(Generic("Cannot snapshot at this time"), Fail.Execute(() => _f.SnapshotPoll(1)));
        _f.App.SetTime(VotingPeriod - SnapshotPeriod - 1);
        Assert.Equal(Generic("Cannot snapshot at this time"), Fail.Execute(() => _f.SnapshotPoll(1)));
        _f.App.SetTime(VotingPeriod - SnapshotPeriod);
        var res = _f.SnapshotPoll(1);
        Assert.Equal([("action", "snapshot_poll"), ("poll_id", "1"), ("staked_amount", "1000")], _f.GovAttributes(res));
        Assert.Equal("1000", _f.Poll(1).GetProperty("staked_amount").GetString());
        Assert.Equal(Generic("Snapshot has already occurred"), Fail.Execute(() => _f.SnapshotPoll(1)));
    }

    [Fact]
    public void Snapshot_after_end_time_panics_and_on_ended_polls_is_refused()
    {
        _f.CreatePoll(D);
        _f.Stake(Voter1, 1000);
        _f.App.SetTime(VotingPeriod + 1);
        Assert.Equal(Panic("attempt to subtract with overflow"), Fail.Execute(() => _f.SnapshotPoll(1)));
        _f.EndPoll(1);
        Assert.Equal(Generic("Poll is not in progress"), Fail.Execute(() => _f.SnapshotPoll(1)));
        Assert.Equal("mirror_gov::state::Poll not found: execute wasm contract failed",
            Fail.Execute(() => _f.SnapshotPoll(9)));
    }

    [Fact]
    public void happy_days_cast_vote_with_snapshot()
    {
        _f.CreatePoll(D);
        _f.Stake(Voter1, 11);
        _f.Vote(Voter1, 1, "yes", 10);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, _f.Poll(1).GetProperty("staked_amount").ValueKind);

        _f.Stake(Voter2, 11);
        _f.App.SetTime(VotingPeriod - 9);
        _f.Vote(Voter2, 1, "yes", 10);
        Assert.Equal("22", _f.Poll(1).GetProperty("staked_amount").GetString());

        _f.Stake(Voter3, 11);
        _f.App.SetTime(VotingPeriod - 8);
        _f.Vote(Voter3, 1, "yes", 10);
        Assert.Equal("22", _f.Poll(1).GetProperty("staked_amount").GetString());
    }

    [Fact]
    public void A_vote_exactly_snapshot_period_before_the_end_takes_no_snapshot()
    {
        _f.CreatePoll(D);
        _f.Stake(Voter1, 11);
        _f.App.SetTime(VotingPeriod - SnapshotPeriod);
        _f.Vote(Voter1, 1, "yes", 10);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, _f.Poll(1).GetProperty("staked_amount").ValueKind);
    }

    [Fact]
    public void quorum_inflation_without_snapshot_uses_the_stake_at_end()
    {
        _f.App.SetTime(1000);
        _f.CreatePoll(D);
        _f.Stake(Voter1, 1000);
        _f.Vote(Voter1, 1, "yes", 1000);
        _f.Stake(Voter2, 8000);
        _f.Fund(1000);
        Assert.Equal((UInt128)(10000 + D), _f.MirBalance(_f.Gov));
        _f.App.SetTime(10000);
        _f.Vote(Voter2, 1, "yes", 1000);
        _f.App.SetTime(11000);
        var res = _f.EndPoll(1);
        Assert.Equal([("action", "end_poll"), ("poll_id", "1"), ("rejected_reason", "Quorum not reached"), ("passed", "false")], _f.GovAttributes(res));
        Assert.Equal("10000", _f.Poll(1).GetProperty("total_balance_at_end_poll").GetString());
        Assert.Equal("rejected", _f.Status(1));
    }
}
