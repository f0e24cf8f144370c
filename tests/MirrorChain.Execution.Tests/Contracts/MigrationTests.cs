using MirrorChain.Contracts.Testing;

namespace MirrorChain.Execution.Tests.Contracts;

/// <summary>WasmMsg::Migrate, UpdateAdmin and ClearAdmin as wasmd runs them: admin only, atomic, events.</summary>
public sealed class MigrationTests
{
    private static readonly Address Alice = TestAddress.Of("alice");
    private readonly ContractTestApp _app = new(new ContractRegistry()
        .Register(CounterContract.CodeId, new CounterContract())
        .Register(CounterV2Contract.CodeId, new CounterV2Contract()));

    private Address NewCounter(long count = 0, Address? admin = null) =>
        _app.Instantiate(CounterContract.CodeId, Alice, $"{{\"count\":{count}}}", label: "counter", admin: admin);

    private long Count(Address c) => _app.Query(c, "{\"count\":{}}").GetProperty("count").GetInt64();

    private Tx.Proto.Cosmwasm.Wasm.V1.ContractInfo Info(Address c) => _app.Runtime.ContractInfo(_app.State, c)!;

    private static string Migrate(Address contract, ulong codeId, string msg, string variant = "migrate") =>
        $"{{\"{variant}\":{{\"contract\":\"{contract}\",\"code_id\":{codeId},\"msg\":{msg}}}}}";

    [Fact]
    public void The_wasm_admin_migrates_a_contract_to_a_new_code_which_runs_its_migrate_on_the_same_storage()
    {
        var manager = NewCounter();
        var target = NewCounter(5, admin: manager);
        var r = _app.Execute(Alice, manager, Migrate(target, CounterV2Contract.CodeId, "{\"count\":42}"));

        Assert.Equal(CounterV2Contract.CodeId, Info(target).CodeId);
        Assert.Equal(manager.ToString(), Info(target).Admin);
        Assert.Equal(42, Count(target));
        var migrate = Assert.Single(r.Events, e => e.Type == "migrate");
        Assert.Equal([("code_id", "8"), ("_contract_address", target.ToString())], migrate.Attributes.Select(a => (a.Key, a.Value)));
        Assert.Contains(r.Events, e => e.Type == "wasm" && e.Attributes.Any(a => a is { Key: "action", Value: "migrate" }));
        // the migrated contract now runs the new code
        _app.Execute(Alice, target, "{\"increment\":{}}");
        Assert.Equal(43, Count(target));
    }

    [Fact]
    public void Only_the_wasm_admin_may_migrate_and_a_contract_without_admin_is_immutable()
    {
        var manager = NewCounter();
        var stranger = NewCounter();
        var target = NewCounter(5, admin: manager);
        var e = Assert.Throws<SdkException>(() => _app.Execute(Alice, stranger, Migrate(target, CounterV2Contract.CodeId, "{\"count\":1}")));
        Assert.Equal(("sdk", 4u, "can not migrate: unauthorized"), (e.Error.Codespace, e.Error.Code, e.Log));

        var immutable = NewCounter(5);
        e = Assert.Throws<SdkException>(() => _app.Execute(Alice, manager, Migrate(immutable, CounterV2Contract.CodeId, "{\"count\":1}")));
        Assert.Equal("can not migrate: unauthorized", e.Log);
        Assert.Equal((CounterContract.CodeId, 5L), (Info(target).CodeId, Count(target)));
        Assert.Equal(CounterContract.CodeId, Info(immutable).CodeId);
    }

    [Fact]
    public void Migrating_to_a_code_without_a_migrate_entry_point_fails_like_a_wasm_without_the_export()
    {
        var manager = NewCounter();
        var target = NewCounter(5, admin: manager);
        _app.Execute(Alice, manager, Migrate(target, CounterV2Contract.CodeId, "{\"count\":6}"));

        var e = Assert.Throws<SdkException>(() => _app.Execute(Alice, manager, Migrate(target, CounterContract.CodeId, "{}")));
        Assert.Equal(("wasm", 11u), (e.Error.Codespace, e.Error.Code));
        Assert.Equal("Error calling the VM: Error resolving Wasm function: Missing export migrate: migrate wasm contract failed", e.Log);
        Assert.Equal(CounterV2Contract.CodeId, Info(target).CodeId);   // the code switch is reverted
    }

