using MirrorChain.Crypto;
using MirrorChain.Storage;

namespace MirrorChain.Rpc.Tests;

/// <summary>
/// tx_search over the event index that <see cref="EventIndexer"/> writes after each commit: a search waits (bounded)
/// until the index covers the latest height of the moment it arrived, so a tx committed before it is always found.
/// </summary>
public sealed class TxSearchIndexTests : IDisposable
{
    private static readonly BlockTime T0 = DevnetBankChain.T0;

    private readonly DevnetBankNode<IndexGateStore> _chain = new(new IndexGateStore());
    private readonly PrivateKey _test2 = DevnetBankChain.Test2;

    private ChainNode Node => _chain.Node;

    private NodeRpcBackend Backend => _chain.Backend;

    public void Dispose() => _chain.Dispose();

    private string BySender => $"message.sender='{_test2.Address}'";

    [Fact]
    public async Task TxSearch_right_after_broadcast_tx_commit_finds_the_tx()
    {
        _chain.Store.Gate.Reset(); // the indexer is slow to write this block
        var tx = DevnetBankChain.Send(0, 3);
        var pending = Backend.BroadcastTxCommitAsync(tx, TimeSpan.FromSeconds(60), CancellationToken.None);
        while (Node.Mempool.Count == 0)
        {
            await Task.Delay(5);
        }
        Node.ProduceBlock(T0);
        var (_, committed) = await pending;
        Assert.Equal(1, committed!.Height);

        var release = Task.Run(async () =>
        {
            await Task.Delay(200);
            _chain.Store.Gate.Set();
        });
        var found = Backend.SearchTxs(BySender, 1, 30, false); // waits for the index to reach height 1
        await release;
        Assert.Equal(1, found.TotalCount);
        Assert.Equal(Hashing.TxHash(tx), found.Txs[0].Hash);
    }

    [Fact]
    public void TxSearch_on_events_fails_naming_both_heights_when_the_index_stays_behind()
    {
        Backend.IndexWaitTimeout = TimeSpan.FromMilliseconds(50);
        _chain.Store.Gate.Reset();
        Assert.Equal(0u, Backend.BroadcastTx(DevnetBankChain.Send(0, 3)).Code);
        Node.ProduceBlock(T0);

        var e = Assert.Throws<RpcException>(() => Backend.SearchTxs(BySender, 1, 30, false));
        Assert.Equal(RpcErrorCodes.InternalError, e.Code);
        Assert.Equal("the tx event index is at height 0, behind the latest height 1 (the node is still indexing recent blocks); retry later", e.ErrorData);
        // queries the event index plays no part in answer at once
        Assert.Equal(1, Backend.SearchTxs("tx.height=1", 1, 30, false).TotalCount);
        Assert.Equal(1, Backend.SearchTxs($"tx.hash='{Hex.Upper(Hashing.TxHash(DevnetBankChain.Send(0, 3)))}'", 1, 30, false).TotalCount);
        _chain.Store.Gate.Set();
    }

    [Fact]
    public void TxSearch_finds_txs_of_blocks_committed_before_a_crash_left_them_unindexed()
    {
        using var store = new MemoryKeyValueStore();
        var genesis = DevnetBankChain.GenesisWithoutContracts();
        using (var crashed = ChainNode.Open(store, genesis, new MirrorApplication(), new NodeOptions { IndexEvents = false }))
        using (var backend = new NodeRpcBackend(crashed, "test", new string('a', 40), "tcp://127.0.0.1:0"))
        {
            Assert.Equal(0u, backend.BroadcastTx(DevnetBankChain.Send(0, 3)).Code);
            crashed.ProduceBlock(T0);
            Assert.Equal(0, backend.SearchTxs(BySender, 1, 30, false).TotalCount); // no event index written
        }
        using (var node = ChainNode.Open(store, genesis, new MirrorApplication()))
        using (var backend = new NodeRpcBackend(node, "test", new string('a', 40), "tcp://127.0.0.1:0"))
        {
            Assert.Equal(1, backend.SearchTxs(BySender, 1, 30, false).TotalCount);
        }
    }
}
