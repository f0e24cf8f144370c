namespace MirrorChain.Node.Tests;

public sealed class ChainNodeTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mc-node-" + Guid.NewGuid().ToString("N"));

    private static readonly BlockTime T0 = BlockTime.ParseRfc3339("2026-02-01T10:00:00Z");

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static byte[] Tx(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void Fresh_node_commits_genesis_as_height_zero()
    {
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication());
        Assert.Equal(0, node.LatestHeight);
        Assert.Null(node.LatestBlock);
        Assert.Equal(32, node.LatestAppHash.Length);
        Assert.Equal("mirrorchain-test-1", Encoding.UTF8.GetString(node.State.Committed.Get(Tx("genesis"))!));
    }

    [Fact]
    public void Blocks_chain_headers_and_app_hashes()
    {
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication());
        var genesisHash = node.LatestAppHash;
        Assert.Equal(0u, node.SubmitTx(Tx("a=1")).Code);
        var (b1, r1) = node.ProduceBlock(T0);
        var (b2, r2) = node.ProduceBlock(T0.AddNanoseconds(1_000_000_000));

        Assert.Equal(1, b1.Header.Height);
        Assert.Single(b1.Txs);
        Assert.Empty(b1.Header.LastBlockHash);
        Assert.Equal(genesisHash, b1.Header.AppHash);               // header carries the state before the block
        Assert.NotEqual(genesisHash, r1.AppHash);                     // the tx changed the state
        Assert.Equal(b1.Hash, b2.Header.LastBlockHash);
        Assert.Equal(r1.AppHash, b2.Header.AppHash);
        Assert.Equal(r1.AppHash, r2.AppHash);                         // empty block, same state
        Assert.Equal(BlockCodec.ResultsHash(r1.TxResults), b2.Header.LastResultsHash);
        Assert.Equal(Hashing.MerkleRoot([Hashing.TxHash(Tx("a=1"))]), b1.Header.DataHash);
        Assert.Equal(2, node.LatestHeight);
        Assert.Equal(b2.Hash, node.Blocks.GetBlock(2)!.Hash);
        Assert.Equal((1L, 0), node.Blocks.GetTxLocation(Hashing.TxHash(Tx("a=1"))));
        Assert.True(node.Indexer!.WaitForHeight(2, TimeSpan.FromSeconds(30))); // the event index follows the commit
        Assert.Equal([(1L, 0)], node.Blocks.FindByEvent("kv.key", "a").ToList());
    }

    [Fact]
    public void Last_results_hash_is_the_same_from_the_results_kept_in_memory_and_from_those_read_back_after_a_restart()
    {
        Block kept;
        BlockResults r1;
        using (var db = new MemoryKeyValueStore())
        using (var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication()))
        {
            using (var pending = node.PrepareBlock(T0, [Tx("a=1"), Tx("sigx=1")]))
            {
                pending.Commit();
                r1 = pending.Results;
            }
            (kept, _) = node.ProduceBlock(T0.AddNanoseconds(1_000_000_000));
        }
        Block readBack;
        using (var db = RocksDbStore.Open(_dir))
        {
            using (var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication()))
            using (var pending = node.PrepareBlock(T0, [Tx("a=1"), Tx("sigx=1")]))
            {
                pending.Commit();
            }
            using (var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication()))
            {
                (readBack, _) = node.ProduceBlock(T0.AddNanoseconds(1_000_000_000));
            }
        }
        Assert.NotEmpty(kept.Header.LastResultsHash);
        Assert.Equal(BlockCodec.ResultsHash(r1.TxResults), kept.Header.LastResultsHash);
        Assert.Equal(kept.Header.LastResultsHash, readBack.Header.LastResultsHash);
        Assert.Equal(kept.Hash, readBack.Hash);
    }

    [Fact]
    public void A_node_that_does_not_store_blocks_leaves_last_results_hash_empty()
    {
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication(), new NodeOptions { StoreBlocks = false });
        using (var pending = node.PrepareBlock(T0, [Tx("a=1")]))
        {
            pending.Commit();
        }
        var (b2, _) = node.ProduceBlock(T0.AddNanoseconds(1_000_000_000));
        Assert.Equal(2, b2.Header.Height);
        Assert.Empty(b2.Header.LastResultsHash);
    }

    [Fact]
    public void Block_time_strictly_increases_even_if_the_clock_goes_back()
    {
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication());
        var (b1, _) = node.ProduceBlock(T0);
        var (b2, _) = node.ProduceBlock(T0.AddNanoseconds(-5_000_000_000));
        Assert.Equal(T0.AddNanoseconds(1_000_000), b2.Header.Time);
        Assert.True(b2.Header.Time > b1.Header.Time);
    }

    [Fact]
    public void Failed_tx_is_recorded_with_its_code_and_changes_nothing()
    {
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication());
        using (var pending = node.PrepareBlock(T0, [Tx("sigx=1"), Tx("k=v")]))
        {
            pending.Commit();
            Assert.Equal(4u, pending.Results.TxResults[0].Code);
            Assert.Equal(0u, pending.Results.TxResults[1].Code);
        }
        Assert.Null(node.State.Committed.Get(Tx("kv/sigx")));
        Assert.Equal("v", Encoding.UTF8.GetString(node.State.Committed.Get(Tx("kv/k"))!));
    }

    [Fact]
    public void Commit_interrupted_before_the_batch_is_written_leaves_the_previous_height_whole()
    {
        byte[] appHash1;
        byte[] blockHash1;
        using (var db = RocksDbStore.Open(_dir))
        using (var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication()))
        {
            node.SubmitTx(Tx("a=1"));
            var (b1, r1) = node.ProduceBlock(T0);
            appHash1 = r1.AppHash;
            blockHash1 = b1.Hash;
            // Block 2 is executed and staged, then the process "dies" before the write.
            var pending = node.PrepareBlock(T0.AddNanoseconds(1_000_000_000), [Tx("a=2"), Tx("b=3")]);
            Assert.NotEqual(appHash1, pending.Results.AppHash);
            pending.Dispose();
        }
        using (var db = RocksDbStore.Open(_dir))
        using (var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication()))
        {
            Assert.Equal(1, node.LatestHeight);
            Assert.Equal(appHash1, node.LatestAppHash);
            Assert.Equal(blockHash1, node.LatestBlock!.Hash);
            Assert.Null(node.Blocks.GetBlock(2));
            Assert.Null(node.Blocks.GetResults(2));
            Assert.Null(node.Blocks.GetTxLocation(Hashing.TxHash(Tx("b=3"))));
            Assert.Equal("1", Encoding.UTF8.GetString(node.State.Committed.Get(Tx("kv/a"))!));
            Assert.Null(node.State.Committed.Get(Tx("kv/b")));
            // and the chain goes on from there
            var (b2, _) = node.ProduceBlock(T0.AddNanoseconds(2_000_000_000));
            Assert.Equal(2, b2.Header.Height);
            Assert.Equal(blockHash1, b2.Header.LastBlockHash);
        }
    }

    [Fact]
    public void Restart_resumes_at_the_next_height_with_the_same_state()
    {
        byte[] appHash;
        using (var db = RocksDbStore.Open(_dir))
        using (var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication()))
        {
            node.SubmitTx(Tx("x=9"));
            node.ProduceBlock(T0);
            appHash = node.ProduceBlock(T0.AddNanoseconds(1)).Results.AppHash;
        }
        using (var db = RocksDbStore.Open(_dir))
        using (var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication()))
        {
            Assert.Equal(2, node.LatestHeight);
            Assert.Equal(appHash, node.LatestAppHash);
            Assert.Equal(3, node.ProduceBlock(T0.AddNanoseconds(2)).Block.Header.Height);
        }
    }

    [Fact]
    public void Signatures_checked_at_CheckTx_are_not_verified_again_in_the_block()
    {
        using var db = new MemoryKeyValueStore();
        var app = new KvTestApplication();
        using var node = ChainNode.Open(db, TestGenesis.Doc, app);
        node.SubmitTx(Tx("a=1"));
        node.SubmitTx(Tx("b=2"));
        Assert.Equal(2, app.VerifiedSignatures);              // once each, at admission
        var (_, results) = node.ProduceBlock(T0);
        Assert.Equal(2, app.VerifiedSignatures);              // the block reused them
        Assert.All(results.TxResults, r => Assert.Equal(0u, r.Code));
        // a block of txs the mempool never saw (replay, another proposer) verifies them all
        using var pending = node.PrepareBlock(T0.AddNanoseconds(1_000_000_000), [Tx("c=3"), Tx("sigbad=1")]);
        Assert.Equal(4, app.VerifiedSignatures);
        Assert.Equal(4u, pending.Results.TxResults[1].Code);
    }

    [Fact]
    public void Reopening_with_another_genesis_is_refused()
    {
        using var db = new MemoryKeyValueStore();
        using (ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication()))
        {
        }
        var other = GenesisDoc.Parse(TestGenesis.Json.Replace("mirrorchain-test-1", "other-1", StringComparison.Ordinal));
        var e = Assert.Throws<InvalidOperationException>(() => ChainNode.Open(db, other, new KvTestApplication()));
        Assert.Contains("different genesis", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_reads_committed_state_at_the_latest_height()
    {
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication());
        node.SubmitTx(Tx("q=42"));
        node.ProduceBlock(T0);
        var (result, height) = node.Query("/kv", Tx("q"));
        Assert.Equal(0u, result.Code);
        Assert.Equal("42", Encoding.UTF8.GetString(result.Value));
        Assert.Equal(1, height);
        Assert.Equal(22u, node.Query("/kv", Tx("nope")).Result.Code);
    }
}
