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
        Assert.Equal(new BlockStore(source).GetResults(12)!.AppHash, new MirrorChain.State.StateDb(target).LatestRoot);
        // the throwaway target keeps the state and its height, not the blocks
        Assert.Equal(12, new BlockStore(target).LatestHeight);
        Assert.Null(new BlockStore(target).GetResults(12));
        // the throwaway target gets no event index: the source has one
        Assert.NotEmpty(new BlockStore(source).FindByEvent("kv.key", "k0"));
        Assert.Empty(new BlockStore(target).FindByEvent("kv.key", "k0"));
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

    [Fact]
    public void Replay_names_the_first_height_whose_stored_events_differ()
    {
        using var source = BuildChain(8);
        // Block 6's tx results keep their code, gas, data and log; only an event attribute value is changed.
        var results = new BlockStore(source).GetResults(6)!;
        var tx = results.TxResults[0];
        var forged = results with { TxResults = [tx with { Events = [Event.Of("kv", ("key", "k0"), ("value", "forged"))] }, .. results.TxResults.Skip(1)] };
        using (var batch = source.CreateBatch())
        {
            batch.Put(StoreKeys.ResultsKey(6), BlockCodec.EncodeResults(forged));
            source.Write(batch);
        }
        using var target = new MemoryKeyValueStore();
        var outcome = new Replayer(source, TestGenesis.Doc, () => new KvTestApplication()).Run(target);
        Assert.False(outcome.Ok);
        Assert.Equal(6, outcome.FirstMismatchHeight);
        Assert.Equal("tx 0: event 0: replayed kv{key=k0, value=v6} != stored kv{key=k0, value=forged}", outcome.Mismatch);
    }

    [Fact]
    public void Stored_results_compare_as_written_when_identical_and_field_by_field_otherwise()
    {
        using var source = BuildChain(3);
        var results = new BlockStore(source).GetResults(2)!;
        var record = BlockCodec.EncodeResults(results);
        var tx = results.TxResults[0];
        var forged = results with { TxResults = [tx with { Events = [Event.Of("kv", ("key", "k0"), ("value", "forged"))] }, .. results.TxResults.Skip(1)] };

        Assert.True(BlockCodec.IsRecordOf(record, results));
        Assert.Null(ReplayComparison.CompareWithRecord(record, results));
        // a version 1 record of the same results: not the same bytes, decoded and found identical
        Assert.False(BlockCodec.IsRecordOf(BlockCodec.EncodeResultsVersion1(results), results));
        Assert.Null(ReplayComparison.CompareWithRecord(BlockCodec.EncodeResultsVersion1(results), results));
        // other results: the field-by-field message, in either direction
        Assert.False(BlockCodec.IsRecordOf(record, forged));
        Assert.Equal("tx 0: event 0: replayed kv{key=k0, value=forged} != stored kv{key=k2, value=v2}", ReplayComparison.CompareWithRecord(record, forged));
        Assert.Equal(ReplayComparison.Compare(results, forged), ReplayComparison.CompareWithRecord(record, forged));
        Assert.Equal(ReplayComparison.Compare(forged, results), ReplayComparison.CompareWithRecord(BlockCodec.EncodeResults(forged), results));
        // the app hash is part of the record
        var otherHash = results with { AppHash = new byte[results.AppHash.Length] };
        Assert.False(BlockCodec.IsRecordOf(record, otherHash));
        Assert.StartsWith("app hash ", ReplayComparison.CompareWithRecord(record, otherHash), StringComparison.Ordinal);
    }

    [Fact]
    public void Sequential_and_pipelined_replay_agree_on_txs_refused_for_their_signature()
    {
        using var source = new MemoryKeyValueStore();
        using (var node = ChainNode.Open(source, TestGenesis.Doc, new KvTestApplication()))
        {
            for (var h = 1; h <= 6; h++)
            {
                using var pending = node.PrepareBlock(T0.AddNanoseconds(h * 1_000_000_000L), [Encoding.UTF8.GetBytes($"a=v{h}"), Encoding.UTF8.GetBytes($"sig{h}=x")]);
                Assert.Equal(4u, pending.Results.TxResults[1].Code);
                pending.Commit();
            }
        }
        foreach (var lookahead in new[] { 0, 1, 3 })
        {
            using var target = new MemoryKeyValueStore();
            var app = new KvTestApplication();
            var outcome = new Replayer(source, TestGenesis.Doc, () => app) { Lookahead = lookahead }.Run(target);
            Assert.True(outcome.Ok, outcome.Mismatch);
            Assert.Equal(6, outcome.BlocksReplayed);
            // pre-verified or not, each signature is checked once, and the refused ones once more at their block;
            // pipelined, a check still in progress on a verifier thread when execution reaches its block is made
            // again there (ReplaySignatureChecks.Await): at most one per verifier thread and block
            if (lookahead == 0)
            {
                Assert.Equal(12, app.VerifiedSignatures);
            }
            else
            {
                Assert.InRange(app.VerifiedSignatures, 18, 18 + (6 * ReplayVerifierThreads.DefaultThreads));
            }
        }
    }

    [Fact]
    public void PrepareStoredBlock_checks_again_the_signatures_pre_verification_refused()
    {
        using var source = new MemoryKeyValueStore();
        using (var node = ChainNode.Open(source, TestGenesis.Doc, new KvTestApplication()))
        {
            using var pending = node.PrepareBlock(T0, [Encoding.UTF8.GetBytes("a=1"), Encoding.UTF8.GetBytes("sig=1"), Encoding.UTF8.GetBytes("b=2")]);
            pending.Commit();
        }
        var block = new BlockStore(source).GetBlock(1)!;
        using var target = new MemoryKeyValueStore();
        var app = new KvTestApplication();
        using var replaying = ChainNode.Open(target, TestGenesis.Doc, app);
        Assert.Throws<ArgumentException>(() => replaying.PrepareStoredBlock(block, [true]));
        using var prepared = replaying.PrepareStoredBlock(block, [false, false, true]); // e.g. accounts not yet there when checked
        Assert.Equal(2, app.VerifiedSignatures); // the two false ones, again; the true one is kept
        Assert.Equal([0u, 4u, 0u], prepared.Results.TxResults.Select(r => r.Code));
    }
}
