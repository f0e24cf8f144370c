using System.Text.Json;
using MirrorChain.Contracts.Testing;

namespace MirrorChain.Execution.Tests.Contracts;

public sealed class WasmGenesisTests
{
    private static readonly Address Deployer = TestAddress.Of("deployer");
    private static readonly BlockContext Genesis = new("mirrorchain-test-1", 0, BlockTime.ParseRfc3339("2026-01-01T00:00:00Z"));
    private readonly ContractRuntime _runtime = new(new ContractRegistry().Register(CounterContract.CodeId, new CounterContract()));

    private static JsonElement Wasm(string steps) => JsonDocument.Parse($"{{\"steps\":{steps}}}").RootElement;

    private long Count(IStateReader state, Address c) =>
        JsonDocument.Parse(_runtime.QuerySmart(state, Genesis, c, "{\"count\":{}}"u8.ToArray())).RootElement.GetProperty("count").GetInt64();

    [Fact]
    public void Steps_run_in_order_with_names_and_captured_addresses()
    {
        var state = new StateCache(new EmptyReader());
        var names = WasmGenesis.Apply(Wasm($$"""
            [
              { "instantiate": { "name": "a", "sender": "{{Deployer}}", "code_id": 7, "label": "first", "msg": { "count": 1 } } },
              { "execute": { "sender": "{{Deployer}}", "contract": "${a}", "msg": { "spawn": {} } } },
              { "query": { "name": "child", "contract": "${a}", "msg": { "last_reply": {} }, "path": "child" } },
              { "execute": { "sender": "{{Deployer}}", "contract": "${child}", "msg": { "increment": {} } } }
            ]
            """), state, _runtime, Genesis);

        Assert.Equal(["a", "child"], names.Select(n => n.Key));
        Assert.Equal(ContractKeys.ContractAddress(CounterContract.CodeId, 1), names[0].Value);
        Assert.Equal(ContractKeys.ContractAddress(CounterContract.CodeId, 2), names[1].Value);
        Assert.Equal(42, Count(state, names[1].Value));
        Assert.Equal(1, Count(state, names[0].Value));
    }

    [Fact]
    public void Update_admin_steps_hand_the_wasm_admin_on_and_only_the_admin_may()
    {
        var state = new StateCache(new EmptyReader());
        WasmGenesis.Apply(Wasm($$"""
            [
              { "instantiate": { "name": "a", "sender": "{{Deployer}}", "code_id": 7, "label": "first", "msg": { "count": 1 }, "admin": "{{Deployer}}" } },
              { "update_admin": { "sender": "{{Deployer}}", "contract": "${a}", "admin": "${a}" } }
            ]
            """), state, _runtime, Genesis);
        var a = ContractKeys.ContractAddress(CounterContract.CodeId, 1);
        Assert.Equal(a.ToString(), _runtime.ContractInfo(state, a)!.Admin);

        var refused = Assert.Throws<InvalidDataException>(() => WasmGenesis.Apply(Wasm($$"""
            [ { "update_admin": { "sender": "{{Deployer}}", "contract": "{{a}}", "admin": "" } } ]
            """), state, _runtime, Genesis));
        Assert.Equal("genesis wasm.steps[0] failed: can not modify contract: unauthorized", refused.Message);
    }

    [Fact]
    public void Execute_steps_capture_addresses_from_event_attributes()
    {
        var state = new StateCache(new EmptyReader());
        var names = WasmGenesis.Apply(Wasm($$"""
            [
              { "instantiate": { "name": "a", "sender": "{{Deployer}}", "code_id": 7, "label": "first", "msg": { "count": 1 } } },
              { "execute": { "sender": "{{Deployer}}", "contract": "${a}", "msg": { "spawn": {} },
                             "capture": [ { "name": "spawned", "attribute": "_contract_address" } ] } }
            ]
            """), state, _runtime, Genesis);
        // the first _contract_address among the spawn's events is the calling contract's own wasm event
        Assert.Equal(names[0].Value, names[1].Value);
        var missing = Assert.Throws<InvalidDataException>(() => WasmGenesis.Apply(Wasm($$"""
            [ { "instantiate": { "name": "b", "sender": "{{Deployer}}", "code_id": 7, "label": "x", "msg": { "count": 1 } } },
              { "execute": { "sender": "{{Deployer}}", "contract": "${b}", "msg": { "increment": {} }, "capture": [ { "name": "n", "attribute": "nope" } ] } } ]
            """), new StateCache(new EmptyReader()), _runtime, Genesis));
        Assert.Equal("genesis wasm.steps[1] failed: no event attribute \"nope\" to capture", missing.Message);
    }

    [Fact]
    public void A_failing_step_stops_genesis_naming_the_step_and_the_error()
    {
        var state = new StateCache(new EmptyReader());
        var e = Assert.Throws<InvalidDataException>(() => WasmGenesis.Apply(Wasm($$"""
            [
              { "instantiate": { "name": "a", "sender": "{{Deployer}}", "code_id": 7, "label": "x", "msg": { "count": 1 } } },
              { "execute": { "sender": "{{Deployer}}", "contract": "${a}", "msg": { "fail": {} } } }
            ]
            """), state, _runtime, Genesis));
        Assert.Equal("genesis wasm.steps[1] failed: Generic error: asked to fail: execute wasm contract failed", e.Message);
    }

    [Fact]
    public void An_unknown_reference_is_rejected()
    {
        var e = Assert.Throws<InvalidDataException>(() => WasmGenesis.Apply(Wasm($$"""
            [ { "execute": { "sender": "{{Deployer}}", "contract": "${nobody}", "msg": { "increment": {} } } } ]
            """), new StateCache(new EmptyReader()), _runtime, Genesis));
        Assert.Equal("genesis wasm.steps[0] refers to ${nobody}, which no earlier step defines", e.Message);
    }

    [Fact]
    public void No_wasm_section_deploys_nothing()
    {
        var state = new StateCache(new EmptyReader());
        Assert.Empty(WasmGenesis.Apply(JsonDocument.Parse("{}").RootElement, state, _runtime, Genesis));
        Assert.Equal(0, state.WriteCount);
    }
}
