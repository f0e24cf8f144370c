namespace MirrorChain.Contracts.Terraswap.Tests.Pair;

/// <summary>
/// Terraswap v2.4 contracts/terraswap_pair/src/contract.rs <c>provide_liquidity</c> / <c>withdraw_liquidity</c>: isqrt
/// initial share, min(d·T/P) afterwards, whole deposits pulled (excess donated), 9-digit price-based slippage
/// tolerance, LP to <c>receiver</c>, withdraw with two floors, pool query.
/// </summary>
public sealed class LiquidityTests : PairFixture
{
    private (Address Pair, Address Lp) EmptyPair()
    {
        MAapl = NewToken("MAAPL", (Alice, Plenty), (Bob, Plenty));
        App.Mint(Alice, new Coin(Uusd, Plenty));
        App.Mint(Bob, new Coin(Uusd, Plenty));
        return NewPair(Native(Uusd), Token(MAapl));
    }

    /// <summary>Pools (uusd, token) with an LP supply of <paramref name="share"/>: a first provide of share/share plus donations.</summary>
    private (Address Pair, Address Lp) PoolsWithShare(UInt128 uusdPool, UInt128 tokenPool, UInt128 share)
    {
        var (pair, lp) = EmptyPair();
        Provide(Alice, pair, (Native(Uusd), share), (Token(MAapl), share));
        if (uusdPool > share)
        {
            App.Send(Alice, pair, new Coin(Uusd, uusdPool - share));
        }
        if (tokenPool > share)
        {
            TransferToken(Alice, MAapl, pair, tokenPool - share);
        }
        Assert.Equal((uusdPool, tokenPool, share), Pool(pair));
        return (pair, lp);
    }

    /// <summary>
    /// Upstream provide_liquidity: first deposit 100 token / 100 uusd mints isqrt(10,000) = 100 LP and pulls 100 token
    /// with transfer_from.
    /// </summary>
    [Fact]
    public void initial_share_is_isqrt_of_the_product()
    {
        var (pair, lp) = EmptyPair();
        var tokenBefore = TokenBalance(MAapl, Bob);
        var r = Provide(Bob, pair, (Token(MAapl), 100), (Native(Uusd), 100));

        Assert.Equal((UInt128)100, TokenBalance(lp, Bob));
        Assert.Equal((UInt128)100, tokenBefore - TokenBalance(MAapl, Bob));
        Assert.Equal(((UInt128)100, (UInt128)100, (UInt128)100), Pool(pair));
        Assert.Equal(
            [("action", "provide_liquidity"), ("sender", Bob.ToString()), ("receiver", Bob.ToString()), ("assets", $"100{MAapl}, 100uusd"), ("share", "100")],
            PairAttributes(r, pair));
        // messages in order: transfer_from on the token, then mint on the LP token
        var called = r.Events.Where(e => e.Type == "execute").Select(e => e.Attributes[0].Value).ToList();
        Assert.Equal([pair.ToString(), MAapl.ToString(), lp.ToString()], called.Skip(called.Count - 3));
    }

    /// <summary>Unequal first deposits: isqrt floors (2 × 5 → 3).</summary>
    [Fact]
    public void Initial_share_floors_the_square_root()
    {
        var (pair, lp) = EmptyPair();
        Provide(Bob, pair, (Native(Uusd), 2), (Token(MAapl), 5));
        Assert.Equal((UInt128)3, TokenBalance(lp, Bob));
    }

    /// <summary>
    /// Pools 200/200, LP 100; deposit 100 token + 200 uusd mints min(200·100/200, 100·100/200) = 50, and all 100 token
    /// are pulled.
    /// </summary>
    [Fact]
    public void share_is_the_smaller_ratio_and_excess_is_donated()
    {
        var (pair, lp) = PoolsWithShare(200, 200, 100);
        var tokenBefore = TokenBalance(MAapl, Bob);
        var r = Provide(Bob, pair, (Token(MAapl), 100), (Native(Uusd), 200));

        Assert.Equal("50", r.Attribute("share"));
        Assert.Equal((UInt128)50, TokenBalance(lp, Bob));
        Assert.Equal((UInt128)100, tokenBefore - TokenBalance(MAapl, Bob));
        Assert.Equal(((UInt128)400, (UInt128)300, (UInt128)150), Pool(pair));
    }

    /// <summary>
    /// Upstream provide_liquidity's slippage cases: pools 100/100, LP 100, tolerance 1% (9-digit price math).
    /// </summary>
    [Theory]
    [InlineData(98, 100, false)] // token 98 / uusd 100
    [InlineData(100, 98, false)] // token 100 / uusd 98
    [InlineData(99, 100, true)] // within 1%
    [InlineData(100, 99, true)] // within 1%
    public void slippage_tolerance(int token, int uusd, bool ok)
    {
        var (pair, lp) = PoolsWithShare(100, 100, 100);
        AppResponse Run() => Provide(Bob, pair, (Token(MAapl), (UInt128)token), (Native(Uusd), (UInt128)uusd), slippage: "0.01");
        if (ok)
        {
            Run();
            Assert.Equal((UInt128)Math.Min(token, uusd), TokenBalance(lp, Bob));
        }
        else
        {
            Assert.Equal(Exec("Max slippage assertion"), Fails(() => Run()).Log);
            Assert.Equal(((UInt128)100, (UInt128)100, (UInt128)100), Pool(pair));
        }
    }

