namespace MirrorChain.Contracts.Cw20.Tests;

public sealed class TransferBurnTests : Cw20TestBase
{
    private const ulong Initial = 11_223_344;

    [Fact]
    public void Transfer_moves_the_amount_and_emits_cw20_attributes()
    {
        var token = NewToken(Alice, Initial);
        var r = App.Execute(Alice, token, $$$$"""{"transfer":{"recipient":"{{{{Bob}}}}","amount":"12345"}}""");
        Assert.Equal(
            [("_contract_address", token.ToString()), ("action", "transfer"), ("from", Alice.ToString()), ("to", Bob.ToString()), ("amount", "12345")],
            r.WasmAttributes);
        Assert.Equal((Initial - 12_345, 12_345ul), ((ulong)BalanceOf(token, Alice), (ulong)BalanceOf(token, Bob)));
        Assert.Equal(Initial, (ulong)Supply(token));
        Assert.Empty(r.Data);
    }

    [Fact]
    public void Transfer_of_the_whole_balance_leaves_zero()
    {
        var token = NewToken(Alice, Initial);
        App.Execute(Alice, token, $$$$"""{"transfer":{"recipient":"{{{{Bob}}}}","amount":"{{{{Initial}}}}"}}""");
        Assert.Equal((0ul, Initial), ((ulong)BalanceOf(token, Alice), (ulong)BalanceOf(token, Bob)));
    }

    [Fact]
    public void Transfer_of_zero_is_rejected_before_the_recipient_is_checked()
    {
        var token = NewToken(Alice, Initial);
        Assert.Equal(Exec("Invalid zero amount"), Fails(Alice, token, $$$$"""{"transfer":{"recipient":"{{{{Bob}}}}","amount":"0"}}""").Log);
        Assert.Equal(Exec("Invalid zero amount"), Fails(Alice, token, """{"transfer":{"recipient":"nobody","amount":"0"}}""").Log);
    }

    [Fact]
    public void Transfer_more_than_the_balance_is_an_overflow_and_changes_nothing()
    {
        var token = NewToken(Alice, Initial);
        var e = Fails(Alice, token, $$$$"""{"transfer":{"recipient":"{{{{Bob}}}}","amount":"{{{{Initial + 1}}}}"}}""");
        Assert.Equal(Exec("Overflow: Cannot Sub with 11223344 and 11223345"), e.Log);
        Assert.Equal((5u, "wasm"), (e.Error.Code, e.Error.Codespace));
        Assert.Equal((Initial, 0ul), ((ulong)BalanceOf(token, Alice), (ulong)BalanceOf(token, Bob)));
    }

    [Fact]
    public void Transfer_from_an_empty_account_is_an_overflow_from_zero()
    {
        var token = NewToken(Alice, Initial);
        Assert.Equal(Exec("Overflow: Cannot Sub with 0 and 1"), Fails(Bob, token, $$$$"""{"transfer":{"recipient":"{{{{Alice}}}}","amount":"1"}}""").Log);
    }

    [Fact]
    public void Transfer_to_an_invalid_address_fails_with_the_api_error()
    {
        var token = NewToken(Alice, Initial);
        Assert.Equal(Exec(AddrError("addr0000")), Fails(Alice, token, """{"transfer":{"recipient":"addr0000","amount":"1"}}""").Log);
        var upper = Bob.ToString().ToUpperInvariant();
        Assert.Equal(Exec(AddrError(upper)), Fails(Alice, token, $$$$"""{"transfer":{"recipient":"{{{{upper}}}}","amount":"1"}}""").Log);
    }

    [Fact]
    public void Transfer_to_self_keeps_the_balance()
    {
        var token = NewToken(Alice, Initial);
        App.Execute(Alice, token, $$$$"""{"transfer":{"recipient":"{{{{Alice}}}}","amount":"500"}}""");
        Assert.Equal(Initial, (ulong)BalanceOf(token, Alice));
    }

    [Fact]
    public void Burn_lowers_balance_and_supply()
    {
        var token = NewToken(Alice, Initial);
        var r = App.Execute(Alice, token, """{"burn":{"amount":"5000"}}""");
        Assert.Equal([("_contract_address", token.ToString()), ("action", "burn"), ("from", Alice.ToString()), ("amount", "5000")], r.WasmAttributes);
        Assert.Equal((11_218_344ul, 11_218_344ul), ((ulong)BalanceOf(token, Alice), (ulong)Supply(token)));
    }

    [Fact]
    public void Burn_rejects_zero_and_more_than_the_balance()
    {
        var token = NewToken([(Alice, Initial), (Bob, 10)]);
        Assert.Equal(Exec("Invalid zero amount"), Fails(Alice, token, """{"burn":{"amount":"0"}}""").Log);
        Assert.Equal(Exec("Overflow: Cannot Sub with 10 and 11"), Fails(Bob, token, """{"burn":{"amount":"11"}}""").Log);
        Assert.Equal(Initial + 10, (ulong)Supply(token));
    }

    [Fact]
    public void Unknown_variants_and_bad_amounts_read_like_serde()
    {
        var token = NewToken(Alice, Initial);
        Assert.Equal(
            Exec("Error parsing into type cw20_base::msg::ExecuteMsg: unknown variant `update_minter`, expected one of `transfer`, `burn`, `send`, `mint`, `increase_allowance`, `decrease_allowance`, `transfer_from`, `send_from`, `burn_from`"),
            Fails(Alice, token, """{"update_minter":{"new_minter":null}}""").Log);
        Assert.Equal(
            Exec("Error parsing into type cw20_base::msg::ExecuteMsg: missing field `amount`"),
            Fails(Alice, token, $$$$"""{"transfer":{"recipient":"{{{{Bob}}}}"}}""").Log);
        Assert.StartsWith(
            "Error parsing into type cw20_base::msg::ExecuteMsg: invalid Uint128 '-1'",
            Fails(Alice, token, $$$$"""{"transfer":{"recipient":"{{{{Bob}}}}","amount":"-1"}}""").Log, StringComparison.Ordinal);
    }
}
