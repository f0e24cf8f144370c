namespace MirrorChain.Node.Tests;

/// <summary>
/// The event index is written by <see cref="EventIndexer"/> after each block's commit, in its own batch with the
/// indexed height; a gap (crash, abandoned shutdown) is repaired from the stored results when the node opens.
/// Waits below are generous bounds that only keep a broken build from hanging; nothing is timed.
/// </summary>
public sealed class EventIndexerTests
{
    private static readonly BlockTime T0 = BlockTime.ParseRfc3339("2026-02-01T10:00:00Z");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static byte[] Tx(string s) => Encoding.UTF8.GetBytes(s);

    private static NodeOptions Options(bool index = true, List<string>? log = null, int queue = 16, TimeSpan? drain = null) => new()
    {
        IndexEvents = index,
        EventIndexQueueBlocks = queue,
        EventIndexDrainTimeout = drain ?? TimeSpan.FromSeconds(30),
        Log = log is null ? null : line => { lock (log) { log.Add(line); } },
    };

    /// <summary>Commits one block per tx ("k{n}=v"), at heights 1..count.</summary>
    private static void ProduceBlocks(ChainNode node, int count, int first = 1)
    {
        for (var n = first; n < first + count; n++)
        {
            Assert.Equal(0u, node.SubmitTx(Tx($"k{n}=v")).Code);
            node.ProduceBlock(T0.AddNanoseconds(n * 1_000_000_000L));
        }
    }

    private static void AssertIndexed(ChainNode node, int blocks)
    {
        for (var n = 1; n <= blocks; n++)
        {
            Assert.Equal([((long)n, 0)], node.Blocks.FindByEvent("kv.key", $"k{n}").ToList());
        }
        Assert.Equal(blocks, node.Blocks.IndexedHeight);
    }

