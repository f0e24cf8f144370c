using MirrorChain.Rpc.Lcd;
using MirrorChain.Storage;

namespace MirrorChain.Rpc.Tests;

/// <summary>
/// block_results, tx, tx_search and the LCD's tx answer the same bytes whether a block's results come from the
/// node's memory (just committed), from a version 2 record (after a restart) or from a version 1 record (a home
/// written by an earlier build).
/// </summary>
public sealed class StoredResultsAnswersTests
{
    [Fact]
    public async Task Answers_are_byte_identical_from_memory_from_the_compact_record_and_from_a_version_1_record()
    {
        using var store = new MemoryKeyValueStore();
        var genesis = DevnetBankChain.GenesisWithoutContracts();
        byte[][] txs = [DevnetBankChain.Send(0, 1), DevnetBankChain.Send(1, 2), DevnetBankChain.Send(2, 3)];

        string[] fromMemory;
        using (var node = ChainNode.Open(store, genesis, new MirrorApplication()))
        {
            using var backend = new NodeRpcBackend(node, "test", new string('a', 40), "tcp://127.0.0.1:0");
            Assert.All(txs[..2], tx => Assert.Equal(0u, backend.BroadcastTx(tx).Code));
            node.ProduceBlock(DevnetBankChain.T0);
            Assert.Equal(0u, backend.BroadcastTx(txs[2]).Code);
            node.ProduceBlock(DevnetBankChain.T0.AddNanoseconds(1_000_000_000));
            fromMemory = await Answers(backend, txs);
        }
        Assert.All(new long[] { 1, 2 }, h => Assert.Equal(2, store.Get(StoreKeys.ResultsKey(h))![0]));

        string[] fromRecord;
        using (var node = ChainNode.Open(store, genesis, new MirrorApplication()))
        using (var backend = new NodeRpcBackend(node, "test", new string('a', 40), "tcp://127.0.0.1:0"))
        {
            fromRecord = await Answers(backend, txs);
        }

        using (var batch = store.CreateBatch())
        {
            var blocks = new BlockStore(store);
            foreach (var h in new long[] { 1, 2 })
            {
                batch.Put(StoreKeys.ResultsKey(h), BlockCodec.EncodeResultsVersion1(blocks.GetResults(h)!));
            }
            store.Write(batch);
        }
        string[] fromVersion1;
        using (var node = ChainNode.Open(store, genesis, new MirrorApplication()))
        using (var backend = new NodeRpcBackend(node, "test", new string('a', 40), "tcp://127.0.0.1:0"))
        {
            Assert.Equal(1, store.Get(StoreKeys.ResultsKey(2))![0]);
            fromVersion1 = await Answers(backend, txs);
        }

        Assert.Contains("coin_spent", fromMemory[0], StringComparison.Ordinal);
        Assert.Equal(fromMemory, fromRecord);
        Assert.Equal(fromMemory, fromVersion1);
    }

    private static async Task<string[]> Answers(NodeRpcBackend backend, byte[][] txs)
    {
        await using var rpc = new RpcServer(backend, new RpcServerOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, 0) });
        await using var lcd = new LcdServer(backend, new LcdServerOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, 0) });
        await rpc.StartAsync();
        await lcd.StartAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        async Task<string> Call(string method, string parameters)
        {
            using var content = new StringContent($$"""{"jsonrpc":"2.0","id":1,"method":"{{method}}","params":{{parameters}}}""", Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(rpc.BaseAddress, content);
            return await response.Content.ReadAsStringAsync();
        }
        var answers = new List<string>
        {
            await Call("block_results", """{"height":"1"}"""),
            await Call("block_results", """{"height":"2"}"""),
            await Call("tx_search", $$"""{"query":"message.sender='{{DevnetBankChain.Test2.Address}}'","per_page":"30"}"""),
        };
        foreach (var tx in txs)
        {
            var hash = Hex.Upper(Hashing.TxHash(tx));
            answers.Add(await Call("tx", $$"""{"hash":"0x{{hash}}"}"""));
            answers.Add(await http.GetStringAsync(new Uri(lcd.BaseAddress!, "/cosmos/tx/v1beta1/txs/" + hash)));
        }
        return [.. answers];
    }
}
