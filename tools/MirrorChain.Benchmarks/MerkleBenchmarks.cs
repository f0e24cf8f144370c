using BenchmarkDotNet.Attributes;
using MirrorChain.Core;
using MirrorChain.State;
using MirrorChain.Storage;

namespace MirrorChain.Benchmarks;

/// <summary>
/// MerkleTree.Apply of N random value updates (existing keys, new 16-byte values) over a committed tree of 100,000
/// keys in a MemoryKeyValueStore: the state-root work of a block. Apply hashes, builds and encodes the new nodes but
/// writes nothing, so every invocation starts from the same tree (its node cache warm, as in a running node).
/// <c>Apply</c> uses the tree's default parallel mode (the root's 16 subtrees on several threads from 512 changes);
/// <c>ApplySequential</c> the same work on one thread.
/// </summary>
[MemoryDiagnoser]
public class MerkleBenchmarks
{
    private const int TreeKeys = 100_000;
    private MerkleTree _parallelTree = null!;
    private MerkleTree _sequentialTree = null!;
    private byte[] _root = [];
    private KeyValuePair<byte[], byte[]?>[] _changes = [];

    [Params(1000, 10000)]
    public int Changes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var store = new MemoryKeyValueStore();
        var state = new StateDb(store);
        var keys = new byte[TreeKeys][];
        var initial = new SortedDictionary<byte[], byte[]?>(ByteArrayComparer.Instance);
        for (var i = 0; i < TreeKeys; i++)
        {
            keys[i] = StateKey(random);
            initial[keys[i]] = Value(random);
        }
        using (var batch = store.CreateBatch())
        {
            _root = state.PrepareCommit(0, [.. initial], batch);
            store.Write(batch);
            state.MarkCommitted(0, _root);
        }
        _parallelTree = state.Tree;
        _sequentialTree = new MerkleTree(new StoreNodeReader(store), MerkleTree.DefaultCacheCapacity, parallel: false);

        var picked = new HashSet<int>();
        while (picked.Count < Changes)
        {
            picked.Add(random.Next(TreeKeys));
        }
        _changes = [.. picked.Select(i => new KeyValuePair<byte[], byte[]?>(keys[i], Value(random)))];
        // Warm the sequential tree's node cache the same way the committed tree's was warmed by its commit.
        _sequentialTree.Apply(_root, _changes);
    }

    [Benchmark(Baseline = true)]
    public byte[] Apply() => _parallelTree.Apply(_root, _changes).Root;

    [Benchmark]
    public byte[] ApplySequential() => _sequentialTree.Apply(_root, _changes).Root;

    /// <summary>Shaped like a bank balance key: a prefix byte, a 20-byte address and a denom.</summary>
    private static byte[] StateKey(Random random)
    {
        var key = new byte[1 + 20 + 5];
        key[0] = 0x10;
        random.NextBytes(key.AsSpan(1, 20));
        "uluna"u8.CopyTo(key.AsSpan(21));
        return key;
    }

    private static byte[] Value(Random random)
    {
        var value = new byte[16];
        random.NextBytes(value);
        return value;
    }
}
