using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MirrorChain.LoadGen;

/// <summary>The numbers of one load run, computed from both phases; printed as a table and as key=value lines.</summary>
internal sealed record LoadReport
{
    public required int Sent { get; init; }
    public required int Accepted { get; init; }
    public required int Rejected { get; init; }
    public required int CommittedOk { get; init; }
    public required int CommittedFailed { get; init; }
    public required int NotCommitted { get; init; }
    public required int Blocks { get; init; }
    public required long FirstHeight { get; init; }
    public required long LastHeight { get; init; }
    public required int MaxTxsPerBlock { get; init; }
    public required double AcceptSeconds { get; init; }
    public required double CommitSeconds { get; init; }
    public required bool TimedOut { get; init; }
    public required long MaxGasUsed { get; init; }

    /// <summary>Committed-with-error and rejected txs grouped by code and log: "N × code C: log".</summary>
    public required IReadOnlyList<string> Failures { get; init; }

    /// <summary>The workload's name (bank, swap, …).</summary>
    public string Workload { get; init; } = "bank";

    /// <summary>All-core signature verify rate measured just before the round (0: not measured).</summary>
    public double VerifyRate { get; init; }

    /// <summary>The 1-minute load average when the round started ("-" when unknown).</summary>
    public string LoadAverage { get; init; } = "-";

    public double AcceptRate => AcceptSeconds > 0 ? Accepted / AcceptSeconds : 0;

    public double CommitRate => CommitSeconds > 0 ? CommittedOk / CommitSeconds : 0;

    /// <summary>Every accepted tx was committed with code 0.</summary>
    public bool Success => Accepted > 0 && CommittedOk == Accepted;

    public static LoadReport Create(int sent, AcceptResult accept, CommitResult commit)
    {
        var ok = 0;
        var failed = 0;
        long maxGas = 0;
        var failures = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var hash in accept.Accepted)
        {
            if (commit.Committed.TryGetValue(hash, out var outcome))
            {
                maxGas = Math.Max(maxGas, outcome.GasUsed);
                if (outcome.Code == 0)
                {
                    ok++;
                }
                else
                {
                    failed++;
                    var key = $"code {outcome.Code}: {Shorten(outcome.Log)}";
                    failures[key] = failures.GetValueOrDefault(key) + 1;
                }
            }
        }
        var failureLines = failures.OrderByDescending(f => f.Value).Select(f => $"{f.Value} x committed with {f.Key}").ToList();
        if (accept.Rejected > 0)
        {
            failureLines.Add($"{accept.Rejected} x rejected by CheckTx, e.g. {(accept.RejectionSamples.Count > 0 ? Shorten(accept.RejectionSamples[0]) : "?")}");
        }
        var ourBlocks = commit.Blocks.Where(b => b.OurTxCount > 0).ToList();
        var lastSeen = ourBlocks.Count > 0 ? ourBlocks.Max(b => b.SeenTimestamp) : accept.StartTimestamp;
        return new LoadReport
        {
            Sent = sent,
            Accepted = accept.Accepted.Count,
            Rejected = accept.Rejected,
            CommittedOk = ok,
            CommittedFailed = failed,
            NotCommitted = accept.Accepted.Count - ok - failed,
            Blocks = ourBlocks.Count,
            FirstHeight = ourBlocks.Count > 0 ? ourBlocks.Min(b => b.Height) : 0,
            LastHeight = ourBlocks.Count > 0 ? ourBlocks.Max(b => b.Height) : 0,
            MaxTxsPerBlock = commit.Blocks.Count > 0 ? commit.Blocks.Max(b => b.TxCount) : 0,
            AcceptSeconds = accept.Elapsed.TotalSeconds,
            CommitSeconds = Stopwatch.GetElapsedTime(accept.StartTimestamp, lastSeen).TotalSeconds,
            TimedOut = commit.TimedOut,
            MaxGasUsed = maxGas,
            Failures = failureLines,
        };
    }

    private static string Shorten(string log)
    {
        var oneLine = log.ReplaceLineEndings(" ");
        return oneLine.Length <= 160 ? oneLine : oneLine[..160] + "…";
    }

    public string ToTable()
    {
        var rows = new List<(string, string, string)>
        {
            ("txs sent", N(Sent), ""),
            ("accepted (CheckTx code 0)", N(Accepted), ""),
            ("rejected", N(Rejected), ""),
            ("committed ok", N(CommittedOk), ""),
            ("committed failed", N(CommittedFailed), ""),
            ("accepted, not committed", N(NotCommitted), TimedOut ? "timed out" : ""),
            ("blocks with load txs", N(Blocks), Blocks > 0 ? $"heights {FirstHeight}-{LastHeight}" : ""),
            ("max txs/block", N(MaxTxsPerBlock), ""),
            ("accept time", S(AcceptSeconds), $"{R(AcceptRate)} tx/s"),
            ("commit time (first broadcast → last commit)", S(CommitSeconds), $"{R(CommitRate)} tx/s"),
        };
        if (MaxGasUsed > 0)
        {
            rows.Add(("max gas used by one tx", N(MaxGasUsed), ""));
        }
        if (VerifyRate > 0)
        {
            rows.Add(("verify rate just before (all cores)", R(VerifyRate), $"sig/s; accept {P(AcceptRate)}, commit {P(CommitRate)} of it"));
        }

        var w0 = rows.Max(r => r.Item1.Length);
        var w1 = rows.Max(r => r.Item2.Length);
        var sb = new StringBuilder();
        foreach (var (name, value, note) in rows)
        {
            sb.Append("  ").Append(name.PadRight(w0)).Append("  ").Append(value.PadLeft(w1));
            if (note.Length > 0)
            {
                sb.Append("  ").Append(note);
            }
            sb.Append('\n');
        }
        foreach (var failure in Failures)
        {
            sb.Append("  failure: ").Append(failure).Append('\n');
        }
        return sb.ToString();
    }

    public string ToKeyValues() => string.Join('\n',
        $"workload={Workload}",
        $"sent={Sent}",
        $"accepted={Accepted}",
        $"rejected={Rejected}",
        $"committed_ok={CommittedOk}",
        $"committed_failed={CommittedFailed}",
        $"not_committed={NotCommitted}",
        $"blocks={Blocks}",
        $"first_height={FirstHeight}",
        $"last_height={LastHeight}",
        $"max_txs_per_block={MaxTxsPerBlock}",
        $"accept_seconds={F(AcceptSeconds, "F3")}",
        $"accept_tps={F(AcceptRate, "F0")}",
        $"commit_seconds={F(CommitSeconds, "F3")}",
        $"commit_tps={F(CommitRate, "F0")}",
        $"max_gas_used={MaxGasUsed}",
        $"verify_sps={F(VerifyRate, "F0")}",
        $"load_average={LoadAverage}",
        $"failures={string.Join(" | ", Failures)}",
        $"success={(Success ? 1 : 0)}") + "\n";

    private string P(double rate) => VerifyRate > 0 ? F(rate * 100 / VerifyRate, "F1") + "%" : "-";

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string S(double seconds) => seconds.ToString("F3", CultureInfo.InvariantCulture) + " s";

    private static string R(double rate) => rate.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
