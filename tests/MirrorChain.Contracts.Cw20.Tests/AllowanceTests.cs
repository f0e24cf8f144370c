namespace MirrorChain.Contracts.Cw20.Tests;

public sealed class AllowanceTests : Cw20TestBase
{
    private const ulong Initial = 12_340_000;

    private string Allowance(Address token, Address owner, Address spender) =>
        QueryText(token, $$$$"""{"allowance":{"owner":"{{{{owner}}}}","spender":"{{{{spender}}}}"}}""");

    private AppResponse Increase(Address token, Address owner, Address spender, string amount, string expires = "null") =>
        App.Execute(owner, token, $$$$"""{"increase_allowance":{"spender":"{{{{spender}}}}","amount":"{{{{amount}}}}","expires":{{{{expires}}}}}}""");

    private AppResponse Decrease(Address token, Address owner, Address spender, string amount, string expires = "null") =>
        App.Execute(owner, token, $$$$"""{"decrease_allowance":{"spender":"{{{{spender}}}}","amount":"{{{{amount}}}}","expires":{{{{expires}}}}}}""");

    [Fact]
    public void Increase_and_decrease_follow_the_upstream_vector()
    {
        var token = NewToken(Alice, Initial);
        Assert.Equal("""{"allowance":"0","expires":{"never":{}}}""", Allowance(token, Alice, Bob));

        var r = Increase(token, Alice, Bob, "7777", """{"at_height":5432}""");
        Assert.Equal(
            [("_contract_address", token.ToString()), ("action", "increase_allowance"), ("owner", Alice.ToString()), ("spender", Bob.ToString()), ("amount", "7777")],
            r.WasmAttributes);
        Assert.Equal("""{"allowance":"7777","expires":{"at_height":5432}}""", Allowance(token, Alice, Bob));

        r = Decrease(token, Alice, Bob, "4444");   // no expires: kept
        Assert.Equal(
            [("_contract_address", token.ToString()), ("action", "decrease_allowance"), ("owner", Alice.ToString()), ("spender", Bob.ToString()), ("amount", "4444")],
            r.WasmAttributes);
        Assert.Equal("""{"allowance":"3333","expires":{"at_height":5432}}""", Allowance(token, Alice, Bob));

        Increase(token, Alice, Bob, "87654", """{"at_time":"8888888888000000000"}""");
        Assert.Equal("""{"allowance":"90987","expires":{"at_time":"8888888888000000000"}}""", Allowance(token, Alice, Bob));

        Decrease(token, Alice, Bob, "99988647623876347");   // below zero: the entry is deleted, no error
        Assert.Equal("""{"allowance":"0","expires":{"never":{}}}""", Allowance(token, Alice, Bob));
        Assert.Equal("""{"allowances":[]}""", QueryText(token, $$$$"""{"all_allowances":{"owner":"{{{{Alice}}}}"}}"""));
    }

    [Fact]
    public void Decrease_by_exactly_the_allowance_deletes_it_and_a_smaller_one_can_set_expiry()
    {
        var token = NewToken(Alice, Initial);
        Increase(token, Alice, Bob, "100");
        Decrease(token, Alice, Bob, "40", """{"at_height":999999}""");
        Assert.Equal("""{"allowance":"60","expires":{"at_height":999999}}""", Allowance(token, Alice, Bob));
        Decrease(token, Alice, Bob, "60", """{"at_height":1000000}""");
        Assert.Equal("""{"allowance":"0","expires":{"never":{}}}""", Allowance(token, Alice, Bob));
    }

    [Fact]
    public void Decrease_without_an_allowance_is_not_found()
    {
        var token = NewToken(Alice, Initial);
        var e = Fails(Alice, token, $$$$"""{"decrease_allowance":{"spender":"{{{{Bob}}}}","amount":"1"}}""");
        Assert.Equal(Exec("cw20::query::AllowanceResponse not found"), e.Log);
    }

    [Fact]
    public void Allowances_are_independent_per_owner_and_spender()
    {
        var token = NewToken(Alice, Initial);
        Increase(token, Alice, Bob, "7777", """{"at_height":5432}""");
        Increase(token, Alice, Carol, "87654");
        Increase(token, Bob, Carol, "1821", """{"at_time":"3767626296000000000"}""");
        Assert.Equal("""{"allowance":"7777","expires":{"at_height":5432}}""", Allowance(token, Alice, Bob));
        Assert.Equal("""{"allowance":"87654","expires":{"never":{}}}""", Allowance(token, Alice, Carol));
        Assert.Equal("""{"allowance":"1821","expires":{"at_time":"3767626296000000000"}}""", Allowance(token, Bob, Carol));
        Assert.Equal("""{"allowance":"0","expires":{"never":{}}}""", Allowance(token, Carol, Bob));
        Assert.Equal("""{"allowance":"0","expires":{"never":{}}}""", Allowance(token, Bob, Alice));
    }

