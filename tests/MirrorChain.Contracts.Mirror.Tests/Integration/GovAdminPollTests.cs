namespace MirrorChain.Contracts.Mirror.Tests.Integration;

/// <summary>
/// Mirror's admin polls on the devnet genesis: gov owns itself and the admin manager, so an <c>update_config</c> poll
/// reaches gov and every other admin action reaches the admin manager (the wasm admin of the protocol's contracts);
/// the validator's public key holds no power any more.
/// </summary>
public sealed class GovAdminPollTests
{
    private const ulong VotingPeriod = 30;      // the devnet profile's, for every poll type
    private const ulong EffectiveDelay = 10;
    private static readonly UInt128 Stake = 900_000_000_000;
    private static readonly string EmptyMsg = B64("{}");

    private readonly DevnetDeployment _d = new(r => r.Register(MigrationProbeContract.CodeId, new MigrationProbeContract()));

    private ContractTestApp App => _d.App;

    private static string B64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    private AppResponse SendToGov(string account, UInt128 amount, string hook) =>
        App.Execute(_d[account], _d["mirrorToken"], $$$"""{"send":{"contract":"{{{_d["gov"]}}}","amount":"{{{amount}}}","msg":"{{{B64(hook)}}}"}}""");

    private ulong CreatePoll(string adminAction, UInt128 deposit)
    {
        var r = SendToGov("test3", deposit, $$$"""{"create_poll":{"title":"admin","description":"admin action","admin_action":{{{adminAction}}}}}""");
        return ulong.Parse(r.Attribute("poll_id")!, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>test2 stakes and votes yes with all of it (100% turnout), the poll ends and is executed.</summary>
    private AppResponse PassAndExecute(string adminAction, UInt128 deposit)
    {
        SendToGov("test2", Stake, """{"stake_voting_tokens":{}}""");
        var id = CreatePoll(adminAction, deposit);
        App.Execute(_d["test2"], _d["gov"], $$$"""{"cast_vote":{"poll_id":{{{id}}},"vote":"yes","amount":"{{{Stake}}}"}}""");
        App.AdvanceTime((long)VotingPeriod + 1);
        var end = App.Execute(_d["test4"], _d["gov"], $$$"""{"end_poll":{"poll_id":{{{id}}}}}""");
        Assert.Equal("true", end.Attribute("passed"));
        App.AdvanceTime((long)EffectiveDelay);
        var executed = App.Execute(_d["test4"], _d["gov"], $$$"""{"execute_poll":{"poll_id":{{{id}}}}}""");
        Assert.Equal("execute_poll", executed.Attribute("action"));
        return executed;
    }

    private string PollStatus(ulong id) => App.Query(_d["gov"], $$$"""{"poll":{"poll_id":{{{id}}}}}""").GetProperty("status").GetString()!;

    private static UInt128 Deposit(JsonElement govConfig, string pollType) =>
        UInt128.Parse(govConfig.GetProperty(pollType).GetProperty("proposal_deposit").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    private JsonElement GovConfig => App.Query(_d["gov"], """{"config":{}}""");

    private ContractInfoView Info(string contract) => new(App.Runtime.ContractInfo(App.State, _d[contract])!);

    private sealed record ContractInfoView(Tx.Proto.Cosmwasm.Wasm.V1.ContractInfo Info)
    {
        public string Admin => Info.Admin;

        public ulong CodeId => Info.CodeId;
    }

    [Fact]
    public void Genesis_hands_gov_to_itself_and_the_admin_manager_to_gov()
    {
        var gov = GovConfig;
        Assert.Equal(_d["gov"].ToString(), gov.GetProperty("owner").GetString());
        Assert.Equal(_d["adminManager"].ToString(), gov.GetProperty("admin_manager").GetString());
        var manager = App.Query(_d["adminManager"], """{"config":{}}""");
        Assert.Equal(_d["gov"].ToString(), manager.GetProperty("owner").GetString());
        foreach (var contract in new[] { "gov", "factory", "mint", "oracle", "staking", "collector", "community", "collateralOracle", "lock", "shortReward", "mirrorToken", "terraswapFactory", "adminManager" })
        {
            Assert.Equal(_d["adminManager"].ToString(), Info(contract).Admin);
        }
    }

    [Fact]
    public void The_validator_key_can_no_longer_change_gov_or_use_the_admin_manager()
    {
        var direct = Assert.Throws<SdkException>(() =>
            App.Execute(_d["validator"], _d["gov"], """{"update_config":{"default_poll_config":{"proposal_deposit":"1","voting_period":1,"quorum":"0.000001","threshold":"0.000001"}}}"""));
        Assert.Contains("unauthorized", direct.Log, StringComparison.Ordinal);
        var migrate = Assert.Throws<SdkException>(() =>
            App.Execute(_d["validator"], _d["adminManager"], $$$"""{"execute_migrations":{"migrations":[["{{{_d["community"]}}}",{{{MigrationProbeContract.CodeId}}},"{{{EmptyMsg}}}"]]}}"""));
        Assert.Contains("Unauthorized", migrate.Log, StringComparison.Ordinal);
        var claim = Assert.Throws<SdkException>(() => App.Execute(_d["validator"], _d["adminManager"], $$$"""{"authorize_claim":{"authorized_addr":"{{{_d["validator"]}}}"}}"""));
        Assert.Contains("Unauthorized", claim.Log, StringComparison.Ordinal);
        Assert.Equal(19UL, Info("community").CodeId);
    }

    [Fact]
    public void An_update_config_poll_changes_gov_config()
    {
        var deposit = Deposit(GovConfig, "auth_admin_poll_config");
        PassAndExecute("""{"update_config":{"default_poll_config":{"proposal_deposit":"100000000","voting_period":45,"quorum":"0.1","threshold":"0.5"}}}""", deposit);

        var poll = GovConfig.GetProperty("default_poll_config");
        Assert.Equal(45UL, poll.GetProperty("voting_period").GetUInt64());
        Assert.Equal(_d["gov"].ToString(), GovConfig.GetProperty("owner").GetString());
        Assert.Equal("executed", PollStatus(1));
    }

    [Fact]
    public void An_authorize_claim_poll_lets_the_authorized_address_claim_a_contracts_wasm_admin_within_the_period()
    {
        var deposit = Deposit(GovConfig, "auth_admin_poll_config");
        PassAndExecute($$$"""{"authorize_claim":{"authorized_addr":"{{{_d["test5"]}}}"}}""", deposit);

        var records = App.Query(_d["adminManager"], """{"auth_records":{}}""").GetProperty("records");
        var record = Assert.Single(records.EnumerateArray());
        Assert.Equal(_d["test5"].ToString(), record.GetProperty("address").GetString());
        Assert.Equal(record.GetProperty("start_time").GetUInt64() + 600, record.GetProperty("end_time").GetUInt64());
        Assert.Equal("executed", PollStatus(1));

        // someone else cannot claim; test5 can, and then holds the community contract's wasm admin
        Assert.Contains("Unauthorized", Assert.Throws<SdkException>(() =>
            App.Execute(_d["test6"], _d["adminManager"], $$$"""{"claim_admin":{"contract":"{{{_d["community"]}}}"}}""")).Log, StringComparison.Ordinal);
        var claimed = App.Execute(_d["test5"], _d["adminManager"], $$$"""{"claim_admin":{"contract":"{{{_d["community"]}}}"}}""");
        Assert.Contains(claimed.Events, e => e.Type == "update_contract_admin" && e.Attributes.Any(a => a.Key == "new_admin_address" && a.Value == _d["test5"].ToString()));
        Assert.Equal(_d["test5"].ToString(), Info("community").Admin);

        // after the claim period the authorization is over
        App.AdvanceTime(601);
        Assert.Contains("Unauthorized", Assert.Throws<SdkException>(() =>
            App.Execute(_d["test5"], _d["adminManager"], $$$"""{"claim_admin":{"contract":"{{{_d["collector"]}}}"}}""")).Log, StringComparison.Ordinal);
        Assert.Equal(_d["adminManager"].ToString(), Info("collector").Admin);
    }

    [Fact]
    public void An_update_owner_poll_hands_the_admin_manager_on()
    {
        var deposit = Deposit(GovConfig, "auth_admin_poll_config");
        PassAndExecute($$$"""{"update_owner":{"owner":"{{{_d["community"]}}}"}}""", deposit);

        Assert.Equal(_d["community"].ToString(), App.Query(_d["adminManager"], """{"config":{}}""").GetProperty("owner").GetString());
        Assert.Equal("executed", PollStatus(1));
    }

    [Fact]
    public void An_execute_migrations_poll_migrates_a_contract_through_the_admin_manager()
    {
        var deposit = Deposit(GovConfig, "migration_poll_config");
        var msg = B64("""{"note":"to the probe"}""");
        PassAndExecute($$$"""{"execute_migrations":{"migrations":[["{{{_d["community"]}}}",{{{MigrationProbeContract.CodeId}}},"{{{msg}}}"]]}}""", deposit);

        Assert.Equal("executed", PollStatus(1));
        Assert.Equal(MigrationProbeContract.CodeId, Info("community").CodeId);
        Assert.Equal("to the probe", App.Query(_d["community"], """{"migrated_with":{}}""").GetProperty("note").GetString());
        var record = Assert.Single(App.Query(_d["adminManager"], """{"migration_records":{}}""").GetProperty("records").EnumerateArray());
        Assert.Equal(_d["gov"].ToString(), record.GetProperty("executor").GetString());
        var item = Assert.Single(record.GetProperty("migrations").EnumerateArray());
        Assert.Equal(_d["community"].ToString(), item.GetProperty("contract").GetString());
        Assert.Equal(MigrationProbeContract.CodeId, item.GetProperty("new_code_id").GetUInt64());
        Assert.Equal(msg, item.GetProperty("msg").GetString());
    }

    [Fact]
    public void A_migration_poll_whose_migrate_fails_is_marked_failed_and_changes_nothing()
    {
        var deposit = Deposit(GovConfig, "migration_poll_config");
        // the community code (19) has no migrate entry point: the whole migration reverts and the poll fails
        var executed = PassAndExecute($$$"""{"execute_migrations":{"migrations":[["{{{_d["collector"]}}}",{{{MigrationProbeContract.CodeId}}},"{{{EmptyMsg}}}"],["{{{_d["community"]}}}",19,"{{{EmptyMsg}}}"]]}}""", deposit);

        Assert.Contains(executed.WasmAttributes, a => a is ("action", "failed_poll"));
        Assert.Equal("failed", PollStatus(1));
        Assert.Equal(18UL, Info("collector").CodeId);
        Assert.Equal(19UL, Info("community").CodeId);
        Assert.Empty(App.Query(_d["adminManager"], """{"migration_records":{}}""").GetProperty("records").EnumerateArray());
    }
}
