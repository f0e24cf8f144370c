namespace MirrorChain.Sim;

/// <summary>Counts of the run: txs by op and result ("ok", "code N", "check N" for CheckTx rejections, "skipped").</summary>
public sealed class SimStats
{
    public SortedDictionary<string, SortedDictionary<string, long>> ByOp { get; } = new(StringComparer.Ordinal);

    public long Blocks { get; set; }

    public long InvariantChecks { get; set; }

    public long TxsCommitted { get; set; }

    public long TxsOk { get; set; }

    /// <summary>Where the time went: planning + signing + CheckTx, block production, invariant checks.</summary>
    public System.Diagnostics.Stopwatch PlanTime { get; } = new();

    public System.Diagnostics.Stopwatch BlockTime { get; } = new();

    public System.Diagnostics.Stopwatch InvariantTime { get; } = new();

    /// <summary>The most gas a successful tx of each op used (to keep <see cref="Ops.Gas"/>'s limits honest).</summary>
    public SortedDictionary<string, long> MaxGasUsed { get; } = new(StringComparer.Ordinal);

    /// <summary>The first log seen per "op / result" (failures only).</summary>
    public SortedDictionary<string, string> FirstLogs { get; } = new(StringComparer.Ordinal);

    public void Count(string op, string result, string? log = null)
    {
        if (log is not null)
        {
            FirstLogs.TryAdd($"{op} / {result}", log);
        }
        if (!ByOp.TryGetValue(op, out var m))
        {
            m = new SortedDictionary<string, long>(StringComparer.Ordinal);
            ByOp[op] = m;
        }
        m[result] = m.GetValueOrDefault(result) + 1;
    }

    public long Total(string op, string result) => ByOp.TryGetValue(op, out var m) ? m.GetValueOrDefault(result) : 0;
}

/// <summary>The last ops of the run, for a failure report.</summary>
public sealed class OpRing(int capacity)
{
    private readonly Queue<string> _items = new();

    public void Add(string line)
    {
        _items.Enqueue(line);
        while (_items.Count > capacity)
        {
            _items.Dequeue();
        }
    }

    public IReadOnlyList<string> Items => _items.ToList();
}

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
