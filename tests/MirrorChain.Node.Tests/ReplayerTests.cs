namespace MirrorChain.Node.Tests;

public sealed class ReplayerTests
{
    private static readonly BlockTime T0 = BlockTime.ParseRfc3339("2026-02-01T10:00:00Z");

    private static MemoryKeyValueStore BuildChain(int blocks)
    {
        var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication());
        for (var h = 1; h <= blocks; h++)
        {
            node.SubmitTx(Encoding.UTF8.GetBytes($"k{h % 3}=v{h}"));
            if (h % 4 == 0)
            {
                node.SubmitTx(Encoding.UTF8.GetBytes($"k{h % 3}="));
            }
            node.ProduceBlock(T0.AddNanoseconds(h * 1_000_000_000L));
        }
        return db;
    }

    [Fact]
    public void Replay_reproduces_every_app_hash()
    {
        using var source = BuildChain(12);
        using var target = new MemoryKeyValueStore();
        var seen = new List<long>();
        var outcome = new Replayer(source, TestGenesis.Doc, () => new KvTestApplication())
            .Run(target, p => seen.Add(p.Height), reportEvery: 5);
        Assert.True(outcome.Ok, outcome.Mismatch);
        Assert.Equal(12, outcome.BlocksReplayed);
        Assert.Equal([5L, 10L, 12L], seen);
        Assert.Equal(new BlockStore(source).GetResults(12)!.AppHash, new BlockStore(target).GetResults(12)!.AppHash);
    }

    [Fact]
    public void Replay_names_the_first_height_whose_stored_app_hash_differs()
    {
        using var source = BuildChain(8);
        // Tamper with the stored results of block 5: its app hash no longer matches what execution produces.
        var results = new BlockStore(source).GetResults(5)!;
        var forged = results with { AppHash = Hashing.Sha256("forged"u8) };
        using (var batch = source.CreateBatch())
        {
            batch.Put(StoreKeys.ResultsKey(5), BlockCodec.EncodeResults(forged));
            source.Write(batch);
        }
        using var target = new MemoryKeyValueStore();
        var outcome = new Replayer(source, TestGenesis.Doc, () => new KvTestApplication()).Run(target);
        Assert.False(outcome.Ok);
        Assert.Equal(5, outcome.FirstMismatchHeight);
        Assert.Equal(4, outcome.BlocksReplayed);
        Assert.StartsWith("app hash ", outcome.Mismatch, StringComparison.Ordinal);
    }
}