    [Fact]
    public void Migrating_to_an_unknown_code_is_not_found()
    {
        var manager = NewCounter();
        var target = NewCounter(5, admin: manager);
        var e = Assert.Throws<SdkException>(() => _app.Execute(Alice, manager, Migrate(target, 999, "{}")));
        Assert.Equal(("wasm", 8u, "no such code: 999: not found"), (e.Error.Codespace, e.Error.Code, e.Log));
    }

    [Fact]
    public void A_failing_migrate_reverts_the_code_switch_and_its_writes()
    {
        var manager = NewCounter();
        var target = NewCounter(5, admin: manager);
        var e = Assert.Throws<SdkException>(() => _app.Execute(Alice, manager, Migrate(target, CounterV2Contract.CodeId, "{\"fail\":{}}")));
        Assert.Equal("Generic error: refusing to migrate: migrate wasm contract failed", e.Log);
        Assert.Equal((CounterContract.CodeId, 5L), (Info(target).CodeId, Count(target)));

        // a message the migrate sends fails too: everything, the migrate's own writes included, is reverted
        e = Assert.Throws<SdkException>(() => _app.Execute(Alice, manager,
            Migrate(target, CounterV2Contract.CodeId, $"{{\"count\":7,\"then\":{{\"contract\":\"{target}\",\"msg\":{{\"fail\":{{}}}}}}}}")));
        Assert.Equal((CounterContract.CodeId, 5L), (Info(target).CodeId, Count(target)));
    }

    [Fact]
    public void A_failed_migration_caught_by_a_reply_is_reverted_alone()
    {
        var manager = NewCounter();
        var target = NewCounter(5, admin: manager);
        _app.Execute(Alice, manager, Migrate(target, CounterV2Contract.CodeId, "{\"fail\":{}}", "migrate_catch"));
        Assert.Equal((CounterContract.CodeId, 5L), (Info(target).CodeId, Count(target)));
        Assert.Equal(100, Count(manager));   // the caller's own write stays
        Assert.Contains("refusing to migrate", _app.Query(manager, "{\"last_reply\":{}}").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_wasm_admin_hands_on_or_clears_the_admin_and_no_one_else_may()
    {
        var manager = NewCounter();
        var heir = NewCounter();
        var target = NewCounter(5, admin: manager);

        var e = Assert.Throws<SdkException>(() => _app.Execute(Alice, heir, $"{{\"set_admin\":{{\"contract\":\"{target}\",\"admin\":\"{heir}\"}}}}"));
        Assert.Equal(("sdk", 4u, "can not modify contract: unauthorized"), (e.Error.Codespace, e.Error.Code, e.Log));

        var r = _app.Execute(Alice, manager, $"{{\"set_admin\":{{\"contract\":\"{target}\",\"admin\":\"{heir}\"}}}}");
        Assert.Equal(heir.ToString(), Info(target).Admin);
        var update = Assert.Single(r.Events, ev => ev.Type == "update_contract_admin");
        Assert.Equal([("_contract_address", target.ToString()), ("new_admin_address", heir.ToString())], update.Attributes.Select(a => (a.Key, a.Value)));
        Assert.Throws<SdkException>(() => _app.Execute(Alice, manager, Migrate(target, CounterV2Contract.CodeId, "{\"count\":1}")));

        _app.Execute(Alice, heir, $"{{\"clear_admin\":{{\"contract\":\"{target}\"}}}}");
        Assert.Equal("", Info(target).Admin);
        e = Assert.Throws<SdkException>(() => _app.Execute(Alice, heir, Migrate(target, CounterV2Contract.CodeId, "{\"count\":1}")));
        Assert.Equal("can not migrate: unauthorized", e.Log);
    }
}
