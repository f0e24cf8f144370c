namespace MirrorChain.Contracts.Cw20.Tests;

public sealed class SendTests : Cw20TestBase
{
    private const string Hook = """{"swap":{"belief_price":"1.5","max_spread":"0.01","to":null}}""";

    private static string B64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Send_moves_the_balance_then_calls_receive_with_the_base64_hook()
    {
        var token = NewToken(Alice, 11_223_344);
        var receiver = NewReceiver();
        var r = App.Execute(Alice, token, $$$$"""{"send":{"contract":"{{{{receiver}}}}","amount":"1000000","msg":"{{{{B64(Hook)}}}}"}}""");

        Assert.Equal((10_223_344u, 1_000_000u), (BalanceOf(token, Alice), BalanceOf(token, receiver)));
        Assert.Equal(11_223_344u, Supply(token));
        Assert.Equal(["execute", "wasm", "execute", "wasm"], r.Events.Select(e => e.Type));
        Assert.Equal(
            [
                ("_contract_address", token.ToString()), ("action", "send"), ("from", Alice.ToString()), ("to", receiver.ToString()), ("amount", "1000000"),
                ("_contract_address", receiver.ToString()), ("action", "receive"), ("sender", Alice.ToString()), ("amount", "1000000"),
            ],
            r.WasmAttributes);

        var got = Hooks(receiver).EnumerateArray().Single();
        Assert.Equal(token.ToString(), got.GetProperty("token").GetString());        // info.sender of the hook is the token
        Assert.Equal(Alice.ToString(), got.GetProperty("sender").GetString());
        Assert.Equal("1000000", got.GetProperty("amount").GetString());
        Assert.Equal(B64(Hook), got.GetProperty("msg").GetString());                  // base64 round trip, byte for byte
        Assert.Equal(Hook, got.GetProperty("hook").GetString());
        Assert.Equal("1000000", got.GetProperty("balance_at_hook").GetString());      // the balance moved before the hook ran
    }

    [Fact]
    public void A_failing_receiver_reverts_the_send_atomically()
    {
        var token = NewToken(Alice, 11_223_344);
        var receiver = NewReceiver();
        var fail = B64("""{"fail":{}}""");
        var e = Fails(Alice, token, $$$$"""{"send":{"contract":"{{{{receiver}}}}","amount":"1000","msg":"{{{{fail}}}}"}}""");
        Assert.Equal(Exec("Generic error: receiver refused"), e.Log);
        Assert.Equal((11_223_344u, 0u), (BalanceOf(token, Alice), BalanceOf(token, receiver)));
        Assert.Empty(Hooks(receiver).EnumerateArray());                                 // the receiver's own write is gone too
        Assert.Equal([Alice.ToString()], AllAccounts(token));
    }

    [Fact]
    public void A_hook_that_is_not_json_is_the_receivers_business()
    {
        var token = NewToken(Alice, 100);
        var receiver = NewReceiver();
        var e = Fails(Alice, token, $$$$"""{"send":{"contract":"{{{{receiver}}}}","amount":"1","msg":"{{{{B64("not json")}}}}"}}""");
        Assert.Equal(Exec("Generic error: invalid cw20 hook message"), e.Log);
        Assert.Equal(100u, BalanceOf(token, Alice));
    }

    [Fact]
    public void The_receiver_can_spend_what_it_just_received()
    {
        var token = NewToken(Alice, 5_000);
        var receiver = NewReceiver();
        var forward = B64($$$$"""{"forward":{"to":"{{{{Carol}}}}"}}""");
        App.Execute(Alice, token, $$$$"""{"send":{"contract":"{{{{receiver}}}}","amount":"1234","msg":"{{{{forward}}}}"}}""");
        Assert.Equal((3_766u, 0u, 1_234u), (BalanceOf(token, Alice), BalanceOf(token, receiver), BalanceOf(token, Carol)));

        var burn = B64("""{"burn":{}}""");
        App.Execute(Alice, token, $$$$"""{"send":{"contract":"{{{{receiver}}}}","amount":"766","msg":"{{{{burn}}}}"}}""");
        Assert.Equal((3_000u, 0u, 4_234u), (BalanceOf(token, Alice), BalanceOf(token, receiver), Supply(token)));
    }

    [Fact]
    public void Send_to_an_address_without_a_contract_fails_and_reverts()
    {
        var token = NewToken(Alice, 100);
        var empty = B64("{}");
        var e = Fails(Alice, token, $$$$"""{"send":{"contract":"{{{{Bob}}}}","amount":"10","msg":"{{{{empty}}}}"}}""");
        Assert.Equal($"no such contract: {Bob}: not found", e.Log);
        Assert.Equal((100u, 0u), (BalanceOf(token, Alice), BalanceOf(token, Bob)));
    }

    [Fact]
    public void Send_rejects_zero_overdraw_and_bad_base64()
    {
        var token = NewToken(Alice, 100);
        var receiver = NewReceiver();
        Assert.Equal(Exec("Invalid zero amount"), Fails(Alice, token, $$$$"""{"send":{"contract":"{{{{receiver}}}}","amount":"0","msg":"e30="}}""").Log);
        Assert.Equal(Exec("Overflow: Cannot Sub with 100 and 101"), Fails(Alice, token, $$$$"""{"send":{"contract":"{{{{receiver}}}}","amount":"101","msg":"e30="}}""").Log);
        Assert.Equal(
            Exec("Error parsing into type cw20_base::msg::ExecuteMsg: invalid base64: !!"),
            Fails(Alice, token, $$$$"""{"send":{"contract":"{{{{receiver}}}}","amount":"1","msg":"!!"}}""").Log);
        Assert.Equal(
            Exec("Error parsing into type cw20_base::msg::ExecuteMsg: missing field `msg`"),
            Fails(Alice, token, $$$$"""{"send":{"contract":"{{{{receiver}}}}","amount":"1"}}""").Log);
        Assert.Empty(Hooks(receiver).EnumerateArray());
    }

    [Fact]
    public void An_empty_hook_is_delivered_as_an_empty_binary()
    {
        var token = NewToken(Alice, 100);
        var receiver = NewReceiver();
        // the receiver decodes "" as invalid JSON; cw20 itself passes an empty Binary through unchanged
        Assert.Equal(Exec("Generic error: invalid cw20 hook message"), Fails(Alice, token, $$$$"""{"send":{"contract":"{{{{receiver}}}}","amount":"1","msg":""}}""").Log);
    }
}
