using static MirrorChain.Contracts.Mirror.Tests.Gov.GovFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Gov;

/// <summary>
/// MIR staking with shares (upstream <c>happy_days_withdraw_voting_tokens</c>, <c>…_all</c>,
/// <c>fails_withdraw_too_many_tokens</c>, <c>share_calculation</c>), locks (the largest vote of a poll in progress) and
/// the shares query; staked MIR is the gov balance less deposits and pending voter rewards.
/// </summary>
public sealed class StakingTests
{
    private readonly GovFixture _f = new();

    private (string, string)[] Withdrawn(UInt128 amount, string action = "withdraw") =>
        [("action", action), ("recipient", Voter1.ToString()), ("amount", amount.ToString())];

    private (string, string)[] Transfer(UInt128 amount) =>
        [("action", "transfer"), ("from", _f.Gov.ToString()), ("to", Voter1.ToString()), ("amount", amount.ToString())];

    [Fact]
    public void withdraw_an_amount_burns_rounded_down_shares_at_least_one()
    {
        Assert.Equal("11", _f.Stake(Voter1, 11).Attribute("share"));
        _f.Fund(11);
        var before = _f.MirBalance(Voter1);
        var res = _f.WithdrawTokens(Voter1, 11);
        Assert.Equal(Withdrawn(11), _f.GovAttributes(res));
        Assert.Equal([Transfer(11)], EventsOf(res, _f.Mir));
        Assert.Equal(before + 11, _f.MirBalance(Voter1));
        Assert.Equal(StateJson(0, 6, 0, 0), _f.State()); // floor(11·11/22) = 5 shares burned
        Assert.Equal("""{"balance":"11","share":"6","locked_balance":[],"withdrawable_polls":[],"pending_voting_rewards":"0"}""",
            _f.Staker(Voter1).GetRawText());
    }

    [Fact]
    public void Withdraw_without_an_amount_pays_the_whole_share_including_yield()
    {
        _f.Stake(Voter1, 11);
        _f.Fund(11);
        var res = _f.WithdrawTokens(Voter1);
        Assert.Equal(Withdrawn(22), _f.GovAttributes(res));
        Assert.Equal(StateJson(0, 0, 0, 0), _f.State());
        Assert.Equal(UInt128.Zero, _f.MirBalance(_f.Gov));
    }

    [Fact]
    public void withdraw_too_many_and_nothing_staked()
    {
        _f.Stake(Voter1, 10);
        Assert.Equal(Generic("User is trying to withdraw too many tokens."), Fail.Execute(() => _f.WithdrawTokens(Voter1, 11)));
        Assert.Equal(Generic("Nothing staked"), Fail.Execute(() => _f.WithdrawTokens(Voter2, 1)));
        Assert.Equal(Generic("Nothing staked"), Fail.Execute(() => _f.WithdrawTokens(Voter2)));
    }

    [Fact]
    public void A_tiny_withdrawal_still_burns_one_share()
    {
        _f.Stake(Voter1, 10);
        _f.Fund(990); // 1 share is worth 100
        _f.WithdrawTokens(Voter1, 1);
        Assert.Equal(StateJson(0, 9, 0, 0), _f.State());
        Assert.Equal("999", _f.Staker(Voter1).GetProperty("balance").GetString());
    }

    [Fact]
    public void share_calculation()
    {
        Assert.Equal("100", _f.Stake(Voter1, 100).Attribute("share"));
        _f.Fund(100);
        Assert.Equal((UInt128)200, _f.MirBalance(_f.Gov));
        Assert.Equal("50", _f.Stake(Voter1, 100).Attribute("share")); // bal 300, staked before 200
        Assert.Equal(Withdrawn(100), _f.GovAttributes(_f.WithdrawTokens(Voter1, 100)));
        Assert.Equal((UInt128)200, _f.MirBalance(_f.Gov));
        Assert.Equal("""{"balance":"200","share":"100","locked_balance":[],"withdrawable_polls":[],"pending_voting_rewards":"0"}""",
            _f.Staker(Voter1).GetRawText());
    }

    [Fact]
    public void Stake_of_zero_is_insufficient_funds()
    {
        // cw20-base itself refuses a zero send, so the hook is called as the token would call it.
        var hook = B64("""{"stake_voting_tokens":{}}""");
        Assert.Equal(Generic("Insufficient funds sent"), Fail.Execute(() =>
            _f.App.Execute(_f.Mir, _f.Gov, $$$"""{"receive":{"sender":"{{{Voter1}}}","amount":"0","msg":"{{{hook}}}"}}""")));
    }

