using MirrorChain.Contracts.Mirror.Tests.Integration;
using static MirrorChain.Contracts.Mirror.Tests.Support.Names;

namespace MirrorChain.Contracts.Mirror.Tests.AdminManager;

/// <summary>
/// mirror_admin_manager as upstream's tests (contracts/mirror_admin_manager/src/testing/tests.rs) check it, through
/// the real runtime: admin_claim_period 100, owner owner0000; the migrated and claimed contracts are real instances
/// whose wasm admin is the manager.
/// </summary>
public sealed class AdminManagerTests
{
    private static readonly Address Auth0 = TestAddress.Of("auth0000");
    private static readonly string EmptyMsg = Convert.ToBase64String("{}"u8.ToArray());

    private readonly ContractTestApp _app = new(TestCodes.Registry((MigrationProbeContract.CodeId, new MigrationProbeContract())));

    private readonly Address _manager;

    public AdminManagerTests()
    {
        _app.SetTime(1000);
        _manager = _app.Instantiate(CodeIds.MirrorAdminManager, Addr0, $$$"""{"owner":"{{{Owner}}}","admin_claim_period":100}""");
    }

    private Address NewManaged() => _app.Instantiate(MigrationProbeContract.CodeId, Addr0, "{}", admin: _manager);

    private JsonElement Query(string json) => _app.Query(_manager, json);

    private static void AssertUnauthorized(Action action) =>
        Assert.Equal("Unauthorized: execute wasm contract failed", Assert.Throws<SdkException>(action).Log);

    [Fact]
    public void Instantiate_stores_owner_and_claim_period()
    {
        Assert.Equal($$$"""{"owner":"{{{Owner}}}","admin_claim_period":100}""", Query("""{"config":{}}""").GetRawText());
    }

    [Fact]
    public void Update_owner_is_owner_only()
    {
        var owner1 = TestAddress.Of("owner0001");
        var msg = $$$"""{"update_owner":{"owner":"{{{owner1}}}"}}""";
        AssertUnauthorized(() => _app.Execute(Addr0, _manager, msg));
        var r = _app.Execute(Owner, _manager, msg);
        Assert.Equal([("_contract_address", _manager.ToString()), ("action", "update_owner")], r.WasmAttributes);
        Assert.Equal(owner1.ToString(), Query("""{"config":{}}""").GetProperty("owner").GetString());
        Assert.Equal(100UL, Query("""{"config":{}}""").GetProperty("admin_claim_period").GetUInt64());
    }

    [Fact]
    public void Execute_migrations_is_owner_only_migrates_each_contract_and_records_the_call()
    {
        var (c0, c1) = (NewManaged(), NewManaged());
        var msg = $$$"""{"execute_migrations":{"migrations":[["{{{c0}}}",{{{MigrationProbeContract.CodeId}}},"{{{EmptyMsg}}}"],["{{{c1}}}",{{{MigrationProbeContract.CodeId}}},"{{{EmptyMsg}}}"]]}}""";
        AssertUnauthorized(() => _app.Execute(Addr0, _manager, msg));

        var r = _app.Execute(Owner, _manager, msg);
        Assert.Equal([c0.ToString(), c1.ToString()], r.Events.Where(e => e.Type == "migrate").Select(e => e.Attributes.Single(a => a.Key == "_contract_address").Value));
        Assert.Equal(("action", "execute_migrations"), r.WasmAttributes[1]);
        Assert.Equal("{}", _app.Query(c0, "{\"migrated_with\":{}}").GetRawText());
        Assert.Equal(
            $$$"""{"records":[{"executor":"{{{Owner}}}","time":1000,"migrations":[{"contract":"{{{c0}}}","new_code_id":{{{MigrationProbeContract.CodeId}}},"msg":"{{{EmptyMsg}}}"},{"contract":"{{{c1}}}","new_code_id":{{{MigrationProbeContract.CodeId}}},"msg":"{{{EmptyMsg}}}"}]}]}""",
            Query("""{"migration_records":{"start_after":null,"limit":null}}""").GetRawText());
    }

