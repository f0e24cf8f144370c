using MirrorChain.Contracts.Terraswap.Pair;

namespace MirrorChain.Contracts.Terraswap.Tests.Pair;

/// <summary>
/// Terraswap v2.4 (contracts/terraswap_pair/src/error.rs): every error text, as the tx log reads it, with state
/// untouched.
/// </summary>
public sealed class ErrorTests : PairFixture
{
    private const string Mismatch = "Generic error: Native token balance mismatch between the argument and the transferred";

    [Fact]
    public void Swap_executed_directly_with_a_token_offer_is_unauthorized()
    {
        var (pair, _) = UusdTokenPair(1_000_000, 1_000_000);
        var e = Fails(() => App.Execute(Bob, pair, $$"""{"swap":{"offer_asset":{{AssetJson(Token(MAapl), 1_000)}} } }"""));
        Assert.Equal(Exec("Unauthorized"), e.Log);
    }

    [Fact]
    public void Swap_hook_from_a_token_outside_the_pair_is_unauthorized()
    {
        var (pair, _) = UusdTokenPair(1_000_000, 1_000_000);
        var other = NewToken("OTHER", (Bob, 1_000_000));
        var e = Fails(() => SwapToken(Bob, other, pair, 1_000));
        Assert.Equal(Exec("Unauthorized"), e.Log);
        Assert.Equal((UInt128)1_000_000, TokenBalance(other, Bob));
    }

    [Fact]
    public void Withdraw_hook_from_a_token_other_than_the_lp_is_unauthorized()
    {
        var (pair, lp) = UusdTokenPair(1_000_000, 1_000_000);
        var e = Fails(() => Send(Bob, MAapl, pair, 1_000, """{"withdraw_liquidity":{}}"""));
        Assert.Equal(Exec("Unauthorized"), e.Log);
        Assert.Equal((UInt128)1_000_000, Supply(lp));
    }

    [Fact]
    public void Swap_of_a_native_asset_outside_the_pair_is_asset_mismatch()
    {
        var (pair, _) = UusdTokenPair(1_000_000, 1_000_000);
        var e = Fails(() => SwapNative(Bob, pair, Uluna, 1_000));
        Assert.Equal(Exec("Asset mismatch"), e.Log);
    }

    [Fact]
    public void Simulations_of_an_asset_outside_the_pair_are_asset_mismatch()
    {
        var (pair, _) = UusdTokenPair(1_000_000, 1_000_000);
        Assert.Equal(QueryFailed("Asset mismatch"), Fails(() => Simulate(pair, Native(Uluna), 1_000)).Log);
        Assert.Equal(QueryFailed("Asset mismatch"), Fails(() => ReverseSimulate(pair, Native(Uluna), 1_000)).Log);
    }

    [Fact]
    public void Swap_with_funds_different_from_the_offer_is_a_native_balance_mismatch()
    {
        var (pair, _) = UusdTokenPair(1_000_000, 1_000_000);
        var json = $$"""{"swap":{"offer_asset":{{AssetJson(Native(Uusd), 1_000)}} } }""";
        Assert.Equal(Exec(Mismatch), Fails(() => App.Execute(Bob, pair, json, [new Coin(Uusd, 999)])).Log);
        Assert.Equal(Exec(Mismatch), Fails(() => App.Execute(Bob, pair, json)).Log);
        Assert.Equal(Exec(Mismatch), Fails(() => App.Execute(Bob, pair, json, [new Coin(Uluna, 1_000)])).Log);
    }

    [Fact]
    public void Provide_with_funds_different_from_the_native_deposit_is_a_native_balance_mismatch()
    {
        var (pair, _) = UusdTokenPair(1_000_000, 1_000_000);
        var e = Fails(() => Provide(Bob, pair, (Native(Uusd), 100), (Token(MAapl), 100), funds: [new Coin(Uusd, 99)]));
        Assert.Equal(Exec(Mismatch), e.Log);
    }

    [Fact]
    public void Provide_with_an_asset_outside_the_pair_panics()
    {
        var (pair, _) = UusdTokenPair(1_000_000, 1_000_000);
        var other = NewToken("OTHER", (Bob, 1_000_000));
        var e = Fails(() => Provide(Bob, pair, (Native(Uusd), 100), (Token(other), 100)));
        Assert.Equal(Panic(PairErrors.WrongAssetInfo), e.Log);
    }

