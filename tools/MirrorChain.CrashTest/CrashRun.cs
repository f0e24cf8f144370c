using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using MirrorChain.Crypto;
using MirrorChain.LoadGen;

namespace MirrorChain.CrashTest;

/// <summary>
/// The crash test: a fresh home, then per cycle start the node, check what survived the previous kill, run the
/// load, kill the node with SIGKILL at the planned moment. After the last cycle: one more restart and check, a last
/// SIGKILL, and <c>mirrorchain replay</c> over the killed home.
/// </summary>
internal sealed partial class CrashRun(CrashTestOptions options, int seed, string home, string nodeLog, TextWriter output)
{
    private static readonly TimeSpan AcceptTimeout = TimeSpan.FromSeconds(30);
    private readonly Ledger _ledger = new();
    private readonly Dictionary<long, string> _knownHashes = [];
    private readonly List<string> _problems = [];
    private readonly string _cli = options.Cli!;
    private int _kills;
    private long _verifiedHeight;

    public IReadOnlyList<string> Problems => _problems;

    public string Summary { get; private set; } = "";

    public async Task<bool> RunAsync(CancellationToken ct)
    {
        NodeProcess.Init(_cli, home, nodeLog);
        var keys = DevnetKeys.Load(home, options.Senders);
        var plans = KillPlan.Schedule(seed, options.Cycles);
        output.WriteLine(F($"crashtest: seed {seed}, {options.Cycles} cycles, block time {options.BlockTime}, {keys.Count} senders ({string.Join(",", keys.Select(k => k.Name))}), home {home}"));
        output.WriteLine(CycleRow.Header);

        CycleRow? previous = null;
        string? chainId = null;
        for (var cycle = 1; cycle <= options.Cycles + 1; cycle++)
        {
            using var node = NodeProcess.Start(_cli, home, options.BlockTime, nodeLog);
            using var readRpc = new JsonRpcClient(node.Rpc, 4, TimeSpan.FromSeconds(30));
            try
            {
                await NodeQueries.WaitReadyAsync(readRpc, options.ReadyTimeout, ct).ConfigureAwait(false);
            }
            catch (JsonRpcException e)
            {
                Fail($"restart {cycle}: {e.Message} (node log: {nodeLog})");
                return false;
            }
            var openedAt = await node.WaitStartHeightAsync(TimeSpan.FromSeconds(10), ct).ConfigureAwait(false);
            (chainId, var latest) = await NodeQueries.StatusAsync(readRpc, ct).ConfigureAwait(false);
            await VerifyAsync(readRpc, previous, openedAt, latest, ct).ConfigureAwait(false);
            if (previous is not null)
            {
                output.WriteLine(previous.Format());
            }
            if (cycle > options.Cycles)
            {
                node.SignalKill();
                await node.WaitForExitAsync().ConfigureAwait(false);
                _kills++;
                break;
            }
            previous = await RunCycleAsync(node, readRpc, plans[cycle - 1], keys, chainId, openedAt, ct).ConfigureAwait(false);
            if (options.SelfTestDropWal && cycle == options.Cycles)
            {
                DropWriteAheadLog();
            }
        }

        var (replayOk, replayLine) = await ReplayAsync(ct).ConfigureAwait(false);
        var total = _ledger.CommittedCount;
        Summary = F($"seed {seed}: {options.Cycles} cycles, {_kills} SIGKILLs, {total} txs seen committed, {_lostTotal} lost, heights 1..{_verifiedHeight} contiguous and hash-linked: {(_chainBroken ? "NO" : "yes")}, replay: {replayLine}");
        output.WriteLine();
        output.WriteLine($"crashtest summary: {Summary}");
        return _problems.Count == 0 && replayOk;
    }

    private int _lostTotal;
    private bool _chainBroken;

    private async Task<CycleRow> RunCycleAsync(
        NodeProcess node, JsonRpcClient readRpc, KillPlan plan, IReadOnlyList<(string Name, PrivateKey Key)> keys, string chainId, long restartHeight, CancellationToken ct)
    {
        var row = new CycleRow(plan.Cycle) { Pid = node.Pid };
        var trigger = new KillTrigger(node, readRpc, plan, options.BlockTimeMs);
        using var broadcastRpc = new JsonRpcClient(node.Rpc, keys.Count, TimeSpan.FromSeconds(30));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var senders = keys.Select(k => new LoadSender(k.Name, k.Key, chainId, _ledger, plan.Cycle, options.PauseMs) { OnCommitted = trigger.CommitReplied }).ToList();
        var running = senders.Select(s => Task.Run(() => s.RunAsync(broadcastRpc, stop.Token), stop.Token)).ToList();

        // The restarted node must take txs again from every sender, each from its committed sequence.
        var waitStart = Stopwatch.GetTimestamp();
        while (senders.Any(s => s.CommittedThisCycle == 0) && Stopwatch.GetElapsedTime(waitStart) < AcceptTimeout && !node.HasExited)
        {
            await Task.Delay(20, ct).ConfigureAwait(false);
        }
        foreach (var s in senders.Where(s => s.CommittedThisCycle == 0))
        {
            Fail($"cycle {plan.Cycle}: {s.Name} got no tx committed within {AcceptTimeout.TotalSeconds:F0} s of the restart (rejected {s.Rejected}, unanswered {s.Unanswered}; last rejection: {s.LastRejection ?? "none"})");
        }
        foreach (var s in senders.Where(s => s.FirstHeight != 0 && s.FirstHeight <= restartHeight))
        {
            Fail($"cycle {plan.Cycle}: {s.Name}'s first tx after the restart at height {restartHeight} was committed at height {s.FirstHeight}");
        }

        row.Moment = node.HasExited ? "node exited by itself" : await trigger.RunAsync(ct).ConfigureAwait(false);
        var exitCode = await node.WaitForExitAsync().ConfigureAwait(false);
        _kills++;
        if (exitCode != 137)
        {
            Fail($"cycle {plan.Cycle}: the node exited with code {exitCode}, not 137 (SIGKILL); see {nodeLog}");
        }
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        row.TargetHeight = trigger.TargetHeight;
        row.HeightAtKill = Math.Max(node.MaxLoggedHeight, _ledger.MaxCommittedHeight);
        row.CommittedReplies = senders.Sum(s => s.CommittedThisCycle);
        row.InFlight = _ledger.TakeInFlight();
        return row;
    }

