using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MirrorChain.LoadGen;

/// <summary>
/// Phase 2: follows the chain from the height before the first broadcast. For every new height it reads
/// <c>block</c> (the tx bytes, hashed here) and <c>block_results</c> (each tx's code, gas used and, for failed txs,
/// log; read with a streaming reader that skips the events), and records when each of the load's txs was first seen
/// committed. It runs during phase 1 too, so commit times are not delayed by it.
/// </summary>
internal sealed class CommitWatcher(JsonRpcClient rpc, IReadOnlySet<string> ourHashes, long startHeight, TimeSpan pollInterval, bool keepEvents = false)
{
    private readonly Dictionary<string, TxOutcome> _committed = new(StringComparer.Ordinal);
    private readonly List<BlockObservation> _blocks = [];
    private long _next = startHeight + 1;

    /// <summary>
    /// Polls until <paramref name="acceptDone"/> has completed and every hash it returns is committed, or until
    /// <paramref name="timeout"/> has passed since phase 1 ended.
    /// </summary>
    public async Task<CommitResult> RunAsync(Task<AcceptResult> acceptDone, TimeSpan timeout, CancellationToken ct)
    {
        long? deadline = null;
        var timedOut = false;
        while (true)
        {
            var latest = (await NodeQueries.StatusAsync(rpc, ct).ConfigureAwait(false)).Height;
            while (_next <= latest)
            {
                await ReadBlockAsync(_next, ct).ConfigureAwait(false);
                _next++;
            }
            if (acceptDone.IsCompleted)
            {
                var accepted = (await acceptDone.ConfigureAwait(false)).Accepted;
                if (accepted.All(_committed.ContainsKey))
                {
                    break;
                }
                deadline ??= Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
                if (Stopwatch.GetTimestamp() > deadline)
                {
                    timedOut = true;
                    break;
                }
            }
            await Task.Delay(pollInterval, ct).ConfigureAwait(false);
        }
        return new CommitResult(new Dictionary<string, TxOutcome>(_committed, StringComparer.Ordinal), [.. _blocks], _next - 1, timedOut);
    }

    private async Task ReadBlockAsync(long height, CancellationToken ct)
    {
        var heightParam = $$"""{"height":"{{height.ToString(CultureInfo.InvariantCulture)}}"}""";
        var blockTask = rpc.PostAsync(Encoding.UTF8.GetBytes(rpc.Request("block", heightParam)), "block", ct);
        var resultsTask = rpc.PostAsync(Encoding.UTF8.GetBytes(rpc.Request("block_results", heightParam)), "block_results", ct);
        using var block = await blockTask.ConfigureAwait(false);
        using var results = await resultsTask.ConfigureAwait(false);
        var seen = Stopwatch.GetTimestamp();

        var hashes = BlockReplies.TxHashes(block.Span);
        var outcomes = BlockReplies.TxResults(results.Span, keepEvents);
        if (outcomes.Count != hashes.Count)
        {
            throw new JsonRpcException($"block {height} has {hashes.Count} txs but block_results has {outcomes.Count} results");
        }
        var ours = 0;
        for (var i = 0; i < hashes.Count; i++)
        {
            if (ourHashes.Contains(hashes[i]) && _committed.TryAdd(hashes[i], outcomes[i]))
            {
                ours++;
            }
        }
        _blocks.Add(new BlockObservation(height, hashes.Count, ours, seen));
    }
}

/// <summary>One block as observed: its tx count, how many were ours, and when it was seen (Stopwatch time).</summary>
internal sealed record BlockObservation(long Height, int TxCount, int OurTxCount, long SeenTimestamp);

/// <summary>Phase 2 outcome: hash → result of each of our txs seen committed, and every block read.</summary>
internal sealed record CommitResult(
    IReadOnlyDictionary<string, TxOutcome> Committed, IReadOnlyList<BlockObservation> Blocks, long LastHeight, bool TimedOut);

/// <summary>
/// A committed tx's result as block_results gives it: code, log (read for failed txs only: "" when the code is 0),
/// gas used, and (when asked for) its events.
/// </summary>
internal sealed record TxOutcome(uint Code, string Log, long GasUsed, JsonElement? Events)
{
    /// <summary>The value of the first attribute <paramref name="key"/> of a <c>wasm</c> event, or null.</summary>
    public string? WasmAttribute(string key)
    {
        if (Events is not { ValueKind: JsonValueKind.Array } events)
        {
            return null;
        }
        foreach (var ev in events.EnumerateArray())
        {
            if (ev.TryGetProperty("type", out var t) && t.GetString() == "wasm" && ev.TryGetProperty("attributes", out var attrs))
            {
                foreach (var a in attrs.EnumerateArray())
                {
                    if (a.TryGetProperty("key", out var k) && k.GetString() == key && a.TryGetProperty("value", out var v))
                    {
                        return v.GetString();
                    }
                }
            }
        }
        return null;
    }
}
