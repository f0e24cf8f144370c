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
