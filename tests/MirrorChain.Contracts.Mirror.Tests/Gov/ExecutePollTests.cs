using static MirrorChain.Contracts.Mirror.Tests.Gov.GovFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Gov;

/// <summary>
/// execute_poll and the failed-poll reply (upstream <c>happy_days_end_poll</c>, <c>failed_execute_poll</c>,
/// <c>create_auth_admin_poll_config</c>, <c>create_migration_poll_config</c>), fast-track and admin polls; the poll is
/// marked executed before its message runs.
/// </summary>
public sealed class ExecutePollTests
{
    private const string Burn123 = """{"burn":{"amount":"123"}}""";

    private readonly GovFixture _f = new();

    /// <summary>The execute ran poll 1's message, which failed: the poll is marked failed.</summary>
    private void AssertPoll1Failed(AppResponse exec)
    {
        Assert.Equal([("action", "execute_poll"), ("poll_id", "1"), ("action", "failed_poll")], _f.GovAttributes(exec));
        Assert.Equal("failed", _f.Status(1));
    }

    /// <summary>
    /// happy_days_end_poll's setup: a poll at t=1000 (end 11000) burning 123 MIR; voter1 stakes 1000 and votes yes
    /// 1000.
    /// </summary>
    private void PassedBurnPoll(string executeMsgJson = Burn123)
    {
        _f.App.SetTime(1000);
        var res = _f.CreatePoll(D, executeMsg: ExecuteMsg(_f.Mir, executeMsgJson));
        Assert.Equal("11000", res.Attribute("end_time"));
        var stake = _f.Stake(Voter1, 1000);
        Assert.Equal("1000", stake.Attribute("share"));
        Assert.Equal((UInt128)(1000 + D), _f.MirBalance(_f.Gov));
        _f.Vote(Voter1, 1, "yes", 1000);
    }

    [Fact]
    public void happy_days_end_poll_and_execute_after_the_effective_delay()
    {
        PassedBurnPoll();
        Assert.Equal(Generic("Poll is not in passed status"), Fail.Execute(() => _f.ExecutePoll(1)));

        _f.App.SetTime(11000);
        var end = _f.EndPoll(1);
        Assert.Equal([("action", "end_poll"), ("poll_id", "1"), ("rejected_reason", ""), ("passed", "true")], _f.GovAttributes(end));
        Assert.Equal([[("action", "transfer"), ("from", _f.Gov.ToString()), ("to", Creator.ToString()), ("amount", D.ToString(System.Globalization.CultureInfo.InvariantCulture))]],
            EventsOf(end, _f.Mir));
        Assert.Equal(Generic("Effective delay has not expired"), Fail.Execute(() => _f.ExecutePoll(1)));
        _f.App.SetTime(21000 - 1);
        Assert.Equal(Generic("Effective delay has not expired"), Fail.Execute(() => _f.ExecutePoll(1)));

        _f.App.SetTime(21000);
        _f.Fund(123); // so that the burn leaves the upstream test's balance of 1000
        var supply = _f.MirSupply();
        var exec = _f.ExecutePoll(1);
        Assert.Equal([("action", "execute_poll"), ("poll_id", "1")], _f.GovAttributes(exec));
        Assert.Equal([[("action", "burn"), ("from", _f.Gov.ToString()), ("amount", "123")]], EventsOf(exec, _f.Mir));
        Assert.Equal(supply - 123, _f.MirSupply());
        Assert.Equal("executed", _f.Status(1));
        Assert.Equal((UInt128)1000, _f.MirBalance(_f.Gov));
        Assert.Equal("""{"balance":"1000","share":"1000","locked_balance":[],"withdrawable_polls":[],"pending_voting_rewards":"0"}""",
            _f.Staker(Voter1).GetRawText());
        Assert.Equal(Generic("Poll is not in passed status"), Fail.Execute(() => _f.ExecutePoll(1)));
    }

    [Fact]
    public void a_failing_message_marks_the_poll_failed_and_the_tx_succeeds()
    {
        PassedBurnPoll("""{"burn":{"amount":"1000000000000000000000"}}""");
        _f.App.SetTime(11000);
        _f.EndPoll(1);
        var exec = _f.ExecutePollAt(1, 21000);
        Assert.Equal([("action", "execute_poll"), ("poll_id", "1"), ("action", "failed_poll")], _f.GovAttributes(exec));
        Assert.Empty(EventsOf(exec, _f.Mir));
        Assert.Equal("failed", _f.Status(1));
        Assert.Equal((UInt128)1000, _f.MirBalance(_f.Gov));
        Assert.Equal("""[1]""", Ids("failed"));
        Assert.Equal("[]", Ids("executed"));
        Assert.Equal(Generic("Poll is not in passed status"), Fail.Execute(() => _f.ExecutePoll(1)));
    }

