using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MirrorChain.LoadGen.Tests;

public class AcceptPhaseTests
{
    /// <summary>
    /// A node in memory: answers broadcast_tx_sync requests and batches (elements in reverse order), rejects the txs
    /// whose first byte is 0xEE with code 5, and records every request and any sender that had two txs in flight.
    /// </summary>
    private sealed class FakeNode : HttpMessageHandler
    {
        private readonly object _gate = new();
        private readonly HashSet<int> _inFlightSenders = [];
        private int _inFlightRequests;

        public List<List<(int Sender, int Sequence)>> Requests { get; } = [];

        public List<string> Problems { get; } = [];

        public int MaxRequestsInFlight { get; private set; }

        public List<bool> WasArray { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var body = await request.Content!.ReadAsByteArrayAsync(ct);
            using var doc = JsonDocument.Parse(body);
            var isArray = doc.RootElement.ValueKind == JsonValueKind.Array;
            var elements = isArray ? [.. doc.RootElement.EnumerateArray()] : new[] { doc.RootElement };
            var txs = elements.Select(e => (Id: e.GetProperty("id").GetInt64(), Tx: Convert.FromBase64String(e.GetProperty("params").GetProperty("tx").GetString()!))).ToList();
            var senders = txs.Select(t => ((int)t.Tx[1], (int)t.Tx[2])).ToList();
            lock (_gate)
            {
                Requests.Add(senders);
                WasArray.Add(isArray);
                MaxRequestsInFlight = Math.Max(MaxRequestsInFlight, ++_inFlightRequests);
                foreach (var (sender, _) in senders)
                {
                    if (!_inFlightSenders.Add(sender))
                    {
                        Problems.Add($"sender {sender} had two txs in flight");
                    }
                }
            }
            await Task.Yield();
            var answers = txs.Select(t => t.Tx[0] == 0xEE
                ? $$$"""{"jsonrpc":"2.0","id":{{{t.Id}}},"result":{"code":5,"data":"","log":"insufficient funds","codespace":"sdk","hash":"{{{Hash(t.Tx)}}}"}}"""
                : $$$"""{"jsonrpc":"2.0","id":{{{t.Id}}},"result":{"code":0,"data":"","log":"","codespace":"","hash":"{{{Hash(t.Tx)}}}"}}""").Reverse().ToList();
            lock (_gate)
            {
                _inFlightRequests--;
                foreach (var (sender, _) in senders)
                {
                    _inFlightSenders.Remove(sender);
                }
            }
            var text = isArray ? "[" + string.Join(",", answers) + "]" : answers[0];
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(text)) };
        }
    }

    private static string Hash(byte[] tx) => Convert.ToHexString(SHA256.HashData(tx));

    /// <summary>Sender s's txs 0..count-1; a tx's bytes are [mark, sender, sequence].</summary>
    private static IReadOnlyList<SignedTx>[] Load(int senders, int perSender, Func<int, int, bool>? rejected = null)
    {
        var id = 0L;
        var lists = new IReadOnlyList<SignedTx>[senders];
        for (var s = 0; s < senders; s++)
        {
            var list = new List<SignedTx>();
            for (var q = 0; q < perSender; q++)
            {
                byte[] bytes = [(byte)(rejected?.Invoke(s, q) == true ? 0xEE : 0x01), (byte)s, (byte)q];
                list.Add(new SignedTx(s, (ulong)q, Hash(bytes), id, BroadcastRequest.Encode(id, bytes)));
                id++;
            }
            lists[s] = list;
        }
        return lists;
    }

    [Fact]
    public async Task Batches_hold_at_most_n_txs_of_distinct_senders_each_sender_waits_for_its_answer_and_answers_match_by_id()
    {
        var node = new FakeNode();
        using var rpc = new JsonRpcClient(new Uri("http://127.0.0.1:1/"), node, TimeSpan.FromSeconds(30));
        var load = Load(senders: 20, perSender: 3, rejected: (s, q) => s == 4 && q == 1);

        var result = await AcceptPhase.RunAsync(rpc, load, concurrency: 3, CancellationToken.None, batch: 8);

        Assert.Empty(node.Problems);
        Assert.All(node.Requests, r => Assert.InRange(r.Count, 1, 8));
        Assert.All(node.Requests, r => Assert.Equal(r.Count, r.Select(t => t.Sender).Distinct().Count()));
        Assert.All(node.WasArray, b => Assert.True(b));
        Assert.InRange(node.MaxRequestsInFlight, 1, 3);
        var sent = node.Requests.SelectMany(r => r).ToList();
        Assert.Equal(60, sent.Count);
        foreach (var s in Enumerable.Range(0, 20))
        {
            Assert.Equal([0, 1, 2], sent.Where(t => t.Sender == s).Select(t => t.Sequence));
        }
        Assert.Equal(59, result.Accepted.Count);
        Assert.Equal(1, result.Rejected);
        Assert.Equal("sender 5 sequence 1: code 5 (sdk): insufficient funds", Assert.Single(result.RejectionSamples));
        Assert.DoesNotContain(load[4][1].HashHex, result.Accepted);
    }

    [Fact]
    public async Task Without_batches_every_tx_is_its_own_request_object()
    {
        var node = new FakeNode();
        using var rpc = new JsonRpcClient(new Uri("http://127.0.0.1:1/"), node, TimeSpan.FromSeconds(30));
        var load = Load(senders: 5, perSender: 2);

        var result = await AcceptPhase.RunAsync(rpc, load, concurrency: 2, CancellationToken.None);

        Assert.Equal(10, node.Requests.Count);
        Assert.All(node.Requests, r => Assert.Single(r));
        Assert.All(node.WasArray, b => Assert.False(b));
        Assert.Empty(node.Problems);
        Assert.InRange(node.MaxRequestsInFlight, 1, 2);
        Assert.Equal(10, result.Accepted.Count);
        Assert.Equal(0, result.Rejected);
    }

    [Fact]
    public async Task A_request_that_fails_rejects_every_tx_it_held_and_the_round_goes_on()
    {
        using var rpc = new JsonRpcClient(new Uri("http://127.0.0.1:1/"), new RefusingNode(), TimeSpan.FromSeconds(30));
        var load = Load(senders: 4, perSender: 2);

        var result = await AcceptPhase.RunAsync(rpc, load, concurrency: 2, CancellationToken.None, batch: 4);

        Assert.Empty(result.Accepted);
        Assert.Equal(8, result.Rejected);
        Assert.All(result.RejectionSamples, s => Assert.Contains("request failed: broadcast_tx_sync: HTTP 503", s, StringComparison.Ordinal));
    }

    private sealed class RefusingNode : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("overloaded") });
    }
}
