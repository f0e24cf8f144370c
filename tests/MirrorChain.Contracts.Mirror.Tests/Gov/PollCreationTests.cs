using static MirrorChain.Contracts.Mirror.Tests.Gov.GovFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Gov;

/// <summary>
/// create_poll (upstream <c>happy_days_create_poll</c>, <c>fails_create_poll_invalid_deposit</c>,
/// <c>fails_create_poll_invalid_*</c>), the receive guards, the poll-type rules and the in-progress cap.
/// </summary>
public sealed class PollCreationTests
{
    private readonly GovFixture _f = new();

    [Fact]
    public void happy_days_create_poll()
    {
        _f.App.SetTime(10000);
        var res = _f.CreatePoll(D, executeMsg: ExecuteMsg(_f.Target, """{"burn":{"amount":"123"}}"""));
        Assert.Equal([("action", "create_poll"), ("creator", Creator.ToString()), ("poll_id", "1"), ("end_time", "20000")], _f.GovAttributes(res));
        Assert.Equal(StateJson(1, 0, D, 0), _f.State());
        Assert.Equal((UInt128)D, _f.MirBalance(_f.Gov));
        var burn = B64("{\"burn\":{\"amount\":\"123\"}}");
        Assert.Equal(
            $"{{\"id\":1,\"creator\":\"{Creator}\",\"status\":\"in_progress\",\"end_time\":20000,\"title\":\"test\",\"description\":\"test\",\"link\":null," +
            $"\"deposit_amount\":\"{D}\",\"execute_data\":{{\"contract\":\"{_f.Target}\",\"msg\":\"{burn}\"}}," +
            "\"yes_votes\":\"0\",\"no_votes\":\"0\",\"abstain_votes\":\"0\",\"total_balance_at_end_poll\":null,\"voters_reward\":\"0\",\"staked_amount\":null}",
            _f.Poll(1).GetRawText());
    }

    [Fact]
    public void deposit_below_proposal_deposit_fails_and_equal_or_more_is_kept()
    {
        Assert.Equal(Generic("Must deposit more than 10000000000 token"), Fail.Execute(() => _f.CreatePoll(D - 1)));
        _f.CreatePoll(D + 5);
        Assert.Equal(StateJson(1, 0, D + 5, 0), _f.State());
        Assert.Equal((D + 5).ToString(System.Globalization.CultureInfo.InvariantCulture), _f.Poll(1).GetProperty("deposit_amount").GetString());
    }

    [Fact]
    public void title_description_and_link_limits()
    {
        Assert.Equal(Generic("Title too short"), Fail.Execute(() => _f.CreatePoll(D, title: "a")));
        Assert.Equal(Generic("Title too long"), Fail.Execute(() => _f.CreatePoll(D, title: new string('0', 320))));
        Assert.Equal(Generic("Description too short"), Fail.Execute(() => _f.CreatePoll(D, description: "a")));
        Assert.Equal(Generic("Description too long"), Fail.Execute(() => _f.CreatePoll(D, description: new string('0', 320))));
        Assert.Equal(Generic("Link too short"), Fail.Execute(() => _f.CreatePoll(D, link: "http://hih")));
        Assert.Equal(Generic("Link too long"), Fail.Execute(() => _f.CreatePoll(D, link: new string('0', 320))));
        Assert.Equal(StateJson(0, 0, 0, 0), _f.State());
    }

    [Fact]
    public void Length_limits_are_inclusive_and_count_utf8_bytes()
    {
        _f.CreatePoll(D, title: new string('t', 4), description: new string('d', 4), link: new string('l', 12));
        _f.CreatePoll(D, title: new string('t', 64), description: new string('d', 256), link: new string('l', 128));
        Assert.Equal(Generic("Title too long"), Fail.Execute(() => _f.CreatePoll(D, title: new string('t', 65))));
        Assert.Equal(Generic("Description too long"), Fail.Execute(() => _f.CreatePoll(D, description: new string('d', 257))));
        Assert.Equal(Generic("Link too long"), Fail.Execute(() => _f.CreatePoll(D, link: new string('l', 129))));
        Assert.Equal(Generic("Link too short"), Fail.Execute(() => _f.CreatePoll(D, link: new string('l', 11))));
        // "éé" is 2 characters but 4 UTF-8 bytes: long enough; 33 × "é" is 66 bytes: too long.
        _f.CreatePoll(D, title: "éé");
        Assert.Equal(Generic("Title too long"), Fail.Execute(() => _f.CreatePoll(D, title: string.Concat(Enumerable.Repeat("é", 33)))));
        Assert.Equal("éé", _f.Poll(3).GetProperty("title").GetString());
        // The title is checked before the deposit.
        Assert.Equal(Generic("Title too short"), Fail.Execute(() => _f.CreatePoll(1, title: "a")));
    }

