namespace MirrorChain.Contracts.Terraswap.Tests.Pair;

/// <summary>
/// Random provide / swap / withdraw sequences (seeded): nothing is created or lost. Every asset's holdings (users +
/// pair) stay equal to what was minted, LP balances always sum to the LP supply (= the pool's total_share), the
/// pool query always equals the pair's balances, and k = P0·P1 never falls on a swap (the commission stays in).
/// </summary>
public sealed class ConservationTests : PairFixture
{
    private static readonly Address[] Traders = [Alice, Bob, Carol];

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, false)]
    public void Random_sequences_conserve_assets_and_shares(int seed, bool tokenPair)
    {
        var random = new Random(seed);
        var (pair, lp) = tokenPair ? UusdTokenPair(U("5_000_000_000"), U("2_000_000_000")) : UusdLunaPair(U("5_000_000_000"), U("2_000_000_000"));
        var asset1 = tokenPair ? Token(MAapl) : Native(Uluna);
        var totals = Holdings(pair, lp, tokenPair);
        var failures = 0;

        for (var step = 0; step < 120; step++)
        {
            var user = Traders[random.Next(Traders.Length)];
            var (p0, p1, _) = Pool(pair);
            var kBefore = (System.Numerics.BigInteger)p0 * p1;
            var op = random.Next(4);
            try
            {
                switch (op)
                {
                    case 0:
                        Provide(user, pair, (Native(Uusd), Amount(random, 50_000_000)), (asset1, Amount(random, 20_000_000)), slippage: random.Next(2) == 0 ? "0.02" : null);
                        break;
                    case 1:
                        SwapNative(user, pair, Uusd, Amount(random, 300_000_000));
                        break;
                    case 2:
                        if (tokenPair)
                        {
                            SwapToken(user, MAapl, pair, Amount(random, 100_000_000));
                        }
                        else
                        {
                            SwapNative(user, pair, Uluna, Amount(random, 100_000_000));
                        }
                        break;
                    default:
                        var held = TokenBalance(lp, user);
                        if (held > 0)
                        {
                            Withdraw(user, lp, pair, 1 + (UInt128)(ulong)random.NextInt64(1, (long)(ulong)UInt128.Min(held, long.MaxValue)));
                        }
                        break;
                }
            }
            catch (SdkException)
            {
                failures++; // e.g. slippage: the tx reverted, the invariants must still hold
            }

            var (q0, q1, share) = Pool(pair);
            Assert.Equal((App.Balance(pair, Uusd), tokenPair ? TokenBalance(MAapl, pair) : App.Balance(pair, Uluna)), (q0, q1));
            Assert.Equal(Supply(lp), share);
            Assert.Equal(share, Traders.Aggregate(UInt128.Zero, (s, u) => s + TokenBalance(lp, u)) + TokenBalance(lp, Creator));
            Assert.Equal(totals, Holdings(pair, lp, tokenPair));
            if (op is 1 or 2)
            {
                Assert.True((System.Numerics.BigInteger)q0 * q1 >= kBefore, $"k fell at step {step}");
            }
        }
        Assert.True(failures < 60, $"too many reverted steps ({failures})");
    }

    /// <summary>Withdrawing all LP empties the pool exactly (rounding never leaves a claim uncovered).</summary>
    [Fact]
    public void Withdrawing_every_share_empties_the_pool()
    {
        var (pair, lp) = UusdTokenPair(U("7_000_001"), U("3_000_007"));
        Provide(Bob, pair, (Native(Uusd), U("700_003")), (Token(MAapl), U("300_001")));
        SwapNative(Carol, pair, Uusd, U("123_457"));
        SwapToken(Carol, MAapl, pair, U("54_321"));
        Withdraw(Alice, lp, pair, TokenBalance(lp, Alice));
        Withdraw(Bob, lp, pair, TokenBalance(lp, Bob));
        Assert.Equal(((UInt128)0, (UInt128)0, (UInt128)0), Pool(pair));
    }

    private static UInt128 Amount(Random random, long max) => (UInt128)(ulong)random.NextInt64(1, max);

    /// <summary>Total uusd, asset-1 and LP held by the traders, the creator and the pair.</summary>
    private (UInt128 Uusd, UInt128 Asset1) Holdings(Address pair, Address lp, bool tokenPair)
    {
        Address[] holders = [.. Traders, Creator, pair];
        var uusd = holders.Aggregate(UInt128.Zero, (s, h) => s + App.Balance(h, Uusd));
        var asset1 = holders.Aggregate(UInt128.Zero, (s, h) => s + (tokenPair ? TokenBalance(MAapl, h) : App.Balance(h, Uluna)));
        return (uusd, asset1);
    }
}