    [Fact]
    public void Cannot_set_an_allowance_on_ones_own_account()
    {
        var token = NewToken(Alice, Initial);
        Assert.Equal(Exec("Cannot set to own account"), Fails(Alice, token, $$$$"""{"increase_allowance":{"spender":"{{{{Alice}}}}","amount":"7777"}}""").Log);
        Assert.Equal(Exec("Cannot set to own account"), Fails(Alice, token, $$$$"""{"decrease_allowance":{"spender":"{{{{Alice}}}}","amount":"7777"}}""").Log);
    }

    [Fact]
    public void An_already_expired_expiration_is_invalid()
    {
        var token = NewToken(Alice, Initial);
        App.AdvanceTime(5);
        var height = App.Height;
        var nanos = (ulong)App.Time.UnixNanoseconds;
        Assert.Equal(Exec("Invalid expiration value"), Fails(Alice, token, $$$$"""{"increase_allowance":{"spender":"{{{{Bob}}}}","amount":"1","expires":{"at_height":{{{{height}}}}}}}""").Log);
        Assert.Equal(Exec("Invalid expiration value"), Fails(Alice, token, $$$$"""{"increase_allowance":{"spender":"{{{{Bob}}}}","amount":"1","expires":{"at_time":"{{{{nanos}}}}"}}}""").Log);
        Increase(token, Alice, Bob, "10", $$$$"""{"at_height":{{{{height + 1}}}}}""");
        Assert.Equal(Exec("Invalid expiration value"), Fails(Alice, token, $$$$"""{"decrease_allowance":{"spender":"{{{{Bob}}}}","amount":"1","expires":{"at_height":{{{{height - 1}}}}}}}""").Log);
        Increase(token, Alice, Bob, "10", $$$$"""{"at_time":"{{{{nanos + 1}}}}"}""");
        Assert.Equal($$$$"""{"allowance":"20","expires":{"at_time":"{{{{nanos + 1}}}}"}}""", Allowance(token, Alice, Bob));
    }

    [Fact]
    public void Transfer_from_spends_the_allowance()
    {
        var token = NewToken(Alice, 999_999);
        Increase(token, Alice, Bob, "77777");
        var r = App.Execute(Bob, token, $$$$"""{"transfer_from":{"owner":"{{{{Alice}}}}","recipient":"{{{{Carol}}}}","amount":"44444"}}""");
        Assert.Equal(
            [("_contract_address", token.ToString()), ("action", "transfer_from"), ("from", Alice.ToString()), ("to", Carol.ToString()), ("by", Bob.ToString()), ("amount", "44444")],
            r.WasmAttributes);
        Assert.Equal((955_555u, 44_444u, 0u), (BalanceOf(token, Alice), BalanceOf(token, Carol), BalanceOf(token, Bob)));
        Assert.Equal("""{"allowance":"33333","expires":{"never":{}}}""", Allowance(token, Alice, Bob));

        var e = Fails(Bob, token, $$$$"""{"transfer_from":{"owner":"{{{{Alice}}}}","recipient":"{{{{Carol}}}}","amount":"33334"}}""");
        Assert.Equal(Exec("Overflow: Cannot Sub with 33333 and 33334"), e.Log);
        Assert.Equal(Exec("No allowance for this account"), Fails(Carol, token, $$$$"""{"transfer_from":{"owner":"{{{{Alice}}}}","recipient":"{{{{Carol}}}}","amount":"1"}}""").Log);
    }

    [Fact]
    public void A_used_up_allowance_stays_listed_at_zero()
    {
        var token = NewToken(Alice, 1_000);
        Increase(token, Alice, Bob, "300", """{"at_height":5432}""");
        App.Execute(Bob, token, $$$$"""{"transfer_from":{"owner":"{{{{Alice}}}}","recipient":"{{{{Bob}}}}","amount":"300"}}""");
        Assert.Equal("""{"allowance":"0","expires":{"at_height":5432}}""", Allowance(token, Alice, Bob));
        Assert.Equal(
            $$$$"""{"allowances":[{"spender":"{{{{Bob}}}}","allowance":"0","expires":{"at_height":5432}}]}""",
            QueryText(token, $$$$"""{"all_allowances":{"owner":"{{{{Alice}}}}"}}"""));
        Assert.Equal(Exec("Overflow: Cannot Sub with 0 and 1"), Fails(Bob, token, $$$$"""{"transfer_from":{"owner":"{{{{Alice}}}}","recipient":"{{{{Bob}}}}","amount":"1"}}""").Log);
    }

