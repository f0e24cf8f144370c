namespace MirrorChain.Node.Tests;

public sealed class MempoolTests
{
    private static readonly BlockTime T0 = BlockTime.ParseRfc3339("2026-02-01T10:00:00Z");

    private static byte[] Tx(string s) => Encoding.UTF8.GetBytes(s);

    private static MempoolTx Entry(string s, long gas = 10) => new(Hashing.TxHash(Tx(s)), Tx(s), gas);

    [Fact]
    public void Keeps_arrival_order_and_rejects_duplicates()
    {
        var pool = new Mempool(10, 1000);
        Assert.True(pool.TryAdd(Entry("b=1")));
        Assert.True(pool.TryAdd(Entry("a=1")));
        Assert.False(pool.TryAdd(Entry("b=1")));
        Assert.Equal(["b=1", "a=1"], pool.Reap(1000, -1).Select(t => Encoding.UTF8.GetString(t.Bytes)));
        Assert.Equal(6, pool.Bytes);
    }

    [Fact]
    public void Is_bounded_by_count_and_bytes_with_a_clear_reason()
    {
        var pool = new Mempool(2, 8);
        Assert.True(pool.TryAdd(Entry("a=1")));
        Assert.Equal("mempool is full: total txs bytes 3 + 6 exceeds max 8", pool.FullReason(6));
        Assert.True(pool.TryAdd(Entry("b=2")));
        Assert.Equal("mempool is full: number of txs 2 (max: 2)", pool.FullReason(1));
        Assert.False(pool.TryAdd(Entry("c")));
    }

    [Fact]
    public void Reap_stops_at_the_byte_and_gas_limits()
    {
        var pool = new Mempool(10, 1000);
        pool.TryAdd(Entry("a=1", 50));
        pool.TryAdd(Entry("b=2", 50));
        pool.TryAdd(Entry("c=3", 50));
        Assert.Equal(2, pool.Reap(14, -1).Count); // each 3-byte tx counts 5 in a block (CometBFT proto size)
        Assert.Equal(2, pool.Reap(1000, 100).Count);
        Assert.Equal(3, pool.Reap(1000, -1).Count);
    }

    [Fact]
    public void Node_rejects_a_tx_already_in_the_mempool_and_a_full_mempool()
    {
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication(), new NodeOptions { MempoolMaxTxs = 2 });
        Assert.Equal(0u, node.SubmitTx(Tx("a=1")).Code);
        var dup = node.SubmitTx(Tx("a=1"));
        Assert.Equal((19u, "sdk"), (dup.Code, dup.Codespace));
        Assert.Equal(0u, node.SubmitTx(Tx("b=1")).Code);
        var full = node.SubmitTx(Tx("c=1"));
        Assert.Equal(20u, full.Code);
        Assert.Equal("mempool is full: number of txs 2 (max: 2): mempool is full", full.Log);
        var bad = node.SubmitTx(Tx("bad"));
        Assert.Equal(20u, bad.Code); // full is checked before the app sees it
    }

    [Fact]
    public void CheckTx_failures_are_not_admitted_and_committed_txs_leave_the_pool()
    {
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication());
        var bad = node.SubmitTx(Tx("bad=1"));
        Assert.Equal((7u, "bad tx"), (bad.Code, bad.Log));
        node.SubmitTx(Tx("a=1"));
        Assert.Equal(1, node.Mempool.Count);
        node.ProduceBlock(T0);
        Assert.Equal(0, node.Mempool.Count);
        var again = node.SubmitTx(Tx("a=1"));
        Assert.Equal(19u, again.Code);
        Assert.Equal("tx already exists in cache: tx already in mempool", again.Log);
    }

    [Fact]
    public void Without_the_seen_cache_a_committed_tx_is_still_refused_from_the_block_store()
    {
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication(), new NodeOptions { MempoolCacheSize = 0 });
        node.SubmitTx(Tx("a=1"));
        node.ProduceBlock(T0);
        var again = node.SubmitTx(Tx("a=1"));
        Assert.Equal((19u, "tx already committed: tx already in mempool"), (again.Code, again.Log));
    }
}
