namespace MirrorChain.Node.Tests;

public sealed class MempoolAbuseTests
{
    private static readonly BlockTime T0 = BlockTime.ParseRfc3339("2026-02-01T10:00:00Z");

    private static byte[] Tx(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void One_sender_cannot_exceed_its_tx_cap_while_others_still_get_in()
    {
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication(), new NodeOptions { MempoolMaxTxsPerSender = 3 });
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0u, node.SubmitTx(Tx($"alice={i}")).Code);
        }
        var capped = node.SubmitTx(Tx("alice=3"));
        Assert.Equal((20u, "sdk"), (capped.Code, capped.Codespace));
        Assert.Equal("sender alice already has 3 txs in the mempool (max per sender: 3): mempool is full", capped.Log);
        Assert.Equal(0u, node.SubmitTx(Tx("bob=1")).Code);
        Assert.Equal(4, node.Mempool.Count);
        Assert.Equal((3, 21L), node.Mempool.SenderUsage("alice"));

        node.ProduceBlock(T0);
        Assert.Equal((0, 0L), node.Mempool.SenderUsage("alice"));
        Assert.Equal(0u, node.SubmitTx(Tx("alice=3")).Code); // the refused tx was not kept in the seen cache
    }

    [Fact]
    public void One_sender_cannot_exceed_its_byte_cap()
    {
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication(), new NodeOptions { MempoolMaxBytesPerSender = 100 });
        Assert.Equal(0u, node.SubmitTx(Tx("alice=" + new string('x', 60))).Code);
        var capped = node.SubmitTx(Tx("alice=" + new string('y', 60)));
        Assert.Equal(20u, capped.Code);
        Assert.Equal("sender alice already has 66 bytes of txs in the mempool, + 66 exceeds the max per sender 100: mempool is full", capped.Log);
        Assert.Equal(0u, node.SubmitTx(Tx("bob=" + new string('y', 60))).Code);
    }

    [Fact]
    public void A_full_mempool_by_bytes_refuses_with_code_20_and_the_sizes()
    {
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication(), new NodeOptions { MempoolMaxBytes = 10 });
        Assert.Equal(0u, node.SubmitTx(Tx("a=12345")).Code);
        var full = node.SubmitTx(Tx("b=12"));
        Assert.Equal((20u, "mempool is full: total txs bytes 7 + 4 exceeds max 10: mempool is full"), (full.Code, full.Log));
    }

    [Fact]
    public void The_seen_cache_refuses_a_duplicate_without_running_CheckTx()
    {
        var app = new KvTestApplication();
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, TestGenesis.Doc, app);
        Assert.Equal(0u, node.SubmitTx(Tx("a=1")).Code);
        var dup = node.SubmitTx(Tx("a=1"));
        Assert.Equal((19u, "sdk", "tx already exists in cache: tx already in mempool"), (dup.Code, dup.Codespace, dup.Log));
        Assert.Equal(1, app.CheckTxCalls);
        Assert.Equal(1, app.VerifiedSignatures);

        node.ProduceBlock(T0); // committed with code 0: stays in the cache
        Assert.True(node.SeenTxs.Contains(Hashing.TxHash(Tx("a=1"))));
        Assert.Equal(19u, node.SubmitTx(Tx("a=1")).Code);
        Assert.Equal(1, app.CheckTxCalls); // the resend never reached CheckTx
    }

    [Fact]
    public void A_tx_refused_by_CheckTx_is_forgotten_so_it_can_be_resent_once_the_state_allows_it()
    {
        var app = new KvTestApplication { CheckHook = _ => "account sequence mismatch" };
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, TestGenesis.Doc, app);
        var first = node.SubmitTx(Tx("a=1"));
        Assert.Equal((7u, "account sequence mismatch"), (first.Code, first.Log));
        Assert.False(node.SeenTxs.Contains(Hashing.TxHash(Tx("a=1"))));

        app.CheckHook = null; // the state caught up
        Assert.Equal(0u, node.SubmitTx(Tx("a=1")).Code);
        Assert.Equal(2, app.CheckTxCalls);
    }

    [Fact]
    public void A_tx_that_failed_in_its_block_or_was_evicted_on_recheck_leaves_the_cache()
    {
        var app = new KvTestApplication();
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, TestGenesis.Doc, app, new NodeOptions { MempoolMaxTxs = 10 });
        var failing = Tx("no-equals-sign"); // passes CheckTx, fails in the block (code 7)
        var evicted = Tx("later=1");
        Assert.Equal(0u, node.SubmitTx(failing).Code);
        Assert.Equal(0u, node.SubmitTx(evicted).Code);
        app.CheckHook = t => t == "later=1" ? "no longer valid" : null;
        using (var pending = node.PrepareBlock(T0, [failing]))
        {
            pending.Commit();
            Assert.Equal(7u, Assert.Single(pending.Results.TxResults).Code);
        }
        Assert.False(node.SeenTxs.Contains(Hashing.TxHash(failing)));
        Assert.False(node.SeenTxs.Contains(Hashing.TxHash(evicted)));
        Assert.Equal(0, node.Mempool.Count);
    }

    [Fact]
    public void The_seen_cache_drops_the_least_recently_seen_hash_beyond_its_size()
    {
        var cache = new SeenTxCache(2);
        byte[] a = Hashing.TxHash([1]), b = Hashing.TxHash([2]), c = Hashing.TxHash([3]);
        Assert.True(cache.Push(a));
        Assert.True(cache.Push(b));
        Assert.False(cache.Push(a)); // a is now the most recent
        Assert.True(cache.Push(c));  // drops b
        Assert.Equal(2, cache.Count);
        Assert.True(cache.Contains(a));
        Assert.False(cache.Contains(b));
        cache.Remove(a);
        Assert.True(cache.Push(a));
        Assert.True(new SeenTxCache(0).Push(a) && new SeenTxCache(0).Push(a)); // size 0: no cache
    }
}
