using MirrorChain.Execution;

namespace MirrorChain.Node.Tests;

public sealed class ProducerFailureTests
{
    private static readonly BlockTime T0 = BlockTime.ParseRfc3339("2026-02-01T10:00:00Z");

    private static byte[] Tx(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public async Task A_failing_store_stops_production_cleanly_with_nothing_of_the_block_written()
    {
        using var store = new FailingStore(new MemoryKeyValueStore());
        var lines = new List<string>();
        using var node = ChainNode.Open(store, TestGenesis.Doc, new KvTestApplication(), new NodeOptions { BlockTime = TimeSpan.FromMilliseconds(1) });
        node.SubmitTx(Tx("a=1"));
        node.ProduceBlock(T0);
        var appHash = node.LatestAppHash;
        node.SubmitTx(Tx("b=2"));
        store.FailWrites = true;

        var stop = await new BlockProducer(node, TimeProvider.System, lines.Add).RunAsync(CancellationToken.None);

        Assert.Equal(ProductionStopKind.StorageFailure, stop.Kind);
        Assert.Equal((1L, 1), (stop.Height, stop.ExitCode));
        Assert.IsType<RocksDbException>(stop.Error);
        Assert.StartsWith("error: storage failure while producing block 2: IO error: No space left on device", stop.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing of block 2 was written; the node stops at height 1", stop.Message, StringComparison.Ordinal);
        Assert.Equal([stop.Message], lines);
        // Nothing partial: the store, the node's view and the mempool are as before the failed block.
        Assert.Equal(1, new BlockStore(store.Inner).LatestHeight);
        Assert.Null(new BlockStore(store.Inner).GetBlock(2));
        Assert.Equal((1L, appHash), (node.LatestHeight, node.LatestAppHash));
        Assert.Equal(1, node.Mempool.Count);

        store.FailWrites = false; // disk freed: the same node (or a restart) carries on at block 2
        var (block, results) = node.ProduceBlock(T0.AddNanoseconds(2_000_000_000));
        Assert.Equal(2, block.Header.Height);
        Assert.Equal(0u, Assert.Single(results.TxResults).Code);
    }

    [Fact]
    public async Task An_invariant_violation_halts_production_without_committing_the_block()
    {
        var app = new KvTestApplication
        {
            ExecuteHook = t =>
            {
                if (t == "break=1")
                {
                    throw new InvariantViolationException("total supply of uluna went negative");
                }
            },
        };
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, TestGenesis.Doc, app, new NodeOptions { BlockTime = TimeSpan.FromMilliseconds(1) });
        node.SubmitTx(Tx("break=1"));

        var stop = await new BlockProducer(node, TimeProvider.System).RunAsync(CancellationToken.None);

        Assert.Equal(ProductionStopKind.Halted, stop.Kind);
        Assert.Equal((0L, 3), (stop.Height, stop.ExitCode));
        Assert.StartsWith("CONSENSUS FAILURE: block production halted at height 0, block 1 was not committed — invariant violated: total supply of uluna went negative",
            stop.Message, StringComparison.Ordinal);
        Assert.Equal(0, node.LatestHeight);
        Assert.Equal(0, new BlockStore(db).LatestHeight);
    }

    [Fact]
    public async Task Cancelling_returns_a_clean_stop_after_the_block_in_progress()
    {
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication(), new NodeOptions { BlockTime = TimeSpan.FromMilliseconds(1) });
        using var cts = new CancellationTokenSource();
        node.BlockCommitted += (_, _) => cts.Cancel();
        var stop = await new BlockProducer(node, TimeProvider.System).RunAsync(cts.Token);
        Assert.Equal((ProductionStopKind.Cancelled, 0), (stop.Kind, stop.ExitCode));
        Assert.Equal(1, node.LatestHeight);
    }

    [Fact]
    public void A_failing_block_listener_is_reported_and_does_not_stop_production()
    {
        var lines = new List<string>();
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication(), new NodeOptions { Log = lines.Add });
        var calledAfter = 0;
        node.BlockCommitted += (_, _) => throw new InvalidOperationException("waiter gone");
        node.BlockCommitted += (_, _) => calledAfter++;
        node.ProduceBlock(T0);
        node.ProduceBlock(T0.AddNanoseconds(1_000_000_000));
        Assert.Equal(2, node.LatestHeight);
        Assert.Equal(2, calledAfter);
        Assert.Equal("a block-committed listener failed at height 1: System.InvalidOperationException: waiter gone", lines[0]);
    }

    [Fact]
    public void A_CheckTx_that_throws_refuses_the_tx_with_the_SDK_panic_code_and_forgets_it()
    {
        var lines = new List<string>();
        var app = new KvTestApplication { CheckHook = _ => throw new NullReferenceException("boom") };
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, TestGenesis.Doc, app, new NodeOptions { Log = lines.Add });
        var outcome = node.SubmitTx(Tx("a=1"));
        Assert.Equal((111222u, "undefined", "panic message redacted to hide potentially sensitive system info: panic"),
            (outcome.Code, outcome.Codespace, outcome.Log));
        Assert.Equal(0, node.Mempool.Count);
        Assert.False(node.SeenTxs.Contains(Hashing.TxHash(Tx("a=1"))));
        Assert.Contains("System.NullReferenceException: boom", Assert.Single(lines), StringComparison.Ordinal);
    }

    [Fact]
    public void A_storage_failure_during_CheckTx_is_not_turned_into_a_tx_result()
    {
        var app = new KvTestApplication { CheckHook = _ => throw new RocksDbException("IO error: read failed") };
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, TestGenesis.Doc, app);
        Assert.Throws<RocksDbException>(() => node.SubmitTx(Tx("a=1")));
        Assert.False(node.SeenTxs.Contains(Hashing.TxHash(Tx("a=1"))));
    }

    [Fact]
    public void ExecutionErrors_classify_node_faults()
    {
        Assert.True(ExecutionErrors.IsNodeFault(new RocksDbException("x")));
        Assert.True(ExecutionErrors.IsNodeFault(new InvariantViolationException("x")));
        Assert.True(ExecutionErrors.IsNodeFault(new AggregateException(new RocksDbException("x"))));
        Assert.False(ExecutionErrors.IsNodeFault(new NullReferenceException()));
        Assert.False(ExecutionErrors.IsNodeFault(new IOException("protobuf")));
    }
}
