using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using MirrorChain.Core;
using MirrorChain.Crypto;
using MirrorChain.Execution;
using MirrorChain.Node;
using MirrorChain.State;
using MirrorChain.Storage;
using MirrorChain.Tx.Proto.Cosmos.Auth.V1Beta1;

namespace MirrorChain.Benchmarks;

/// <summary>
/// A block of 1000 bank sends (from <see cref="Senders"/> distinct accounts funded in the bench genesis: 10 send 100
/// each, or 1000 send one each; 1 uluna to a fresh address) through
/// the real node: <see cref="ChainNode"/> with <see cref="MirrorApplication"/> over RocksDB in a temp dir (the node's
/// settings: synced writes) or the in-memory store. Every case starts from a fresh genesis state.
/// <list type="bullet">
/// <item><c>VerifySignatures</c>: the block's parallel signature pre-check alone (decode + account pubkey + verify).</item>
/// <item><c>ExecuteTxs</c>: sequential execution of the 1000 txs over a block cache, signatures already checked
/// (decode, ante: fee + sequence, bank send, events, gas); no Merkle, no write.</item>
/// <item><c>MerkleApplyBlock</c>: the tree update for the state changes such a block makes (few keys: 10 senders).</item>
/// <item><c>PrepareBlock</c>: signatures + execution + Merkle apply + staging the batch (state, block, results, tx
/// index); dropped, not written.</item>
/// <item><c>StageBlockState</c>: the state part of staging such a block alone: <see cref="StateDb.PrepareCommit"/> of
/// its changes (Merkle apply, leaves recognised from the values its execution read, flat values and new nodes) into
/// a batch that is dropped.</item>
/// <item><c>StageBlockRecords</c>: the rest of staging: the block, its results and the tx-hash index into a batch
/// (<see cref="BlockStore.Append"/>), dropped.</item>
/// <item><c>DecodeBlockResults</c>: decoding such a block's stored results record (what <c>block_results</c> or
/// <c>tx</c> of a block older than the ones the node keeps in memory costs); the setup prints the record's size.</item>
/// <item><c>CommitPreparedBlock</c>: only the commit of a block prepared in the iteration setup: the atomic store
/// write (synced on RocksDB, as the node does), marking the new version, the (empty) mempool recheck, handing the
/// results to the event indexer.</item>
/// <item><c>ExecuteAndCommitBlock</c>: prepare + commit: one block height, as the block producer runs it.</item>
/// <item><c>IndexBlockEvents</c>: the event indexer's work for such a block, off the block's critical path: its
/// ~29,000 event-index keys and the indexed height in one unsynced batch (idempotent, so the same block each time).</item>
/// <item><c>CheckTx1000</c>: 1000 × <see cref="ChainNode.SubmitTx"/> on one thread (CheckTx + mempool admission, no HTTP);
/// the block that empties the mempool is produced outside the measurement.</item>
/// </list>
/// The state-changing cases sign the next block's txs in an [IterationSetup] (so one invocation per iteration); after
/// a committing case the iteration cleanup waits for the event indexer, so its background write never overlaps the
/// next measurement.
/// </summary>
[MemoryDiagnoser]
public class BlockBenchmarks
{
    private const int BlockTxs = 1000;
    private const string AccountPath = "/cosmos.auth.v1beta1.Query/Account";

    private readonly MirrorApplication _app = new();
    private string? _dir;
    private IKeyValueStore _store = null!;
    private ChainNode _node = null!;
    private (PrivateKey Key, ulong AccountNumber)[] _senders = [];
    private ulong _nextSequence;
    private IReadOnlyList<byte[]> _txs = [];
    private bool[] _allVerified = [];
    private IReadOnlyList<KeyValuePair<byte[], byte[]?>> _blockChanges = [];
    private ReadRecorder? _blockReads;
    private Block? _stagedBlock;
    private List<byte[]> _txHashes = [];
    private PendingBlock? _prepared;
    private BlockResults? _indexResults;
    private byte[] _resultsRecord = [];

    [Params("rocksdb", "memory")]
    public string Store { get; set; } = "rocksdb";

