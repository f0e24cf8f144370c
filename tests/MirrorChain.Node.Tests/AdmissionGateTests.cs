using MirrorChain.Execution;

namespace MirrorChain.Node.Tests;

/// <summary>
/// The block's precedence over admission (<see cref="AdmissionGate"/>, node.json <c>admission_checks_during_block</c>):
/// outside a block every check enters; during one at most the configured number run at once; the block's end lets
/// the waiting ones in; answers and app hashes are the same with the gate closed or open.
/// </summary>
public sealed class AdmissionGateTests
{
    private static readonly BlockTime T0 = BlockTime.ParseRfc3339("2026-02-01T10:00:00Z");

    private static byte[] Tx(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void Outside_a_block_every_check_enters_whatever_the_limit()
    {
        var gate = new AdmissionGate(0);
        Assert.True(gate.TryEnter());
        Assert.True(gate.TryEnter());
        Assert.True(gate.TryEnter());
        Assert.Equal(3, gate.Running);
        Assert.False(gate.BlockInProgress);
    }

    [Fact]
    public void During_a_block_at_most_the_limit_runs_and_a_leaving_check_makes_room()
    {
        var gate = new AdmissionGate(1);
        gate.BlockStarted();
        Assert.True(gate.BlockInProgress);
        Assert.True(gate.TryEnter());
        Assert.False(gate.TryEnter());
        Assert.Equal(1, gate.Running);
        gate.Leave();
        Assert.True(gate.TryEnter());
        Assert.False(gate.TryEnter());
    }

    [Fact]
    public void Checks_running_when_the_block_starts_count_against_its_limit()
    {
        var gate = new AdmissionGate(1);
        Assert.True(gate.TryEnter());
        Assert.True(gate.TryEnter());
        gate.BlockStarted();
        Assert.False(gate.TryEnter());
        gate.Leave();
        Assert.False(gate.TryEnter()); // one still running: the limit is reached
        gate.Leave();
        Assert.True(gate.TryEnter());
    }

    [Fact]
    public void With_limit_zero_nothing_enters_until_the_block_ends()
    {
        var gate = new AdmissionGate(0);
        gate.BlockStarted();
        Assert.False(gate.TryEnter());
        gate.BlockEnded();
        Assert.False(gate.BlockInProgress);
        Assert.True(gate.TryEnter());
        Assert.Equal(1, gate.Running);
    }

    [Fact]
    public void Limit_minus_one_never_holds_a_check_back()
    {
        var gate = new AdmissionGate(-1);
        gate.BlockStarted();
        for (var i = 0; i < 100; i++)
        {
            Assert.True(gate.TryEnter());
        }
        Assert.Equal(100, gate.Running);
    }

    [Fact]
    public void The_default_is_zero_as_in_node_json()
    {
        Assert.Equal(0, new NodeOptions().AdmissionChecksDuringBlock);
    }

    [Fact]
    public async Task A_waiting_check_enters_when_the_block_ends()
    {
        var gate = new AdmissionGate(0);
        gate.BlockStarted();
        var waiting = Task.Run(gate.Enter);
        gate.BlockEnded();
        await waiting;
        Assert.Equal(1, gate.Running);
        gate.Leave();
        Assert.Equal(0, gate.Running);
    }

    [Fact]
    public void A_limit_below_minus_one_is_refused_with_the_setting_named()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new AdmissionGate(-2));
        Assert.StartsWith("admission_checks_during_block must be -1 (no limit), 0 (admission waits for the block) or a positive number of CheckTxs", e.Message);
    }

    [Fact]
    public void Leave_without_enter_is_an_error()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new AdmissionGate(1).Leave());
        Assert.Equal("AdmissionGate.Leave without a matching Enter", e.Message);
    }

    [Fact]
    public async Task The_node_holds_admission_back_while_it_produces_a_block_and_admits_the_tx_after_it()
    {
        using var db = new MemoryKeyValueStore();
        var metrics = new GateProbe();
        using var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication(), new NodeOptions { AdmissionChecksDuringBlock = 0, Metrics = metrics });
        metrics.Node = node;
        Assert.Equal(0u, node.SubmitTx(Tx("alice=1")).Code);
        var listenerSawBlockInProgress = true;
        node.BlockCommitted += (_, _) => listenerSawBlockInProgress = node.AdmissionGate.BlockInProgress;
        var (block, _) = node.ProduceBlock(T0);
        Assert.True(metrics.InBlock); // the mempool was rechecked: the block still held admission back
        Assert.False(metrics.Entered);
        Assert.False(listenerSawBlockInProgress); // the listeners run after the gate opened (one may broadcast)
        Assert.False(node.AdmissionGate.BlockInProgress);
        Assert.Equal(0u, (await metrics.Late!).Code);
        Assert.Single(block.Txs);
        Assert.Equal(1, node.Mempool.Count); // bob's tx waits for the next block
        Assert.Equal(0, node.AdmissionGate.Running);
    }

    [Fact]
    public void A_failed_block_opens_the_gate_again()
    {
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication(), new NodeOptions { AdmissionChecksDuringBlock = 0 });
        node.Dispose();
        Assert.Throws<ObjectDisposedException>(() => node.ProduceBlock(T0));
        Assert.False(node.AdmissionGate.BlockInProgress);
        Assert.True(node.AdmissionGate.TryEnter());
    }

    /// <summary>Looks at the gate where the node reports the committed block (after the recheck, before the listeners).</summary>
    private sealed class GateProbe : INodeMetrics
    {
        public ChainNode? Node { get; set; }

        public bool InBlock { get; private set; }

        public bool Entered { get; private set; } = true;

        public Task<CheckTxResponse>? Late { get; private set; }

        public void BlockCommitted(CommittedBlockSample sample)
        {
            var node = Node!;
            InBlock = node.AdmissionGate.BlockInProgress;
            Entered = node.AdmissionGate.TryEnter();
            Late = Task.Run(() => node.SubmitTx(Tx("bob=2"))); // waits for the gate: it must not block the block
        }

        public void TxChecked(int txBytes, CheckTxResponse response, TimeSpan elapsed)
        {
        }
    }

    [Fact]
    public void Blocks_and_answers_are_the_same_with_the_gate_closed_or_open()
    {
        byte[] Run(int limit)
        {
            using var db = new MemoryKeyValueStore();
            using var node = ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication(), new NodeOptions { AdmissionChecksDuringBlock = limit });
            Assert.Equal(0u, node.SubmitTx(Tx("alice=1")).Code);
            Assert.Equal(0u, node.SubmitTx(Tx("bob=2")).Code);
            node.ProduceBlock(T0);
            Assert.Equal(0u, node.SubmitTx(Tx("alice=3")).Code);
            node.ProduceBlock(T0.AddNanoseconds(1_000_000_000));
            return node.LatestAppHash;
        }
        var open = Run(-1);
        Assert.Equal(open, Run(0));
        Assert.Equal(open, Run(1));
    }
}