    /// <summary>
    /// Messages that once escaped the contract error model as a host exception (tx code 1) made every execute_poll
    /// fail, leaving the poll Passed forever; as contract errors they reach gov's reply_on_error and the poll fails.
    /// </summary>
    [Theory]
    [InlineData("oracle", """{"feed_price":{"prices":[["\ud800","1"]]}}""")]
    [InlineData("oracle", """{"feed_price":{"prices":null}}""")]
    [InlineData("oracle", """{"update_config":{"owner":"x\udc00"}}""")]
    [InlineData("mir", """{"transfer":{"recipient":"\ud800","amount":"1"}}""")]
    [InlineData("mir", """{"transfer":{"recipient":null,"amount":"1"}}""")]
    [InlineData("mir", """{"burn":{"amount":"1"},"x":"\udc00"}""")]
    [InlineData("mir", "\"not an object")]
    public void A_poll_whose_message_cannot_be_parsed_is_marked_failed(string target, string executeMsgJson)
    {
        var oracle = _f.App.Instantiate(CodeIds.MirrorOracle, Owner, $$$"""{"owner":"{{{_f.Gov}}}","base_asset":"uusd"}""", label: "oracle");
        _f.App.SetTime(1000);
        _f.CreatePoll(D, executeMsg: ExecuteMsg(target == "oracle" ? oracle : _f.Mir, executeMsgJson));
        _f.PassByVoter1(1, 1000, 11000);
        var exec = _f.ExecutePollAt(1, 21000);
        AssertPoll1Failed(exec);
        Assert.Equal("""[1]""", Ids("failed"));
    }

    [Fact]
    public void The_message_reaches_the_target_verbatim_with_gov_as_sender()
    {
        _f.App.SetTime(0);
        _f.CreatePoll(D, executeMsg: ExecuteMsg(_f.Target, """{"set_param":{"x":"1","y":[1,2]}}"""));
        _f.PassByVoter1(1, 10, VotingPeriod);
        var exec = _f.ExecutePollAt(1, VotingPeriod + EffectiveDelay);
        Assert.Equal([[("action", "recorded")]], EventsOf(exec, _f.Target));
        Assert.Equal("""{"set_param":{"x":"1","y":[1,2]}}""", _f.RecorderLast(_f.Target));
        Assert.Equal($"\"{_f.Gov}\"", _f.App.Query(_f.Target, """{"sender":{}}""").GetRawText());
    }

    [Fact]
    public void A_text_poll_has_nothing_to_execute()
    {
        _f.CreatePoll(D);
        _f.PassByVoter1(1, 10, VotingPeriod);
        _f.App.SetTime(VotingPeriod + EffectiveDelay);
        Assert.Equal(Generic("The poll does not have execute_data"), Fail.Execute(() => _f.ExecutePoll(1)));
        Assert.Equal("passed", _f.Status(1));
    }

    [Fact]
    public void auth_admin_poll_config()
    {
        _f.App.SetTime(1000);
        const string claim = """{"authorize_claim":{"authorized_addr":"someaddrr0000"}}""";
        Assert.Equal(Generic("Must deposit more than 30000000000 token"), Fail.Execute(() => _f.CreatePoll(D, adminAction: claim)));
        Assert.Equal(Generic("Can not make a poll with normal action and admin action"),
            Fail.Execute(() => _f.CreatePoll(AuthAdminDeposit, adminAction: claim, executeMsg: ExecuteMsg(_f.Target, Burn123))));
        var res = _f.CreatePoll(AuthAdminDeposit, adminAction: claim);
        Assert.Equal("31000", res.Attribute("end_time"));
        _f.Stake(Voter1, 1000);
        _f.Vote(Voter1, 1, "yes", 1000);
        _f.App.SetTime(30999);
        Assert.Equal(Generic("Voting period has not expired"), Fail.Execute(() => _f.EndPoll(1)));
        _f.App.SetTime(31000);
        var creatorBefore = _f.MirBalance(Creator);
        Assert.Equal("true", _f.EndPoll(1).Attribute("passed"));
        Assert.Equal(creatorBefore + AuthAdminDeposit, _f.MirBalance(Creator));
        Assert.Equal(Generic("Effective delay has not expired"), Fail.Execute(() => _f.ExecutePoll(1)));
        var exec = _f.ExecutePollAt(1, 41000);
        Assert.Equal([[("action", "recorded")]], EventsOf(exec, _f.AdminManager));
        Assert.Equal(claim, _f.RecorderLast(_f.AdminManager));
        Assert.Equal("executed", _f.Status(1));
    }

    [Fact]
    public void Auth_admin_polls_use_their_quorum_and_threshold()
    {
        _f.App.SetTime(0);
        _f.CreatePoll(AuthAdminDeposit, adminAction: """{"update_owner":{"owner":"newowner"}}""");
        _f.Stake(Voter1, 1000);
        _f.Stake(Voter2, 1000);
        _f.Vote(Voter1, 1, "yes", 700);
        _f.Vote(Voter2, 1, "no", 300); // quorum 1000/2000 = 0.5 (met), threshold 0.7 not > 0.7
        _f.App.SetTime(30000);
        Assert.Equal("Threshold not reached", _f.EndPoll(1).Attribute("rejected_reason"));
    }

