namespace MirrorChain.Contracts.Terraswap.Tests.Pair;

/// <summary>
/// Terraswap v2.4 swaps (contracts/terraswap_pair/src/contract.rs <c>compute_swap</c>: commission floored, gross return
/// in Decimal256) with the numbers of the upstream tests in contracts/terraswap_pair/src/testing.rs and worked-out
/// cases, through the real pair, its LP cw20 and the bank: simulation, execution, balances, attributes; both
/// directions.
/// </summary>
public sealed class SwapVectorTests : PairFixture
{
    /// <summary>Upstream try_native_to_token (v2.4); Terraswap v1 gave 949,523,811 for the same inputs.</summary>
    [Fact]
    public void native_to_token_30e9_20e9_offer_1_5e9()
    {
        var (pair, _) = UusdTokenPair(U("30_000_000_000"), U("20_000_000_000"));
        Assert.Equal((U("949_523_810"), U("47_619_047"), U("2_857_142")), Simulate(pair, Native(Uusd), U("1_500_000_000")));

        var before = TokenBalance(MAapl, Bob);
        var r = SwapNative(Bob, pair, Uusd, U("1_500_000_000"));

        Assert.Equal(U("949_523_810"), TokenBalance(MAapl, Bob) - before);
        Assert.Equal(
            [
                ("action", "swap"), ("sender", Bob.ToString()), ("receiver", Bob.ToString()),
                ("offer_asset", Uusd), ("ask_asset", MAapl.ToString()), ("offer_amount", "1500000000"),
                ("return_amount", "949523810"), ("tax_amount", "0"), ("spread_amount", "47619047"), ("commission_amount", "2857142"),
            ],
            PairAttributes(r, pair));
        // the commission stays in the ask pool: only the net return left it
        var (uusdPool, tokenPool, _) = Pool(pair);
        Assert.Equal(U("31_500_000_000"), uusdPool);
        Assert.Equal(U("20_000_000_000") - U("949_523_810"), tokenPool);
    }

    /// <summary>Upstream try_token_to_native: the token is the offer pool (30e9), uusd the ask pool (20e9).</summary>
    [Fact]
    public void token_to_native_via_cw20_send_hook()
    {
        var (pair, _) = UusdTokenPair(U("20_000_000_000"), U("30_000_000_000"));
        Assert.Equal((U("949_523_810"), U("47_619_047"), U("2_857_142")), Simulate(pair, Token(MAapl), U("1_500_000_000")));

        var uusdBefore = App.Balance(Bob, Uusd);
        var r = SwapToken(Bob, MAapl, pair, U("1_500_000_000"));

        Assert.Equal(U("949_523_810"), App.Balance(Bob, Uusd) - uusdBefore);
        var attrs = PairAttributes(r, pair);
        Assert.Contains(("offer_asset", MAapl.ToString()), attrs);
        Assert.Contains(("ask_asset", Uusd), attrs);
        Assert.Contains(("sender", Bob.ToString()), attrs);
        Assert.Contains(("return_amount", "949523810"), attrs);
        Assert.Contains(("tax_amount", "0"), attrs); // rate 0 on MirrorChain
        Assert.Equal((U("20_000_000_000") - U("949_523_810"), U("31_500_000_000")), (Pool(pair).Pool0, Pool(pair).Pool1));
    }

    /// <summary>
    /// Upstream test_compute_swap_with_huge_pool_variance (also holds for the 2.4 code): the return floors to 0.
    /// </summary>
    [Fact]
    public void huge_pool_variance_returns_zero()
    {
        var (pair, _) = UusdTokenPair(U("395_451_850_234"), 317);
        Assert.Equal(((UInt128)0, (UInt128)0, (UInt128)0), Simulate(pair, Native(Uusd), 1));
    }

    /// <summary>Worked-out v2.4 cases: offer → ask with exact gross/commission/net/spread, native offer.</summary>
    [Theory]
    [InlineData("1_000_000", "1_000_000", "1_000", "997", "2", "1")]
    [InlineData("1_000_000_000_000", "1_000_000_000_000", "1_000_000_000", "996_003_997", "2_997_002", "999_001")]
    [InlineData("5_000_000", "10_000_000", "5_000_000", "4_985_000", "15_000", "5_000_000")]
    public void Derived_vectors_native_offer(string offerPool, string askPool, string offer, string net, string commission, string spread)
    {
        var (pair, _) = UusdTokenPair(U(offerPool), U(askPool));
        Assert.Equal((U(net), U(spread), U(commission)), Simulate(pair, Native(Uusd), U(offer)));

        var before = TokenBalance(MAapl, Carol);
        var r = SwapNative(Carol, pair, Uusd, U(offer));
        Assert.Equal(U(net), TokenBalance(MAapl, Carol) - before);
        Assert.Equal(net.Replace("_", "", StringComparison.Ordinal), r.Attribute("return_amount"));
        Assert.Equal(commission.Replace("_", "", StringComparison.Ordinal), r.Attribute("commission_amount"));
        Assert.Equal(spread.Replace("_", "", StringComparison.Ordinal), r.Attribute("spread_amount"));
        Assert.Equal((U(offerPool) + U(offer), U(askPool) - U(net)), (Pool(pair).Pool0, Pool(pair).Pool1));
    }

