using System.Diagnostics;
using MirrorChain.Core;
using MirrorChain.Crypto;

namespace MirrorChain.LoadGen;

/// <summary>
/// What the rounds of one load generator process share: the node connections, the chain id, the sender pool (with
/// the sequences it tracks), the feeder, and the Mirror deployment. A round pre-signs its plans, broadcasts them
/// (phase 1) while following commits (phase 2), and reports.
/// </summary>
internal sealed class LoadSession(LoadGenOptions options, JsonRpcClient broadcastRpc, JsonRpcClient readRpc, string chainId,
    IReadOnlyList<SenderAccount> pool)
{
    /// <summary>Unmeasured rounds (warm-up, setup) send at most this many txs at once (the default mempool holds 5000).</summary>
    public const int ChunkSize = 2000;

    private int _cursor;
    private SenderAccount? _feeder;
    private MirrorDeployment? _deployment;
    private Dictionary<Address, long>? _prices;

    public LoadGenOptions Options { get; } = options;

    public JsonRpcClient ReadRpc { get; } = readRpc;

    public string ChainId { get; } = chainId;

    public IReadOnlyList<SenderAccount> Pool { get; } = pool;

    /// <summary>
    /// The next <paramref name="count"/> senders, round-robin over the pool from where the last call stopped: distinct
    /// when count ≤ pool size, otherwise each sender appears ⌈count / pool⌉ or ⌊count / pool⌋ times.
    /// </summary>
    public IReadOnlyList<SenderAccount> TakeSenders(int count)
    {
        var list = new SenderAccount[count];
        for (var i = 0; i < count; i++)
        {
            list[i] = Pool[(_cursor + i) % Pool.Count];
        }
        _cursor = (_cursor + count) % Pool.Count;
        return list;
    }

    public MirrorDeployment Deployment => _deployment ??= MirrorDeployment.Load(
        Options.ContractsFile ?? throw new FormatException("Mirror workloads need --contracts HOME/config/contracts.json"));

    /// <summary>The oracle feeder of the genesis mAssets: the devnet's test1 (the pool's own entry when it holds test1).</summary>
    public async Task<SenderAccount> FeederAsync(CancellationToken ct)
    {
        if (_feeder is not null)
        {
            return _feeder;
        }
        var key = DevnetAccounts.LoadTestKeys(Options.AccountsFile, 1)[0].Key;
        _feeder = Pool.FirstOrDefault(p => p.Address == key.Address);
        if (_feeder is null)
        {
            var (number, sequence) = await NodeQueries.AccountAsync(ReadRpc, key.Address, ct).ConfigureAwait(false);
            _feeder = new SenderAccount("test1 (feeder)", key, number, sequence);
        }
        return _feeder;
    }

    /// <summary>Current oracle prices (micro-uusd) of every mAsset, as this process last fed them (first read from the oracle).</summary>
    public async Task<Dictionary<Address, long>> PricesAsync(CancellationToken ct)
    {
        if (_prices is null)
        {
            _prices = [];
            foreach (var asset in Deployment.Assets)
            {
                _prices[asset.Token] = await ContractQueries.OraclePriceMicrosAsync(ReadRpc, Deployment.Oracle, asset.Token, ct).ConfigureAwait(false);
            }
        }
        return _prices;
    }

    /// <summary>One feed_price tx (all mAssets, prices × (10000 + <paramref name="moveBasisPoints"/>) / 10000), sent and committed.</summary>
    public async Task FeedAsync(int moveBasisPoints, CancellationToken ct)
    {
        var prices = await PricesAsync(ct).ConfigureAwait(false);
        foreach (var token in prices.Keys.ToList())
        {
            prices[token] = prices[token] * (10_000 + moveBasisPoints) / 10_000;
        }
        var feeder = await FeederAsync(ct).ConfigureAwait(false);
        await SetupAsync("feed prices", [Workloads.FeedPlan(this, feeder, prices, 0)], keepEvents: false, ct).ConfigureAwait(false);
    }

    /// <summary>Unmeasured rounds of at most <see cref="ChunkSize"/> txs; every tx must commit with code 0.</summary>
    /// <exception cref="SetupFailedException">A tx was rejected, failed or did not commit.</exception>
    public async Task<TxOutcome[]> SetupAsync(string label, IReadOnlyList<TxPlan> plans, bool keepEvents, CancellationToken ct,
        Func<CancellationToken, Task>? beforeEachChunk = null)
    {
        var outcomes = new TxOutcome[plans.Count];
        for (var done = 0; done < plans.Count;)
        {
            var count = Math.Min(ChunkSize, plans.Count - done);
            if (beforeEachChunk is not null)
            {
                await beforeEachChunk(ct).ConfigureAwait(false);
            }
            Log($"setup: {label}: {count} txs ({done + count}/{plans.Count}, not measured)");
            var round = await RoundAsync(plans.Skip(done).Take(count).ToList(), keepEvents, ct).ConfigureAwait(false);
            if (!round.Report.Success)
            {
                Console.Write(round.Report.ToTable());
                throw new SetupFailedException($"setup '{label}' did not commit all its txs with code 0: {string.Join("; ", round.Report.Failures)}");
            }
            round.Outcomes.CopyTo(outcomes, done);
            done += count;
        }
        return outcomes;
    }

    /// <summary>
    /// One round: signs the plans (not timed), broadcasts them, follows their commits, then updates the senders'
    /// sequences (by count when all of a sender's txs were committed, else by asking the node).
    /// </summary>
    public async Task<RoundResult> RoundAsync(IReadOnlyList<TxPlan> plans, bool keepEvents, CancellationToken ct)
    {
        var signing = Stopwatch.StartNew();
        var (perSender, perPlan, senders) = TxPresigner.Sign(plans, ChainId);
        var ourHashes = perPlan.Select(t => t.HashHex).ToHashSet(StringComparer.Ordinal);
        Log($"pre-signed {plans.Count} txs of {senders.Length} senders in {signing.Elapsed.TotalSeconds:F2} s");

        var (_, startHeight) = await NodeQueries.StatusAsync(ReadRpc, ct).ConfigureAwait(false);
        Log($"phase 1 (accept): broadcast_tx_sync, concurrency {Options.Concurrency}, batch {Options.Batch}; phase 2 (commit) follows from height {startHeight + 1}");
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var accept = AcceptPhase.RunAsync(broadcastRpc, perSender, Options.Concurrency, ct, Options.Batch);
        var watcher = new CommitWatcher(ReadRpc, ourHashes, startHeight, Options.PollInterval, keepEvents);
        var commitTask = watcher.RunAsync(accept, Options.Timeout, ct);
        var acceptResult = await accept.ConfigureAwait(false);
        Log($"phase 1 done: {acceptResult.Accepted.Count} accepted, {acceptResult.Rejected} rejected in {acceptResult.Elapsed.TotalSeconds:F3} s");
        foreach (var sample in acceptResult.RejectionSamples)
        {
            Log($"  rejected: {sample}");
        }
        var commit = await commitTask.ConfigureAwait(false);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var report = LoadReport.Create(plans.Count, acceptResult, commit);
        Log($"phase 2 done: {report.CommittedOk} committed ok, {report.CommittedFailed} failed, {report.NotCommitted} missing; last at height {report.LastHeight}; load generator CPU in phases 1-2: {cpu.TotalSeconds:F2} s");

        for (var g = 0; g < perSender.Length; g++)
        {
            var txs = perSender[g];
            if (txs.All(t => commit.Committed.ContainsKey(t.HashHex)))
            {
                senders[g].NextSequence += (ulong)txs.Count;
            }
            else
            {
                senders[g].NextSequence = (await NodeQueries.AccountAsync(ReadRpc, senders[g].Address, ct).ConfigureAwait(false)).Sequence;
            }
        }
        var outcomes = perPlan.Select(t => commit.Committed.GetValueOrDefault(t.HashHex) ?? new TxOutcome(uint.MaxValue, "not committed", 0, null)).ToArray();
        return new RoundResult(report, outcomes);
    }

    /// <summary>Waits (up to 30 s) until the node's mempool is empty, so that a measurement starts on an idle node.</summary>
    public async Task WaitIdleAsync(CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + 30 * Stopwatch.Frequency;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var result = await ReadRpc.CallAsync("num_unconfirmed_txs", ct).ConfigureAwait(false);
            if (result.TryGetProperty("total", out var total) && NodeQueries.Int64(total) == 0)
            {
                return;
            }
            await Task.Delay(100, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Reads account numbers and sequences of many keys, <paramref name="parallel"/> queries at a time.</summary>
    public static async Task<SenderAccount[]> LoadAccountsAsync(JsonRpcClient rpc, IReadOnlyList<(string Name, PrivateKey Key)> keys, int parallel, CancellationToken ct)
    {
        var accounts = new SenderAccount[keys.Count];
        var next = -1;
        async Task Worker()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < keys.Count)
            {
                var (number, sequence) = await NodeQueries.AccountAsync(rpc, keys[i].Key.Address, ct).ConfigureAwait(false);
                accounts[i] = new SenderAccount(keys[i].Name, keys[i].Key, number, sequence);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, parallel)).Select(_ => Task.Run(Worker, ct))).ConfigureAwait(false);
        return accounts;
    }

    public static void Log(string message) => Console.Error.WriteLine($"[loadgen] {message}");
}

/// <summary>A round's report, and each plan's outcome in plan order (code <see cref="uint.MaxValue"/>: not committed).</summary>
internal sealed record RoundResult(LoadReport Report, TxOutcome[] Outcomes);

/// <summary>An unmeasured setup round did not commit every tx with code 0.</summary>
internal sealed class SetupFailedException(string message) : Exception(message);
