using MirrorChain.Contracts.Mirror.Gov;
using static MirrorChain.Contracts.Mirror.Tests.Gov.GovFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Gov;

/// <summary>
/// instantiate, update_config (the config errors of upstream <c>fails_create_poll_invalid_*</c> and
/// <c>update_config</c> in contracts/mirror_gov/src/testing/tests.rs), the polls query and admin-action serialisation.
/// </summary>
public sealed class ConfigAndQueryTests
{
    private readonly GovFixture _f = new();

    private static string PollConfigJson(ulong deposit, ulong period, string quorum, string threshold) =>
        $$$"""{"proposal_deposit":"{{{deposit}}}","voting_period":{{{period}}},"quorum":"{{{quorum}}}","threshold":"{{{threshold}}}"}""";

    private string ConfigJson(string owner, ulong delay, string defaultConfig, string migrationConfig, string authConfig, string voterWeight,
        ulong snapshotPeriod, string adminManager, ulong gasLimit) =>
        $"{{\"owner\":\"{owner}\",\"mirror_token\":\"{_f.Mir}\",\"effective_delay\":{delay},\"default_poll_config\":{defaultConfig}," +
        $"\"migration_poll_config\":{migrationConfig},\"auth_admin_poll_config\":{authConfig},\"voter_weight\":\"{voterWeight}\"," +
        $"\"snapshot_period\":{snapshotPeriod},\"admin_manager\":\"{adminManager}\",\"poll_gas_limit\":{gasLimit}}}";

    [Fact]
    public void Instantiate_stores_the_config_with_the_sender_as_owner()
    {
        Assert.Equal(ConfigJson(Owner.ToString(), 10000, PollConfigJson(D, 10000, "0.3", "0.5"), PollConfigJson(MigrationDeposit, 20000, "0.4", "0.6"),
                PollConfigJson(AuthAdminDeposit, 30000, "0.5", "0.7"), "0", 10, _f.AdminManager.ToString(), 4000000),
            _f.Query("""{"config":{}}""").GetRawText());
        Assert.Equal(StateJson(0, 0, 0, 0), _f.State());
    }

    [Theory]
    [InlineData("1.01", "0.5", "0", "quorum must be 0 to 1")]
    [InlineData("0.3", "1.01", "0", "threshold must be 0 to 1")]
    [InlineData("0.3", "0.5", "1", "voter_weight must be smaller than 1")]
    public void instantiate_rejects_bad_ratios(string quorum, string threshold, string voterWeight, string error)
    {
        var e = Assert.Throws<MirrorChain.Core.SdkException>(() =>
            _f.App.Instantiate(CodeIds.MirrorGov, Owner, InstantiateJson(_f.Mir, _f.AdminManager, voterWeight, quorum, threshold)));
        Assert.Equal($"Generic error: {error}: instantiate wasm contract failed", e.Log);
        // Exactly 1 is allowed for quorum and threshold.
        _f.App.Instantiate(CodeIds.MirrorGov, Owner, InstantiateJson(_f.Mir, _f.AdminManager, "0.99", "1", "1"));
    }

    [Fact]
    public void Update_config_is_owner_only_and_sets_every_field()
    {
        Assert.Equal(Generic("unauthorized"), Fail.Execute(() => _f.App.Execute(Voter1, _f.Gov, """{"update_config":{"effective_delay":1}}""")));
        var newOwner = TestAddress.Of("owner0001");
        var newManager = TestAddress.Of("admin0001");
        var res = _f.App.Execute(Owner, _f.Gov, $$$"""
            {"update_config":{"owner":"{{{newOwner}}}","effective_delay":20000,
             "default_poll_config":{{{PollConfigJson(123, 1, "0.1", "0.2")}}},
             "migration_poll_config":{{{PollConfigJson(456, 2, "0.3", "0.4")}}},
             "auth_admin_poll_config":{{{PollConfigJson(789, 3, "0.5", "0.6")}}},
             "voter_weight":"0.01","snapshot_period":60,"admin_manager":"{{{newManager}}}","poll_gas_limit":1000000}}
            """);
        Assert.Empty(_f.GovAttributes(res));
        Assert.Equal(ConfigJson(newOwner.ToString(), 20000, PollConfigJson(123, 1, "0.1", "0.2"), PollConfigJson(456, 2, "0.3", "0.4"),
                PollConfigJson(789, 3, "0.5", "0.6"), "0.01", 60, newManager.ToString(), 1000000),
            _f.Query("""{"config":{}}""").GetRawText());
        Assert.Equal(Generic("unauthorized"), Fail.Execute(() => _f.App.Execute(Owner, _f.Gov, """{"update_config":{}}""")));

        Assert.Equal(Generic("quorum must be 0 to 1"), Fail.Execute(() => _f.App.Execute(newOwner, _f.Gov,
            $$$"""{"update_config":{"migration_poll_config":{{{PollConfigJson(1, 1, "1.1", "0.5")}}}}}""")));
        Assert.Equal(Generic("threshold must be 0 to 1"), Fail.Execute(() => _f.App.Execute(newOwner, _f.Gov,
            $$$"""{"update_config":{"auth_admin_poll_config":{{{PollConfigJson(1, 1, "0.5", "1.1")}}}}}""")));
        Assert.Equal(Generic("voter_weight must be smaller than 1"),
            Fail.Execute(() => _f.App.Execute(newOwner, _f.Gov, """{"update_config":{"voter_weight":"1"}}""")));
    }

