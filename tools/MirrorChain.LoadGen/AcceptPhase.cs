using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace MirrorChain.LoadGen;

/// <summary>
/// Phase 1: broadcast_tx_sync of every tx, at most C requests in flight, and per sender strictly in sequence order
/// (a sender's next tx goes out only after its previous one was answered, as CheckTx tracks pending sequences).
/// </summary>
internal static class AcceptPhase
{
    public const int MaxRejectionSamples = 5;

    public static async Task<AcceptResult> RunAsync(
        JsonRpcClient rpc, IReadOnlyList<SignedTx>[] perSender, int concurrency, CancellationToken ct)
    {
        var gate = new SemaphoreSlim(concurrency, concurrency);
        var accepted = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var samples = new ConcurrentQueue<string>();
        var rejected = 0;
        var start = Stopwatch.GetTimestamp();

        async Task SendAll(IReadOnlyList<SignedTx> txs)
        {
            foreach (var tx in txs)
            {
                await gate.WaitAsync(ct).ConfigureAwait(false);
                string? rejection;
                try
                {
                    rejection = await BroadcastAsync(rpc, tx, ct).ConfigureAwait(false);
                }
                finally
                {
                    gate.Release();
                }
                if (rejection is null)
                {
                    accepted.TryAdd(tx.HashHex, 0);
                }
                else
                {
                    Interlocked.Increment(ref rejected);
                    if (samples.Count < MaxRejectionSamples)
                    {
                        samples.Enqueue($"sender {tx.Sender + 1} sequence {tx.Sequence}: {rejection}");
                    }
                }
            }
        }

        await Task.WhenAll(perSender.Select(txs => Task.Run(() => SendAll(txs), ct))).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(start);
        return new AcceptResult(start, elapsed, accepted.Keys.ToHashSet(StringComparer.Ordinal), rejected, [.. samples.Take(MaxRejectionSamples)]);
    }

    /// <summary>null when CheckTx accepted the tx; otherwise why not.</summary>
    private static async Task<string?> BroadcastAsync(JsonRpcClient rpc, SignedTx tx, CancellationToken ct)
    {
        JsonElement result;
        try
        {
            result = await rpc.CallAsync("broadcast_tx_sync", $$"""{"tx":"{{tx.Base64}}"}""", ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is JsonRpcException or HttpRequestException or TaskCanceledException or JsonException)
        {
            if (ct.IsCancellationRequested)
            {
                throw;
            }
            return $"request failed: {e.Message}";
        }
        var code = result.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetUInt32() : 0;
        if (code == 0)
        {
            var hash = result.TryGetProperty("hash", out var h) ? h.GetString() : null;
            return hash is null || string.Equals(hash, tx.HashHex, StringComparison.OrdinalIgnoreCase)
                ? null
                : $"node reported hash {hash}, expected {tx.HashHex}";
        }
        var codespace = result.TryGetProperty("codespace", out var cs) ? cs.GetString() : "";
        var log = result.TryGetProperty("log", out var l) ? l.GetString() : "";
        return $"code {code} ({codespace}): {log}";
    }
}

/// <summary>Phase 1 outcome. <see cref="StartTimestamp"/> is the <see cref="Stopwatch"/> time of the first broadcast.</summary>
internal sealed record AcceptResult(
    long StartTimestamp, TimeSpan Elapsed, IReadOnlySet<string> Accepted, int Rejected, IReadOnlyList<string> RejectionSamples);
