using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;

namespace MirrorChain.LoadGen;

/// <summary>
/// Phase 1: broadcast_tx_sync of every tx, at most C requests in flight, and per sender strictly in sequence order
/// (a sender's next tx goes out only after its previous one was answered, as CheckTx tracks pending sequences).
/// With a batch size B &gt; 1 a request is a JSON-RPC batch of up to B txs of distinct senders (those ready when
/// it is sent; no waiting to fill it), as cosmjs' <c>HttpBatchClient</c> sends them; each element's answer is
/// handled as a single request's.
/// </summary>
internal static class AcceptPhase
{
    public const int MaxRejectionSamples = 5;

    public static async Task<AcceptResult> RunAsync(
        JsonRpcClient rpc, IReadOnlyList<SignedTx>[] perSender, int concurrency, CancellationToken ct, int batch = 1)
    {
        var accepted = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var samples = new ConcurrentQueue<string>();
        var rejected = 0;
        // The txs whose sender has nothing in flight, in the order they became ready: first every sender's first tx.
        var ready = Channel.CreateUnbounded<SignedTx>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
        var next = new int[perSender.Length];
        var sendersLeft = 0;
        foreach (var txs in perSender)
        {
            if (txs.Count > 0)
            {
                ready.Writer.TryWrite(txs[0]);
                sendersLeft++;
            }
        }
        if (sendersLeft == 0)
        {
            ready.Writer.TryComplete();
        }
        var start = Stopwatch.GetTimestamp();

        void Answered(SignedTx tx, string? rejection)
        {
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
            var own = perSender[tx.Sender];
            var n = ++next[tx.Sender]; // only the request holding this sender's one tx in flight touches its slot
            if (n < own.Count)
            {
                ready.Writer.TryWrite(own[n]);
            }
            else if (Interlocked.Decrement(ref sendersLeft) == 0)
            {
                ready.Writer.TryComplete();
            }
        }

        async Task Worker()
        {
            var reader = ready.Reader;
            var txs = new List<SignedTx>(batch);
            while (await reader.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                txs.Clear();
                while (txs.Count < batch && reader.TryRead(out var tx))
                {
                    txs.Add(tx);
                }
                if (txs.Count == 0)
                {
                    continue;
                }
                var rejections = await BroadcastAsync(rpc, txs, batch > 1, ct).ConfigureAwait(false);
                for (var i = 0; i < txs.Count; i++)
                {
                    Answered(txs[i], rejections[i]);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Worker, ct))).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(start);
        return new AcceptResult(start, elapsed, accepted.Keys.ToHashSet(StringComparer.Ordinal), rejected, [.. samples.Take(MaxRejectionSamples)]);
    }

    /// <summary>
    /// One request for <paramref name="txs"/> (a batch array when <paramref name="batch"/>, even of one tx); for each
    /// tx null when CheckTx accepted it, otherwise why not.
    /// </summary>
    internal static async Task<string?[]> BroadcastAsync(JsonRpcClient rpc, IReadOnlyList<SignedTx> txs, bool batch, CancellationToken ct)
    {
        var rejections = new string?[txs.Count];
        try
        {
            var body = batch && txs.Count == 1 ? [(byte)'[', .. txs[0].Request, (byte)']'] : BroadcastRequest.Join(txs);
            using var reply = await rpc.PostAsync(body, BroadcastRequest.Method, ct).ConfigureAwait(false);
            var answers = BroadcastAnswer.Match(txs, BroadcastAnswer.ParseReply(reply.Span), batch);
            for (var i = 0; i < txs.Count; i++)
            {
                rejections[i] = answers[i].Rejection(txs[i]);
            }
        }
        catch (Exception e) when (e is JsonRpcException or HttpRequestException or TaskCanceledException or JsonException)
        {
            if (ct.IsCancellationRequested)
            {
                throw;
            }
            Array.Fill(rejections, $"request failed: {e.Message}");
        }
        return rejections;
    }
}

/// <summary>Phase 1 outcome. <see cref="StartTimestamp"/> is the <see cref="Stopwatch"/> time of the first broadcast.</summary>
internal sealed record AcceptResult(
    long StartTimestamp, TimeSpan Elapsed, IReadOnlySet<string> Accepted, int Rejected, IReadOnlyList<string> RejectionSamples);