    /// <summary>Max spread / max slippage texts (their numeric rules are covered in MaxSpreadTests / LiquidityTests).</summary>
    [Fact]
    public void Spread_and_slippage_texts()
    {
        var (pair, _) = UusdTokenPair(1_000_000, 1_000_000);
        Assert.Equal(Exec("Max spread assertion"), Fails(() => SwapNative(Bob, pair, Uusd, 100_000, maxSpread: "0.01")).Log);
        Assert.Equal(Exec("Max slippage assertion"), Fails(() => Provide(Bob, pair, (Native(Uusd), 100), (Token(MAapl), 90), slippage: "0.05")).Log);
    }

    /// <summary>v2.4.x "prevent providing free token": a deposit worth less than one LP unit.</summary>
    [Fact]
    public void Provide_that_mints_no_share_is_invalid_zero_amount()
    {
        var (pair, _) = UusdTokenPair(1, 1);
        App.Send(Alice, pair, new Coin(Uusd, 999));
        TransferToken(Alice, MAapl, pair, 999);
        var e = Fails(() => Provide(Bob, pair, (Native(Uusd), 1), (Token(MAapl), 1)));
        Assert.Equal(Exec("Invalid zero amount"), e.Log);
    }

    /// <summary>
    /// Pool underflow (<c>balance − offer</c>) is the pair's OverflowError, displayed bare. Only a token that delivers a
    /// receive hook without moving its balance can reach it.
    /// </summary>
    [Fact]
    public void Offer_larger_than_the_pool_balance_is_an_overflow_error()
    {
        var fake = App.Instantiate(FakeTokenContract.CodeId, Creator, "{}", label: "fake");
        App.Mint(Alice, new Coin(Uusd, 1_000));
        var (pair, _) = NewPair(Native(Uusd), Token(fake));
        var hook = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"swap":{}}"""));
        var e = Fails(() => App.Execute(Bob, fake, $$"""{"fake_send":{"contract":"{{pair}}","amount":"100","msg":"{{hook}}"} }"""));
        Assert.Equal(Exec("Cannot Sub with 0 and 100"), e.Log);
    }

    [Fact]
    public void Unknown_messages_are_parse_errors()
    {
        var (pair, _) = UusdTokenPair(1_000_000, 1_000_000);
        var e = Fails(() => App.Execute(Bob, pair, """{"post_initialize":{}}"""));
        Assert.StartsWith("Error parsing into type terraswap::pair::ExecuteMsg: unknown variant `post_initialize`", e.Log, StringComparison.Ordinal);
        e = Fails(() => Send(Bob, MAapl, pair, 10, """{"provide":{}}"""));
        Assert.StartsWith("Error parsing into type terraswap::pair::Cw20HookMsg: unknown variant `provide`", e.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void Swap_to_an_invalid_address_fails_validation()
    {
        var (pair, _) = UusdTokenPair(1_000_000, 1_000_000);
        var e = Fails(() => App.Execute(Bob, pair, $$"""{"swap":{"offer_asset":{{AssetJson(Native(Uusd), 1_000)}},"to":"nope"} }""", [new Coin(Uusd, 1_000)]));
        Assert.StartsWith("Generic error: addr_validate errored: ", e.Log, StringComparison.Ordinal);
        Assert.EndsWith(": execute wasm contract failed", e.Log, StringComparison.Ordinal);
    }

    /// <summary>A swap into an empty offer pool divides by zero in from_ratio (a panic in the Rust).</summary>
    [Fact]
    public void Swap_into_an_empty_pool_panics()
    {
        foreach (var user in new[] { Bob })
        {
            App.Mint(user, new Coin(Uusd, 1_000));
        }
        MAapl = NewToken("MAAPL", (Bob, 1_000));
        var (pair, _) = NewPair(Native(Uusd), Token(MAapl));
        Assert.Equal(Panic("Denominator must not be zero"), Fails(() => SwapNative(Bob, pair, Uusd, 1_000)).Log);
    }
}
