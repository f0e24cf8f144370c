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
        var blockTask = rpc.CallAsync("block", heightParam, ct);
        var resultsTask = rpc.CallAsync("block_results", heightParam, ct);
        var block = await blockTask.ConfigureAwait(false);
        var results = await resultsTask.ConfigureAwait(false);
        var seen = Stopwatch.GetTimestamp();

        var txs = block.GetProperty("block").GetProperty("data").TryGetProperty("txs", out var t) && t.ValueKind == JsonValueKind.Array
            ? t.EnumerateArray().Select(e => e.GetBytesFromBase64()).ToList()
            : [];
        var codes = results.TryGetProperty("txs_results", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().ToList()
            : [];
        if (codes.Count != txs.Count)
        {
            throw new JsonRpcException($"block {height} has {txs.Count} txs but block_results has {codes.Count} results");
        }
        var ours = 0;
        for (var i = 0; i < txs.Count; i++)
        {
            var hash = Convert.ToHexString(SHA256.HashData(txs[i]));
            if (ourHashes.Contains(hash) && _committed.TryAdd(hash, TxOutcome.From(codes[i], keepEvents)))
            {
                ours++;
            }
        }
        _blocks.Add(new BlockObservation(height, txs.Count, ours, seen));
    }
}

/// <summary>One block as observed: its tx count, how many were ours, and when it was seen (Stopwatch time).</summary>
internal sealed record BlockObservation(long Height, int TxCount, int OurTxCount, long SeenTimestamp);

/// <summary>Phase 2 outcome: hash → result of each of our txs seen committed, and every block read.</summary>
internal sealed record CommitResult(
    IReadOnlyDictionary<string, TxOutcome> Committed, IReadOnlyList<BlockObservation> Blocks, long LastHeight, bool TimedOut);

/// <summary>A committed tx's result as block_results gives it: code, log, gas used, and (when asked for) its events.</summary>
internal sealed record TxOutcome(uint Code, string Log, long GasUsed, JsonElement? Events)
{
    public static TxOutcome From(JsonElement result, bool keepEvents)
    {
        var code = result.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetUInt32() : 0;
        var log = result.TryGetProperty("log", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() ?? "" : "";
        var gas = result.TryGetProperty("gas_used", out var g) && g.ValueKind is JsonValueKind.String or JsonValueKind.Number ? NodeQueries.Int64(g) : 0;
        JsonElement? events = keepEvents && result.TryGetProperty("events", out var e) ? e.Clone() : null;
        return new TxOutcome(code, log, gas, events);
    }

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