    [Fact]
    public void Polls_query_filters_orders_and_paginates()
    {
        for (var i = 0; i < 12; i++)
        {
            _f.CreatePoll(D);
        }
        _f.Stake(Voter1, 100);
        _f.Vote(Voter1, 3, "yes", 100);
        _f.Vote(Voter1, 5, "yes", 100);
        _f.App.SetTime(VotingPeriod);
        _f.EndPoll(3);
        _f.EndPoll(5);
        _f.EndPoll(7); // rejected

        Assert.Equal("12,11,10,9,8,7,6,5,4,3", Ids("""{"polls":{}}"""));
        Assert.Equal("1,2,3,4,5,6,7,8,9,10", Ids("""{"polls":{"order_by":"asc"}}"""));
        Assert.Equal("4,3,2,1", Ids("""{"polls":{"start_after":5}}"""));
        Assert.Equal("6,7", Ids("""{"polls":{"start_after":5,"order_by":"asc","limit":2}}"""));
        Assert.Equal("12,11,10,9,8,6,4,2,1", Ids("""{"polls":{"filter":"in_progress","limit":100}}"""));
        Assert.Equal("5,3", Ids("""{"polls":{"filter":"passed"}}"""));
        Assert.Equal("5", Ids("""{"polls":{"filter":"passed","start_after":3,"order_by":"asc"}}"""));
        Assert.Equal("7", Ids("""{"polls":{"filter":"rejected"}}"""));
        Assert.Equal("", Ids("""{"polls":{"filter":"expired"}}"""));
        Assert.Equal(12, _f.Query("""{"polls":{"limit":100}}""").GetProperty("polls").GetArrayLength());
    }

    [Fact]
    public void Polls_query_returns_at_most_30()
    {
        for (var i = 0; i < 31; i++)
        {
            _f.CreatePoll(D);
        }
        Assert.Equal(30, _f.Query("""{"polls":{"limit":100}}""").GetProperty("polls").GetArrayLength());
        Assert.Equal(10, _f.Query("""{"polls":{"filter":"in_progress"}}""").GetProperty("polls").GetArrayLength());
        Assert.StartsWith("Error parsing into type mirror_protocol::gov::QueryMsg: unknown variant `sideways`",
            Fail.Query(() => _f.Query("""{"polls":{"order_by":"sideways"}}""")));
    }

    [Fact]
    public void Admin_actions_serialise_as_serde_does()
    {
        var update = new PollAdminAction.UpdateConfig(new AdminConfigUpdate { EffectiveDelay = 20000, VoterWeight = Decimal.Percent(1) });
        Assert.Equal(
            "{\"update_config\":{\"owner\":null,\"effective_delay\":20000,\"default_poll_config\":null,\"migration_poll_config\":null," +
            "\"auth_admin_poll_config\":null,\"voter_weight\":\"0.01\",\"snapshot_period\":null,\"admin_manager\":null}}",
            Encoding.UTF8.GetString(update.ToJsonBytes()));
        var migrations = new PollAdminAction.ExecuteMigrations([new Migration("terra1x", 5, "e30=")]);
        Assert.Equal("""{"execute_migrations":{"migrations":[["terra1x",5,"e30="]]}}""", Encoding.UTF8.GetString(migrations.ToJsonBytes()));
        Assert.Equal("""{"update_owner":{"owner":"o"}}""", Encoding.UTF8.GetString(new PollAdminAction.UpdateOwner("o").ToJsonBytes()));
    }

    [Fact]
    public void Only_reply_id_1_is_handled()
    {
        // The runtime only replies with the ids gov sent (always 1), so the guard is exercised on the entry point itself.
        var env = new Env(new BlockInfo(1, new MirrorChain.Core.BlockTime(0, 0), "test"), _f.Gov);
        var e = Assert.Throws<ContractException>(() => new GovContract().Reply(null!, env, new Reply(2, null, null, "failed")));
        Assert.Equal("Generic error: reply id is invalid", e.Message);
    }

    private string Ids(string query) =>
        string.Join(",", _f.Query(query).GetProperty("polls").EnumerateArray().Select(p => p.GetProperty("id").GetUInt64()));
}
