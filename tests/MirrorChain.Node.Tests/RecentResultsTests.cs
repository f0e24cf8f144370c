namespace MirrorChain.Node.Tests;

/// <summary>
/// The node keeps the results of its last <see cref="BlockStore.RecentResultsKept"/> committed blocks in memory for
/// <c>block_results</c> and <c>tx</c>: they answer exactly what decoding the stored record answers, before and after
/// a restart, only for their own height, and never results whose record decodes to something else.
/// </summary>
public sealed class RecentResultsTests
{
    private static byte[] Fields(BlockResults r) => BlockCodec.EncodeResultsVersion1(r);

    [Fact]
    public void The_latest_blocks_results_come_from_memory_and_equal_a_fresh_decode()
    {
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, StoredResultsEncodingTests.DevnetGenesis(), new MirrorApplication());
        var number = StoredResultsEncodingTests.Test2AccountNumber(node);
        var committed = new List<BlockResults>();
        for (var h = 1; h <= 12; h++)
        {
            committed.Add(StoredResultsEncodingTests.Commit(node, h, [StoredResultsEncodingTests.Send(number, (ulong)h - 1, (ulong)h)]));
        }

        var fresh = new BlockStore(db);
        for (var h = 1; h <= 12; h++)
        {
            var served = node.Blocks.GetResults(h)!;
            Assert.Equal(h, served.Height);
            Assert.Equal(Fields(fresh.GetResults(h)!), Fields(served));
            if (h > 12 - BlockStore.RecentResultsKept)
            {
                Assert.Same(committed[h - 1], served); // kept: not decoded again
            }
            else
            {
                Assert.NotSame(committed[h - 1], served); // bounded: older heights are decoded from the store
            }
        }
    }

    [Fact]
    public void After_a_restart_the_same_results_are_served_from_the_store()
    {
        using var db = new MemoryKeyValueStore();
        var genesis = StoredResultsEncodingTests.DevnetGenesis();
        var before = new List<byte[]>();
        using (var node = ChainNode.Open(db, genesis, new MirrorApplication()))
        {
            var number = StoredResultsEncodingTests.Test2AccountNumber(node);
            for (var h = 1; h <= 3; h++)
            {
                StoredResultsEncodingTests.Commit(node, h, [StoredResultsEncodingTests.Send(number, (ulong)h - 1, 1), StoredResultsEncodingTests.Send(number, 99, 1)]);
                before.Add(Fields(node.Blocks.GetResults(h)!));
            }
        }
        using var restarted = ChainNode.Open(db, genesis, new MirrorApplication());
        for (var h = 1; h <= 3; h++)
        {
            Assert.Equal(before[h - 1], Fields(restarted.Blocks.GetResults(h)!));
        }
        var number2 = StoredResultsEncodingTests.Test2AccountNumber(restarted);
        var fourth = StoredResultsEncodingTests.Commit(restarted, 4, [StoredResultsEncodingTests.Send(number2, 3, 1)]);
        Assert.Same(fourth, restarted.Blocks.GetResults(4));
        Assert.Equal(Fields(new BlockStore(db).GetResults(4)!), Fields(restarted.Blocks.GetResults(4)!));
    }

    [Fact]
    public void Results_whose_record_decodes_differently_are_served_as_stored()
    {
        var app = new KvTestApplication { EventValueHook = v => v == "lone" ? "x\ud800" : v };
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, TestGenesis.Doc, app);
        Produce(node, 1, ["a=lone", "b=2"]);
        Produce(node, 2, ["c=3"]);
        var served = node.Blocks.GetResults(1)!;
        Assert.Equal("x\ufffd", served.TxResults[0].Events[0].Attributes[1].Value);
        Assert.Equal(Fields(new BlockStore(db).GetResults(1)!), Fields(served));
        Assert.Equal(Fields(new BlockStore(db).GetResults(2)!), Fields(node.Blocks.GetResults(2)!));
    }

    [Fact]
    public void A_slot_reused_by_a_later_height_answers_only_for_that_height()
    {
        var recent = new RecentResults(2);
        var three = new BlockResults(3, [], []);
        recent.Put(three);
        recent.Put(new BlockResults(5, [], [])); // same slot as 3
        Assert.Null(recent.Get(3));
        Assert.Equal(5, recent.Get(5)!.Height);
        recent.Forget(3); // not there: leaves 5 alone
        Assert.NotNull(recent.Get(5));
        recent.Forget(5);
        Assert.Null(recent.Get(5));
        Assert.Null(recent.Get(7));
    }

    [Fact]
    public void A_node_that_does_not_store_blocks_serves_no_results()
    {
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication(), new NodeOptions { StoreBlocks = false });
        Produce(node, 1, ["a=1"]);
        Assert.Null(node.Blocks.GetResults(1));
    }

    private static void Produce(ChainNode node, int seconds, IReadOnlyList<string> txs)
    {
        using var pending = node.PrepareBlock(TestGenesis.Doc.GenesisTime.AddNanoseconds(seconds * 1_000_000_000L), [.. txs.Select(Encoding.UTF8.GetBytes)]);
        pending.Commit();
    }
}
