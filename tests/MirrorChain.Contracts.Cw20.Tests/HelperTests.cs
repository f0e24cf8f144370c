namespace MirrorChain.Contracts.Cw20.Tests;

/// <summary>The public helpers Terraswap and Mirror build on: message JSON byte for byte, the receive parser, queries.</summary>
public sealed class HelperTests : Cw20TestBase
{
    private static readonly Address Token = TestAddress.Of("token");

    private static string Text(WasmExecute msg)
    {
        Assert.Equal(Token, msg.ContractAddress);
        Assert.Empty(msg.Funds);
        return Encoding.UTF8.GetString(msg.Msg);
    }

    [Fact]
    public void Execute_messages_are_serdes_json()
    {
        Assert.Equal($$$$"""{"transfer":{"recipient":"{{{{Bob}}}}","amount":"13333"}}""", Text(Cw20Messages.Transfer(Token, Bob, 13_333)));
        Assert.Equal($$$$"""{"send":{"contract":"{{{{Bob}}}}","amount":"5","msg":"eyJzd2FwIjp7fX0="}}""", Text(Cw20Messages.Send(Token, Bob, 5, """{"swap":{}}""")));
        Assert.Equal($$$$"""{"mint":{"recipient":"{{{{Bob}}}}","amount":"666666"}}""", Text(Cw20Messages.Mint(Token, Bob, 666_666)));
        Assert.Equal("""{"burn":{"amount":"13333"}}""", Text(Cw20Messages.Burn(Token, 13_333)));
        Assert.Equal($$$$"""{"burn_from":{"owner":"{{{{Alice}}}}","amount":"7"}}""", Text(Cw20Messages.BurnFrom(Token, Alice, 7)));
        Assert.Equal(
            $$$$"""{"transfer_from":{"owner":"{{{{Alice}}}}","recipient":"{{{{Bob}}}}","amount":"8"}}""",
            Text(Cw20Messages.TransferFrom(Token, Alice, Bob, 8)));
        Assert.Equal(
            $$$$"""{"send_from":{"owner":"{{{{Alice}}}}","contract":"{{{{Bob}}}}","amount":"9","msg":"e30="}}""",
            Text(Cw20Messages.SendFrom(Token, Alice, Bob, 9, "{}"u8.ToArray())));
        Assert.Equal(
            $$$$"""{"increase_allowance":{"spender":"{{{{Bob}}}}","amount":"10","expires":null}}""",
            Text(Cw20Messages.IncreaseAllowance(Token, Bob, 10)));
        Assert.Equal(
            $$$$"""{"increase_allowance":{"spender":"{{{{Bob}}}}","amount":"10","expires":{"at_time":"1700000000000000000"}}}""",
            Text(Cw20Messages.IncreaseAllowance(Token, Bob, 10, Expiration.AtTimeSeconds(1_700_000_000))));
        Assert.Equal(
            $$$$"""{"decrease_allowance":{"spender":"{{{{Bob}}}}","amount":"11","expires":{"at_height":12345}}}""",
            Text(Cw20Messages.DecreaseAllowance(Token, Bob, 11, Expiration.AtHeight(12_345))));
        Assert.Equal("""{"never":{}}""", Expiration.Never.ToJson());
    }

    [Fact]
    public void Every_helper_message_is_accepted_by_the_token()
    {
        var token = NewToken(Alice, 1_000, MinterAddr);
        var receiver = NewReceiver();
        void Run(Address sender, WasmExecute m) => App.Execute(sender, token, Encoding.UTF8.GetString(m.Msg));

        Run(Alice, Cw20Messages.Transfer(token, Bob, 100));
        Run(Alice, Cw20Messages.Send(token, receiver, 50, """{"keep":{}}"""));
        Run(MinterAddr, Cw20Messages.Mint(token, Carol, 25));
        Run(Alice, Cw20Messages.Burn(token, 10));
        Run(Alice, Cw20Messages.IncreaseAllowance(token, Bob, 300));
        Run(Alice, Cw20Messages.DecreaseAllowance(token, Bob, 50, Expiration.AtHeight(1_000)));
        Run(Bob, Cw20Messages.TransferFrom(token, Alice, Carol, 100));
        Run(Bob, Cw20Messages.BurnFrom(token, Alice, 50));
        Run(Bob, Cw20Messages.SendFrom(token, Alice, receiver, 100, """{"keep":{}}"""u8.ToArray()));

        Assert.Equal((590u, 100u, 125u, 150u), (BalanceOf(token, Alice), BalanceOf(token, Bob), BalanceOf(token, Carol), BalanceOf(token, receiver)));
        Assert.Equal(965u, Supply(token));
        Assert.Equal("""{"allowance":"0","expires":{"at_height":1000}}""", QueryText(token, $$$$"""{"allowance":{"owner":"{{{{Alice}}}}","spender":"{{{{Bob}}}}"}}"""));
        Assert.Equal([Alice.ToString(), Bob.ToString()], Hooks(receiver).EnumerateArray().Select(h => h.GetProperty("sender").GetString()));
    }