    [Fact]
    public void Block_batch_holds_no_event_keys_and_the_indexer_writes_them_after_commit()
    {
        using var db = new MemoryKeyValueStore();
        using (var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication(), Options(index: false)))
        {
            ProduceBlocks(node, 2);
            Assert.Equal((long)2, node.Blocks.GetTxLocation(Hashing.TxHash(Tx("k2=v")))!.Value.Height); // tx-hash index: in the block batch
            Assert.Empty(db.Range([StoreKeys.EventIndex], [StoreKeys.EventIndex + 1]));            // event index: not
            Assert.Equal(0, node.Blocks.IndexedHeight);
        }
        using (var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication(), Options()))
        {
            ProduceBlocks(node, 1, first: 3);
            Assert.True(node.Indexer!.WaitForHeight(3, Patience));
            AssertIndexed(node, 3);
        }
    }

    [Fact]
    public void Crash_between_block_commit_and_index_write_is_repaired_when_the_node_opens()
    {
        using var mem = new MemoryKeyValueStore();
        var store = new IndexerControlledStore(mem);
        // the indexer never gets to write: as if the process died right after each block's commit
        var crashed = ChainNode.Open(store, TestGenesis.Doc, new KvTestApplication(), Options(drain: TimeSpan.Zero));
        store.IndexGate.Reset();
        ProduceBlocks(crashed, 3);
        Assert.Equal(0, crashed.Indexer!.IndexedHeight);
        Assert.Equal(0, crashed.Blocks.IndexedHeight);
        Assert.Empty(crashed.Blocks.FindByEvent("kv.key", "k1"));

        // reopen the same data (the crashed node's indexer thread stays parked at its gate, writing nothing)
        var log = new List<string>();
        using var reopened = ChainNode.Open(mem, TestGenesis.Doc, new KvTestApplication(), Options(log: log));
        Assert.Contains(log, l => l.Contains("blocks 1..3 are not indexed", StringComparison.Ordinal));
        Assert.True(reopened.Indexer!.WaitForHeight(3, Patience));
        AssertIndexed(reopened, 3);

        // let the first node's indexer out of its write (failing) and abandon it
        store.FailIndexWrites = int.MaxValue;
        store.IndexGate.Set();
        crashed.Dispose();
        Assert.Equal(3, reopened.Blocks.IndexedHeight);
    }

    [Fact]
    public void Home_written_with_event_keys_in_the_block_batch_is_taken_as_fully_indexed()
    {
        using var db = new MemoryKeyValueStore();
        using (var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication(), Options()))
        {
            ProduceBlocks(node, 2);
            Assert.True(node.Indexer!.WaitForHeight(2, Patience));
        }
        // the previous build's layout: the same event keys, no indexed-height key
        using (var batch = db.CreateBatch())
        {
            batch.Delete(StoreKeys.IndexedHeight);
            db.Write(batch);
        }
        Assert.Null(new BlockStore(db).IndexedHeight);

        var log = new List<string>();
        using var reopened = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication(), Options(log: log));
        Assert.Equal(2, reopened.Indexer!.IndexedHeight); // nothing to re-index
        Assert.Equal(2, reopened.Blocks.IndexedHeight);   // and the home now carries the key
        Assert.DoesNotContain(log, l => l.Contains("not indexed", StringComparison.Ordinal));
        AssertIndexed(reopened, 2);
    }

    [Fact]
    public void Failing_index_write_is_logged_and_retried_while_blocks_keep_committing()
    {
        using var store = new IndexerControlledStore(new MemoryKeyValueStore()) { FailIndexWrites = 3 };
        var log = new List<string>();
        using var node = ChainNode.Open(store, TestGenesis.Doc, new KvTestApplication(), Options(log: log));
        ProduceBlocks(node, 3);
        Assert.Equal(3, node.LatestHeight);
        Assert.True(node.Indexer!.WaitForHeight(3, Patience));
        AssertIndexed(node, 3);
        lock (log)
        {
            Assert.Contains(log, l => l.StartsWith("event indexer: indexing block 1 failed (attempt 1): RocksDbException: IO error", StringComparison.Ordinal));
            Assert.Contains(log, l => l == "event indexer: block 1 indexed after 4 attempts");
        }
    }

    [Fact]
    public void Full_queue_never_holds_up_block_production_and_no_block_is_skipped()
    {
        using var store = new IndexerControlledStore(new MemoryKeyValueStore());
        var log = new List<string>();
        using var node = ChainNode.Open(store, TestGenesis.Doc, new KvTestApplication(), Options(log: log, queue: 1));
        store.IndexGate.Reset(); // the indexer is stuck in its first write
        ProduceBlocks(node, 6);  // returns although at most one block fits in the queue
        Assert.Equal(6, node.LatestHeight);
        Assert.True(node.Indexer!.IndexedHeight < 6);
        lock (log)
        {
            Assert.Contains(log, l => l.StartsWith("event indexer: its queue of 1 blocks is full", StringComparison.Ordinal));
        }

        store.IndexGate.Set();
        Assert.True(node.Indexer.WaitForHeight(6, Patience));
        AssertIndexed(node, 6); // the blocks left out of the queue were read back from the store
    }

    [Fact]
    public void Closing_the_node_abandons_what_it_cannot_index_and_the_next_open_repairs_it()
    {
        using var store = new IndexerControlledStore(new MemoryKeyValueStore()) { FailIndexWrites = int.MaxValue };
        var log = new List<string>();
        var node = ChainNode.Open(store, TestGenesis.Doc, new KvTestApplication(), Options(log: log, drain: TimeSpan.Zero));
        ProduceBlocks(node, 2);
        node.Dispose(); // returns although the indexer is still retrying
        lock (log)
        {
            Assert.Contains(log, l => l == "event indexer: stopped with blocks 1..2 not indexed; they are re-indexed from the stored results at the next start");
        }
        Assert.Equal(0, node.Blocks.IndexedHeight);

        store.FailIndexWrites = 0;
        using var reopened = ChainNode.Open(store, TestGenesis.Doc, new KvTestApplication(), Options());
        Assert.True(reopened.Indexer!.WaitForHeight(2, Patience));
        AssertIndexed(reopened, 2);
    }

    [Fact]
    public void Closing_the_node_drains_the_queue()
    {
        using var db = new MemoryKeyValueStore();
        using (var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication(), Options()))
        {
            ProduceBlocks(node, 4);
        }
        AssertIndexedStore(db, 4);
    }

    private static void AssertIndexedStore(MemoryKeyValueStore db, int blocks)
    {
        var store = new BlockStore(db);
        Assert.Equal(blocks, store.IndexedHeight);
        for (var n = 1; n <= blocks; n++)
        {
            Assert.Equal([((long)n, 0)], store.FindByEvent("kv.key", $"k{n}").ToList());
        }
    }

    [Fact]
    public void App_hashes_and_results_are_the_same_with_and_without_the_event_index()
    {
        using var withIndex = new MemoryKeyValueStore();
        using var without = new MemoryKeyValueStore();
        using var a = ChainNode.Open(withIndex, TestGenesis.Doc, new KvTestApplication(), Options());
        using var b = ChainNode.Open(without, TestGenesis.Doc, new KvTestApplication(), Options(index: false));
        ProduceBlocks(a, 3);
        ProduceBlocks(b, 3);
        Assert.True(a.Indexer!.WaitForHeight(3, Patience));
        Assert.Null(b.Indexer);
        Assert.Equal(a.LatestAppHash, b.LatestAppHash);
        for (var h = 1; h <= 3; h++)
        {
            Assert.Equal(BlockCodec.EncodeResults(a.Blocks.GetResults(h)!), BlockCodec.EncodeResults(b.Blocks.GetResults(h)!));
            Assert.Equal(a.Blocks.GetBlock(h)!.Hash, b.Blocks.GetBlock(h)!.Hash);
        }
    }
}
