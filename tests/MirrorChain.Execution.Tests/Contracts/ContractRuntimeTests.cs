using MirrorChain.Contracts.Testing;

namespace MirrorChain.Execution.Tests.Contracts;

public sealed class ContractRuntimeTests
{
    private static readonly Address Alice = TestAddress.Of("alice");
    private readonly ContractTestApp _app = new(new ContractRegistry().Register(CounterContract.CodeId, new CounterContract()));

    private Address NewCounter(long count = 0) => _app.Instantiate(CounterContract.CodeId, Alice, $"{{\"count\":{count}}}", label: "counter");

    private long Count(Address c) => _app.Query(c, "{\"count\":{}}").GetProperty("count").GetInt64();

    [Fact]
    public void Instance_addresses_follow_wasmd_classic_derivation_and_are_32_bytes()
    {
        var first = NewCounter();
        var second = NewCounter();
        Assert.Equal(ContractKeys.ContractAddress(CounterContract.CodeId, 1), first);
        Assert.Equal(ContractKeys.ContractAddress(CounterContract.CodeId, 2), second);
        Assert.Equal(32, first.Bytes.Length);
        Assert.StartsWith("terra1", first.ToString(), StringComparison.Ordinal);
        Assert.Equal(58 + 6, first.ToString().Length);
        var info = _app.Runtime.ContractInfo(_app.State, first)!;
        Assert.Equal((CounterContract.CodeId, Alice.ToString(), "counter"), (info.CodeId, info.Creator, info.Label));
    }

    [Fact]
    public void Known_wasmd_address_vector_for_code_1_instance_1()
    {
        // wasmd BuildContractAddressClassic(1, 1): the first contract of the first code on every wasmd chain
        // (e.g. LocalTerra's first contract on Terra 2): terra14hj2tavq8fpesdwxxcu44rty3hh90vhujrvcmstl4zr3txmfvw9ssrc8au
        Assert.Equal("terra14hj2tavq8fpesdwxxcu44rty3hh90vhujrvcmstl4zr3txmfvw9ssrc8au", ContractKeys.ContractAddress(1, 1).ToString());
    }

    [Fact]
    public void Execute_writes_state_and_emits_execute_then_wasm_events()
    {
        var c = NewCounter(5);
        var r = _app.Execute(Alice, c, "{\"increment\":{}}");
        Assert.Equal(6, Count(c));
        Assert.Equal(["execute", "wasm"], r.Events.Select(e => e.Type));
        Assert.Equal([("_contract_address", c.ToString()), ("action", "increment"), ("count", "6")], r.WasmAttributes);
    }

    [Fact]
    public void A_contract_error_reverts_everything_and_reads_as_wasmd_execute_failure()
    {
        var c = NewCounter(5);
        var e = Assert.Throws<SdkException>(() => _app.Execute(Alice, c, "{\"fail\":{}}"));
        Assert.Equal((5u, "wasm"), (e.Error.Code, e.Error.Codespace));
        Assert.Equal("Generic error: asked to fail: execute wasm contract failed", e.Log);
        Assert.Equal(5, Count(c));
    }

    [Fact]
    public void A_failing_sub_message_without_reply_reverts_the_caller_too()
    {
        var a = NewCounter(1);
        var b = NewCounter(2);
        Assert.Throws<SdkException>(() => _app.Execute(Alice, a, $"{{\"call\":{{\"contract\":\"{b}\",\"msg\":{{\"fail\":{{}}}}}}}}"));
        Assert.Equal(1, Count(a));
        Assert.Equal(2, Count(b));
    }

    [Fact]
    public void Sub_messages_run_after_the_callers_writes_and_keep_their_own()
    {
        var a = NewCounter(1);
        var b = NewCounter(2);
        var r = _app.Execute(Alice, a, $"{{\"call\":{{\"contract\":\"{b}\",\"msg\":{{\"increment\":{{}}}}}}}}");
        Assert.Equal(101, Count(a));
        Assert.Equal(3, Count(b));
        Assert.Equal(["execute", "execute", "wasm"], r.Events.Select(e => e.Type)); // a has no attributes; b's execute + wasm follow
        Assert.Equal(b.ToString(), r.Events[1].Attributes[0].Value);
    }

    [Fact]
    public void Reply_on_error_reverts_only_the_failed_message_and_reports_its_error()
    {
        var a = NewCounter(1);
        var b = NewCounter(2);
        var r = _app.Execute(Alice, a, $"{{\"call_catch\":{{\"contract\":\"{b}\",\"msg\":{{\"fail\":{{}}}}}}}}");
        Assert.Equal(101, Count(a));   // the caller's own write stays
        Assert.Equal(2, Count(b));     // b's write of 999 is gone
        var reply = _app.Query(a, "{\"last_reply\":{}}");
        Assert.False(reply.GetProperty("ok").GetBoolean());
        Assert.Equal("Generic error: asked to fail: execute wasm contract failed", reply.GetProperty("error").GetString());
        Assert.Equal("reply", r.Attribute("action"));
    }