    [Fact]
    public void Zero_amount_from_messages_are_accepted_with_an_allowance()
    {
        var token = NewToken(Alice, 1_000);
        Assert.Equal(Exec("No allowance for this account"), Fails(Bob, token, $$$$"""{"transfer_from":{"owner":"{{{{Alice}}}}","recipient":"{{{{Carol}}}}","amount":"0"}}""").Log);
        Increase(token, Alice, Bob, "5");
        var r = App.Execute(Bob, token, $$$$"""{"transfer_from":{"owner":"{{{{Alice}}}}","recipient":"{{{{Carol}}}}","amount":"0"}}""");
        Assert.Equal("0", r.Attribute("amount"));
        App.Execute(Bob, token, $$$$"""{"burn_from":{"owner":"{{{{Alice}}}}","amount":"0"}}""");
        Assert.Equal((1_000u, 1_000u), (BalanceOf(token, Alice), Supply(token)));
    }

    [Fact]
    public void Allowance_larger_than_the_balance_fails_on_the_balance_and_keeps_the_allowance()
    {
        var token = NewToken(Alice, 100);
        Increase(token, Alice, Bob, "500");
        Assert.Equal(Exec("Overflow: Cannot Sub with 100 and 101"), Fails(Bob, token, $$$$"""{"transfer_from":{"owner":"{{{{Alice}}}}","recipient":"{{{{Bob}}}}","amount":"101"}}""").Log);
        Assert.Equal("""{"allowance":"500","expires":{"never":{}}}""", Allowance(token, Alice, Bob));
    }

    [Fact]
    public void Height_expiry_uses_the_block_height()
    {
        var token = NewToken(Alice, 1_000);
        var expiry = App.Height + 2;
        Increase(token, Alice, Bob, "100", $$$$"""{"at_height":{{{{expiry}}}}}""");
        App.AdvanceTime(6);   // height + 1: still valid
        App.Execute(Bob, token, $$$$"""{"transfer_from":{"owner":"{{{{Alice}}}}","recipient":"{{{{Bob}}}}","amount":"10"}}""");
        App.AdvanceTime(6);   // height == at_height: expired
        Assert.Equal(expiry, App.Height);
        Assert.Equal(Exec("Allowance is expired"), Fails(Bob, token, $$$$"""{"transfer_from":{"owner":"{{{{Alice}}}}","recipient":"{{{{Bob}}}}","amount":"10"}}""").Log);
        Assert.Equal(Exec("Allowance is expired"), Fails(Bob, token, $$$$"""{"burn_from":{"owner":"{{{{Alice}}}}","amount":"1"}}""").Log);
        Assert.Equal((990u, 10u), (BalanceOf(token, Alice), BalanceOf(token, Bob)));
        // the owner can still lower or refresh it
        Increase(token, Alice, Bob, "1", """{"never":{}}""");
        App.Execute(Bob, token, $$$$"""{"transfer_from":{"owner":"{{{{Alice}}}}","recipient":"{{{{Bob}}}}","amount":"91"}}""");
        Assert.Equal(101u, BalanceOf(token, Bob));
    }

    [Fact]
    public void Time_expiry_uses_the_block_time()
    {
        var token = NewToken(Alice, 1_000);
        var at = (App.Seconds + 3_600) * 1_000_000_000UL;
        Increase(token, Alice, Bob, "100", $$$$"""{"at_time":"{{{{at}}}}"}""");
        App.AdvanceTime(3_599);
        App.Execute(Bob, token, $$$$"""{"burn_from":{"owner":"{{{{Alice}}}}","amount":"10"}}""");
        App.AdvanceTime(1);   // block time == at_time: expired
        Assert.Equal(Exec("Allowance is expired"), Fails(Bob, token, $$$$"""{"burn_from":{"owner":"{{{{Alice}}}}","amount":"10"}}""").Log);
        Assert.Equal((990u, 990u), (BalanceOf(token, Alice), Supply(token)));
    }