    /// <summary>A tolerance above 1 fails the 9-digit subtraction 1 − t.</summary>
    [Fact]
    public void Slippage_tolerance_above_one_overflows()
    {
        var (pair, _) = PoolsWithShare(100, 100, 100);
        var e = Fails(() => Provide(Bob, pair, (Token(MAapl), 100), (Native(Uusd), 100), slippage: "2"));
        Assert.Equal(Exec("Overflow: Cannot Sub with 1000000000 and 2000000000"), e.Log);
    }

    /// <summary>
    /// The v2.9 minimum-liquidity inputs (1 / 1 and 1,100 / 1,100) under v2.4: no minimum-liquidity lock, the whole
    /// isqrt goes to the provider.
    /// </summary>
    [Theory]
    [InlineData(1, 1)]
    [InlineData(1_100, 1_100)]
    public void inputs_mint_everything_in_v2_4(int token, int uusd)
    {
        var (pair, lp) = EmptyPair();
        Provide(Bob, pair, (Token(MAapl), (UInt128)token), (Native(Uusd), (UInt128)uusd));
        Assert.Equal((UInt128)token, TokenBalance(lp, Bob));
        Assert.Equal((UInt128)0, TokenBalance(lp, pair));
        Assert.Equal((UInt128)token, Supply(lp));
    }

    /// <summary>
    /// 200/200/100, deposit 100 token / 100 uusd, tolerance 5%, receiver: 50 LP minted to the receiver.
    /// </summary>
    [Fact]
    public void lp_is_minted_to_the_receiver()
    {
        var (pair, lp) = PoolsWithShare(200, 200, 100);
        var r = Provide(Bob, pair, (Token(MAapl), 100), (Native(Uusd), 100), slippage: "0.05", receiver: Carol);
        Assert.Equal((UInt128)50, TokenBalance(lp, Carol));
        Assert.Equal((UInt128)0, TokenBalance(lp, Bob));
        Assert.Equal((Bob.ToString(), Carol.ToString()), (r.Attribute("sender"), r.Attribute("receiver")));
    }

    /// <summary>
    /// Pools 100/100/100, deposit 100 token / 98 uusd under v2.4: share 98, but all 100 token are pulled (v2.9 would
    /// pull 98).
    /// </summary>
    [Fact]
    public void inputs_pull_the_whole_token_deposit_in_v2_4()
    {
        var (pair, lp) = PoolsWithShare(100, 100, 100);
        var tokenBefore = TokenBalance(MAapl, Bob);
        Provide(Bob, pair, (Token(MAapl), 100), (Native(Uusd), 98), slippage: "0.05");
        Assert.Equal((UInt128)98, TokenBalance(lp, Bob));
        Assert.Equal((UInt128)100, tokenBefore - TokenBalance(MAapl, Bob));
        Assert.Equal(((UInt128)198, (UInt128)200, (UInt128)198), Pool(pair));
    }

    /// <summary>
    /// Under v2.4's price rule: 200/200/100, deposit 100 token / 200 uusd, tolerance 0.5% → 200/100·0.995 &gt; 1.
    /// </summary>
    [Fact]
    public void inputs_fail_the_price_based_slippage_check()
    {
        var (pair, _) = PoolsWithShare(200, 200, 100);
        var e = Fails(() => Provide(Bob, pair, (Token(MAapl), 100), (Native(Uusd), 200), slippage: "0.005"));
        Assert.Equal(Exec("Max slippage assertion"), e.Log);
    }

    /// <summary>v2.9's min_assets and deadline fields: v2.4 has neither; serde ignores the unknown fields.</summary>
    [Fact]
    public void fields_are_ignored_in_v2_4()
    {
        var (pair, lp) = PoolsWithShare(100, 100, 100);
        var uusdBefore = App.Balance(Alice, Uusd);
        Send(Alice, lp, pair, 100, $$"""{"withdraw_liquidity":{"min_assets":[{{AssetJson(Native(Uusd), 1_000)}},{{AssetJson(Token(MAapl), 1_000)}}],"deadline":{{App.Seconds}}} }""");
        Assert.Equal((UInt128)100, App.Balance(Alice, Uusd) - uusdBefore);
    }

