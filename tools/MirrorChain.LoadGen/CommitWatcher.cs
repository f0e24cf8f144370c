using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace MirrorChain.LoadGen;

/// <summary>
/// Phase 2: follows the chain from the height before the first broadcast. For every new height it reads
/// <c>block</c> (the tx bytes, hashed here) and <c>block_results</c> (each tx's code), and records when each of the
/// load's txs was first seen committed. It runs during phase 1 too, so commit times are not delayed by it.
/// </summary>
internal sealed class CommitWatcher(JsonRpcClient rpc, IReadOnlySet<string> ourHashes, long startHeight, TimeSpan pollInterval)
{
    private readonly Dictionary<string, uint> _committed = new(StringComparer.Ordinal);
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
        return new CommitResult(new Dictionary<string, uint>(_committed, StringComparer.Ordinal), [.. _blocks], _next - 1, timedOut);
    }

    private async Task ReadBlockAsync(long height, CancellationToken ct)
    {
        var heightParam = $$"""{"height":"{{height.ToString(CultureInfo.InvariantCulture)}}"}""";
        var blockTask = rpc.CallAsync("block", heightParam, ct);
        var resultsTask = rpc.CallAsync("block_results", heightParam, ct);
        var block = await blockTask.ConfigureAwait(false);
        var results = await resultsTask.ConfigureAwait(false);
        var seen = Stopwatch.GetTimestamp();

        var txs = block.GetProperty("block").GetProperty("data").TryGetProperty("txs", out var t) && t.ValueKind == JsonValueKind.Array
            ? t.EnumerateArray().Select(e => e.GetBytesFromBase64()).ToList()
            : [];
        var codes = results.TryGetProperty("txs_results", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Select(e => e.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetUInt32() : 0).ToList()
            : [];
        if (codes.Count != txs.Count)
        {
            throw new JsonRpcException($"block {height} has {txs.Count} txs but block_results has {codes.Count} results");
        }
        var ours = 0;
        for (var i = 0; i < txs.Count; i++)
        {
            var hash = Convert.ToHexString(SHA256.HashData(txs[i]));
            if (ourHashes.Contains(hash) && _committed.TryAdd(hash, codes[i]))
            {
                ours++;
            }
        }
        _blocks.Add(new BlockObservation(height, txs.Count, ours, seen));
    }
}

/// <summary>One block as observed: its tx count, how many were ours, and when it was seen (Stopwatch time).</summary>
internal sealed record BlockObservation(long Height, int TxCount, int OurTxCount, long SeenTimestamp);

/// <summary>Phase 2 outcome: hash → result code of each of our txs seen committed, and every block read.</summary>
internal sealed record CommitResult(
    IReadOnlyDictionary<string, uint> Committed, IReadOnlyList<BlockObservation> Blocks, long LastHeight, bool TimedOut);
