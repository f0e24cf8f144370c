namespace MirrorChain.Sim;

/// <summary>An invariant broke (or replay/determinism diverged): everything needed to reproduce it.</summary>
public sealed class SimFailure(ulong seed, long height, string invariant, string detail, IReadOnlyList<string> lastOps)
    : Exception($"seed {seed}, height {height}: invariant '{invariant}' broken: {detail}")
{
    public ulong Seed { get; } = seed;

    public long Height { get; } = height;

    public string Invariant { get; } = invariant;

    public string Detail { get; } = detail;

    public IReadOnlyList<string> LastOps { get; } = lastOps;

    public string Report()
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine("SIMULATION FAILURE");
        sb.AppendLine($"  seed       {Seed}");
        sb.AppendLine($"  height     {Height}");
        sb.AppendLine($"  invariant  {Invariant}");
        sb.AppendLine($"  detail     {Detail}");
        sb.AppendLine($"  last {LastOps.Count} ops (oldest first):");
        foreach (var l in LastOps)
        {
            sb.AppendLine("    " + l);
        }
        sb.AppendLine($"  reproduce: tools/sim --seed {Seed} --blocks {Height} (same --accounts and --txs-per-block)");
        return sb.ToString();
    }
}
