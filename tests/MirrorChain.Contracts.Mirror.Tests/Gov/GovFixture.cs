namespace MirrorChain.Contracts.Mirror.Tests.Gov;

/// <summary>
/// mirror_gov with the common setup of upstream contracts/mirror_gov/src/testing/tests.rs, through the real runtime and
/// a real cw20 MIR token: default poll 10_000_000_000 / 10000 s / 30% / 50%; migration 20_000_000_000 / 20000 s / 40% /
/// 60%; auth_admin 30_000_000_000 / 30000 s / 50% / 70%; effective_delay 10000; snapshot_period 10; poll_gas_limit
/// 4_000_000; voter_weight 0 unless given. The admin_manager and poll targets are <see cref="RecorderContract"/>s.
/// Where the upstream tests set the gov MIR balance with a mock, these tests reach the same balance for real (deposits,
/// stakes, and plain MIR transfers to gov with <see cref="Fund"/>).
/// </summary>
internal sealed class GovFixture
{
    public const ulong D = 10_000_000_000;
    public const ulong MigrationDeposit = 20_000_000_000;
    public const ulong AuthAdminDeposit = 30_000_000_000;
    public const ulong VotingPeriod = 10000;
    public const ulong EffectiveDelay = 10000;
    public const ulong SnapshotPeriod = 10;
    public const ulong PollGasLimit = 4_000_000;
    public static readonly UInt128 InitialBalance = 1_000_000_000_000_000;

    public static readonly Address Owner = TestAddress.Of("owner0000");
    public static readonly Address Creator = TestAddress.Of("creator");
    public static readonly Address Voter1 = TestAddress.Of("voter1");
    public static readonly Address Voter2 = TestAddress.Of("voter2");
    public static readonly Address Voter3 = TestAddress.Of("voter3");
    public static readonly Address Funder = TestAddress.Of("funder");
    public static readonly Address[] Holders = [Owner, Creator, Voter1, Voter2, Voter3, Funder];

    public GovFixture(string voterWeight = "0", ulong startTime = 0, string? quorum = null, string? threshold = null)
    {
        App = new ContractTestApp(TestCodes.Registry((RecorderContract.CodeId, new RecorderContract())));
        App.SetTime(startTime);
        Mir = App.Instantiate(CodeIds.Cw20Base, Owner,
            Cw20Token.InstantiateJson("Mirror Token", "MIR", minter: null, [.. Holders.Select(h => (h, InitialBalance))]), label: "MIR");
        AdminManager = App.Instantiate(RecorderContract.CodeId, Owner, "{}", label: "admin_manager");
        Target = App.Instantiate(RecorderContract.CodeId, Owner, "{}", label: "target");
        Gov = App.Instantiate(CodeIds.MirrorGov, Owner, InstantiateJson(Mir, AdminManager, voterWeight, quorum ?? "0.3", threshold ?? "0.5"), label: "gov");
    }

    public ContractTestApp App { get; }
    public Address Mir { get; }
    public Address Gov { get; }
    public Address AdminManager { get; }
    public Address Target { get; }

    public static string InstantiateJson(Address mir, Address adminManager, string voterWeight = "0", string quorum = "0.3", string threshold = "0.5") => $$$"""
        {"mirror_token":"{{{mir}}}","effective_delay":{{{EffectiveDelay}}},
         "default_poll_config":{"proposal_deposit":"{{{D}}}","voting_period":{{{VotingPeriod}}},"quorum":"{{{quorum}}}","threshold":"{{{threshold}}}"},
         "migration_poll_config":{"proposal_deposit":"{{{MigrationDeposit}}}","voting_period":20000,"quorum":"0.4","threshold":"0.6"},
         "auth_admin_poll_config":{"proposal_deposit":"{{{AuthAdminDeposit}}}","voting_period":30000,"quorum":"0.5","threshold":"0.7"},
         "voter_weight":"{{{voterWeight}}}","snapshot_period":{{{SnapshotPeriod}}},"admin_manager":"{{{adminManager}}}","poll_gas_limit":{{{PollGasLimit}}}}
        """;

    public static string B64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    /// <summary>A MIR <c>send</c> to gov carrying <paramref name="hookJson"/>.</summary>
    public AppResponse Send(Address from, UInt128 amount, string hookJson) =>
        App.Execute(from, Mir, $$$"""{"send":{"contract":"{{{Gov}}}","amount":"{{{amount}}}","msg":"{{{B64(hookJson)}}}"}}""");

    public AppResponse Stake(Address from, UInt128 amount) => Send(from, amount, """{"stake_voting_tokens":{}}""");

    public AppResponse DepositReward(UInt128 amount, Address? from = null) => Send(from ?? Funder, amount, """{"deposit_reward":{}}""");

    /// <summary>create_poll; <paramref name="executeMsg"/> and <paramref name="adminAction"/> are raw JSON.</summary>
    public AppResponse CreatePoll(UInt128 deposit, Address? creator = null, string title = "test", string description = "test",
        string? link = null, string? executeMsg = null, string? adminAction = null)
    {
        var fields = new List<string> { $"\"title\":{JsonSerializer.Serialize(title)}", $"\"description\":{JsonSerializer.Serialize(description)}" };
        if (link is not null)
        {
            fields.Add($"\"link\":{JsonSerializer.Serialize(link)}");
        }
        if (executeMsg is not null)
        {
            fields.Add($"\"execute_msg\":{executeMsg}");
        }
        if (adminAction is not null)
        {
            fields.Add($"\"admin_action\":{adminAction}");
        }
        return Send(creator ?? Creator, deposit, $"{{\"create_poll\":{{{string.Join(",", fields)}}}}}");
    }

