using BenchmarkDotNet.Attributes;
using MirrorChain.Core;
using MirrorChain.Execution;
using MirrorChain.Node;
using MirrorChain.State;
using MirrorChain.Storage;

namespace MirrorChain.Benchmarks;

/// <summary>
/// A block's commit as the state grows: 10k, 100k and 1M funded accounts in state (built once per size by
/// <see cref="StateGrowthFixture"/>, a generated genesis, and cached on disk), the node on RocksDB with its own
/// settings (synced writes). Each block is 1000 bank sends (1 uluna, fee 3000uluna) from 1000 distinct senders
/// drawn at random among the generated accounts, each to another random account, so a block touches ≈ 3000 state
/// keys spread over the whole tree. Every case runs on a fresh copy of the built state.
/// <list type="bullet">
/// <item><c>MerkleApply</c>: the tree update alone for such a block's state changes (node reads, hashing).</item>
/// <item><c>Prepare</c>: <see cref="ChainNode.PrepareBlock"/>: execution (flat state reads), Merkle apply, staging
/// the batch. The txs went through <see cref="ChainNode.SubmitTx"/> in the iteration setup, as they do live, so
/// their signatures are already verified.</item>
/// <item><c>Commit</c>: <see cref="PendingBlock.Commit"/> of a block prepared in the setup: the synced RocksDB
/// write of state, tree nodes, block and results, then the node's bookkeeping.</item>
/// <item><c>PrepareAndCommit</c>: both, one block height as the block producer runs it.</item>
/// </list>
/// Each measured iteration is one block (one invocation); the next block is signed in the iteration setup and
/// prepared blocks that are not the measured step are committed in the cleanup, so the chain moves on.
/// <para>
/// For before/after comparisons in one build: <c>MC_STATE_GROWTH_PREFETCH=0</c> turns the node's state prefetcher
/// off (<see cref="NodeOptions.PrefetchState"/>, on by default), <c>MC_STATE_GROWTH_BLOCK_CACHE_MB=N</c> opens
/// RocksDB with an N MB block cache instead of <see cref="RocksDbSettings.BlockCacheBytes"/>'s default.
/// </para>
/// </summary>
[MemoryDiagnoser]
public class StateGrowthBenchmarks
{
    private const int TxsPerBlock = 1000;

    private readonly MirrorApplication _app = new();
    private readonly Dictionary<int, (ulong Number, ulong Sequence)> _known = [];
    private string? _work;
    private RocksDbStore _store = null!;
    private ChainNode _node = null!;
    private IReadOnlyList<byte[]> _txs = [];
    private IReadOnlyList<KeyValuePair<byte[], byte[]?>> _changes = [];
    private PendingBlock? _prepared;
    private ulong _rng;

    // Per prepared block: tree nodes the block read from the store itself, and those the prefetcher read for it.
    private readonly List<(long Block, int Prefetched)> _treeReads = [];

    /// <summary>Generated accounts in state (see <see cref="StateGrowthFixture.Sizes"/>).</summary>
    [ParamsSource(nameof(Sizes))]
    public int Accounts { get; set; } = 10_000;

    public static IEnumerable<int> Sizes => StateGrowthFixture.Sizes();

