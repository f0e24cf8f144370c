namespace MirrorChain.Contracts.Cw20.Tests;

public sealed class MintTests : Cw20TestBase
{
    [Fact]
    public void Minter_mints_to_a_recipient_and_supply_grows()
    {
        var token = NewToken(Alice, 11_223_344, MinterAddr, 511_223_344);
        var r = App.Execute(MinterAddr, token, $$$$"""{"mint":{"recipient":"{{{{Bob}}}}","amount":"222222"}}""");
        Assert.Equal([("_contract_address", token.ToString()), ("action", "mint"), ("to", Bob.ToString()), ("amount", "222222")], r.WasmAttributes);
        Assert.Equal((222_222u, 11_445_566u), (BalanceOf(token, Bob), Supply(token)));
    }

    [Fact]
    public void Only_the_minter_may_mint()
    {
        var token = NewToken(Alice, 100, MinterAddr);
        Assert.Equal(Exec("Unauthorized"), Fails(Alice, token, $$$$"""{"mint":{"recipient":"{{{{Alice}}}}","amount":"1"}}""").Log);
        Assert.Equal(Exec("Unauthorized"), Fails(Creator, token, $$$$"""{"mint":{"recipient":"{{{{Alice}}}}","amount":"1"}}""").Log);
        Assert.Equal(100u, Supply(token));
    }

    [Fact]
    public void A_token_without_minter_cannot_be_minted_even_by_its_creator()
    {
        var token = NewToken(Alice, 100);
        Assert.Equal(Exec("Unauthorized"), Fails(Creator, token, $$$$"""{"mint":{"recipient":"{{{{Alice}}}}","amount":"1"}}""").Log);
    }

    [Fact]
    public void Zero_is_rejected_before_authorization()
    {
        var token = NewToken(Alice, 100, MinterAddr);
        Assert.Equal(Exec("Invalid zero amount"), Fails(Alice, token, $$$$"""{"mint":{"recipient":"{{{{Alice}}}}","amount":"0"}}""").Log);
        Assert.Equal(Exec("Invalid zero amount"), Fails(MinterAddr, token, $$$$"""{"mint":{"recipient":"{{{{Alice}}}}","amount":"0"}}""").Log);
    }

    [Fact]
    public void The_cap_bounds_total_supply_exactly()
    {
        var token = NewToken(Alice, 1_000, MinterAddr, 1_500);
        App.Execute(MinterAddr, token, $$$$"""{"mint":{"recipient":"{{{{Bob}}}}","amount":"500"}}""");
        Assert.Equal(1_500u, Supply(token));
        Assert.Equal(Exec("Minting cannot exceed the cap"), Fails(MinterAddr, token, $$$$"""{"mint":{"recipient":"{{{{Bob}}}}","amount":"1"}}""").Log);
        App.Execute(Alice, token, """{"burn":{"amount":"300"}}""");
        App.Execute(MinterAddr, token, $$$$"""{"mint":{"recipient":"{{{{Bob}}}}","amount":"300"}}"""); // burning frees room under the cap
        Assert.Equal((1_500u, 800u), (Supply(token), BalanceOf(token, Bob)));
    }

    [Fact]
    public void Cap_zero_forbids_any_mint()
    {
        var token = NewToken([], MinterAddr, 0);
        Assert.Equal(Exec("Minting cannot exceed the cap"), Fails(MinterAddr, token, $$$$"""{"mint":{"recipient":"{{{{Bob}}}}","amount":"1"}}""").Log);
    }

    [Fact]
    public void The_recipient_is_validated_after_the_cap_and_a_failure_reverts_the_supply()
    {
        var token = NewToken(Alice, 1_000, MinterAddr, 1_500);
        Assert.Equal(Exec("Minting cannot exceed the cap"), Fails(MinterAddr, token, """{"mint":{"recipient":"bad","amount":"501"}}""").Log);
        Assert.Equal(Exec(AddrError("bad")), Fails(MinterAddr, token, """{"mint":{"recipient":"bad","amount":"500"}}""").Log);
        Assert.Equal(1_000u, Supply(token));
    }

    [Fact]
    public void Supply_overflow_without_cap_is_a_panic()
    {
        var token = NewToken(Alice, UInt128.MaxValue, MinterAddr);
        Assert.Equal(
            Exec("Error executing Wasm: Aborted: panicked at 'attempt to add with overflow'"),
            Fails(MinterAddr, token, $$$$"""{"mint":{"recipient":"{{{{Bob}}}}","amount":"1"}}""").Log);
        Assert.Equal(UInt128.MaxValue, Supply(token));
    }

    [Fact]
    public void Helper_mint_message_is_json_the_token_accepts()
    {
        var msg = Cw20Messages.Mint(Alice, Bob, 666_666);
        Assert.Equal(Alice, msg.ContractAddress);
        Assert.Equal($$$$"""{"mint":{"recipient":"{{{{Bob}}}}","amount":"666666"}}""", System.Text.Encoding.UTF8.GetString(msg.Msg));
        Assert.Empty(msg.Funds);
        var token = NewToken(Alice, 0, MinterAddr);
        App.Execute(MinterAddr, token, System.Text.Encoding.UTF8.GetString(msg.Msg));
        Assert.Equal(666_666u, BalanceOf(token, Bob));
    }
}