    [Fact]
    public void migration_poll_is_fast_track()
    {
        _f.App.SetTime(1000);
        var contract = TestAddress.Of("contract0000");
        var migrations = $$$"""{"execute_migrations":{"migrations":[["{{{contract}}}",0,"e30="]]}}""";
        Assert.Equal(Generic("Must deposit more than 20000000000 token"), Fail.Execute(() => _f.CreatePoll(D, adminAction: migrations)));
        _f.CreatePoll(MigrationDeposit, adminAction: migrations);
        _f.Stake(Voter1, 1000);
        _f.Vote(Voter1, 1, "yes", 1000);

        var creatorBefore = _f.MirBalance(Creator);
        var end = _f.EndPoll(1); // at t=1000, long before end_time 21000
        Assert.Equal([("action", "end_poll"), ("poll_id", "1"), ("rejected_reason", ""), ("passed", "true")], _f.GovAttributes(end));
        Assert.Equal(creatorBefore + MigrationDeposit, _f.MirBalance(Creator));
        _f.ExecutePoll(1); // no effective delay
        Assert.Equal(migrations, _f.RecorderLast(_f.AdminManager));
        Assert.Equal("executed", _f.Status(1));
    }

    [Fact]
    public void A_failing_fast_track_poll_cannot_end_early_but_ends_normally_later()
    {
        _f.App.SetTime(0);
        _f.CreatePoll(MigrationDeposit, adminAction: $$$"""{"execute_migrations":{"migrations":[["{{{_f.Target}}}",3,"e30="]]}}""");
        _f.Stake(Voter1, 1000);
        _f.Vote(Voter1, 1, "yes", 399); // 0.399 < 0.4
        Assert.Equal(Generic("Fastrack poll has not reached the target quorum or threshold"), Fail.Execute(() => _f.EndPoll(1)));
        Assert.Equal("in_progress", _f.Status(1));
        _f.App.SetTime(20000);
        var end = _f.EndPoll(1);
        Assert.Equal("Quorum not reached", end.Attribute("rejected_reason"));
        Assert.Equal("rejected", _f.Status(1));
    }

    [Fact]
    public void An_update_config_admin_poll_executes_on_gov_itself()
    {
        // gov must own itself for this to work.
        _f.App.Execute(Owner, _f.Gov, $$$"""{"update_config":{"owner":"{{{_f.Gov}}}"}}""");
        _f.App.SetTime(0);
        _f.CreatePoll(AuthAdminDeposit, adminAction: """{"update_config":{"effective_delay":20000,"voter_weight":"0.01","snapshot_period":60}}""");
        _f.PassByVoter1(1, 1000, 30000);
        var exec = _f.ExecutePollAt(1, 40000);
        Assert.Equal([("action", "execute_poll"), ("poll_id", "1")], _f.GovAttributes(exec));
        var config = _f.Query("""{"config":{}}""");
        Assert.Equal(20000UL, config.GetProperty("effective_delay").GetUInt64());
        Assert.Equal("0.01", config.GetProperty("voter_weight").GetString());
        Assert.Equal(60UL, config.GetProperty("snapshot_period").GetUInt64());
        Assert.Equal(_f.Gov.ToString(), config.GetProperty("owner").GetString());
        Assert.Equal("executed", _f.Status(1));
    }

    [Fact]
    public void An_update_config_admin_poll_fails_when_gov_is_not_its_own_owner()
    {
        _f.App.SetTime(0);
        _f.CreatePoll(AuthAdminDeposit, adminAction: """{"update_config":{"effective_delay":20000}}""");
        _f.PassByVoter1(1, 1000, 30000);
        var exec = _f.ExecutePollAt(1, 40000);
        AssertPoll1Failed(exec);
        Assert.Equal(EffectiveDelay, _f.Query("""{"config":{}}""").GetProperty("effective_delay").GetUInt64());
    }

    [Fact]
    public void Other_admin_actions_go_to_the_admin_manager_verbatim()
    {
        _f.App.SetTime(0);
        _f.CreatePoll(AuthAdminDeposit, adminAction: """{"update_owner":{"owner":"x"}}""");
        _f.PassByVoter1(1, 1000, 30000);
        _f.App.SetTime(40000);
        _f.ExecutePoll(1);
        Assert.Equal("""{"update_owner":{"owner":"x"}}""", _f.RecorderLast(_f.AdminManager));
        Assert.Equal(1, _f.RecorderCount(_f.AdminManager));
        Assert.Equal("executed", _f.Status(1));
    }

    private string Ids(string status) =>
        "[" + string.Join(",", _f.Query($$$"""{"polls":{"filter":"{{{status}}}"}}""").GetProperty("polls").EnumerateArray()
            .Select(p => p.GetProperty("id").GetUInt64())) + "]";
}
