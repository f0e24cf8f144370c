using System.Buffers.Binary;
using MirrorChain.Storage;

namespace MirrorChain.Rpc.Tests;

/// <summary>
/// The event indexer writes without the WAL (<see cref="RocksDbStore.WriteUnlogged"/>), so a crash loses the index
/// writes no memtable flush persisted, together with their indexed height; the node re-indexes those blocks from
/// the stored results when it opens. The crash is a copy of a running node's RocksDB files (<see cref="CrashImage"/>);
/// tx_search and block_search on the node reopened from it must answer byte for byte as the node that never crashed.
/// </summary>
public sealed class TxSearchAfterCrashTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new();
    private ulong _sequence;

    public void Dispose() => _dir.Dispose();

    /// <summary>Commits <paramref name="count"/> blocks of 3 sends each (amounts 1, 2, 3, … uluna, so each is its own transfer.amount).</summary>
    private void ProduceBlocks(ChainNode node, NodeRpcBackend backend, int count)
    {
        for (var b = 0; b < count; b++)
        {
            for (var t = 0; t < 3; t++)
            {
                Assert.Equal(0u, backend.BroadcastTx(DevnetBankChain.Send(_sequence, _sequence + 1)).Code);
                _sequence++;
            }
            node.ProduceBlock(DevnetBankChain.T0.AddNanoseconds((node.LatestHeight + 1) * 1_000_000_000L));
        }
    }

    private static async Task<RpcServer> StartAsync(NodeRpcBackend backend)
    {
        var server = new RpcServer(backend, new RpcServerOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, 0) });
        await server.StartAsync();
        return server;
    }

    private static async Task<string> CallAsync(HttpClient http, string method, string paramsJson)
    {
        using var content = new StringContent($$"""{"jsonrpc":"2.0","id":1,"method":"{{method}}","params":{{paramsJson}}}""", Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("/", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Index_writes_lost_in_a_crash_are_rebuilt_and_searches_answer_as_on_a_node_that_never_crashed()
    {
        var live = Path.Combine(_dir.Path, "live");
        var crashed = Path.Combine(_dir.Path, "crashed");
        var genesis = DevnetBankChain.GenesisWithoutContracts();
        using var liveStore = RocksDbStore.Open(live);
        using var liveNode = ChainNode.Open(liveStore, genesis, new MirrorApplication());
        using var liveBackend = new NodeRpcBackend(liveNode, "test", new string('a', 40), "tcp://127.0.0.1:0");
        ProduceBlocks(liveNode, liveBackend, 3);
        Assert.True(liveNode.Indexer!.WaitForHeight(3, Patience));
        liveStore.Flush(); // blocks 1..3 and their index in table files
        ProduceBlocks(liveNode, liveBackend, 3);
        Assert.True(liveNode.Indexer.WaitForHeight(6, Patience)); // the index of 4..6 only in the memtable
        CrashImage.Copy(live, crashed);

        // What the crash left: every block (logged, synced), the index of the flushed blocks and their indexed height.
        using (var raw = RocksDbStore.Open(crashed))
        {
            var blocks = new BlockStore(raw);
            Assert.Equal(6, blocks.LatestHeight);
            Assert.Equal(3, blocks.IndexedHeight);
            var indexedHeights = raw.Range([StoreKeys.EventIndex], [StoreKeys.EventIndex + 1])
                .Select(kv => BinaryPrimitives.ReadInt64BigEndian(kv.Key.AsSpan(kv.Key.Length - 12))).Distinct().Order();
            Assert.Equal([1L, 2, 3], indexedHeights);
        }

        var log = new List<string>();
        using var reopenedStore = RocksDbStore.Open(crashed);
        using var reopened = ChainNode.Open(reopenedStore, genesis, new MirrorApplication(), new NodeOptions { Log = line => { lock (log) { log.Add(line); } } });
        using var reopenedBackend = new NodeRpcBackend(reopened, "test", new string('a', 40), "tcp://127.0.0.1:0");
        lock (log)
        {
            Assert.Contains(log, l => l.Contains("blocks 4..6 are not indexed", StringComparison.Ordinal));
        }

        await using var liveServer = await StartAsync(liveBackend);
        await using var reopenedServer = await StartAsync(reopenedBackend);
        using var liveHttp = new HttpClient { BaseAddress = liveServer.BaseAddress };
        using var reopenedHttp = new HttpClient { BaseAddress = reopenedServer.BaseAddress };
        var sender = DevnetBankChain.Test2.Address;
        var recipient = DevnetBankChain.Test3;
        var calls = new List<(string Method, string Params)>();
        foreach (var order in new[] { "asc", "desc" })
        {
            for (var page = 1; page <= 5; page++)
            {
                calls.Add(("tx_search", $$"""{"query":"message.sender='{{sender}}'","page":"{{page}}","per_page":"4","order_by":"{{order}}"}"""));
            }
            calls.Add(("tx_search", $$"""{"query":"transfer.recipient='{{recipient}}' AND tx.height > 2","per_page":"100","order_by":"{{order}}"}"""));
            calls.Add(("block_search", $$"""{"query":"block.height > 0","order_by":"{{order}}"}"""));
        }
        for (var amount = 1; amount <= 18; amount++)
        {
            calls.Add(("tx_search", $$"""{"query":"transfer.amount='{{amount}}uluna' AND message.sender='{{sender}}'"}"""));
        }
        calls.Add(("tx_search", """{"query":"tx.height = 5"}"""));
        calls.Add(("tx_search", """{"query":"message.module = 'bank' AND tx.height >= 4","per_page":"7","page":"2"}"""));
        foreach (var (method, args) in calls)
        {
            var expected = await CallAsync(liveHttp, method, args);
            Assert.Contains("\"result\"", expected, StringComparison.Ordinal);
            Assert.Equal(expected, await CallAsync(reopenedHttp, method, args));
        }
        Assert.Equal(6, reopened.Indexer!.IndexedHeight);
        Assert.Equal(6, reopened.Blocks.IndexedHeight);
    }
}
