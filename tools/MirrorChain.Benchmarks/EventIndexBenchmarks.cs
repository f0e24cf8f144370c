using BenchmarkDotNet.Attributes;
using MirrorChain.Contracts.Mirror;
using MirrorChain.Core;
using MirrorChain.Execution;
using MirrorChain.Execution.Contracts;
using MirrorChain.Node;
using MirrorChain.State;
using MirrorChain.Storage;

namespace MirrorChain.Benchmarks;

/// <summary>
/// The event indexer's work for one block, as its thread does it after the block's commit
/// (<see cref="EventIndexer"/>): build the block's event-index keys (<see cref="EventKeyWriter"/>, sorted) and write
/// them with the indexed height in one batch into a RocksDB store (temp dir, the node's settings). The blocks are 1000 txs from 1000 distinct senders,
/// executed once in the global setup through the real application (the devnet genesis with its wasm deployment):
/// <list type="bullet">
/// <item><c>bank</c>: 1 uluna bank sends (28 indexed attributes per tx, ~28,000 keys).</item>
/// <item><c>swap</c>: Terraswap swaps of 1 UST for mTSLA on the mTSLA-UST pair (wasm and transfer events).</item>
/// </list>
/// <c>Wal</c> compares the indexer's unlogged write with the logged one it used before; <c>IndexBlockThenSyncedWrite</c>
/// adds the synced write of the next block's commit, whose fsync covers whatever the WAL holds before it. Each invocation indexes the block at the next height, so every write adds new keys to a store that grows as a
/// node's does (memtable flushes and compactions included).
/// </summary>
[MemoryDiagnoser]
public class EventIndexBenchmarks
{
    private const int Senders = 1000;

    private string? _dir;
    private RocksDbStore _store = null!;
    private IReadOnlyList<TxResult> _txResults = [];
    private long _height;
    private readonly EventKeyWriter _keys = new(); // the indexer keeps one for all blocks

    [Params("bank", "swap")]
    public string Block { get; set; } = "bank";

    [GlobalSetup]
    public void Setup()
    {
        var genesis = GenesisDoc.Parse(BenchTxs.DevnetGenesisWith(Senders, keepWasm: true, out var keys));
        var app = new MirrorApplication(new ContractRuntime(ContractRegistry.Of(MirrorCodes.All())));
        using var node = ChainNode.Open(new MemoryKeyValueStore(), genesis, app, new NodeOptions { IndexEvents = false });
        var contracts = app.GenesisContracts.ToDictionary(kv => kv.Key, kv => kv.Value);
        var chainId = node.Genesis.ChainId;
        var senders = BlockBenchmarks.LoadSenders(node, keys);
        var swapMsg = "{\"swap\":{\"offer_asset\":{\"info\":{\"native_token\":{\"denom\":\"uusd\"}},\"amount\":\"1000000\"}}}";
        var txs = new byte[Senders][];
        Parallel.For(0, Senders, i => txs[i] = Block == "bank"
            ? BenchTxs.BankSend(senders[i].Item1, BenchTxs.Recipient, chainId, senders[i].Item2, 0).TxBytes
            : BenchTxs.Execute(senders[i].Item1, contracts["mTSLA.pair"], swapMsg, [new Coin("uusd", 1_000_000)], chainId, senders[i].Item2, 0).TxBytes);
        var verified = app.VerifySignatures(txs, node.State.Committed, chainId);
        if (verified.Any(ok => !ok))
        {
            throw new InvalidOperationException($"a signature of the {Block} block does not verify");
        }
        var context = new BlockContext(chainId, 1, genesis.GenesisTime.AddNanoseconds(1_000_000_000L));
        _txResults = app.ExecuteBlock(context, txs, new StateCache(node.State.Committed), verified);
        BlockBenchmarks.RequireAllOk(_txResults.Select(r => r.Code), Block + " block");
        var keyCount = _txResults.Sum(r => r.Events.Sum(e => e.Attributes.Count(a => a.Index && a.Key.Length > 0)));
        Console.WriteLine($"// {Block} block: {_txResults.Count} txs, {keyCount} event-index keys");

        _dir = Directory.CreateTempSubdirectory("mirrorchain-bench-index-").FullName;
        _store = RocksDbStore.Open(_dir);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        if (_dir is not null)
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    /// <summary>
    /// How the batch is written: <c>false</c> as the indexer does, without the WAL
    /// (<see cref="RocksDbStore.WriteUnlogged"/>); <c>true</c> through the WAL, unsynced, as it did before.
    /// </summary>
    [Params(false, true)]
    public bool Wal { get; set; }

    /// <summary>One block's event index, written as the indexer writes it.</summary>
    [Benchmark]
    public int IndexBlock()
    {
        var results = new BlockResults(++_height, _txResults, new byte[32]);
        using var batch = _store.CreateBatch();
        _keys.AppendTo(batch, results);
        if (Wal)
        {
            _store.Write(batch, sync: false);
        }
        else
        {
            _store.WriteUnlogged(batch);
        }
        return batch.Count;
    }

    /// <summary>
    /// <see cref="IndexBlock"/>, then a synced write of one small batch, as the next block's commit (synced) follows
    /// the index write in the node: with the WAL, that fsync also has to persist the index batch's log records.
    /// </summary>
    [Benchmark]
    public int IndexBlockThenSyncedWrite()
    {
        var keys = IndexBlock();
        using var commit = _store.CreateBatch();
        commit.Put(StoreKeys.LatestHeight, StoreKeys.EncodeHeight(_height));
        _store.Write(commit, sync: true);
        return keys;
    }
}