    [Fact]
    public void Reply_on_success_gets_the_sub_call_data_and_its_data_becomes_the_response_data()
    {
        var a = NewCounter();
        var b = NewCounter();
        var r = _app.Execute(Alice, a, $"{{\"call_reply\":{{\"contract\":\"{b}\",\"msg\":{{\"set_data\":{{\"data\":\"hello\"}}}}}}}}");
        var reply = _app.Query(a, "{\"last_reply\":{}}");
        Assert.True(reply.GetProperty("ok").GetBoolean());
        Assert.Equal("hello", reply.GetProperty("data").GetString());
        Assert.Equal("replied", Encoding.UTF8.GetString(r.Data));
    }

    [Fact]
    public void Instantiate_from_a_contract_replies_with_the_new_address()
    {
        var a = NewCounter();
        var r = _app.Execute(Alice, a, "{\"spawn\":{}}");
        var child = Address.Parse(Encoding.UTF8.GetString(r.Data));
        Assert.Equal(ContractKeys.ContractAddress(CounterContract.CodeId, 2), child);
        Assert.Equal(41, Count(child));
        Assert.Equal(a.ToString(), _app.Runtime.ContractInfo(_app.State, child)!.Creator);
        Assert.Contains(r.Events, e => e.Type == "instantiate" && e.Attributes[0].Value == child.ToString() && e.Attributes[1].Value == "7");
    }

    [Fact]
    public void Funds_move_to_the_contract_before_it_runs_and_it_can_send_them_on()
    {
        var c = NewCounter();
        _app.Mint(Alice, new Coin("uusd", 1_000));
        _app.Execute(Alice, c, "{\"increment\":{}}", [new Coin("uusd", 600)]);
        Assert.Equal(600, (long)_app.Balance(c, "uusd"));
        var bob = TestAddress.Of("bob");
        var r = _app.Execute(Alice, c, $"{{\"send\":{{\"to\":\"{bob}\",\"denom\":\"uusd\",\"amount\":\"250\"}}}}");
        Assert.Equal((350L, 250L, 400L), ((long)_app.Balance(c, "uusd"), (long)_app.Balance(bob, "uusd"), (long)_app.Balance(Alice, "uusd")));
        Assert.Contains(r.Events, e => e.Type == "transfer");
    }

    [Fact]
    public void A_contract_cannot_send_more_than_it_has()
    {
        var c = NewCounter();
        var e = Assert.Throws<SdkException>(() => _app.Execute(Alice, c, $"{{\"send\":{{\"to\":\"{Alice}\",\"denom\":\"uusd\",\"amount\":\"1\"}}}}"));
        Assert.Equal(5u, e.Error.Code);
        Assert.Equal("spendable balance  is smaller than 1uusd: insufficient funds", e.Log); // the SDK prints an empty Coins as ""
    }

    [Fact]
    public void Recursion_stops_at_the_call_depth_limit()
    {
        var c = NewCounter();
        var e = Assert.Throws<SdkException>(() => _app.Execute(Alice, c, "{\"recurse\":{}}"));
        Assert.Equal((27u, "wasm"), (e.Error.Code, e.Error.Codespace));
        Assert.Equal($"call depth {ContractRuntime.DefaultMaxCallDepth + 1} exceeds {ContractRuntime.DefaultMaxCallDepth}: max call depth exceeded", e.Log);
    }

    [Fact]
    public void Queries_reach_other_contracts_and_see_block_time()
    {
        var a = NewCounter(3);
        var b = NewCounter(8);
        Assert.Equal(8, _app.Query(a, $"{{\"peer\":{{\"contract\":\"{b}\"}}}}").GetProperty("count").GetInt64());
        _app.SetTime(1_700_000_000);
        Assert.Equal(1_700_000_000UL, _app.Query(a, "{\"time\":{}}").GetProperty("seconds").GetUInt64());
    }

    [Fact]
    public void Query_errors_are_wasm_code_9_and_peer_errors_read_like_cosmwasm()
    {
        var a = NewCounter();
        var e = Assert.Throws<SdkException>(() => _app.Query(a, "{\"nope\":{}}"));
        Assert.Equal((9u, "Generic error: unknown query nope: query wasm contract failed"), (e.Error.Code, e.Log));
        var missing = ContractKeys.ContractAddress(99, 99);
        var peer = Assert.Throws<SdkException>(() => _app.Query(a, $"{{\"peer\":{{\"contract\":\"{missing}\"}}}}"));
        Assert.Equal($"Generic error: Querier system error: No such contract: {missing}: query wasm contract failed", peer.Log);
    }

    [Fact]
    public void Unknown_contract_and_malformed_json_are_clear_errors()
    {
        var missing = ContractKeys.ContractAddress(1, 1);
        var e = Assert.Throws<SdkException>(() => _app.Execute(Alice, missing, "{}"));
        Assert.Equal((8u, $"no such contract: {missing}: not found"), (e.Error.Code, e.Log));
        var c = NewCounter();
        var bad = Assert.Throws<SdkException>(() => _app.Execute(Alice, c, "{\"bogus\":{}}"));
        Assert.Equal("Error parsing into type counter::ExecuteMsg: unknown variant `bogus`: execute wasm contract failed", bad.Log);
    }

    [Fact]
    public void Custom_events_are_prefixed_and_carry_the_contract_address()
    {
        var c = NewCounter();
        var r = _app.Execute(Alice, c, "{\"event\":{}}");
        var e = Assert.Single(r.Events, e => e.Type == "wasm-counted");
        Assert.Equal([("_contract_address", c.ToString()), ("n", "1")], e.Attributes.Select(a => (a.Key, a.Value)));
    }
}