    [GlobalSetup]
    public void Setup()
    {
        var built = StateGrowthFixture.EnsureBuilt(Accounts, Console.WriteLine);
        _work = StateGrowthFixture.CheckOut(built);
        var settings = Environment.GetEnvironmentVariable("MC_STATE_GROWTH_BLOCK_CACHE_MB") is { Length: > 0 } megabytes
            ? RocksDbSettings.Default with { BlockCacheBytes = long.Parse(megabytes, System.Globalization.CultureInfo.InvariantCulture) * 1024 * 1024 }
            : RocksDbSettings.Default;
        _store = RocksDbStore.Open(_work, settings);
        _node = ChainNode.Open(_store, StateGrowthFixture.BaseGenesis(), _app, new NodeOptions
        {
            MempoolMaxTxs = 4 * TxsPerBlock,
            PrefetchState = Environment.GetEnvironmentVariable("MC_STATE_GROWTH_PREFETCH") != "0",
        });
        _rng = 0x9E3779B97F4A7C15UL ^ (ulong)Accounts;
        _known.Clear();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_treeReads.Count > 3)
        {
            var measured = _treeReads.Skip(3).ToList(); // the first blocks warm the node cache's upper tier
            static long Median(IEnumerable<long> values)
            {
                var sorted = values.Order().ToList();
                return sorted[sorted.Count / 2];
            }
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"// tree nodes read from the store per block ({Accounts} accounts): by the block median {Median(measured.Select(r => r.Block))}, by the prefetcher median {Median(measured.Select(r => (long)r.Prefetched))}, over {measured.Count} blocks (first 3 skipped)"));
        }
        _treeReads.Clear();
        _prepared?.Dispose();
        _prepared = null;
        _node.Dispose();
        _store.Dispose();
        if (_work is not null)
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    [IterationSetup(Target = nameof(MerkleApply))]
    public void ExecuteNextBlock()
    {
        _txs = SignBlock(advance: false); // never committed: the senders keep their sequences
        var cache = new StateCache(_node.State.Committed);
        var sigs = _app.VerifySignatures(_txs, _node.State.Committed, _node.Genesis.ChainId);
        var ctx = new BlockContext(_node.Genesis.ChainId, _node.LatestHeight + 1, NextTime());
        RequireAllOk(_app.ExecuteBlock(ctx, _txs, cache, sigs).Select(r => r.Code), "executed block");
        _changes = cache.Changes();
    }

    [IterationSetup(Targets = [nameof(Prepare), nameof(PrepareAndCommit)])]
    public void SubmitNextBlock() => _txs = SubmitBlock();

    [IterationSetup(Target = nameof(Commit))]
    public void PrepareNextBlock()
    {
        _txs = SubmitBlock();
        _prepared = _node.PrepareBlock(NextTime(), _txs);
    }

    [IterationCleanup(Target = nameof(Prepare))]
    public void CommitPrepared()
    {
        using var pending = _prepared ?? throw new InvalidOperationException("no prepared block");
        _prepared = null;
        pending.Commit();
        Advance(pending);
    }

    [Benchmark]
    public byte[] MerkleApply() => _node.State.Tree.Apply(_node.State.LatestRoot, _changes).Root;

    [Benchmark]
    public byte[] Prepare()
    {
        _prepared = PrepareCounted();
        return _prepared.Results.AppHash;
    }

    [Benchmark]
    public long Commit()
    {
        using var pending = _prepared ?? throw new InvalidOperationException("no prepared block");
        _prepared = null;
        pending.Commit();
        Advance(pending);
        return pending.Block.Header.Height;
    }

    [Benchmark]
    public long PrepareAndCommit()
    {
        using var pending = PrepareCounted();
        pending.Commit();
        Advance(pending);
        return pending.Block.Header.Height;
    }

    // PrepareBlock, noting how many tree nodes the block and the prefetcher read from the store (two counter reads).
    private PendingBlock PrepareCounted()
    {
        var before = _node.State.Tree.StoreReads;
        var pending = _node.PrepareBlock(NextTime(), _txs);
        _treeReads.Add((_node.State.Tree.StoreReads - before - pending.PrefetchedTreeNodes, pending.PrefetchedTreeNodes));
        return pending;
    }

    private BlockTime NextTime() => _node.Genesis.GenesisTime.AddNanoseconds((_node.LatestHeight + 1) * 1_000_000_000L);

    private List<byte[]> SubmitBlock()
    {
        var txs = SignBlock(advance: true);
        foreach (var tx in txs)
        {
            var outcome = _node.SubmitTx(tx);
            if (outcome.Code != 0)
            {
                throw new InvalidOperationException($"CheckTx rejected a tx: code {outcome.Code}: {outcome.Log}");
            }
        }
        return txs;
    }

    /// <summary>1000 txs from distinct random generated accounts, each to a random generated account.</summary>
    private List<byte[]> SignBlock(bool advance)
    {
        var senders = new HashSet<int>();
        while (senders.Count < TxsPerBlock)
        {
            senders.Add(NextAccount());
        }
        var picks = senders.Select(s => (Sender: s, Recipient: NextAccount())).ToArray();
        var accounts = new (ulong Number, ulong Sequence)[picks.Length];
        for (var i = 0; i < picks.Length; i++)
        {
            accounts[i] = Lookup(picks[i].Sender);
        }
        var txs = new byte[picks.Length][];
        Parallel.For(0, picks.Length, i =>
        {
            var key = StateGrowthFixture.Key(picks[i].Sender);
            var to = StateGrowthFixture.Key(picks[i].Recipient).Address;
            txs[i] = BenchTxs.BankSend(key, to, _node.Genesis.ChainId, accounts[i].Number, accounts[i].Sequence).TxBytes;
        });
        for (var i = 0; advance && i < picks.Length; i++)
        {
            _known[picks[i].Sender] = (accounts[i].Number, accounts[i].Sequence + 1);
        }
        return [.. txs];
    }

    private (ulong Number, ulong Sequence) Lookup(int index)
    {
        if (_known.TryGetValue(index, out var known))
        {
            return known;
        }
        var address = StateGrowthFixture.Key(index).Address;
        var account = Execution.Accounts.Get(_node.State.Committed, address)
            ?? throw new InvalidOperationException($"generated account {index} ({address}) is not in state");
        return (account.AccountNumber, account.Sequence);
    }

    private void Advance(PendingBlock pending) =>
        RequireAllOk(pending.Results.TxResults.Select(r => r.Code), "committed block");

    private int NextAccount()
    {
        _rng ^= _rng << 13;
        _rng ^= _rng >> 7;
        _rng ^= _rng << 17;
        return (int)(_rng % (ulong)Accounts);
    }

    private static void RequireAllOk(IEnumerable<uint> codes, string what)
    {
        var failed = codes.Count(c => c != 0);
        if (failed > 0)
        {
            throw new InvalidOperationException($"{failed} txs of the {what} failed");
        }
    }
}