    /// <summary>Distinct senders of the block's 1000 txs (10: 100 txs each; 1000: one each, ~3000 state keys).</summary>
    [Params(10, 1000)]
    public int Senders { get; set; } = 10;

    private int TxsPerSender => BlockTxs / Senders;

    [GlobalSetup]
    public void Setup()
    {
        // Bank sends only: the devnet genesis without its wasm deployment (the app here has no contract runtime),
        // plus the benchmark's senders.
        var genesis = GenesisDoc.Parse(BenchTxs.DevnetGenesisWith(Senders, keepWasm: false, out var keys));
        if (Store == "rocksdb")
        {
            _dir = Directory.CreateTempSubdirectory("mirrorchain-bench-").FullName;
            _store = RocksDbStore.Open(_dir);
        }
        else
        {
            _store = new MemoryKeyValueStore();
        }
        _node = ChainNode.Open(_store, genesis, _app, new NodeOptions { MempoolMaxTxs = 10 * BlockTxs });
        _senders = LoadSenders(_node, keys);
        _txs = SignBlock(_nextSequence);
        _allVerified = _app.VerifySignatures(_txs, _node.State.Committed, _node.Genesis.ChainId);
        if (_allVerified.Any(ok => !ok))
        {
            throw new InvalidOperationException("a signature of the benchmark block does not verify");
        }
        _blockReads = new ReadRecorder(_node.State.Committed);
        var cache = new StateCache(_blockReads);
        var executed = _app.ExecuteBlock(NextContext(), _txs, cache, _allVerified);
        RequireAllOk(executed.Select(r => r.Code), "executed block");
        _blockChanges = cache.Changes();
        _indexResults = new BlockResults(1, executed, new byte[32]);
        _resultsRecord = BlockCodec.EncodeResults(_indexResults);
        Console.WriteLine($"// block results record: {_resultsRecord.Length} bytes ({Senders} senders)");
        using (var pending = _node.PrepareBlock(NextTime(), _txs))
        {
            _stagedBlock = pending.Block;
        }
        _txHashes = [.. _txs.Select(t => Hashing.TxHash(t))];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _checkTxCpu.Print();
        _prepared?.Dispose();
        _node.Dispose();
        _store.Dispose();
        if (_dir is not null)
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    /// <summary>The next block's txs, for the cases that commit blocks.</summary>
    [IterationSetup(Targets = [nameof(ExecuteAndCommitBlock), nameof(CheckTx1000)])]
    public void SignNextBlock() => _txs = SignBlock(_nextSequence);

    [IterationSetup(Target = nameof(CommitPreparedBlock))]
    public void PrepareNextBlock()
    {
        _txs = SignBlock(_nextSequence);
        _prepared = _node.PrepareBlock(NextTime(), _txs);
    }

    [IterationCleanup(Targets = [nameof(CommitPreparedBlock), nameof(ExecuteAndCommitBlock)])]
    public void WaitForEventIndex()
    {
        if (_node.Indexer is { } indexer && !indexer.WaitForHeight(_node.LatestHeight, TimeSpan.FromMinutes(5)))
        {
            throw new InvalidOperationException($"the event indexer did not reach height {_node.LatestHeight}");
        }
    }

    [IterationCleanup(Target = nameof(CheckTx1000))]
    public void ProduceCheckedBlock()
    {
        var (_, results) = _node.ProduceBlock(NextTime());
        RequireAllOk(results.TxResults.Select(r => r.Code), "produced block");
        _nextSequence += (ulong)TxsPerSender;
    }

    [Benchmark]
    public bool[] VerifySignatures() =>
        _app.VerifySignatures(_txs, _node.State.Committed, _node.Genesis.ChainId);

    [Benchmark]
    public int ExecuteTxs() =>
        _app.ExecuteBlock(NextContext(), _txs, new StateCache(_node.State.Committed), _allVerified).Count;

    [Benchmark]
    public byte[] MerkleApplyBlock() => _node.State.Tree.Apply(_node.State.LatestRoot, _blockChanges).Root;

    [Benchmark]
    public byte[] PrepareBlock()
    {
        using var pending = _node.PrepareBlock(NextTime(), _txs);
        return pending.Results.AppHash;
    }

    [Benchmark]
    public byte[] StageBlockState()
    {
        using var batch = _store.CreateBatch();
        return _node.State.PrepareCommit(_node.LatestHeight + 1, _blockChanges, batch, _blockReads);
    }

    [Benchmark]
    public int StageBlockRecords()
    {
        using var batch = _store.CreateBatch();
        BlockStore.Append(batch, _stagedBlock ?? throw new InvalidOperationException("no block"),
            _indexResults ?? throw new InvalidOperationException("no block results"), _txHashes);
        return batch.Count;
    }

    [Benchmark]
    public int DecodeBlockResults() => BlockCodec.DecodeResults(_resultsRecord).TxResults.Count;

    [Benchmark]
    public long CommitPreparedBlock()
    {
        using var pending = _prepared ?? throw new InvalidOperationException("no prepared block");
        _prepared = null;
        pending.Commit();
        RequireAllOk(pending.Results.TxResults.Select(r => r.Code), "block");
        _nextSequence += (ulong)TxsPerSender;
        return pending.Block.Header.Height;
    }

    [Benchmark]
    public long ExecuteAndCommitBlock()
    {
        using var pending = _node.PrepareBlock(NextTime(), _txs);
        pending.Commit();
        RequireAllOk(pending.Results.TxResults.Select(r => r.Code), "block");
        _nextSequence += (ulong)TxsPerSender;
        return pending.Block.Header.Height;
    }

    [Benchmark]
    public int IndexBlockEvents()
    {
        using var batch = _store.CreateBatch();
        BlockStore.AppendEvents(batch, _indexResults ?? throw new InvalidOperationException("no block results"));
        _store.Write(batch, sync: false);
        return batch.Count;
    }

    [Benchmark]
    public int CheckTx1000()
    {
        var started = ThreadCpuClock.NowNanoseconds();
        var count = BenchTxs.SubmitAll(_node, _txs);
        _checkTxCpu.Add(ThreadCpuClock.NowNanoseconds() - started);
        return count;
    }

    private readonly ThreadCpuClock.Samples _checkTxCpu = new(nameof(CheckTx1000));

    private BlockContext NextContext() => new(_node.Genesis.ChainId, _node.LatestHeight + 1, NextTime());

    private BlockTime NextTime() => _node.Genesis.GenesisTime.AddNanoseconds((_node.LatestHeight + 1) * 1_000_000_000L);

    /// <summary>Sender s's txs with sequences first..first+99, interleaved across senders as a mempool would order them.</summary>
    private IReadOnlyList<byte[]> SignBlock(ulong firstSequence) =>
        BenchTxs.BankSendsRoundRobin(_senders, TxsPerSender, _node.Genesis.ChainId, firstSequence);

    /// <summary>Each key's account number, checked to start at sequence 0.</summary>
    internal static (PrivateKey, ulong)[] LoadSenders(ChainNode node, IReadOnlyList<PrivateKey> keys)
    {
        var senders = new (PrivateKey, ulong)[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            var request = new QueryAccountRequest { Address = key.Address.ToString() }.ToByteArray();
            var (answer, _) = node.Query(AccountPath, request);
            if (answer.Code != 0)
            {
                throw new InvalidOperationException($"account query for bench key {i} failed: {answer.Log}");
            }
            var account = BaseAccount.Parser.ParseFrom(QueryAccountResponse.Parser.ParseFrom(answer.Value).Account.Value);
            if (account.Sequence != 0)
            {
                throw new InvalidOperationException($"bench key {i} starts at sequence {account.Sequence}, expected 0");
            }
            senders[i] = (key, account.AccountNumber);
        }
        return senders;
    }

    internal static void RequireAllOk(IEnumerable<uint> codes, string what)
    {
        var failed = codes.Count(c => c != 0);
        if (failed > 0)
        {
            throw new InvalidOperationException($"{failed} txs of the {what} failed");
        }
    }
}
