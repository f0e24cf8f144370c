using MirrorChain.Core;
using static MirrorChain.State.Tests.TestData;

namespace MirrorChain.State.Tests;

public sealed class TreeWarmupTests
{
    private sealed class MapReader(IReadOnlyDictionary<byte[], byte[]> map) : IStateReader
    {
        public byte[]? Get(byte[] key) => map.TryGetValue(key, out var value) ? (byte[])value.Clone() : null;

        public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start, byte[]? end, bool reverse = false) => [];
    }

    // A committed tree of `count` random entries in a node store, and a block's changes over it: updates and deletes
    // of existing keys (read first, as execution does) and inserts of new keys (read too: found absent).
    private static (MemoryNodeStore Store, byte[] Root, List<KeyValuePair<byte[], byte[]?>> Changes, ReadRecorder Reads) Block(int seed)
    {
        var random = new Random(seed);
        var state = RandomState(random, 3000);
        var store = new MemoryNodeStore();
        var root = store.Persist(new MerkleTree(store, cacheCapacity: 0).Apply(MerkleTree.EmptyRoot, Puts(state)));
        var keys = state.Keys.ToArray();
        var changes = new Dictionary<byte[], byte[]?>(ByteArrayComparer.Instance);
        foreach (var key in Shuffled(random, keys).Take(200))
        {
            changes[key] = random.Next(3) == 0 ? null : RandomBytes(random, 1, 32);
        }
        while (changes.Count < 300)
        {
            var key = RandomBytes(random, 1, 40);
            if (!state.ContainsKey(key))
            {
                changes[key] = RandomBytes(random, 1, 32);
            }
        }
        var reads = new ReadRecorder(new MapReader(new Dictionary<byte[], byte[]>(state, ByteArrayComparer.Instance)));
        foreach (var key in changes.Keys)
        {
            reads.Get(key);
        }
        return (store, root, [.. changes], reads);
    }

    // extraLeaves: leaves the warmup reads for a new key that lands in the slot of another changed key, which the
    // update recognises from that key's value instead (the warmup looks at one key at a time).
    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 3)]
    [InlineData(3, 2)]
    public void Warmed_paths_leave_the_update_no_node_to_read_and_give_the_same_root_and_nodes(int seed, int extraLeaves)
    {
        var (store, root, changes, reads) = Block(seed);

        var cold = new MerkleTree(store);
        var expected = cold.Apply(root, changes, reads.KnownValues);

        var warmed = new MerkleTree(store);
        var warmup = warmed.StartWarmup(root, reads);
        foreach (var (key, _) in changes)
        {
            Assert.True(warmup.WarmPath(key));
        }
        warmup.Stop();
        var readsBeforeUpdate = warmed.StoreReads;
        var update = warmed.Apply(root, changes, reads.KnownValues);

        Assert.Equal(0, warmed.StoreReads - readsBeforeUpdate);          // everything the update needed was in memory
        Assert.Equal(cold.StoreReads + extraLeaves, warmup.NodesRead);   // the warmup read those nodes (and a few leaves)
        Assert.Equal(changes.Count, warmup.PathsWalked);
        Assert.Equal(expected.Root, update.Root);
        Assert.Equal(expected.NewNodes.Select(n => Convert.ToHexString(n.Key) + Convert.ToHexString(n.Value)),
            update.NewNodes.Select(n => Convert.ToHexString(n.Key) + Convert.ToHexString(n.Value)));
    }

    [Fact]
    public void A_key_read_with_a_value_needs_no_leaf_read_an_unread_or_new_key_reads_what_its_slot_holds()
    {
        // Two keys whose hashes differ in the first nibble: the root is an internal node over two leaves.
        var a = B("a");
        var b = Enumerable.Range(0, 1000).Select(i => B("b" + i)).First(k => TreeHashing.Sha256(k)[0] >> 4 != TreeHashing.Sha256(a)[0] >> 4);
        var store = new MemoryNodeStore();
        var root = store.Persist(new MerkleTree(store).Apply(MerkleTree.EmptyRoot, [new(a, B("1")), new(b, B("2"))]));
        var reads = new ReadRecorder(new MapReader(new Dictionary<byte[], byte[]>(ByteArrayComparer.Instance) { [a] = B("1"), [b] = B("2") }));
        reads.Get(a);

        var knownTree = new MerkleTree(store);
        var known = knownTree.StartWarmup(root, reads);
        Assert.True(known.WarmPath(a));
        Assert.Equal(1, known.NodesRead); // the root; a's leaf is recognised from its value by the update

        var toldTree = new MerkleTree(store);
        var told = toldTree.StartWarmup(root);
        Assert.True(told.WarmPath(b, exists: true));
        Assert.Equal(1, told.NodesRead); // told that b exists (a flat read found it): the root only
        Assert.True(told.WarmPath(a, exists: false));
        Assert.Equal(2, told.NodesRead); // told a is new: the leaf in its slot is read (the update needs it)

        Assert.True(known.WasRead(a, out var aExists) && aExists);
        Assert.False(known.WasRead(b, out _));

        var unreadTree = new MerkleTree(store);
        var unread = unreadTree.StartWarmup(root, reads);
        Assert.True(unread.WarmPath(b));
        Assert.Equal(2, unread.NodesRead); // the root and b's leaf
        Assert.True(unread.WarmPath(b));
        Assert.Equal(2, unread.NodesRead); // cached now: nothing read again
        Assert.Equal(2, unreadTree.CachedNodes);
    }

    [Fact]
    public void A_stopped_warmup_reads_and_caches_nothing()
    {
        var (store, root, changes, reads) = Block(4);
        var tree = new MerkleTree(store);
        var warmup = tree.StartWarmup(root, reads);
        warmup.Stop();

        Assert.False(warmup.WarmPath(changes[0].Key));
        Assert.True(warmup.Stopped);
        Assert.Equal(0, warmup.NodesRead);
        Assert.Equal(0, tree.StoreReads);
        Assert.Equal(0, tree.CachedNodes);
    }

    [Fact]
    public void A_warmup_of_the_empty_tree_reads_nothing()
    {
        var tree = new MerkleTree(new MemoryNodeStore());
        var warmup = tree.StartWarmup(MerkleTree.EmptyRoot);
        Assert.True(warmup.WarmPath(B("a")));
        Assert.Equal(0, warmup.NodesRead);
    }
}