    /// <summary>
    /// Upstream withdraw_liquidity: pools 100/100, LP 100; withdrawing 100 refunds 100 uusd + 100 token and burns the
    /// LP.
    /// </summary>
    [Fact]
    public void withdraw_refunds_and_burns()
    {
        var (pair, lp) = PoolsWithShare(100, 100, 100);
        var uusdBefore = App.Balance(Alice, Uusd);
        var tokenBefore = TokenBalance(MAapl, Alice);
        var r = Withdraw(Alice, lp, pair, 100);

        Assert.Equal((UInt128)100, App.Balance(Alice, Uusd) - uusdBefore);
        Assert.Equal((UInt128)100, TokenBalance(MAapl, Alice) - tokenBefore);
        Assert.Equal(((UInt128)0, (UInt128)0, (UInt128)0), Pool(pair));
        Assert.Equal(
            [("action", "withdraw_liquidity"), ("sender", Alice.ToString()), ("withdrawn_share", "100"), ("refund_assets", $"100uusd, 100{MAapl}")],
            PairAttributes(r, pair));
    }

    /// <summary>Withdraw floors twice: ratio = from_ratio(1, 3) at 18 digits, then ⌊pool·ratio⌋.</summary>
    [Fact]
    public void Withdraw_floors_ratio_then_product()
    {
        var (pair, lp) = PoolsWithShare(300, 1_000, 3);
        var r = Withdraw(Alice, lp, pair, 1);
        // ratio 0.333333333333333333: 300·ratio = 99.99…9 → 99; 1000·ratio → 333
        Assert.Equal($"99uusd, 333{MAapl}", r.Attribute("refund_assets"));
        Assert.Equal(((UInt128)201, (UInt128)667, (UInt128)2), Pool(pair));
    }

    /// <summary>Upstream test_query_pool: balances 222 uusd, 333 token, LP supply 111 — exact JSON.</summary>
    [Fact]
    public void pool_query_reads_live_balances_and_supply()
    {
        var (pair, _) = PoolsWithShare(222, 333, 111);
        Assert.Equal(
            $$"""{"assets":[{"info":{"native_token":{"denom":"uusd"} },"amount":"222"},{"info":{"token":{"contract_addr":"{{MAapl}}"} },"amount":"333"}],"total_share":"111"}""".Replace(" ", "", StringComparison.Ordinal),
            App.Query(pair, """{"pool":{}}""").GetRawText());
    }

    [Fact]
    public void Pair_query_returns_pair_info()
    {
        var (pair, lp) = EmptyPair();
        Assert.Equal(
            $$"""{"asset_infos":[{"native_token":{"denom":"uusd"} },{"token":{"contract_addr":"{{MAapl}}"} }],"contract_addr":"{{pair}}","liquidity_token":"{{lp}}"}""".Replace(" ", "", StringComparison.Ordinal),
            App.Query(pair, """{"pair":{}}""").GetRawText());
    }

    /// <summary>The LP token is a cw20_base instance "terraswap liquidity token" / uLP / 6, minted by the pair, no cap.</summary>
    [Fact]
    public void Lp_token_is_created_by_the_instantiate_reply()
    {
        var (pair, lp) = EmptyPair();
        Assert.Equal(CodeIds.Cw20Base, App.Runtime.ContractInfo(App.State, lp)!.CodeId);
        Assert.Equal("""{"name":"terraswap liquidity token","symbol":"uLP","decimals":6,"total_supply":"0"}""", App.Query(lp, """{"token_info":{}}""").GetRawText());
        Assert.Equal($$"""{"minter":"{{pair}}","cap":null}""", App.Query(lp, """{"minter":{}}""").GetRawText());
    }

    /// <summary>Deposits may be listed in either order; they are matched to the pool order.</summary>
    [Fact]
    public void Deposits_are_matched_to_pool_order()
    {
        var (pair, lp) = EmptyPair();
        Provide(Bob, pair, (Native(Uusd), 400), (Token(MAapl), 100));
        Assert.Equal(((UInt128)400, (UInt128)100, (UInt128)200), Pool(pair));
        Assert.Equal((UInt128)200, TokenBalance(lp, Bob));
    }

    /// <summary>A native-native pair: provide with two coins and withdraw both.</summary>
    [Fact]
    public void Native_native_provide_and_withdraw()
    {
        var (pair, lp) = UusdLunaPair(400, 100);
        Assert.Equal((UInt128)200, TokenBalance(lp, Alice));
        Provide(Bob, pair, (Native(Uluna), 50), (Native(Uusd), 200));
        Assert.Equal((UInt128)100, TokenBalance(lp, Bob));
        var lunaBefore = App.Balance(Bob, Uluna);
        var uusdBefore = App.Balance(Bob, Uusd);
        var r = Withdraw(Bob, lp, pair, 100);
        // ratio = from_ratio(100, 300) = 0.333333333333333333: ⌊600·ratio⌋ = 199, ⌊150·ratio⌋ = 49
        Assert.Equal("199uusd, 49uluna", r.Attribute("refund_assets"));
        Assert.Equal(((UInt128)49, (UInt128)199), (App.Balance(Bob, Uluna) - lunaBefore, App.Balance(Bob, Uusd) - uusdBefore));
        Assert.Equal(((UInt128)401, (UInt128)101, (UInt128)200), Pool(pair));
    }
}