    [Fact]
    public void Receive_message_round_trips_and_parses()
    {
        var hook = """{"open_position":{"collateral_ratio":"2"}}"""u8.ToArray();
        var msg = new Cw20ReceiveMsg(Alice.ToString(), 1_000_000, hook);
        var json = Encoding.UTF8.GetString(msg.ToJsonBytes());
        Assert.Equal($$$$"""{"receive":{"sender":"{{{{Alice}}}}","amount":"1000000","msg":"{{{{Convert.ToBase64String(hook)}}}}"}}""", json);
        Assert.Equal(json, Encoding.UTF8.GetString(msg.ToWasmExecute(Bob).Msg));
        Assert.Equal(Bob, msg.ToWasmExecute(Bob).ContractAddress);

        using var doc = JsonDocument.Parse(json);
        var parsed = Cw20ReceiveMsg.TryParse(doc.RootElement)!;
        Assert.Equal((Alice.ToString(), (UInt128)1_000_000), (parsed.Sender, parsed.Amount));
        Assert.Equal(hook, parsed.Msg);
        Assert.Equal("""{"open_position":{"collateral_ratio":"2"}}""", parsed.HookJson);
        Assert.True(parsed.TryGetHook(out var h));
        Assert.Equal("2", h.GetProperty("open_position").GetProperty("collateral_ratio").GetString());
    }

    [Theory]
    [InlineData("""{"transfer":{"recipient":"x","amount":"1"}}""")]
    [InlineData("""{"receive":{},"other":{}}""")]
    [InlineData("""["receive"]""")]
    [InlineData("\"receive\"")]
    public void TryParse_is_null_for_other_messages(string json)
    {
        using var doc = JsonDocument.Parse(json);
        Assert.Null(Cw20ReceiveMsg.TryParse(doc.RootElement));
    }

    [Fact]
    public void A_malformed_receive_is_a_parse_error_of_the_callers_type()
    {
        using var missing = JsonDocument.Parse("""{"receive":{"sender":"a","msg":"e30="}}""");
        var e = Assert.Throws<ContractException>(() => Cw20ReceiveMsg.TryParse(missing.RootElement, "mirror_protocol::mint::ExecuteMsg"));
        Assert.Equal("Error parsing into type mirror_protocol::mint::ExecuteMsg: missing field `amount`", e.Message);
        using var b64 = JsonDocument.Parse("""{"receive":{"sender":"a","amount":"1","msg":"%%"}}""");
        Assert.Equal(
            "Error parsing into type cw20::receiver::Cw20ReceiveMsg: invalid base64: %%",
            Assert.Throws<ContractException>(() => Cw20ReceiveMsg.TryParse(b64.RootElement)).Message);
        var notJson = new Cw20ReceiveMsg("a", 1, "nope"u8.ToArray());
        Assert.False(notJson.TryGetHook(out _));
    }

    [Fact]
    public void Expiration_is_expired_at_the_boundary()
    {
        var block = new BlockInfo(100, new BlockTime(1_000, 0), "c");
        Assert.True(Expiration.AtHeight(100).IsExpired(block));
        Assert.False(Expiration.AtHeight(101).IsExpired(block));
        Assert.True(Expiration.AtTime(1_000_000_000_000).IsExpired(block));
        Assert.False(Expiration.AtTime(1_000_000_000_001).IsExpired(block));
        Assert.False(Expiration.Never.IsExpired(block));
    }
}
