using static MirrorChain.Contracts.Mirror.Tests.Gov.GovFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Gov;

/// <summary>
/// Random stake / withdraw / poll / vote / reward sequences (seeded) against the real MIR token. After every step:
/// MIR is conserved; gov's MIR balance = total_deposit + pending_voting_rewards + staked, where the stakers' balances
/// account for all but rounding dust (&lt; 1 per staker) of the staked part; total_share = Σ shares; total_deposit and
/// pending_voting_rewards match a model kept from the successful operations; each staker's claimable rewards fit
/// in pending_voting_rewards. Failed operations must leave everything unchanged (checked by the same invariants).
/// </summary>
public sealed class PropertyTests
{
    private static readonly Address[] Actors = [Creator, Voter1, Voter2, Voter3];

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void Staked_plus_locked_mir_equals_the_gov_balance(int seed)
    {
        var rng = new Random(seed);
        var f = new GovFixture(voterWeight: "0.3");
        var supply = f.MirSupply();
        var deposits = new SortedDictionary<ulong, UInt128>();
        var pending = UInt128.Zero;
        var successes = new Dictionary<string, int>();

        for (var step = 0; step < 250; step++)
        {
            var actor = Actors[rng.Next(Actors.Length)];
            var op = rng.Next(11);
            string name;
            try
            {
                switch (op)
                {
                    case 0:
                        name = "stake";
                        f.Stake(actor, (UInt128)rng.Next(1, 5000));
                        break;
                    case 1:
                        name = "withdraw";
                        f.WithdrawTokens(actor, rng.Next(3) == 0 ? null : (UInt128)rng.Next(1, 3000));
                        break;
                    case 2:
                        name = "create";
                        var deposit = D + (UInt128)rng.Next(0, 3);
                        var created = f.CreatePoll(deposit, creator: actor);
                        deposits[ulong.Parse(created.Attribute("poll_id")!, CultureInfo.InvariantCulture)] = deposit;
                        break;
                    case 3:
                        name = "vote";
                        var balance = Amount(f.Staker(actor), "balance");
                        f.Vote(actor, PickPoll(rng, deposits), new[] { "yes", "no", "abstain" }[rng.Next(3)],
                            balance == 0 ? 1 : (UInt128)rng.NextInt64(1, (long)balance + 1)); // 0-amount votes: see VoterRewardTests

                        break;
                    case 4:
                        name = "deposit_reward";
                        var reward = (UInt128)rng.Next(1, 10000);
                        f.DepositReward(reward);
                        if (deposits.Count > 0)
                        {
                            pending += reward * 3 / 10;
                        }
                        break;
                    case 5:
                        name = "time";
                        f.App.AdvanceTime(rng.Next(1, 6000));
                        break;
                    case 6:
                        name = "end";
                        var id = PickPoll(rng, deposits);
                        f.EndPoll(id);
                        deposits.Remove(id);
                        break;
                    case 7:
                        name = "withdraw_rewards";
                        pending -= UInt128.Parse(f.WithdrawRewards(actor).Attribute("amount")!, CultureInfo.InvariantCulture);
                        break;
                    case 8:
                        name = "stake_rewards";
                        pending -= UInt128.Parse(f.StakeRewards(actor).Attribute("amount")!, CultureInfo.InvariantCulture);
                        break;
                    case 9:
                        name = "snapshot";
                        f.SnapshotPoll(PickPoll(rng, deposits));
                        break;
                    default:
                        name = "fund";
                        f.Fund((UInt128)rng.Next(1, 2000));
                        break;
                }
                successes[name] = successes.GetValueOrDefault(name) + 1;
            }
            catch (SdkException)
            {
                // A refused operation changes nothing; the invariants below prove it.
            }
            CheckInvariants(f, supply, deposits, pending);
        }

        foreach (var op in new[] { "stake", "withdraw", "create", "vote", "deposit_reward", "end", "withdraw_rewards" })
        {
            Assert.True(successes.GetValueOrDefault(op) > 0, $"seed {seed}: no successful {op}");
        }
    }

    private static ulong PickPoll(Random rng, SortedDictionary<ulong, UInt128> inProgress) =>
        inProgress.Count == 0 ? 1 : inProgress.Keys.ElementAt(rng.Next(inProgress.Count));

    private static void CheckInvariants(GovFixture f, UInt128 supply, SortedDictionary<ulong, UInt128> deposits, UInt128 pending)
    {
        var govBalance = f.MirBalance(f.Gov);
        var held = Holders.Aggregate(UInt128.Zero, (sum, h) => sum + f.MirBalance(h));
        Assert.Equal(supply, held + govBalance);

        var state = f.Query("""{"state":{}}""");
        var totalShare = Amount(state, "total_share");
        var totalDeposit = Amount(state, "total_deposit");
        var pendingRewards = Amount(state, "pending_voting_rewards");
        Assert.Equal(deposits.Values.Aggregate(UInt128.Zero, (a, b) => a + b), totalDeposit);
        Assert.Equal(pending, pendingRewards);

        var inProgress = f.Query("""{"polls":{"filter":"in_progress","order_by":"asc","limit":30}}""").GetProperty("polls")
            .EnumerateArray().Select(p => p.GetProperty("id").GetUInt64()).ToList();
        Assert.Equal(deposits.Keys.ToList(), inProgress);

        var shares = f.Query("""{"shares":{"limit":30}}""").GetProperty("stakers").EnumerateArray().Select(s => Amount(s, "share")).ToList();
        Assert.Equal(totalShare, shares.Aggregate(UInt128.Zero, (a, b) => a + b));

        Assert.True(govBalance >= totalDeposit + pendingRewards);
        var staked = govBalance - totalDeposit - pendingRewards;
        var stakers = Actors.Select(f.Staker).ToList();
        var owned = stakers.Aggregate(UInt128.Zero, (sum, s) => sum + Amount(s, "balance"));
        var claimable = stakers.Aggregate(UInt128.Zero, (sum, s) => sum + Amount(s, "pending_voting_rewards"));
        Assert.True(claimable <= pendingRewards);
        if (totalShare > 0)
        {
            Assert.True(owned <= staked);
            Assert.True(staked - owned < (UInt128)shares.Count, $"staked {staked} owned {owned}");
            Assert.Equal(govBalance, totalDeposit + pendingRewards + owned + (staked - owned));
        }
        else
        {
            Assert.Equal(UInt128.Zero, owned);
        }
    }

    private static UInt128 Amount(JsonElement e, string property) =>
        UInt128.Parse(e.GetProperty(property).GetString()!, CultureInfo.InvariantCulture);
}
