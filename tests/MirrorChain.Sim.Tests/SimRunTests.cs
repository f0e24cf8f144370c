using MirrorChain.Core;

namespace MirrorChain.Sim.Tests;

/// <summary>Whole runs: invariants after every block, most txs succeed, the stored chain replays identically, same seed = same chain.</summary>
public sealed class SimRunTests
{
    private static SimOptions Options(ulong seed, int blocks) => new() { Seed = seed, Blocks = blocks, Accounts = 120, TxsPerBlock = 12 };

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void Two_hundred_blocks_keep_every_invariant_and_replay_identically(ulong seed)
    {
        using var sim = new Simulation(Options(seed, 200));
        var failure = Record.Exception(() => sim.Run());
        Assert.True(failure is null, (failure as SimFailure)?.Report() ?? failure?.ToString());

        Assert.Equal(200, sim.Node.LatestHeight);
        Assert.Equal(200L * sim.Invariants.Count, sim.Stats.InvariantChecks);
        Assert.True(sim.Stats.TxsOk * 100 >= sim.Stats.TxsCommitted * 95, $"only {sim.Stats.TxsOk} of {sim.Stats.TxsCommitted} txs succeeded");
        foreach (var op in new[] { "feed_price", "bank_send", "swap_buy", "swap_sell", "provide_liquidity", "withdraw_liquidity", "cdp_open", "cdp_deposit", "cdp_burn", "short_open", "staking_bond", "staking_unbond", "gov_stake", "gov_create_poll", "gov_vote", "gov_end_poll", "factory_distribute", "collector_convert", "delist", "burn_end_price", "auction", "gov_execute_poll", "short_unlock" })
        {
            Assert.True(sim.Stats.Total(op, "ok") > 0, $"no successful {op} in 200 blocks");
        }

        Assert.True(sim.Invariants.OfType<MirrorChain.Sim.Invariants.AuctionableInvariant>().Single().AuctionsTried > 0, "no position ever fell under its ratio");

        var replay = sim.Replay();
        Assert.True(replay.Ok, replay.Mismatch);
        Assert.Equal(200, replay.BlocksReplayed);
    }

    [Fact]
    public void The_same_seed_twice_builds_the_same_chain_and_another_seed_does_not()
    {
        static List<string> Hashes(ulong seed)
        {
            using var sim = new Simulation(new SimOptions { Seed = seed, Blocks = 40, Accounts = 60, TxsPerBlock = 10 });
            sim.Run();
            return sim.AppHashes.Select(h => Hex.Upper(h)).ToList();
        }

        var first = Hashes(11);
        var second = Hashes(11);
        Assert.Equal(40, first.Count);
        Assert.Equal(first, second);
        Assert.NotEqual(first[^1], Hashes(12)[^1]);
    }

    [Fact]
    public void A_broken_invariant_stops_the_run_at_that_height_with_the_last_ops()
    {
        var options = new SimOptions { Seed = 3, Blocks = 10, Accounts = 40, TxsPerBlock = 6 };
        using var sim = new Simulation(options, invariants: [new BreaksAtHeight(4)]);
        var failure = Assert.Throws<SimFailure>(() => sim.Run());
        Assert.Equal(4, failure.Height);
        Assert.Equal(3UL, failure.Seed);
        Assert.Equal("breaks at height 4", failure.Invariant);
        Assert.Equal("height 4 >= 4", failure.Detail);
        Assert.NotEmpty(failure.LastOps);
        Assert.Equal(4, sim.Node.LatestHeight);
    }

    private sealed class BreaksAtHeight(long height) : MirrorChain.Sim.Invariants.IInvariant
    {
        public string Name => $"breaks at height {height}";

        public IEnumerable<string> Check(MirrorChain.Sim.Invariants.InvariantContext ctx)
        {
            if (ctx.View.Block.Height >= height)
            {
                yield return $"height {ctx.View.Block.Height} >= {height}";
            }
        }
    }

    [Fact]
    public void A_failure_report_names_seed_height_invariant_numbers_and_last_ops()
    {
        var f = new SimFailure(5, 17, "bank supply = sum of balances", "uusd: supply 10 != sum of balances 11", ["h=17 bank_send by sim3: 1uusd to sim4 -> ok"]);
        var report = f.Report();
        Assert.Contains("seed       5", report, StringComparison.Ordinal);
        Assert.Contains("height     17", report, StringComparison.Ordinal);
        Assert.Contains("bank supply = sum of balances", report, StringComparison.Ordinal);
        Assert.Contains("supply 10 != sum of balances 11", report, StringComparison.Ordinal);
        Assert.Contains("h=17 bank_send", report, StringComparison.Ordinal);
        Assert.Contains("tools/sim --seed 5 --blocks 17", report, StringComparison.Ordinal);
    }

    [Fact]
    public void The_command_line_parses_the_documented_flags_and_rejects_others()
    {
        var (o, replay) = Program.Parse(["--seed", "9", "--blocks", "10000", "--accounts", "3000", "--txs-per-block", "40", "--no-replay"]);
        Assert.Equal(9UL, o.Seed);
        Assert.Equal(10000, o.Blocks);
        Assert.Equal(3000, o.Accounts);
        Assert.Equal(40, o.TxsPerBlock);
        Assert.False(replay);
        Assert.Throws<FormatException>(() => Program.Parse(["--blocks", "0"]));
        Assert.Throws<FormatException>(() => Program.Parse(["--speed", "1"]));
    }
}
