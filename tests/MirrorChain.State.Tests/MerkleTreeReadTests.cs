using MirrorChain.Core;
using static MirrorChain.State.Tests.TestData;

namespace MirrorChain.State.Tests;

/// <summary>How many nodes an update reads from the store: known current values and the cache policy.</summary>
public sealed class MerkleTreeReadTests
{
    private readonly CountingNodeStore _nodes = new();

    private sealed class CountingNodeStore : INodeReader
    {
        private readonly MemoryNodeStore _inner = new();
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public byte[]? ReadNode(byte[] hash)
        {
            Interlocked.Increment(ref _reads);
            return _inner.ReadNode(hash);
        }

        public byte[] Persist(MerkleUpdate update) => _inner.Persist(update);
    }

    private sealed class Values(IReadOnlyDictionary<byte[], byte[]> values) : IStateReader
    {
        public byte[]? Get(byte[] key) => values.TryGetValue(key, out var value) ? value : null;

        public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start, byte[]? end, bool reverse = false) =>
            throw new NotSupportedException();
    }

    private sealed class CountingValues(IReadOnlyDictionary<byte[], byte[]> values) : IStateReader
    {
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public byte[]? Get(byte[] key)
        {
            Interlocked.Increment(ref _reads);
            return values.TryGetValue(key, out var value) ? value : null;
        }

        public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start, byte[]? end, bool reverse = false) =>
            throw new NotSupportedException();
    }

    // 2000 random entries committed in one go; then updates of 50 existing keys, 10 new keys and 10 deletes.
    private static (SortedDictionary<byte[], byte[]> State, List<KeyValuePair<byte[], byte[]?>> Changes) Scenario(int seed)
    {
        var random = new Random(seed);
        var state = RandomState(random, 2000);
        var keys = state.Keys.ToList();
        var changes = new Dictionary<byte[], byte[]?>(ByteArrayComparer.Instance);
        foreach (var key in Shuffled(random, keys).Take(60))
        {
            changes[key] = changes.Count < 50 ? RandomBytes(random, 0, 64) : null;
        }
        while (changes.Count < 70)
        {
            var key = RandomBytes(random, 1, 40);
            if (!state.ContainsKey(key))
            {
                changes[key] = RandomBytes(random, 0, 64);
            }
        }
        return (state, [.. changes]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Known_current_values_spare_the_leaf_reads_and_give_the_same_update(bool parallel)
    {
        var (state, changes) = Scenario(7);
        var root = _nodes.Persist(new MerkleTree(_nodes).Apply(MerkleTree.EmptyRoot, Puts(state)));

        var plain = new MerkleTree(_nodes, cacheCapacity: 0, parallel).Apply(root, changes);
        var plainReads = _nodes.Reads;
        var hinted = new MerkleTree(_nodes, cacheCapacity: 0, parallel).Apply(root, changes, new Values(state));
        var hintedReads = _nodes.Reads - plainReads;

        Assert.Equal(plain.Root, hinted.Root);
        Assert.Equal(plain.NewNodes.Select(n => Hex.Lower(n.Key) + Hex.Lower(n.Value)),
            hinted.NewNodes.Select(n => Hex.Lower(n.Key) + Hex.Lower(n.Value)));
        // the 50 updated and 10 deleted keys' leaves are not read; inner nodes and the leaves beside new keys are
        Assert.True(hintedReads <= plainReads - 50, $"{hintedReads} reads with known values, {plainReads} without");
    }

    [Fact]
    public void Wrong_or_stale_current_values_are_ignored()
    {
        var (state, changes) = Scenario(8);
        var root = _nodes.Persist(new MerkleTree(_nodes).Apply(MerkleTree.EmptyRoot, Puts(state)));
        var wrong = new SortedDictionary<byte[], byte[]>(ByteArrayComparer.Instance);
        foreach (var (key, value) in state)
        {
            wrong[key] = [.. value, 0x01]; // every value off by a byte: no leaf matches
        }

        var plain = new MerkleTree(_nodes, cacheCapacity: 0).Apply(root, changes);
        var misled = new MerkleTree(_nodes, cacheCapacity: 0).Apply(root, changes, new Values(wrong));

        Assert.Equal(plain.Root, misled.Root);
        Assert.Equal(plain.NewNodes.Select(n => Hex.Lower(n.Value)), misled.NewNodes.Select(n => Hex.Lower(n.Value)));
    }

    [Fact]
    public void After_a_commit_the_next_update_reads_no_node_above_the_upper_depth()
    {
        var (state, changes) = Scenario(9);
        var tree = new MerkleTree(_nodes);
        var first = tree.Apply(MerkleTree.EmptyRoot, Puts(state));
        var root = _nodes.Persist(first);
        tree.Remember(first);
        var second = tree.Apply(root, changes, new Values(state));
        tree.Remember(second);
        var before = _nodes.Reads;

        // 2000 keys sit within the upper depth: with the current values known, nothing is read at all
        var next = new SortedDictionary<byte[], byte[]>(ByteArrayComparer.Instance);
        foreach (var (key, value) in state)
        {
            next[key] = value;
        }
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                next.Remove(key);
            }
            else
            {
                next[key] = value;
            }
        }
        _nodes.Persist(second);
        var third = tree.Apply(second.Root, [.. next.Keys.Take(40).Select(k => new KeyValuePair<byte[], byte[]?>(k, B("new")))], new Values(next));

        Assert.Equal(before, _nodes.Reads);
        Assert.Equal(new MerkleTree(_nodes, cacheCapacity: 0).Apply(second.Root, [.. next.Keys.Take(40).Select(k => new KeyValuePair<byte[], byte[]?>(k, B("new")))]).Root, third.Root);
    }

    [Fact]
    public void Nodes_a_committed_update_replaced_leave_the_cache()
    {
        var (state, changes) = Scenario(10);
        var tree = new MerkleTree(_nodes);
        var first = tree.Apply(MerkleTree.EmptyRoot, Puts(state));
        var oldRoot = _nodes.Persist(first);
        tree.Remember(first);
        var second = tree.Apply(oldRoot, changes);
        _nodes.Persist(second);
        tree.Remember(second);
        var before = _nodes.Reads;

        Assert.Equal(state[changes[0].Key], tree.Get(oldRoot, changes[0].Key)); // the old root was replaced: read again
        Assert.True(_nodes.Reads > before);
        var afterOld = _nodes.Reads;
        tree.Get(second.Root, changes[0].Key);
        Assert.Equal(afterOld, _nodes.Reads); // the new path is cached
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Leaves_still_in_the_node_cache_are_taken_from_it_without_reading_current_values(bool parallel)
    {
        var (state, _) = Scenario(10);
        var tree = new MerkleTree(_nodes, parallel: parallel);
        var first = tree.Apply(MerkleTree.EmptyRoot, Puts(state));
        var root = _nodes.Persist(first);
        tree.Remember(first);
        var changes = state.Keys.Take(600).Select(k => new KeyValuePair<byte[], byte[]?>(k, B("changed"))).ToList();
        var values = new CountingValues(state);
        var nodeReads = _nodes.Reads;

        var update = tree.Apply(root, changes, values);

        Assert.Equal(0, values.Reads);
        Assert.Equal(nodeReads, _nodes.Reads);
        var cold = new MerkleTree(_nodes, cacheCapacity: 0, parallel).Apply(root, changes, new Values(state));
        Assert.Equal(cold.Root, update.Root);
        Assert.Equal(cold.NewNodes.Select(n => Hex.Lower(n.Key) + Hex.Lower(n.Value)),
            update.NewNodes.Select(n => Hex.Lower(n.Key) + Hex.Lower(n.Value)));
    }
}
