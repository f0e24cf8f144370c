using static MirrorChain.Contracts.Mirror.Tests.Gov.GovFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Gov;

/// <summary>
/// deposit_reward, withdraw_voting_rewards, stake_voting_rewards (upstream <c>distribute_voting_rewards</c>,
/// <c>stake_voting_rewards</c>, <c>distribute_voting_rewards_only_to_polls_in_progress</c>) and the splits.
/// </summary>
public sealed class VoterRewardTests
{
    private readonly GovFixture _f = new(voterWeight: "0.5");

    /// <summary>
    /// distribute_voting_rewards' setup: poll 1, voter1 stakes 100 and votes yes 100, a reward of 100 arrives (50 for
    /// voters).
    /// </summary>
    private void VotedAndRewarded()
    {
        _f.CreatePoll(D);
        _f.Stake(Voter1, 100);
        _f.Vote(Voter1, 1, "yes", 100);
        var res = _f.DepositReward(100);
        Assert.Equal([("action", "deposit_reward"), ("amount", "100")], _f.GovAttributes(res));
        Assert.Equal("50", _f.Poll(1).GetProperty("voters_reward").GetString());
        Assert.Equal(StateJson(1, 100, D, 50), _f.State());
    }

    [Fact]
    public void distribute_voting_rewards()
    {
        VotedAndRewarded();
        Assert.Equal(Generic("Nothing to withdraw"), Fail.Execute(() => _f.WithdrawRewards(Voter1)));
        _f.App.SetTime(VotingPeriod);
        Assert.Equal("true", _f.EndPoll(1).Attribute("passed"));
        Assert.Equal("""{"balance":"150","share":"100","locked_balance":[],"withdrawable_polls":[[1,"50"]],"pending_voting_rewards":"50"}""",
            _f.Staker(Voter1).GetRawText());

        var before = _f.MirBalance(Voter1);
        var res = _f.WithdrawRewards(Voter1);
        Assert.Equal([("action", "withdraw_voting_rewards"), ("recipient", Voter1.ToString()), ("amount", "50")], _f.GovAttributes(res));
        Assert.Equal(before + 50, _f.MirBalance(Voter1));
        Assert.Equal("mirror_protocol::gov::VoterInfo not found: query wasm contract failed",
            Fail.Query(() => _f.Query($$$"""{"voter":{"poll_id":1,"address":"{{{Voter1}}}"}}""")));
        Assert.Equal(StateJson(1, 100, 0, 0), _f.State());
        Assert.Equal(Generic("Nothing to withdraw"), Fail.Execute(() => _f.WithdrawRewards(Voter1)));
    }

    [Fact]
    public void stake_voting_rewards()
    {
        VotedAndRewarded();
        _f.App.SetTime(VotingPeriod);
        _f.EndPoll(1);
        Assert.Equal((UInt128)200, _f.MirBalance(_f.Gov));
        var res = _f.StakeRewards(Voter1);
        Assert.Equal([("action", "stake_voting_rewards"), ("staker", Voter1.ToString()), ("share", "33"), ("amount", "50")], _f.GovAttributes(res));
        Assert.Empty(EventsOf(res, _f.Mir));
        Assert.Equal(Generic("Nothing to withdraw"), Fail.Execute(() => _f.StakeRewards(Voter1)));
        Assert.Equal("""{"balance":"200","share":"133","locked_balance":[],"withdrawable_polls":[],"pending_voting_rewards":"0"}""",
            _f.Staker(Voter1).GetRawText());
        Assert.Equal(StateJson(1, 133, 0, 0), _f.State());
    }

    [Fact]
    public void rewards_go_only_to_polls_in_progress()
    {
        _f.CreatePoll(D); // poll 1: ends at 10000
        _f.App.Execute(Owner, _f.Gov,
            """{"update_config":{"default_poll_config":{"proposal_deposit":"10000000000","voting_period":10,"quorum":"0.3","threshold":"0.5"}}}""");
        _f.CreatePoll(D); // poll 2: ends at 10
        _f.PassByVoter1(2, 100, 10);
        Assert.Equal("passed", _f.Status(2));
        _f.DepositReward(2_000_000_000);
        Assert.Equal("1000000000", _f.Poll(1).GetProperty("voters_reward").GetString());
        Assert.Equal("0", _f.Poll(2).GetProperty("voters_reward").GetString());
        Assert.Equal(StateJson(2, 100, D, 1_000_000_000), _f.State());
    }

    [Fact]
    public void Without_polls_in_progress_or_with_zero_weight_everything_goes_to_stakers()
    {
        _f.Stake(Voter1, 100);
        _f.DepositReward(100);
        Assert.Equal(StateJson(0, 100, 0, 0), _f.State());
        Assert.Equal("200", _f.Staker(Voter1).GetProperty("balance").GetString());

        var noWeight = new GovFixture();
        noWeight.CreatePoll(D);
        noWeight.Stake(Voter1, 100);
        noWeight.DepositReward(100);
        Assert.Equal("0", noWeight.Poll(1).GetProperty("voters_reward").GetString());
        Assert.Equal("200", noWeight.Staker(Voter1).GetProperty("balance").GetString());
    }