    /// <summary>The execute_msg JSON <c>{"contract","msg"}</c> with <paramref name="msgJson"/> base64-encoded.</summary>
    public static string ExecuteMsg(Address contract, string msgJson) => $$$"""{"contract":"{{{contract}}}","msg":"{{{B64(msgJson)}}}"}""";

    /// <summary>A plain MIR transfer to gov (no hook): raises the balance the way the upstream mocks set it.</summary>
    public void Fund(UInt128 amount) =>
        App.Execute(Funder, Mir, $$$"""{"transfer":{"recipient":"{{{Gov}}}","amount":"{{{amount}}}"}}""");

    public AppResponse Vote(Address voter, ulong pollId, string vote, UInt128 amount) =>
        App.Execute(voter, Gov, $$$"""{"cast_vote":{"poll_id":{{{pollId}}},"vote":"{{{vote}}}","amount":"{{{amount}}}"}}""");

    /// <summary>Voter1 stakes <paramref name="votes"/> and votes them all yes on <paramref name="pollId"/>; at <paramref name="endAt"/> the poll is ended.</summary>
    public AppResponse PassByVoter1(ulong pollId, UInt128 votes, ulong endAt)
    {
        Stake(Voter1, votes);
        Vote(Voter1, pollId, "yes", votes);
        App.SetTime(endAt);
        return EndPoll(pollId);
    }

    /// <summary>At <paramref name="at"/>, anyone executes <paramref name="pollId"/>.</summary>
    public AppResponse ExecutePollAt(ulong pollId, ulong at)
    {
        App.SetTime(at);
        return ExecutePoll(pollId);
    }

    public AppResponse EndPoll(ulong pollId, Address? sender = null) => App.Execute(sender ?? Funder, Gov, $$$"""{"end_poll":{"poll_id":{{{pollId}}}}}""");

    public AppResponse ExecutePoll(ulong pollId, Address? sender = null) =>
        App.Execute(sender ?? Funder, Gov, $$$"""{"execute_poll":{"poll_id":{{{pollId}}}}}""");

    public AppResponse SnapshotPoll(ulong pollId) => App.Execute(Funder, Gov, $$$"""{"snapshot_poll":{"poll_id":{{{pollId}}}}}""");

    public AppResponse WithdrawTokens(Address user, UInt128? amount = null) =>
        App.Execute(user, Gov, amount is null ? """{"withdraw_voting_tokens":{}}""" : $$$"""{"withdraw_voting_tokens":{"amount":"{{{amount}}}"}}""");

    public AppResponse WithdrawRewards(Address user, ulong? pollId = null) =>
        App.Execute(user, Gov, pollId is null ? """{"withdraw_voting_rewards":{}}""" : $$$"""{"withdraw_voting_rewards":{"poll_id":{{{pollId}}}}}""");

    public AppResponse StakeRewards(Address user, ulong? pollId = null) =>
        App.Execute(user, Gov, pollId is null ? """{"stake_voting_rewards":{}}""" : $$$"""{"stake_voting_rewards":{"poll_id":{{{pollId}}}}}""");

    public UInt128 MirBalance(Address holder) =>
        UInt128.Parse(App.Query(Mir, $$$"""{"balance":{"address":"{{{holder}}}"}}""").GetProperty("balance").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    public UInt128 MirSupply() =>
        UInt128.Parse(App.Query(Mir, """{"token_info":{}}""").GetProperty("total_supply").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    public JsonElement Query(string json) => App.Query(Gov, json);

    public string State() => Query("""{"state":{}}""").GetRawText();

    public JsonElement Staker(Address who) => Query($$$"""{"staker":{"address":"{{{who}}}"}}""");

    public JsonElement Poll(ulong id) => Query($$$"""{"poll":{"poll_id":{{{id}}}}}""");

    public string Status(ulong id) => Poll(id).GetProperty("status").GetString()!;

    public string RecorderLast(Address recorder) => App.Query(recorder, """{"last":{}}""").GetRawText();

    public int RecorderCount(Address recorder) => App.Query(recorder, """{"count":{}}""").GetInt32();

    public static string StateJson(ulong pollCount, UInt128 totalShare, UInt128 totalDeposit, UInt128 pending) =>
        $$$"""{"poll_count":{{{pollCount}}},"total_share":"{{{totalShare}}}","total_deposit":"{{{totalDeposit}}}","pending_voting_rewards":"{{{pending}}}"}""";

    /// <summary>The gov <c>wasm</c> attributes of a response (the first wasm event), without _contract_address.</summary>
    public (string, string)[] GovAttributes(AppResponse res) =>
        res.Events.Where(e => e.Type == "wasm" && e.Attributes[0].Value == Gov.ToString())
            .SelectMany(e => e.Attributes.Skip(1)).Select(a => (a.Key, a.Value)).ToArray();

    /// <summary>The attributes of every wasm event emitted by <paramref name="contract"/>, event by event.</summary>
    public static (string, string)[][] EventsOf(AppResponse res, Address contract) =>
        res.Events.Where(e => e.Type == "wasm" && e.Attributes[0].Value == contract.ToString())
            .Select(e => e.Attributes.Skip(1).Select(a => (a.Key, a.Value)).ToArray()).ToArray();
}
