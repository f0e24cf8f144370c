using System.Diagnostics;
using MirrorChain.Core;

namespace MirrorChain.LoadGen;

/// <summary>
/// One load run: an optional unmeasured warm-up of bank sends, then for each workload of the mix its unmeasured
/// setup, a pause until the node is idle, the verify-rate measurement, and the measured round.
/// </summary>
internal static class LoadRun
{
    public static async Task<int> RunAsync(LoadGenOptions o, CancellationToken ct)
    {
        // Query and block reads use their own connections so they never queue behind broadcasts.
        using var broadcastRpc = new JsonRpcClient(o.Rpc, o.Concurrency, TimeSpan.FromSeconds(60));
        using var readRpc = new JsonRpcClient(o.Rpc, Math.Max(4, o.Concurrency), TimeSpan.FromSeconds(60));

        var recipient = o.Recipient is null ? TxPresigner.DefaultRecipient() : Address.Parse(o.Recipient);
        var keyTimer = Stopwatch.StartNew();
        var keys = o.BenchAccounts > 0
            ? BenchKeys.Keys(o.Seed, o.BenchAccounts).Select((k, i) => ($"bench{i}", k)).ToList()
            : DevnetAccounts.LoadTestKeys(o.AccountsFile, o.Senders);
        var senderText = o.BenchAccounts > 0 ? $"{o.BenchAccounts} bench accounts (seed '{o.Seed}')" : $"{o.Senders} senders (test1..test{o.Senders})";
        Log($"derived {keys.Count} keys in {keyTimer.Elapsed.TotalSeconds:F2} s");
        if (o.WaitReady > TimeSpan.Zero)
        {
            await NodeQueries.WaitReadyAsync(readRpc, o.WaitReady, ct);
        }
        var (chainId, height) = await NodeQueries.StatusAsync(readRpc, ct);
        var accountTimer = Stopwatch.StartNew();
        var pool = await LoadSession.LoadAccountsAsync(readRpc, keys, Math.Max(4, o.Concurrency), ct);
        Log($"read {pool.Length} account numbers and sequences in {accountTimer.Elapsed.TotalSeconds:F2} s");
        Log($"chain {chainId} at height {height}; {senderText}, recipient {recipient}; mix {string.Join(",", o.Mix)}");
        await broadcastRpc.CallAsync("health", ct); // opens a connection before anything is timed
        var session = new LoadSession(o, broadcastRpc, readRpc, chainId, pool);

        // Warm-up: unmeasured rounds of bank sends (each committed before the next, so the mempool never fills). A
        // freshly started node runs tier-0 JIT code for its first seconds of load: about 2.5x the CPU per tx.
        for (var done = 0; done < o.Warmup;)
        {
            var count = Math.Min(LoadSession.ChunkSize, o.Warmup - done);
            Log($"warm-up round: {count} txs ({done + count}/{o.Warmup}, not measured)");
            var warm = await session.RoundAsync([.. session.TakeSenders(count).Select(a => TxPresigner.BankSend(a, recipient))], keepEvents: false, ct);
            if (!warm.Report.Success)
            {
                Console.Write(warm.Report.ToTable());
                Log("FAIL: a warm-up round did not commit all its txs");
                return 1;
            }
            done += count;
        }

        if (o.SummaryDir is { } dir)
        {
            Directory.CreateDirectory(dir);
        }
        var failed = new List<string>();
        foreach (var workload in o.Mix)
        {
            IReadOnlyList<TxPlan> plans;
            try
            {
                plans = await Workloads.PrepareAsync(workload, session, o.Txs, recipient, ct);
            }
            catch (SetupFailedException e)
            {
                Log($"FAIL: {workload}: {e.Message}");
                failed.Add(workload);
                continue;
            }
            double verify = 0;
            if (o.VerifySeconds > 0)
            {
                await session.WaitIdleAsync(ct);
                verify = VerifyRate.Measure(TimeSpan.FromSeconds(o.VerifySeconds));
                Log($"{workload}: verify rate {verify:F0} sig/s on {Environment.ProcessorCount} cores (node idle)");
            }
            var load = LoadAverage();
            Log($"{workload}: measured round of {plans.Count} txs");
            var round = await session.RoundAsync(plans, keepEvents: false, ct);
            var report = round.Report with { Workload = workload, VerifyRate = verify, LoadAverage = load };
            Console.WriteLine($"MirrorChain load: {o.Txs} {Describe(workload)}, {senderText}, concurrency {o.Concurrency}, batch {o.Batch}, chain {chainId}, {o.Rpc}");
            Console.Write(report.ToTable());
            Console.WriteLine();
            if (o.SummaryDir is { } d)
            {
                await File.WriteAllTextAsync(Path.Combine(d, workload + ".txt"), report.ToKeyValues(), ct);
            }
            if (o.SummaryFile is { } file && workload == o.Mix[0])
            {
                await File.WriteAllTextAsync(file, report.ToKeyValues(), ct);
            }
            if (!report.Success)
            {
                Log(report.Accepted == 0
                    ? $"FAIL: {workload}: no tx was accepted"
                    : $"FAIL: {workload}: {report.Accepted - report.CommittedOk} accepted txs were not committed with code 0");
                failed.Add(workload);
            }
        }
        return failed.Count == 0 ? 0 : 1;
    }

    private static string Describe(string workload) => workload switch
    {
        Workloads.Bank => "bank sends",
        Workloads.Swap => "Terraswap swaps (1 UST for an mAsset)",
        Workloads.ProvideLiquidity => "provide_liquidity (mAsset + UST)",
        Workloads.OpenPosition => "mint open_position (1000 UST at 200%)",
        Workloads.Deposit => "mint deposit (100 UST)",
        Workloads.FeedPrice => "oracle feed_price (feeder test1, all mAssets)",
        Workloads.Auction => "mint auctions (cw20 send with the auction hook)",
        _ => workload,
    };

    /// <summary>The 1-minute load average (Linux /proc/loadavg), or "-".</summary>
    public static string LoadAverage()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg");
            return text.Split(' ')[0];
        }
        catch (IOException)
        {
            return "-";
        }
        catch (UnauthorizedAccessException)
        {
            return "-";
        }
    }

    private static void Log(string message) => LoadSession.Log(message);
}