    [Fact]
    public void Execute_migrations_of_a_contract_the_manager_does_not_administer_fails_whole()
    {
        var managed = NewManaged();
        var foreign = _app.Instantiate(MigrationProbeContract.CodeId, Addr0, "{}", admin: Addr0);
        var e = Assert.Throws<SdkException>(() => _app.Execute(Owner, _manager,
            $$$"""{"execute_migrations":{"migrations":[["{{{managed}}}",{{{MigrationProbeContract.CodeId}}},"{{{EmptyMsg}}}"],["{{{foreign}}}",{{{MigrationProbeContract.CodeId}}},"{{{EmptyMsg}}}"]]}}"""));
        Assert.Equal("can not migrate: unauthorized", e.Log);
        Assert.Equal("null", _app.Query(managed, "{\"migrated_with\":{}}").GetRawText());
        Assert.Empty(Query("""{"migration_records":{}}""").GetProperty("records").EnumerateArray());
    }

    [Fact]
    public void Authorize_claim_is_owner_only_and_records_the_claim_window()
    {
        var msg = $$$"""{"authorize_claim":{"authorized_addr":"{{{Auth0}}}"}}""";
        AssertUnauthorized(() => _app.Execute(Addr0, _manager, msg));
        _app.SetTime(10);
        var r = _app.Execute(Owner, _manager, msg);
        Assert.Equal([("action", "authorize_claim"), ("claim_start", "10"), ("claim_end", "110")], r.WasmAttributes.Skip(1));
        Assert.Equal($$$"""{"records":[{"address":"{{{Auth0}}}","start_time":10,"end_time":110}]}""", Query("""{"auth_records":{}}""").GetRawText());
    }

    [Fact]
    public void Claim_admin_works_for_the_authorized_address_until_the_claim_end_inclusive()
    {
        var contract = NewManaged();
        _app.SetTime(10);
        _app.Execute(Owner, _manager, $$$"""{"authorize_claim":{"authorized_addr":"{{{Auth0}}}"}}""");
        var msg = $$$"""{"claim_admin":{"contract":"{{{contract}}}"}}""";

        AssertUnauthorized(() => _app.Execute(Addr0, _manager, msg));
        _app.SetTime(111);
        AssertUnauthorized(() => _app.Execute(Auth0, _manager, msg));

        _app.SetTime(110);
        var r = _app.Execute(Auth0, _manager, msg);
        Assert.Equal([("action", "claim_admin"), ("contract", contract.ToString())], r.WasmAttributes.Skip(1));
        Assert.Equal(Auth0.ToString(), _app.Runtime.ContractInfo(_app.State, contract)!.Admin);
    }

    [Fact]
    public void Records_are_newest_first_and_page_by_time()
    {
        foreach (var (t, who) in new[] { (10UL, "auth0000"), (20UL, "auth0001"), (30UL, "auth0002") })
        {
            _app.SetTime(t);
            _app.Execute(Owner, _manager, $$$"""{"authorize_claim":{"authorized_addr":"{{{TestAddress.Of(who)}}}"}}""");
        }
        var all = Query("""{"auth_records":{}}""").GetProperty("records").EnumerateArray().Select(r => r.GetProperty("start_time").GetUInt64());
        Assert.Equal([30UL, 20UL, 10UL], all);
        var page = Assert.Single(Query("""{"auth_records":{"start_after":21,"limit":1}}""").GetProperty("records").EnumerateArray());
        Assert.Equal((TestAddress.Of("auth0001").ToString(), 20UL, 120UL),
            (page.GetProperty("address").GetString(), page.GetProperty("start_time").GetUInt64(), page.GetProperty("end_time").GetUInt64()));

        foreach (var t in new[] { 10UL, 20UL, 30UL })
        {
            _app.SetTime(t);
            _app.Execute(Owner, _manager, $$$"""{"execute_migrations":{"migrations":[["{{{NewManaged()}}}",{{{MigrationProbeContract.CodeId}}},"{{{EmptyMsg}}}"]]}}""");
        }
        Assert.Equal([30UL, 20UL, 10UL], Query("""{"migration_records":{}}""").GetProperty("records").EnumerateArray().Select(r => r.GetProperty("time").GetUInt64()));
        Assert.Equal(20UL, Assert.Single(Query("""{"migration_records":{"start_after":21,"limit":1}}""").GetProperty("records").EnumerateArray()).GetProperty("time").GetUInt64());
    }
}
