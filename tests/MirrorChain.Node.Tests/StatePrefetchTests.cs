namespace MirrorChain.Node.Tests;

public sealed class StatePrefetchTests
{
    private static readonly BlockTime T0 = BlockTime.ParseRfc3339("2026-02-01T10:00:00Z");

    private static byte[] Tx(string s) => Encoding.UTF8.GetBytes(s);

    // Blocks of creations, overwrites and deletions: block b sets k{b*7+i} for i < 40, overwrites the previous
    // block's keys with new values and deletes every third key of the block before that.
    private static List<byte[]>[] Blocks(int count)
    {
        var blocks = new List<byte[]>[count];
        for (var b = 0; b < count; b++)
        {
            var txs = new List<byte[]>();
            for (var i = 0; i < 40; i++)
            {
                txs.Add(Tx($"k{(b * 7) + i}=v{b}.{i}"));
            }
            if (b >= 2)
            {
                for (var i = 0; i < 40; i += 3)
                {
                    txs.Add(Tx($"k{((b - 2) * 7) + i}="));
                }
            }
            txs.Add(Tx("bad tx"));
            blocks[b] = txs;
        }
        return blocks;
    }

    private static NodeOptions Options(bool prefetch) =>
        new() { PrefetchState = prefetch, PrefetchDrainsAtBlockEnd = prefetch, IndexEvents = false };

    private static List<BlockResults> Run(IKeyValueStore db, bool prefetch, IReadOnlyList<List<byte[]>> blocks)
    {
        using var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication(), Options(prefetch));
        var results = new List<BlockResults>();
        for (var b = 0; b < blocks.Count; b++)
        {
            using var pending = node.PrepareBlock(T0.AddNanoseconds(b * 1_000_000_000L), blocks[b]);
            pending.Commit();
            results.Add(pending.Results);
        }
        return results;
    }

    private static string Describe(BlockResults r) =>
        Convert.ToHexString(r.AppHash) + ":" + string.Join(",", r.TxResults.Select(t => $"{t.Code}/{t.GasUsed}/{t.Log}"));

    [Fact]
    public void Blocks_have_the_same_app_hashes_and_results_with_the_prefetcher_on_and_off()
    {
        var blocks = Blocks(6);
        using var on = new MemoryKeyValueStore();
        using var off = new MemoryKeyValueStore();

        var withPrefetch = Run(on, prefetch: true, blocks);
        var without = Run(off, prefetch: false, blocks);

        Assert.Equal(without.Select(Describe), withPrefetch.Select(Describe));
        Assert.Equal(6, withPrefetch.Select(r => Convert.ToHexString(r.AppHash)).Distinct().Count()); // every block changed the state
        using var node = ChainNode.Open(on, TestGenesis.Doc, new KvTestApplication(), Options(prefetch: true));
        Assert.Null(node.State.Committed.Get(Tx("kv/k14")));      // deleted by block 3 (k{1*7+7})
        Assert.Equal("v5.39", Encoding.UTF8.GetString(node.State.Committed.Get(Tx("kv/k74"))!));
    }

    [Fact]
    public void Prefetched_paths_leave_the_block_thread_no_tree_node_to_read()
    {
        // The same chain in two stores; each node is reopened (empty node cache) for the measured block, whose
        // writes touch paths all over the tree: with the prefetcher the block thread reads none of them, without it
        // the block thread reads them itself.
        var blocks = Blocks(6);
        var next = Blocks(8)[7];
        var reads = new Dictionary<bool, (int Prefetch, int Other, string AppHash)>();
        foreach (var prefetch in new[] { true, false })
        {
            using var db = new PrefetchReadCountingStore(new MemoryKeyValueStore());
            Run(db, prefetch: false, blocks);
            using var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication(), Options(prefetch));
            db.Reset();
            using var pending = node.PrepareBlock(T0.AddNanoseconds(10_000_000_000L), next);
            reads[prefetch] = (db.Reads(prefetchThread: true, nodes: true), db.Reads(prefetchThread: false, nodes: true), Convert.ToHexString(pending.Results.AppHash));
        }

        Assert.Equal(0, reads[true].Other);
        Assert.Equal(0, reads[false].Prefetch);
        Assert.Equal(17, reads[false].Other);
        // The prefetcher read those 17 nodes and 28 leaves more: the test application writes without reading first,
        // so the prefetcher cannot know those keys exist (the update recognises their leaves from the flat values).
        Assert.Equal(45, reads[true].Prefetch);
        Assert.Equal(reads[false].AppHash, reads[true].AppHash);
    }

    [Fact]
    public void A_failing_prefetch_read_does_not_change_or_break_the_block()
    {
        var blocks = Blocks(6);
        using var failing = new PrefetchReadCountingStore(new MemoryKeyValueStore()) { FailPrefetchReads = true };
        using var plain = new MemoryKeyValueStore();

        var withFailures = Run(failing, prefetch: true, blocks);
        var without = Run(plain, prefetch: false, blocks);

        Assert.True(failing.Reads(prefetchThread: true, nodes: true) > 0);
        Assert.Equal(without.Select(Describe), withFailures.Select(Describe));
    }
}