    [Fact]
    public void Rewards_are_split_pro_rata_across_the_voters_of_a_poll()
    {
        _f.CreatePoll(D);
        _f.Stake(Voter1, 100);
        _f.Stake(Voter2, 300);
        _f.Vote(Voter1, 1, "yes", 100);
        _f.DepositReward(1001); // voter rewards floor(1001 · 0.5) = 500
        _f.Vote(Voter2, 1, "no", 300); // votes after the deposit still share in it
        _f.App.SetTime(VotingPeriod);
        _f.EndPoll(1);
        Assert.Equal("[[1,\"125\"]]", _f.Staker(Voter1).GetProperty("withdrawable_polls").GetRawText());
        Assert.Equal("[[1,\"375\"]]", _f.Staker(Voter2).GetProperty("withdrawable_polls").GetRawText());
        Assert.Equal("125", _f.WithdrawRewards(Voter1, 1).Attribute("amount"));
        Assert.Equal("375", _f.WithdrawRewards(Voter2).Attribute("amount"));
        Assert.Equal(StateJson(1, 400, 0, 0), _f.State());
    }

    [Fact]
    public void Division_dust_stays_in_pending_forever()
    {
        _f.CreatePoll(D);
        _f.CreatePoll(D);
        _f.CreatePoll(D);
        _f.Stake(Voter1, 10);
        _f.Stake(Voter2, 10);
        _f.Stake(Voter3, 10);
        _f.Vote(Voter1, 1, "yes", 10);
        _f.Vote(Voter2, 1, "yes", 10);
        _f.Vote(Voter3, 1, "yes", 10);
        _f.DepositReward(201); // 100 for voters, 33 per poll, 100 pending
        Assert.Equal("33", _f.Poll(3).GetProperty("voters_reward").GetString());
        Assert.Equal(StateJson(3, 30, 3 * D, 100), _f.State());
        _f.App.SetTime(VotingPeriod);
        _f.EndPoll(1);
        foreach (var voter in new[] { Voter1, Voter2, Voter3 })
        {
            Assert.Equal("11", _f.WithdrawRewards(voter).Attribute("amount")); // floor(33 · 10 / 30)
        }
        Assert.Equal(StateJson(3, 30, 2 * D, 67), _f.State());
    }

    [Fact]
    public void Reward_deposited_is_too_small()
    {
        _f.CreatePoll(D);
        _f.CreatePoll(D);
        _f.CreatePoll(D);
        Assert.Equal(Generic("Reward deposited is too small"), Fail.Execute(() => _f.DepositReward(5))); // floor(2 / 3) = 0
        _f.DepositReward(6);
        Assert.Equal(StateJson(3, 0, 3 * D, 3), _f.State());
    }

    [Fact]
    public void Withdraw_for_one_poll_checks_the_poll()
    {
        _f.CreatePoll(D);
        _f.CreatePoll(D);
        _f.Stake(Voter1, 100);
        _f.Vote(Voter1, 1, "yes", 100);
        _f.Vote(Voter1, 2, "yes", 100);
        Assert.Equal(Generic("Nothing staked"), Fail.Execute(() => _f.WithdrawRewards(Voter2, 1)));
        Assert.Equal(Generic("Nothing staked"), Fail.Execute(() => _f.StakeRewards(Voter2)));
        Assert.Equal(Generic("This poll is still in progress"), Fail.Execute(() => _f.WithdrawRewards(Voter1, 1)));
        _f.App.SetTime(VotingPeriod);
        _f.EndPoll(1);
        Assert.Equal(Generic("This poll has no voting rewards"), Fail.Execute(() => _f.WithdrawRewards(Voter1, 1)));
        Assert.Equal("mirror_gov::state::Poll not found: execute wasm contract failed", Fail.Execute(() => _f.WithdrawRewards(Voter1, 7)));
        _f.Stake(Voter2, 1);
        Assert.Equal("mirror_protocol::gov::VoterInfo not found: execute wasm contract failed", Fail.Execute(() => _f.WithdrawRewards(Voter2, 1)));
    }

    [Fact]
    public void Rewards_of_one_poll_can_be_staked_while_another_stays_locked()
    {
        _f.CreatePoll(D);
        _f.Stake(Voter1, 100);
        _f.Vote(Voter1, 1, "yes", 100);
        _f.DepositReward(100); // 50 to poll 1
        _f.App.SetTime(VotingPeriod);
        _f.EndPoll(1);
        _f.CreatePoll(D);
        _f.Vote(Voter1, 2, "no", 10);
        var res = _f.StakeRewards(Voter1, 1);
        Assert.Equal("50", res.Attribute("amount"));
        Assert.Equal("[[2,{\"vote\":\"no\",\"balance\":\"10\"}]]", _f.Staker(Voter1).GetProperty("locked_balance").GetRawText());
    }

    [Fact]
    public void A_rewarded_poll_with_only_zero_votes_makes_reward_queries_panic_as_upstream()
    {
        // v2.1.4 divides by the poll's total votes without a guard (multiply_ratio panics on 0).
        _f.CreatePoll(D);
        _f.Stake(Voter1, 100);
        _f.Vote(Voter1, 1, "yes", 0);
        _f.DepositReward(100);
        _f.App.SetTime(VotingPeriod);
        _f.EndPoll(1);
        Assert.Equal("Error executing Wasm: Aborted: panicked at 'Denominator must not be zero': query wasm contract failed",
            Fail.Query(() => _f.Staker(Voter1)));
        Assert.Equal("Error executing Wasm: Aborted: panicked at 'Denominator must not be zero': execute wasm contract failed",
            Fail.Execute(() => _f.WithdrawRewards(Voter1)));
    }
}