    /// <summary>The checks after a (re)start; fills the previous cycle's row.</summary>
    private async Task VerifyAsync(JsonRpcClient rpc, CycleRow? row, long openedAt, long latest, CancellationToken ct)
    {
        var label = row is null ? "first start" : $"after kill {row.Cycle}";
        var chainProblems = new List<string>();
        if (openedAt < 0)
        {
            chainProblems.Add("the node did not print the height it opened at");
        }
        else if (row is not null && openedAt < row.HeightAtKill)
        {
            chainProblems.Add($"reopened at height {openedAt}, but height {row.HeightAtKill} was shown as committed before the kill");
        }
        var blocks = await ChainReader.ReadAsync(rpc, latest, ct).ConfigureAwait(false);
        chainProblems.AddRange(ChainChecks.Links(blocks, latest));
        chainProblems.AddRange(ChainChecks.Stable(blocks, _knownHashes));
        var locations = ChainChecks.Locations(blocks);

        // Txs whose broadcast got no answer: in the chain means committed (the tx RPC must agree from now on).
        if (row is not null)
        {
            foreach (var tx in row.InFlight)
            {
                if (locations.TryGetValue(tx.Hash, out var at))
                {
                    var block = blocks[at.Height];
                    var result = at.Index < block.Results.Count ? block.Results[at.Index] : "";
                    _ledger.Committed(new CommittedTx(tx.Hash, tx.Sender, tx.Sequence, at.Height, at.Index, result, tx.Cycle));
                    row.InFlightCommitted++;
                }
                else
                {
                    row.InFlightDropped++;
                }
            }
        }

        var committed = _ledger.CommittedSnapshot();
        var (lost, indexes) = ChainChecks.Committed(committed, blocks, locations);
        foreach (var (hash, index) in indexes)
        {
            _ledger.SetIndex(hash, index);
        }
        var txRpc = await TxLookup.CheckAsync(rpc, _ledger.CommittedSnapshot(), ct).ConfigureAwait(false);
        txRpc.AddRange(await EventSearch.CheckAsync(rpc, _ledger.CommittedSnapshot(), ct).ConfigureAwait(false));
        var lostHashes = lost.Select(l => l.Hash).Concat(txRpc.Select(l => l.Hash)).ToHashSet(StringComparer.Ordinal);

        // Every tx in the chain was sent by a client of this test and must be accounted for.
        var unaccounted = locations.Keys.Where(h => !_ledger.Contains(h)).ToList();
        foreach (var h in unaccounted.Take(5))
        {
            chainProblems.Add($"tx {h} at height {locations[h].Height} is in the chain but no client saw it committed or left it unanswered");
        }

        foreach (var p in chainProblems.Take(10))
        {
            Fail($"{label}: {p}");
        }
        foreach (var (_, p) in lost.Concat(txRpc).Take(10))
        {
            Fail($"{label}: {p}");
        }
        _lostTotal += lostHashes.Count;
        _chainBroken |= chainProblems.Count > 0;
        _verifiedHeight = latest;
        if (row is not null)
        {
            row.RestartHeight = openedAt;
            row.Lost = lostHashes.Count;
            row.ChainOk = chainProblems.Count == 0;
            row.TotalCommitted = _ledger.CommittedCount;
        }
    }

    private async Task<(bool Ok, string Line)> ReplayAsync(CancellationToken ct)
    {
        var (code, text) = await NodeProcess.ReplayAsync(_cli, home, ct).ConfigureAwait(false);
        await File.AppendAllTextAsync(nodeLog, "--- crashtest: mirrorchain replay ---\n" + text, ct).ConfigureAwait(false);
        var ok = ReplayOk().Match(text);
        if (code != 0 || !ok.Success)
        {
            var reason = text.Split('\n').LastOrDefault(l => l.Length > 0) ?? "(no output)";
            Fail($"replay exited with {code}: {reason}");
            return (false, $"FAILED ({reason})");
        }
        var blocks = long.Parse(ok.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        if (blocks < _verifiedHeight)
        {
            Fail($"replay covered {blocks} blocks, but the chain was checked up to height {_verifiedHeight}");
            return (false, $"only {blocks} blocks");
        }
        return (true, $"ok, {blocks} blocks, every app hash matches");
    }

    /// <summary>Self-test only: deletes RocksDB's write-ahead log files (NNNNNN.log) of the killed node.</summary>
    private void DropWriteAheadLog()
    {
        var files = Directory.GetFiles(Path.Combine(home, "data"), "*.log").Where(f => Path.GetFileNameWithoutExtension(f).All(char.IsAsciiDigit)).ToList();
        foreach (var f in files)
        {
            File.Delete(f);
        }
        output.WriteLine($"  self-test: deleted {files.Count} write-ahead log file(s) of the killed node; the checks below must fail");
    }

    private void Fail(string problem)
    {
        _problems.Add(problem);
        output.WriteLine($"  problem: {problem}");
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"ok: (\d+) blocks replayed")]
    private static partial Regex ReplayOk();
}