    [Fact]
    public void Receive_only_from_the_mir_token_and_only_known_hooks()
    {
        var other = _f.App.Instantiate(CodeIds.Cw20Base, Owner,
            $$$"""{"name":"Other","symbol":"OTH","decimals":6,"initial_balances":[{"address":"{{{Creator}}}","amount":"{{{D}}}"}],"mint":null}""");
        var hook = B64("""{"stake_voting_tokens":{}}""");
        Assert.Equal(Generic("unauthorized"), Fail.Execute(() =>
            _f.App.Execute(Creator, other, $$$"""{"send":{"contract":"{{{_f.Gov}}}","amount":"10","msg":"{{{hook}}}"}}""")));
        Assert.Equal(Generic("unauthorized"), Fail.Execute(() =>
            _f.App.Execute(Creator, _f.Gov, $$$"""{"receive":{"sender":"{{{Creator}}}","amount":"10","msg":"{{{hook}}}"}}""")));
        Assert.Equal(Generic("invalid cw20 hook message"), Fail.Execute(() => _f.Send(Creator, 10, """{"unknown":{}}""")));
        Assert.Equal(Generic("invalid cw20 hook message"), Fail.Execute(() => _f.Send(Creator, 10, "not json")));
        Assert.Equal(Generic("invalid cw20 hook message"), Fail.Execute(() => _f.Send(Creator, D, """{"create_poll":{"title":"test"}}""")));
        Assert.Equal(Generic("invalid cw20 hook message"), Fail.Execute(() =>
            _f.CreatePoll(D, executeMsg: $$$"""{"contract":"{{{_f.Target}}}","msg":"%%%"}""")));
        Assert.Equal(Generic("invalid cw20 hook message"), Fail.Execute(() => _f.CreatePoll(D, adminAction: """{"do_something":{}}""")));
        Assert.Equal(StateJson(0, 0, 0, 0), _f.State());
    }

    [Fact]
    public void Normal_polls_may_not_target_the_admin_manager_or_gov()
    {
        Assert.Equal(Generic("Can not make a normal pool targeting the admin_manager or gov contract"),
            Fail.Execute(() => _f.CreatePoll(D, executeMsg: ExecuteMsg(_f.AdminManager, "{}"))));
        Assert.Equal(Generic("Can not make a normal pool targeting the admin_manager or gov contract"),
            Fail.Execute(() => _f.CreatePoll(D, executeMsg: ExecuteMsg(_f.Gov, "{}"))));
        Assert.Equal(Generic("Can not make a poll with normal action and admin action"), Fail.Execute(() =>
            _f.CreatePoll(AuthAdminDeposit, executeMsg: ExecuteMsg(_f.Target, "{}"), adminAction: """{"update_owner":{"owner":"x"}}""")));
    }

    [Fact]
    public void Admin_polls_use_their_own_deposit_and_period()
    {
        _f.App.SetTime(1000);
        Assert.Equal(Generic("Must deposit more than 30000000000 token"),
            Fail.Execute(() => _f.CreatePoll(D, adminAction: """{"update_owner":{"owner":"someone"}}""")));
        Assert.Equal(Generic("Must deposit more than 30000000000 token"),
            Fail.Execute(() => _f.CreatePoll(MigrationDeposit, adminAction: """{"update_config":{"voter_weight":"0.1"}}""")));
        Assert.Equal(Generic("Must deposit more than 20000000000 token"),
            Fail.Execute(() => _f.CreatePoll(D, adminAction: """{"execute_migrations":{"migrations":[]}}""")));
        // The migration contracts are validated before the deposit.
        Assert.StartsWith("Generic error: addr_validate errored", Fail.Execute(() =>
            _f.CreatePoll(D, adminAction: """{"execute_migrations":{"migrations":[["contract0000",1,"e30="]]}}""")));

        var owner = _f.CreatePoll(AuthAdminDeposit, adminAction: """{"update_owner":{"owner":"someone"}}""");
        var migration = _f.CreatePoll(MigrationDeposit, adminAction: $$$"""{"execute_migrations":{"migrations":[["{{{_f.Target}}}",7,"e30="]]}}""");
        Assert.Equal("31000", owner.Attribute("end_time"));
        Assert.Equal("21000", migration.Attribute("end_time"));
        // v2.1.4's PollResponse has no admin_action.
        Assert.False(_f.Poll(1).TryGetProperty("admin_action", out _));
        Assert.Equal(StateJson(2, 0, AuthAdminDeposit + MigrationDeposit, 0), _f.State());
    }

    [Fact]
    public void At_most_51_default_and_61_admin_polls_can_be_in_progress()
    {
        for (var i = 0; i < 51; i++)
        {
            _f.CreatePoll(D);
        }
        Assert.Equal(Generic("Too many polls in progress"), Fail.Execute(() => _f.CreatePoll(D)));
        for (var i = 0; i < 10; i++)
        {
            _f.CreatePoll(AuthAdminDeposit, adminAction: """{"authorize_claim":{"authorized_addr":"x"}}""");
        }
        Assert.Equal(Generic("Too many polls in progress"),
            Fail.Execute(() => _f.CreatePoll(AuthAdminDeposit, adminAction: """{"authorize_claim":{"authorized_addr":"x"}}""")));
        Assert.Equal(Generic("Too many polls in progress"), Fail.Execute(() => _f.CreatePoll(MigrationDeposit,
            adminAction: """{"execute_migrations":{"migrations":[]}}""")));
        Assert.Equal(61, _f.Query("""{"state":{}}""").GetProperty("poll_count").GetInt32());

        // Ending one (no votes, no stake: rejected) frees a default slot only once 50 or fewer remain.
        _f.App.SetTime(_f.App.Seconds + VotingPeriod);
        _f.EndPoll(1);
        Assert.Equal(Generic("Too many polls in progress"), Fail.Execute(() => _f.CreatePoll(D)));
        _f.CreatePoll(AuthAdminDeposit, adminAction: """{"authorize_claim":{"authorized_addr":"x"}}""");
        Assert.Equal(Generic("Too many polls in progress"),
            Fail.Execute(() => _f.CreatePoll(AuthAdminDeposit, adminAction: """{"authorize_claim":{"authorized_addr":"x"}}""")));
    }

}