    [Fact]
    public void Deposits_are_not_part_of_the_staked_pool()
    {
        _f.CreatePoll(D);
        _f.Stake(Voter1, 100);
        _f.Stake(Voter2, 100);
        Assert.Equal(StateJson(1, 200, D, 0), _f.State());
        Assert.Equal("100", _f.Staker(Voter2).GetProperty("balance").GetString());
    }

    [Fact]
    public void The_lock_is_the_largest_vote_over_polls_in_progress()
    {
        _f.CreatePoll(D);
        _f.CreatePoll(D);
        _f.Stake(Voter1, 100);
        _f.Vote(Voter1, 1, "yes", 60);
        _f.Vote(Voter1, 2, "no", 70);
        Assert.Equal(Generic("User is trying to withdraw too many tokens."), Fail.Execute(() => _f.WithdrawTokens(Voter1, 31)));
        _f.WithdrawTokens(Voter1, 30);
        Assert.Equal("70", _f.Staker(Voter1).GetProperty("share").GetString());
        // Without an amount, everything above the lock: 70 − 70 = 0 shares, a transfer of 0, which cw20 refuses.
        Assert.Equal("Invalid zero amount: execute wasm contract failed", Fail.Execute(() => _f.WithdrawTokens(Voter1)));
    }

    [Fact]
    public void Ended_polls_release_the_lock_and_drop_their_vote_records()
    {
        _f.CreatePoll(D);
        _f.Stake(Voter1, 100);
        _f.Vote(Voter1, 1, "yes", 100);
        Assert.Equal(Generic("User is trying to withdraw too many tokens."), Fail.Execute(() => _f.WithdrawTokens(Voter1, 1)));
        _f.App.SetTime(VotingPeriod);
        _f.EndPoll(1);
        Assert.Equal(Withdrawn(100), _f.GovAttributes(_f.WithdrawTokens(Voter1)));
        Assert.Equal("mirror_protocol::gov::VoterInfo not found: query wasm contract failed",
            Fail.Query(() => _f.Query($$$"""{"voter":{"poll_id":1,"address":"{{{Voter1}}}"}}""")));
        Assert.Equal("""{"voters":[]}""", _f.Query("""{"voters":{"poll_id":1}}""").GetRawText());
    }

    [Fact]
    public void Withdraw_when_nothing_is_staked_panics_on_the_division()
    {
        _f.Stake(Voter1, 10);
        _f.WithdrawTokens(Voter1);
        Assert.Equal("Error executing Wasm: Aborted: panicked at 'attempt to divide by zero': execute wasm contract failed",
            Fail.Execute(() => _f.WithdrawTokens(Voter1)));
    }

    [Fact]
    public void Shares_query_orders_by_canonical_address_and_paginates()
    {
        _f.Stake(Voter1, 10);
        _f.Stake(Voter2, 20);
        _f.Stake(Voter3, 30);
        var sorted = new[] { (Voter1, "10"), (Voter2, "20"), (Voter3, "30") }
            .OrderBy(s => s.Item1.ToArray(), Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b))).ToArray();
        string Items(IEnumerable<(MirrorChain.Core.Address, string)> items) =>
            "{\"stakers\":[" + string.Join(",", items.Select(i => $"{{\"staker\":\"{i.Item1}\",\"share\":\"{i.Item2}\"}}")) + "]}";

        Assert.Equal(Items(sorted.Reverse()), _f.Query("""{"shares":{}}""").GetRawText());
        Assert.Equal(Items(sorted), _f.Query("""{"shares":{"order_by":"asc"}}""").GetRawText());
        Assert.Equal(Items(sorted.Skip(1)), _f.Query($$$"""{"shares":{"order_by":"asc","start_after":"{{{sorted[0].Item1}}}"}}""").GetRawText());
        Assert.Equal(Items(sorted.Take(1)), _f.Query($$$"""{"shares":{"start_after":"{{{sorted[1].Item1}}}"}}""").GetRawText());
        Assert.Equal(Items(sorted.Reverse().Take(2)), _f.Query("""{"shares":{"limit":2}}""").GetRawText());
    }
}
