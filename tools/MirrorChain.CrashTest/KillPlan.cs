namespace MirrorChain.CrashTest;

/// <summary>When a cycle's SIGKILL lands.</summary>
internal enum KillMode
{
    /// <summary>The moment a broadcast_tx_commit reply with a height arrives (the block was just written).</summary>
    AfterCommitReply,

    /// <summary>Inside the next block's execute-and-write window, estimated from the node's block log lines.</summary>
    MidBlock,

    /// <summary>A random offset across the block interval after a block was committed.</summary>
    BlockOffset,

    /// <summary>A random moment, unrelated to blocks.</summary>
    Random,
}

/// <summary>
/// One cycle's kill: the mode, how long the load runs before the kill is armed, and a fraction in [0, 1) that places
/// the kill within the mode's window. All drawn from the seed, so a seed always gives the same schedule (the exact
/// interleaving with the node's threads still varies from run to run).
/// </summary>
internal sealed record KillPlan(int Cycle, KillMode Mode, int ArmAfterMs, double Fraction)
{
    /// <summary>The modes in turn (so any 4 consecutive cycles cover them all), times and fractions from the seed.</summary>
    public static IReadOnlyList<KillPlan> Schedule(int seed, int cycles)
    {
        var random = new Random(seed);
        var modes = Enum.GetValues<KillMode>();
        var plans = new List<KillPlan>(cycles);
        for (var c = 1; c <= cycles; c++)
        {
            plans.Add(new KillPlan(c, modes[(c - 1) % modes.Length], random.Next(300, 3000), random.NextDouble()));
        }
        return plans;
    }
}