    [Fact]
    public void Burn_from_burns_the_owners_tokens()
    {
        var token = NewToken(Alice, 999_999);
        Increase(token, Alice, Bob, "77777");
        var r = App.Execute(Bob, token, $$$$"""{"burn_from":{"owner":"{{{{Alice}}}}","amount":"44444"}}""");
        Assert.Equal(
            [("_contract_address", token.ToString()), ("action", "burn_from"), ("from", Alice.ToString()), ("by", Bob.ToString()), ("amount", "44444")],
            r.WasmAttributes);
        Assert.Equal((955_555u, 955_555u), (BalanceOf(token, Alice), Supply(token)));
        Assert.Equal("""{"allowance":"33333","expires":{"never":{}}}""", Allowance(token, Alice, Bob));
        Assert.Equal(Exec("Overflow: Cannot Sub with 33333 and 33334"), Fails(Bob, token, $$$$"""{"burn_from":{"owner":"{{{{Alice}}}}","amount":"33334"}}""").Log);
    }

    [Fact]
    public void Send_from_delivers_the_hook_with_the_spender_as_sender()
    {
        var token = NewToken(Alice, 999_999);
        var receiver = NewReceiver();
        Increase(token, Alice, Bob, "77777");
        var hook = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"bond":{"asset_token":"x"}}"""));
        var r = App.Execute(Bob, token, $$$$"""{"send_from":{"owner":"{{{{Alice}}}}","contract":"{{{{receiver}}}}","amount":"44444","msg":"{{{{hook}}}}"}}""");
        Assert.Equal(
            [
                ("_contract_address", token.ToString()), ("action", "send_from"), ("from", Alice.ToString()), ("to", receiver.ToString()), ("by", Bob.ToString()), ("amount", "44444"),
                ("_contract_address", receiver.ToString()), ("action", "receive"), ("sender", Bob.ToString()), ("amount", "44444"),
            ],
            r.WasmAttributes);
        var got = Hooks(receiver).EnumerateArray().Single();
        Assert.Equal((Bob.ToString(), hook, "44444"), (got.GetProperty("sender").GetString(), got.GetProperty("msg").GetString(), got.GetProperty("balance_at_hook").GetString()));
        Assert.Equal((955_555u, 44_444u), (BalanceOf(token, Alice), BalanceOf(token, receiver)));
        Assert.Equal("""{"allowance":"33333","expires":{"never":{}}}""", Allowance(token, Alice, Bob));
    }

    [Fact]
    public void Send_from_reverts_the_allowance_when_the_receiver_fails()
    {
        var token = NewToken(Alice, 1_000);
        var receiver = NewReceiver();
        Increase(token, Alice, Bob, "500");
        var fail = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"fail":{}}"""));
        Assert.Equal(Exec("Generic error: receiver refused"), Fails(Bob, token, $$$$"""{"send_from":{"owner":"{{{{Alice}}}}","contract":"{{{{receiver}}}}","amount":"400","msg":"{{{{fail}}}}"}}""").Log);
        Assert.Equal("""{"allowance":"500","expires":{"never":{}}}""", Allowance(token, Alice, Bob));
        Assert.Equal((1_000u, 0u), (BalanceOf(token, Alice), BalanceOf(token, receiver)));
    }

    [Fact]
    public void From_messages_validate_addresses_before_the_allowance()
    {
        var token = NewToken(Alice, 1_000);
        Assert.Equal(Exec(AddrError("bad")), Fails(Bob, token, $$$$"""{"transfer_from":{"owner":"{{{{Alice}}}}","recipient":"bad","amount":"1"}}""").Log);
        Assert.Equal(Exec(AddrError("bad")), Fails(Bob, token, $$$$"""{"transfer_from":{"owner":"bad","recipient":"{{{{Bob}}}}","amount":"1"}}""").Log);
        Assert.Equal(Exec(AddrError("bad")), Fails(Bob, token, """{"burn_from":{"owner":"bad","amount":"1"}}""").Log);
        Assert.Equal(Exec(AddrError("bad")), Fails(Bob, token, $$$$"""{"send_from":{"owner":"{{{{Alice}}}}","contract":"bad","amount":"1","msg":"e30="}}""").Log);
    }

    [Fact]
    public void Increase_overflow_is_a_panic()
    {
        var token = NewToken(Alice, 1);
        Increase(token, Alice, Bob, UInt128.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(
            Exec("Error executing Wasm: Aborted: panicked at 'attempt to add with overflow'"),
            Fails(Alice, token, $$$$"""{"increase_allowance":{"spender":"{{{{Bob}}}}","amount":"1"}}""").Log);
    }
}
