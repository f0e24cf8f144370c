using MirrorChain.Core;
using MirrorChain.Storage;
using static MirrorChain.State.Tests.TestData;

namespace MirrorChain.State.Tests;

public sealed class StateDbTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private RocksDbStore _store;
    private StateDb _state;

    public StateDbTests()
    {
        _store = RocksDbStore.Open(_dir.Path);
        _state = new StateDb(_store);
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    private void Reopen()
    {
        _store.Dispose();
        _store = RocksDbStore.Open(_dir.Path);
        _state = new StateDb(_store);
    }

    private byte[] Commit(long version, params (string Key, string? Value)[] changes) =>
        Commit(_store, _state, version, [.. changes.Select(c => new KeyValuePair<byte[], byte[]?>(B(c.Key), c.Value is null ? null : B(c.Value)))]);

    private static byte[] Commit(IKeyValueStore store, StateDb state, long version, IReadOnlyList<KeyValuePair<byte[], byte[]?>> changes)
    {
        using var batch = store.CreateBatch();
        var root = state.PrepareCommit(version, changes, batch);
        batch.Put([0x10, 0x01], B($"block {version}"));
        store.Write(batch, sync: true);
        state.MarkCommitted(version, root);
        return root;
    }

    private static string Dump(IStateReader reader, bool reverse = false) =>
        string.Join(",", reader.Range([], null, reverse).Select(e => $"{S(e.Key)}={S(e.Value)}"));

    [Fact]
    public void A_fresh_state_has_no_version_and_the_empty_root()
    {
        Assert.Equal(-1, _state.LatestVersion);
        Assert.Equal(MerkleTree.EmptyRoot, _state.LatestRoot);
        Assert.Null(_state.RootAt(0));
        Assert.Empty(_state.Committed.Range([], null));
        Assert.Throws<ArgumentOutOfRangeException>(() => _state.GetAt(0, B("a")));
    }

    [Fact]
    public void Commit_writes_flat_values_nodes_and_root()
    {
        var root0 = Commit(0, ("a", "1"), ("b", "2"));
        Assert.Equal(0, _state.LatestVersion);
        Assert.Equal(root0, _state.LatestRoot);
        Assert.Equal(root0, _state.RootAt(0));
        Assert.Equal(ReferenceTree.Root([new(B("a"), B("1")), new(B("b"), B("2"))]), root0);
        Assert.Equal("1", S(_state.Committed.Get(B("a"))));
        Assert.Equal("a=1,b=2", Dump(_state.Committed));
        Assert.Equal("b=2,a=1", Dump(_state.Committed, reverse: true));
        Assert.Equal(root0, _store.Get(StateStoreKeys.RootKey(0)));
        Assert.Equal("1", S(_store.Get(StateStoreKeys.FlatKey(B("a")))));
        Assert.Equal("block 0", S(_store.Get([0x10, 0x01])));
        Assert.Equal(3, _store.Range([StateStoreKeys.Node], [StateStoreKeys.Node + 1]).Count());
    }

    [Fact]
    public void Historical_reads_and_proofs_return_old_values_after_later_overwrites()
    {
        var root0 = Commit(0, ("a", "1"), ("b", "1"), ("c", "1"));
        var root1 = Commit(1, ("a", "2"), ("b", null), ("d", "2"));
        var root2 = Commit(2, ("a", "3"), ("c", null));

        Assert.Equal("1", S(_state.GetAt(0, B("a"))));
        Assert.Equal("1", S(_state.GetAt(0, B("b"))));
        Assert.Null(_state.GetAt(0, B("d")));
        Assert.Equal("2", S(_state.GetAt(1, B("a"))));
        Assert.Null(_state.GetAt(1, B("b")));
        Assert.Equal("1", S(_state.GetAt(1, B("c"))));
        Assert.Equal("3", S(_state.GetAt(2, B("a"))));
        Assert.Null(_state.GetAt(2, B("c")));
        Assert.Equal("a=3,d=2", Dump(_state.Committed));

        var (value, proof) = _state.Prove(0, B("a"));
        Assert.Equal("1", S(value));
        Assert.True(proof.Verify(root0, B("a"), B("1")));
        Assert.False(proof.Verify(root2, B("a"), B("1")));
        var (absent, nonMember) = _state.Prove(1, B("b"));
        Assert.Null(absent);
        Assert.True(nonMember.Verify(root1, B("b"), null));
        Assert.Throws<ArgumentOutOfRangeException>(() => _state.Prove(3, B("a")));
    }

    [Fact]
    public void Reopen_loads_the_same_version_and_root()
    {
        var random = new Random(2024);
        var model = new SortedDictionary<byte[], byte[]>(ByteArrayComparer.Instance);
        byte[] root = [];
        for (var version = 0; version < 5; version++)
        {
            var changes = Puts(RandomState(random, 50));
            if (version > 0)
            {
                changes.AddRange(Deletes(model.Keys.Take(10)));
            }
            root = Commit(_store, _state, version, changes);
            foreach (var (k, v) in changes)
            {
                if (v is null)
                {
                    model.Remove(k);
                }
                else
                {
                    model[k] = v;
                }
            }
        }
        Assert.Equal(ReferenceTree.Root(model), root);

        Reopen();
        Assert.Equal(4, _state.LatestVersion);
        Assert.Equal(root, _state.LatestRoot);
        Assert.Equal(model.Count, _state.Committed.Range([], null).Count());
        foreach (var (k, v) in model)
        {
            Assert.Equal(v, _state.Committed.Get(k));
            Assert.Equal(v, _state.GetAt(4, k));
        }
        var next = Commit(5, ("after-reopen", "x"));
        Assert.Equal(ReferenceTree.Root(model.Append(new(B("after-reopen"), B("x")))), next);
    }

    [Fact]
    public void A_prepared_commit_that_is_never_written_leaves_the_previous_version_intact_after_reopen()
    {
        Commit(0, ("a", "1"), ("b", "1"));
        var root1 = Commit(1, ("a", "2"), ("c", "2"));
        using (var batch = _store.CreateBatch())
        {
            var lost = _state.PrepareCommit(2, [new(B("a"), B("3")), new(B("b"), null), new(B("d"), B("3"))], batch);
            Assert.NotEqual(root1, lost);
            Assert.True(batch.Count > 4);
            // Crash: the batch is never written and MarkCommitted never called.
        }
        Assert.Equal(1, _state.LatestVersion);
        Reopen();

        Assert.Equal(1, _state.LatestVersion);
        Assert.Equal(root1, _state.LatestRoot);
        Assert.Null(_state.RootAt(2));
        Assert.Equal("a=2,b=1,c=2", Dump(_state.Committed));
        Assert.Equal("2", S(_state.GetAt(1, B("a"))));
        Assert.Equal("1", S(_state.GetAt(1, B("b"))));
        Assert.Null(_state.GetAt(1, B("d")));
        Assert.Equal("1", S(_state.GetAt(0, B("a"))));

        // Version 2 can be committed afresh.
        var root2 = Commit(2, ("d", "4"));
        Assert.Equal(ReferenceTree.Root([new(B("a"), B("2")), new(B("b"), B("1")), new(B("c"), B("2")), new(B("d"), B("4"))]), root2);
    }

    [Fact]
    public void A_warmed_cache_of_a_commit_that_is_never_written_still_lets_the_next_commit_write_every_node()
    {
        Commit(0, [.. Enumerable.Range(0, 300).Select(i => ($"k{i}", (string?)"0"))]);
        var changes = Enumerable.Range(0, 300).Select(i => new KeyValuePair<byte[], byte[]?>(B($"k{i}"), B("1"))).ToList();
        using (var batch = _store.CreateBatch())
        {
            _state.PrepareCommit(1, changes, batch);
            Assert.True(_state.WarmCache(1)); // the new nodes are cached as if the write were under way
            Assert.False(_state.WarmCache(2));
            // The write fails: the batch is never written and MarkCommitted never called.
        }
        Assert.Equal(0, _state.LatestVersion);

        var root1 = Commit(_store, _state, 1, changes);
        Reopen(); // a cold cache: every node of version 1 must come from the store

        Assert.Equal(root1, _state.LatestRoot);
        for (var i = 0; i < 300; i++)
        {
            Assert.Equal("1", S(_state.GetAt(1, B($"k{i}"))));
            var (value, proof) = _state.Prove(1, B($"k{i}"));
            Assert.Equal("1", S(value));
            Assert.True(proof.Verify(root1, B($"k{i}"), B("1")));
        }
    }

    [Fact]
    public void Commit_protocol_is_enforced()
    {
        using var batch = _store.CreateBatch();
        Assert.Throws<ArgumentOutOfRangeException>(() => _state.PrepareCommit(-1, [], batch));
        var root = _state.PrepareCommit(0, [new(B("a"), B("1"))], batch);
        Assert.Throws<InvalidOperationException>(() => _state.MarkCommitted(1, root));
        Assert.Throws<InvalidOperationException>(() => _state.MarkCommitted(0, MerkleTree.EmptyRoot));
        _store.Write(batch);
        _state.MarkCommitted(0, root);
        Assert.Throws<InvalidOperationException>(() => _state.MarkCommitted(0, root));
        using var next = _store.CreateBatch();
        Assert.Throws<ArgumentOutOfRangeException>(() => _state.PrepareCommit(2, [], next));
        Assert.Throws<ArgumentOutOfRangeException>(() => _state.PrepareCommit(0, [], next));
        Assert.Equal(root, _state.PrepareCommit(1, [], next));
    }

    [Fact]
    public void The_first_commit_may_start_at_any_version()
    {
        var root = Commit(7, ("a", "1"));
        Assert.Equal(7, _state.LatestVersion);
        Assert.Null(_state.RootAt(6));
        Reopen();
        Assert.Equal(7, _state.LatestVersion);
        Assert.Equal(root, _state.LatestRoot);
    }

    [Fact]
    public void Read_view_is_pinned_to_its_version()
    {
        var root0 = Commit(0, ("a", "1"), ("b", "1"));
        using var view = _state.OpenReadView();
        Commit(1, ("a", "2"), ("b", null), ("c", "2"));

        Assert.Equal(0, view.Version);
        Assert.Equal(root0, view.Root);
        Assert.Equal("1", S(view.Get(B("a"))));
        Assert.Equal("a=1,b=1", Dump(view));
        Assert.Equal("a=2,c=2", Dump(_state.Committed));
        using var latest = _state.OpenReadView();
        Assert.Equal(1, latest.Version);
        Assert.Equal(_state.LatestRoot, latest.Root);
    }

    [Fact]
    public void Flat_range_stays_inside_the_state_prefix_and_respects_bounds()
    {
        Commit(0, ("a", "1"), ("b", "2"), ("c", "3"));
        using (var batch = _store.CreateBatch())
        {
            batch.Put([0x00, 0x61], B("below"));
            batch.Put([0x10, 0x61], B("block data"));
            _store.Write(batch);
        }
        Assert.Equal("a=1,b=2,c=3", Dump(_state.Committed));
        Assert.Equal("b=2", string.Join(",", _state.Committed.Range(B("b"), B("c")).Select(e => $"{S(e.Key)}={S(e.Value)}")));
        Assert.Equal("c=3,b=2", string.Join(",", _state.Committed.Range(B("b"), null, reverse: true).Select(e => $"{S(e.Key)}={S(e.Value)}")));
    }

    [Fact]
    public void Works_the_same_over_the_memory_store()
    {
        using var memory = new MemoryKeyValueStore();
        var state = new StateDb(memory);
        var changes = Puts(RandomState(new Random(8), 40));
        var root = Commit(memory, state, 0, changes);
        var rocksRoot = Commit(_store, _state, 0, changes);
        Assert.Equal(rocksRoot, root);
        Assert.Equal(root, new StateDb(memory).LatestRoot);
    }
}
