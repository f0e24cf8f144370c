using System.Diagnostics;
using MirrorChain.Core;
using MirrorChain.Crypto;

namespace MirrorChain.LoadGen;

/// <summary>
/// One load run: an optional unmeasured warm-up round, then the measured round. A round reads the senders' account
/// numbers and sequences, pre-signs, broadcasts (phase 1) while following commits (phase 2), and reports.
/// </summary>
internal static class LoadRun
{
    private const int WarmupRound = 2000;

    public static async Task<int> RunAsync(LoadGenOptions o, CancellationToken ct)
    {
        // Query and block reads use their own connections so they never queue behind broadcasts.
        using var broadcastRpc = new JsonRpcClient(o.Rpc, o.Concurrency, TimeSpan.FromSeconds(60));
        using var readRpc = new JsonRpcClient(o.Rpc, 4, TimeSpan.FromSeconds(60));

        var recipient = o.Recipient is null ? TxPresigner.DefaultRecipient() : Address.Parse(o.Recipient);
        var keys = DevnetAccounts.LoadTestKeys(o.AccountsFile, o.Senders);
        if (o.WaitReady > TimeSpan.Zero)
        {
            await NodeQueries.WaitReadyAsync(readRpc, o.WaitReady, ct);
        }
        var (chainId, height) = await NodeQueries.StatusAsync(readRpc, ct);
        Log($"chain {chainId} at height {height}; {o.Senders} senders, recipient {recipient}");
        await broadcastRpc.CallAsync("health", ct); // opens a connection before anything is timed

        // Warm-up: unmeasured rounds of at most WarmupRound txs (each committed before the next, so the mempool never
        // fills). A freshly started node runs tier-0 JIT code for its first seconds of load: about 2.5x the CPU per tx.
        for (var done = 0; done < o.Warmup;)
        {
            var count = Math.Min(WarmupRound, o.Warmup - done);
            Log($"warm-up round: {count} txs ({done + count}/{o.Warmup}, not measured)");
            var warm = await RoundAsync(o, count, keys, recipient, chainId, broadcastRpc, readRpc, ct);
            if (!warm.Success)
            {
                Console.Write(warm.ToTable());
                Log("FAIL: a warm-up round did not commit all its txs");
                return 1;
            }
            done += count;
        }

        var report = await RoundAsync(o, o.Txs, keys, recipient, chainId, broadcastRpc, readRpc, ct);
        Console.WriteLine($"MirrorChain load: {o.Txs} bank sends, {o.Senders} senders, concurrency {o.Concurrency}, chain {chainId}, {o.Rpc}");
        Console.Write(report.ToTable());
        if (o.SummaryFile is { } file)
        {
            await File.WriteAllTextAsync(file, report.ToKeyValues(), ct);
        }
        if (!report.Success)
        {
            Log(report.Accepted == 0
                ? "FAIL: no tx was accepted"
                : $"FAIL: {report.Accepted - report.CommittedOk} accepted txs were not committed with code 0");
            return 1;
        }
        return 0;
    }

    private static async Task<LoadReport> RoundAsync(LoadGenOptions o, int txs, IReadOnlyList<(string Name, PrivateKey Key)> keys,
        Address recipient, string chainId, JsonRpcClient broadcastRpc, JsonRpcClient readRpc, CancellationToken ct)
    {
        var senders = new List<SenderAccount>();
        foreach (var (name, key) in keys)
        {
            var (number, sequence) = await NodeQueries.AccountAsync(readRpc, key.Address, ct);
            senders.Add(new SenderAccount(name, key, number, sequence));
        }
        var signing = Stopwatch.StartNew();
        var perSender = TxPresigner.Sign(txs, senders, recipient, chainId);
        var ourHashes = perSender.SelectMany(l => l).Select(t => t.HashHex).ToHashSet(StringComparer.Ordinal);
        Log($"pre-signed {txs} txs in {signing.Elapsed.TotalSeconds:F2} s");

        var (_, startHeight) = await NodeQueries.StatusAsync(readRpc, ct);
        Log($"phase 1 (accept): broadcast_tx_sync, concurrency {o.Concurrency}; phase 2 (commit) follows from height {startHeight + 1}");
        var accept = AcceptPhase.RunAsync(broadcastRpc, perSender, o.Concurrency, ct);
        var watcher = new CommitWatcher(readRpc, ourHashes, startHeight, o.PollInterval);
        var commitTask = watcher.RunAsync(accept, o.Timeout, ct);
        var acceptResult = await accept;
        Log($"phase 1 done: {acceptResult.Accepted.Count} accepted, {acceptResult.Rejected} rejected in {acceptResult.Elapsed.TotalSeconds:F3} s");
        foreach (var sample in acceptResult.RejectionSamples)
        {
            Log($"  rejected: {sample}");
        }
        var commit = await commitTask;
        var report = LoadReport.Create(txs, acceptResult, commit);
        Log($"phase 2 done: {report.CommittedOk} committed ok, {report.CommittedFailed} failed, {report.NotCommitted} missing; last at height {report.LastHeight}");
        return report;
    }

    private static void Log(string message) => Console.Error.WriteLine($"[loadgen] {message}");
}
