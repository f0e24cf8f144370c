using System.Security.Cryptography;
using MirrorChain.Core;
using static MirrorChain.State.Tests.TestData;

namespace MirrorChain.State.Tests;

public sealed class MerkleTreeTests
{
    private readonly MemoryNodeStore _nodes = new();
    private readonly MerkleTree _tree;

    public MerkleTreeTests() => _tree = new MerkleTree(_nodes);

    private byte[] Apply(byte[] root, IReadOnlyList<KeyValuePair<byte[], byte[]?>> changes) =>
        _nodes.Persist(_tree.Apply(root, changes));

    private byte[] Put(byte[] root, params (string Key, string Value)[] entries) =>
        Apply(root, [.. entries.Select(e => new KeyValuePair<byte[], byte[]?>(B(e.Key), B(e.Value)))]);

    private byte[] Delete(byte[] root, params string[] keys) => Apply(root, Deletes(keys.Select(B)));

    // Keys whose SHA-256 paths relate as asked: found by scanning "k0", "k1", ... (deterministic).
    private static (string A, string B) KeysWhere(Func<byte[], byte[], bool> relation)
    {
        for (var i = 0; ; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (relation(SHA256.HashData(B($"k{j}")), SHA256.HashData(B($"k{i}"))))
                {
                    return ($"k{j}", $"k{i}");
                }
            }
        }
    }

    [Fact]
    public void Empty_tree_root_is_32_zero_bytes()
    {
        Assert.Equal(new byte[32], MerkleTree.EmptyRoot);
        var update = _tree.Apply(MerkleTree.EmptyRoot, []);
        Assert.Equal(new byte[32], update.Root);
        Assert.Empty(update.NewNodes);
        Assert.Equal(new byte[32], Delete(MerkleTree.EmptyRoot, "absent"));
    }

    [Fact]
    public void Single_key_root_is_its_leaf_hash()
    {
        var root = Put(MerkleTree.EmptyRoot, ("alice", "100"));
        var expected = SHA256.HashData([0x00, .. SHA256.HashData(B("alice")), .. SHA256.HashData(B("100"))]);
        Assert.Equal(expected, root);
        Assert.Equal(1, _nodes.Count);
    }

    [Fact]
    public void Two_keys_with_different_first_nibbles_hang_from_one_internal_node()
    {
        var (a, b) = KeysWhere((x, y) => ReferenceTree.Nibble(x, 0) != ReferenceTree.Nibble(y, 0));
        var root = Put(MerkleTree.EmptyRoot, (a, "1"), (b, "2"));
        var na = ReferenceTree.Nibble(SHA256.HashData(B(a)), 0);
        var nb = ReferenceTree.Nibble(SHA256.HashData(B(b)), 0);
        var (first, second) = na < nb
            ? (ReferenceTree.LeafHash(B(a), B("1")), ReferenceTree.LeafHash(B(b), B("2")))
            : (ReferenceTree.LeafHash(B(b), B("2")), ReferenceTree.LeafHash(B(a), B("1")));
        var mask = (1 << na) | (1 << nb);
        var expected = SHA256.HashData([0x01, (byte)(mask >> 8), (byte)mask, .. first, .. second]);
        Assert.Equal(expected, root);
    }

    [Fact]
    public void Keys_sharing_a_first_nibble_sit_below_a_single_child_internal_node()
    {
        var (a, b) = KeysWhere((x, y) => ReferenceTree.Nibble(x, 0) == ReferenceTree.Nibble(y, 0)
            && ReferenceTree.Nibble(x, 1) != ReferenceTree.Nibble(y, 1));
        var root = Put(MerkleTree.EmptyRoot, (a, "1"), (b, "2"));
        var pa = SHA256.HashData(B(a));
        var pb = SHA256.HashData(B(b));
        var inner = ReferenceTree.InternalHash(
            (ReferenceTree.Nibble(pa, 1), ReferenceTree.LeafHash(B(a), B("1"))),
            (ReferenceTree.Nibble(pb, 1), ReferenceTree.LeafHash(B(b), B("2"))));
        Assert.Equal(ReferenceTree.InternalHash((ReferenceTree.Nibble(pa, 0), inner)), root);

        // Deleting one collapses the other to the root position.
        Assert.Equal(ReferenceTree.LeafHash(B(b), B("2")), Delete(root, a));
    }

    [Fact]
    public void Pinned_root_of_a_fixed_key_set()
    {
        // Computed once (and cross-checked with an independent Python script); a change here means every app hash changed.
        var root = Put(MerkleTree.EmptyRoot,
            ("alice", "100"), ("bob", "200"), ("carol", "300"), ("dave", ""), ("erin", "500"),
            ("frank", "600"), ("grace", "700"), ("heidi", "800"), ("ivan", "900"), ("judy", "1000"));
        Assert.Equal("d478adc73d2084af73898504b8fe8eb3380ff13d7f7fc00bbc1dba740bb26355", Hex.Lower(root));
    }

    [Fact]
    public void Same_key_set_gives_same_root_in_any_order_and_batching()
    {
        var random = new Random(20240601);
        var state = RandomState(random, 400);
        var expected = ReferenceTree.Root(state);

        Assert.Equal(expected, Apply(MerkleTree.EmptyRoot, Puts(state)));
        for (var trial = 0; trial < 5; trial++)
        {
            var tree = new MerkleTree(_nodes);
            var root = MerkleTree.EmptyRoot;
            var entries = Shuffled(random, state);
            var i = 0;
            while (i < entries.Length)
            {
                var size = random.Next(1, 60);
                root = _nodes.Persist(tree.Apply(root, Puts(entries.Skip(i).Take(size))));
                i += size;
            }
            Assert.Equal(expected, root);
        }
    }

    [Fact]
    public void Random_puts_updates_and_deletes_match_the_reference_after_every_block()
    {
        var random = new Random(7);
        var model = new SortedDictionary<byte[], byte[]>(ByteArrayComparer.Instance);
        var root = MerkleTree.EmptyRoot;
        for (var block = 0; block < 40; block++)
        {
            var changes = new SortedDictionary<byte[], byte[]?>(ByteArrayComparer.Instance);
            var existing = model.Keys.ToArray();
            for (var n = random.Next(0, 40); n > 0; n--)
            {
                var op = random.Next(3);
                if (op == 0 || existing.Length == 0)
                {
                    changes[RandomBytes(random, 1, 6)] = RandomBytes(random, 0, 20);
                }
                else
                {
                    var key = existing[random.Next(existing.Length)];
                    changes[key] = op == 1 ? RandomBytes(random, 0, 20) : null;
                }
            }
            root = Apply(root, [.. changes]);
            Assert.Equal(ReferenceTree.ApplyAndRoot(model, changes), root);
        }
        Assert.NotEmpty(model);
        foreach (var (key, value) in model)
        {
            Assert.Equal(value, _tree.Get(root, key));
        }
    }

    [Fact]
    public void Insert_then_delete_returns_to_the_earlier_root()
    {
        var random = new Random(11);
        var state = RandomState(random, 150);
        var before = Apply(MerkleTree.EmptyRoot, Puts(state));
        var extra = RandomState(random, 60);
        var after = Apply(before, Puts(extra));
        Assert.NotEqual(before, after);
        Assert.Equal(before, Apply(after, Deletes(extra.Keys)));

        // Deleting everything gives the empty root again, in any batching.
        var keys = Shuffled(random, state.Keys);
        var root = before;
        foreach (var chunk in keys.Chunk(37))
        {
            root = Apply(root, Deletes(chunk));
        }
        Assert.Equal(MerkleTree.EmptyRoot, root);
    }

    [Fact]
    public void Changing_one_value_changes_the_root_and_changing_it_back_restores_it()
    {
        var state = RandomState(new Random(3), 100);
        var root = Apply(MerkleTree.EmptyRoot, Puts(state));
        var key = state.Keys.ElementAt(42);
        var changed = Apply(root, [new(key, [.. state[key], 0x00])]);
        Assert.NotEqual(root, changed);
        Assert.Equal(root, Apply(changed, [new(key, state[key])]));
        // Writing the same value is a no-op that creates nothing.
        var same = _tree.Apply(root, [new(key, state[key])]);
        Assert.Equal(root, same.Root);
        Assert.Empty(same.NewNodes);
    }

    [Fact]
    public void Deleting_absent_keys_changes_nothing_and_creates_nothing()
    {
        var state = RandomState(new Random(5), 50);
        var root = Apply(MerkleTree.EmptyRoot, Puts(state));
        var update = _tree.Apply(root, Deletes([B("absent-1"), B("absent-2"), B("absent-3")]));
        Assert.Equal(root, update.Root);
        Assert.Empty(update.NewNodes);
    }

    [Fact]
    public void Get_reads_any_historical_root()
    {
        var v1 = Put(MerkleTree.EmptyRoot, ("a", "1"), ("b", "1"), ("c", "1"));
        var v2 = Put(v1, ("a", "2"), ("d", "2"));
        var v3 = Delete(v2, "b", "c");
        Assert.Equal("1", S(_tree.Get(v1, B("a"))));
        Assert.Equal("1", S(_tree.Get(v1, B("b"))));
        Assert.Null(_tree.Get(v1, B("d")));
        Assert.Equal("2", S(_tree.Get(v2, B("a"))));
        Assert.Equal("1", S(_tree.Get(v2, B("c"))));
        Assert.Equal("2", S(_tree.Get(v3, B("a"))));
        Assert.Null(_tree.Get(v3, B("b")));
        Assert.Equal("2", S(_tree.Get(v3, B("d"))));
        Assert.Null(_tree.Get(MerkleTree.EmptyRoot, B("a")));
    }

    [Fact]
    public void Results_do_not_depend_on_the_node_cache()
    {
        var random = new Random(99);
        var uncached = new MerkleTree(_nodes, cacheCapacity: 0);
        var tiny = new MerkleTree(_nodes, cacheCapacity: 3);
        var (a, b, c) = (MerkleTree.EmptyRoot, MerkleTree.EmptyRoot, MerkleTree.EmptyRoot);
        for (var block = 0; block < 10; block++)
        {
            var changes = Puts(RandomState(random, 30));
            if (block > 0)
            {
                changes.Add(new(changes[0].Key, null));
                changes.RemoveAt(0);
            }
            var ua = _tree.Apply(a, changes);
            var ub = uncached.Apply(b, changes);
            var uc = tiny.Apply(c, changes);
            Assert.Equal(ua.Root, ub.Root);
            Assert.Equal(ua.Root, uc.Root);
            Assert.Equal(ua.NewNodes.Select(n => Hex.Lower(n.Value)), ub.NewNodes.Select(n => Hex.Lower(n.Value)));
            (a, b, c) = (_nodes.Persist(ua), _nodes.Persist(ub), _nodes.Persist(uc));
            _tree.Remember(ua);
            Assert.Equal(_tree.Prove(a, changes[1].Key).ToBytes(), uncached.Prove(b, changes[1].Key).ToBytes());
        }
        Assert.Equal(0, uncached.CachedNodes);
        Assert.True(tiny.CachedNodes <= 3);
    }

    [Fact]
    public void Parallel_and_sequential_updates_are_identical()
    {
        var random = new Random(31337);
        var sequential = new MerkleTree(_nodes, parallel: false);
        var model = new SortedDictionary<byte[], byte[]>(ByteArrayComparer.Instance);
        var root = MerkleTree.EmptyRoot;
        for (var block = 0; block < 4; block++)
        {
            var changes = new SortedDictionary<byte[], byte[]?>(ByteArrayComparer.Instance);
            foreach (var key in model.Keys.Where((_, i) => i % 4 == block))
            {
                changes[key] = null;
            }
            foreach (var (key, value) in RandomState(random, 2000))
            {
                changes[key] = value;
            }
            var parallel = _tree.Apply(root, [.. changes]);
            var serial = sequential.Apply(root, [.. changes]);
            Assert.Equal(serial.Root, parallel.Root);
            Assert.Equal(serial.NewNodes.Count, parallel.NewNodes.Count);
            for (var i = 0; i < serial.NewNodes.Count; i++)
            {
                Assert.Equal(serial.NewNodes[i].Key, parallel.NewNodes[i].Key);
                Assert.Equal(serial.NewNodes[i].Value, parallel.NewNodes[i].Value);
            }
            root = _nodes.Persist(parallel);
            Assert.Equal(ReferenceTree.ApplyAndRoot(model, changes), root);
        }
    }

    [Fact]
    public void New_nodes_are_listed_children_first()
    {
        var update = _tree.Apply(MerkleTree.EmptyRoot, Puts(RandomState(new Random(1), 50)));
        var seen = new HashSet<string>();
        foreach (var (hash, node) in update.NewNodes)
        {
            if (node[0] == 0x01)
            {
                for (var offset = 5; offset < node.Length; offset += 32)
                {
                    Assert.Contains(Hex.Lower(node.AsSpan(offset, 32)), seen);
                }
            }
            Assert.True(seen.Add(Hex.Lower(hash)));
        }
        Assert.Equal(Hex.Lower(update.Root), Hex.Lower(update.NewNodes[^1].Key));
    }

    [Fact]
    public void Invalid_input_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => _tree.Apply(new byte[31], []));
        Assert.Throws<ArgumentException>(() => _tree.Apply(MerkleTree.EmptyRoot, [new(B("a"), B("1")), new(B("a"), null)]));
        var missing = SHA256.HashData(B("no such node"));
        Assert.Throws<InvalidDataException>(() => _tree.Get(missing, B("a")));
    }

    [Fact]
    public void Input_arrays_are_copied()
    {
        var key = B("key");
        var value = B("value");
        var root = Apply(MerkleTree.EmptyRoot, [new(key, value)]);
        key[0] = (byte)'X';
        value[0] = (byte)'X';
        Assert.Equal("value", S(_tree.Get(root, B("key"))));
        Assert.Equal(ReferenceTree.LeafHash(B("key"), B("value")), root);
    }
}