    /// <summary>The same vectors the other way round: a cw20 offer (send hook) for a native ask.</summary>
    [Theory]
    [InlineData("1_000_000", "1_000_000", "1_000", "997", "2", "1")]
    [InlineData("1_000_000_000_000", "1_000_000_000_000", "1_000_000_000", "996_003_997", "2_997_002", "999_001")]
    [InlineData("5_000_000", "10_000_000", "5_000_000", "4_985_000", "15_000", "5_000_000")]
    public void Derived_vectors_token_offer(string offerPool, string askPool, string offer, string net, string commission, string spread)
    {
        var (pair, _) = UusdTokenPair(U(askPool), U(offerPool));
        Assert.Equal((U(net), U(spread), U(commission)), Simulate(pair, Token(MAapl), U(offer)));

        var before = App.Balance(Carol, Uusd);
        var r = SwapToken(Carol, MAapl, pair, U(offer));
        Assert.Equal(U(net), App.Balance(Carol, Uusd) - before);
        Assert.Equal(commission.Replace("_", "", StringComparison.Ordinal), r.Attribute("commission_amount"));
        Assert.Equal((U(askPool) - U(net), U(offerPool) + U(offer)), (Pool(pair).Pool0, Pool(pair).Pool1));
    }

    /// <summary>A native-native pair (uusd / uluna), both directions, try_native_to_token's numbers.</summary>
    [Fact]
    public void Native_native_pair_swaps_both_directions()
    {
        var (pair, _) = UusdLunaPair(U("30_000_000_000"), U("20_000_000_000"));
        var lunaBefore = App.Balance(Bob, Uluna);
        var r = SwapNative(Bob, pair, Uusd, U("1_500_000_000"));
        Assert.Equal(U("949_523_810"), App.Balance(Bob, Uluna) - lunaBefore);
        Assert.Equal(("uusd", "uluna"), (r.Attribute("offer_asset"), r.Attribute("ask_asset")));
        Assert.Equal((U("31_500_000_000"), U("20_000_000_000") - U("949_523_810")), (Pool(pair).Pool0, Pool(pair).Pool1));

        // back: uluna offer against the moved pools, checked against the simulation made just before
        var expected = Simulate(pair, Native(Uluna), U("949_523_810"));
        var uusdBefore = App.Balance(Bob, Uusd);
        r = SwapNative(Bob, pair, Uluna, U("949_523_810"));
        Assert.Equal(expected.Return, App.Balance(Bob, Uusd) - uusdBefore);
        Assert.Equal(expected.Return.ToString(), r.Attribute("return_amount"));
        // a round trip through the pool never gains: the commission stayed in each ask pool
        Assert.True(expected.Return < U("1_500_000_000"));
        Assert.True(expected.Commission > 0);
    }

    /// <summary><c>to</c> sends the return to another account; the trader stays the sender.</summary>
    [Fact]
    public void Swap_to_another_recipient()
    {
        var (pair, _) = UusdTokenPair(U("1_000_000"), U("1_000_000"));
        var before = TokenBalance(MAapl, Carol);
        var r = SwapNative(Bob, pair, Uusd, 1_000, to: Carol);
        Assert.Equal((UInt128)997, TokenBalance(MAapl, Carol) - before);
        Assert.Equal((Bob.ToString(), Carol.ToString()), (r.Attribute("sender"), r.Attribute("receiver")));
    }

    /// <summary>
    /// Reverse simulation, v2.4 (<c>compute_offer_amount</c>, worked out exactly): ask 949,523,810 needs 1,499,999,999
    /// (upstream asserts within 5 of the forward swap's 1,500,000,000).
    /// </summary>
    [Fact]
    public void Reverse_simulation_v2_4()
    {
        var (pair, _) = UusdTokenPair(U("30_000_000_000"), U("20_000_000_000"));
        var (offer, spread, commission) = ReverseSimulate(pair, Token(MAapl), U("949_523_810"));
        Assert.Equal((U("1_499_999_999"), U("47_619_047"), U("2_857_142")), (offer, spread, commission));
        Assert.True(U("1_500_000_000") - offer < 5);
    }

    /// <summary>Reverse simulation from the token side of a token-offer pool (try_token_to_native's layout).</summary>
    [Fact]
    public void Reverse_simulation_native_ask()
    {
        var (pair, _) = UusdTokenPair(U("20_000_000_000"), U("30_000_000_000"));
        Assert.Equal((U("1_499_999_999"), U("47_619_047"), U("2_857_142")), ReverseSimulate(pair, Native(Uusd), U("949_523_810")));
    }

    /// <summary>Pools are the live balances: a plain transfer to the pair (a donation) moves the price.</summary>
    [Fact]
    public void Pools_are_live_balances()
    {
        var (pair, _) = UusdTokenPair(U("1_000_000"), U("1_000_000"));
        TransferToken(Bob, MAapl, pair, U("1_000_000"));
        App.Send(Bob, pair, new Coin(Uusd, 1_000_000));
        Assert.Equal((U("2_000_000"), U("2_000_000"), U("1_000_000")), Pool(pair));
        // 2e6/2e6 with 1000 offered gives gross 999, as before (999.5 floors)
        Assert.Equal(((UInt128)997, (UInt128)1, (UInt128)2), Simulate(pair, Native(Uusd), 1_000));
    }
}
