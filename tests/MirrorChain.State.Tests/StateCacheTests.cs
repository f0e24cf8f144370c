using MirrorChain.Storage;
using static MirrorChain.State.Tests.TestData;

namespace MirrorChain.State.Tests;

public sealed class StateCacheTests
{
    private static StateCache Parent(params (string Key, string Value)[] entries)
    {
        var store = new MemoryKeyValueStore();
        var state = new StateDb(store);
        using var batch = store.CreateBatch();
        var root = state.PrepareCommit(0, [.. entries.Select(e => new KeyValuePair<byte[], byte[]?>(B(e.Key), B(e.Value)))], batch);
        store.Write(batch);
        state.MarkCommitted(0, root);
        return new StateCache(state.Committed);
    }

    private static string Dump(IStateReader reader, byte[] start, byte[]? end, bool reverse = false) =>
        string.Join(",", reader.Range(start, end, reverse).Select(e => $"{S(e.Key)}={S(e.Value)}"));

    [Fact]
    public void Reads_fall_through_to_the_parent()
    {
        var parent = Parent(("a", "1"), ("b", "2"));
        var cache = new StateCache(parent);
        Assert.Equal("1", S(cache.Get(B("a"))));
        Assert.Null(cache.Get(B("z")));
        cache.Set(B("a"), B("9"));
        Assert.Equal("9", S(cache.Get(B("a"))));
        Assert.Equal("1", S(parent.Get(B("a"))));
        Assert.Equal(1, cache.WriteCount);
    }

    [Fact]
    public void Deletes_hide_parent_entries()
    {
        var cache = new StateCache(Parent(("a", "1"), ("b", "2"), ("c", "3")));
        cache.Delete(B("b"));
        Assert.Null(cache.Get(B("b")));
        Assert.Equal("a=1,c=3", Dump(cache, [], null));
        Assert.Equal("c=3,a=1", Dump(cache, [], null, reverse: true));
        cache.Set(B("b"), B("back"));
        Assert.Equal("a=1,b=back,c=3", Dump(cache, [], null));
    }

    [Fact]
    public void Range_merges_parent_and_overlay_in_both_directions()
    {
        var cache = new StateCache(Parent(("a", "1"), ("c", "3"), ("e", "5"), ("g", "7")));
        cache.Set(B("b"), B("2"));
        cache.Set(B("c"), B("33"));
        cache.Delete(B("e"));
        cache.Set(B("h"), B("8"));
        cache.Delete(B("x"));

        Assert.Equal("a=1,b=2,c=33,g=7,h=8", Dump(cache, [], null));
        Assert.Equal("h=8,g=7,c=33,b=2,a=1", Dump(cache, [], null, reverse: true));
        Assert.Equal("b=2,c=33", Dump(cache, B("b"), B("e")));
        Assert.Equal("c=33,b=2", Dump(cache, B("b"), B("e"), reverse: true));
        Assert.Equal("g=7", Dump(cache, B("d"), B("h")));
        Assert.Equal("h=8,g=7", Dump(cache, B("d"), null, reverse: true));
        Assert.Equal("", Dump(cache, B("e"), B("f")));
        Assert.Equal("", Dump(cache, B("i"), null, reverse: true));
    }

    [Fact]
    public void Nested_caches_layer_and_flush_into_each_other()
    {
        var block = new StateCache(Parent(("a", "1"), ("b", "2")));
        var tx = new StateCache(block);
        tx.Set(B("c"), B("3"));
        tx.Delete(B("a"));
        Assert.Equal("b=2,c=3", Dump(tx, [], null));
        Assert.Equal("a=1,b=2", Dump(block, [], null));

        tx.WriteTo(block);
        Assert.Equal(0, tx.WriteCount);
        Assert.Equal("b=2,c=3", Dump(block, [], null));
        Assert.Equal("a=<null>,c=3", string.Join(",", block.Changes().Select(c => $"{S(c.Key)}={S(c.Value)}")));

        var dropped = new StateCache(block);
        dropped.Set(B("b"), B("reverted"));
        Assert.Equal("2", S(block.Get(B("b"))));
    }

    [Fact]
    public void WriteTo_flushes_in_key_order_then_clears()
    {
        var cache = new StateCache(Parent());
        cache.Set(B("m"), B("1"));
        cache.Delete(B("c"));
        cache.Set(B("a"), B("2"));
        cache.Set(B("z"), B("3"));
        cache.Set(B("m"), B("4"));
        var target = new RecordingWriter();
        cache.WriteTo(target);
        Assert.Equal(["set a=2", "delete c", "set m=4", "set z=3"], target.Log);
        Assert.Equal(0, cache.WriteCount);
        Assert.Empty(cache.Changes());
    }

    [Fact]
    public void Stored_arrays_are_copies()
    {
        var cache = new StateCache(Parent());
        var key = B("k");
        var value = B("v");
        cache.Set(key, value);
        key[0] = (byte)'X';
        value[0] = (byte)'X';
        Assert.Equal("v", S(cache.Get(B("k"))));
    }

    private sealed class RecordingWriter : IStateWriter
    {
        public List<string> Log { get; } = [];

        public byte[]? Get(byte[] key) => null;

        public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start, byte[]? end, bool reverse = false) => [];

        public void Set(byte[] key, byte[] value) => Log.Add($"set {S(key)}={S(value)}");

        public void Delete(byte[] key) => Log.Add($"delete {S(key)}");
    }

    [Fact]
    public void Range_bounds_over_this_layers_own_writes_are_half_open()
    {
        var cache = new StateCache(new StateCache(new EmptyParent()));
        foreach (var k in new byte[] { 0x10, 0x20, 0x30 })
        {
            cache.Set([k], [k]);
        }
        byte[][] Keys(byte[] start, byte[]? end, bool reverse = false) => cache.Range(start, end, reverse).Select(kv => kv.Key).ToArray();

        Assert.Equal([[0x10], [0x20]], Keys([0x10], [0x30]));            // end key present: excluded
        Assert.Equal([[0x20], [0x30]], Keys([0x11], [0xFF]));            // end past the last write
        Assert.Equal([[0x30], [0x20]], Keys([0x11], null, reverse: true));
        Assert.Empty(Keys([0x31], null));                                 // start past the last write
        Assert.Empty(Keys([0x20], [0x20]));                               // start = end
        Assert.Empty(Keys([0x30], [0x10]));                               // inverted
        cache.Delete([0x20]);
        Assert.Equal([[0x10], [0x30]], Keys([0x00], null));               // a delete in this layer hides the key
        // writing while ranging is allowed: the layer's keys in range were taken before the first yield
        foreach (var (k, _) in cache.Range([0x00], null))
        {
            cache.Set([(byte)(k[0] + 1)], [1]);
        }
        Assert.Equal([[0x10], [0x11], [0x30], [0x31]], Keys([0x00], null));
    }

    private sealed class EmptyParent : IStateReader
    {
        public byte[]? Get(byte[] key) => null;

        public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start, byte[]? end, bool reverse = false) => [];
    }

    [Fact]
    public void WriteTo_another_cache_moves_the_changes_and_leaves_both_layers_independent()
    {
        var parent = Parent(("a", "1"), ("d", "4"));
        var child = new StateCache(parent);
        var key = B("b");
        var value = B("2");
        child.Set(key, value);
        child.Set(B("c"), B("3"));
        child.Delete(B("d"));
        key[0] = (byte)'x';   // the caller's arrays were copied on Set, so this changes nothing
        value[0] = (byte)'9';

        child.WriteTo(parent);

        Assert.Equal(0, child.WriteCount);
        Assert.Equal("a=1,b=2,c=3", Dump(parent, B("a"), null));
        Assert.Equal(["b", "c", "d"], parent.Changes().Select(c => S(c.Key)));
        Assert.Null(parent.Changes()[2].Value);

        // the child is empty and reusable; new writes to it do not reach the parent until written again
        child.Set(B("b"), B("7"));
        Assert.Equal("2", S(parent.Get(B("b"))));
        child.WriteTo(parent);
        Assert.Equal("7", S(parent.Get(B("b"))));
        Assert.Equal(["b", "c", "d"], parent.Changes().Select(c => S(c.Key)));
    }

    [Fact]
    public void WriteTo_a_plain_writer_sets_and_deletes_in_key_order()
    {
        var cache = new StateCache(Parent());
        cache.Set(B("c"), B("3"));
        cache.Delete(B("a"));
        cache.Set(B("b"), B("2"));
        var target = new RecordingWriter();

        cache.WriteTo(target);

        Assert.Equal(["delete a", "set b=2", "set c=3"], target.Log);
        Assert.Equal(0, cache.WriteCount);
    }

    [Fact]
    public void Keys_written_after_a_range_keep_their_place_in_later_ranges_and_changes()
    {
        var block = new StateCache(Parent(("a", "1"), ("e", "5")));
        block.Set(B("d"), B("4"));
        Assert.Equal("a=1,d=4,e=5", Dump(block, [], null));   // the first range orders this layer's keys

        block.Set(B("b"), B("2"));                             // new keys after that range
        block.Delete(B("e"));
        var tx = new StateCache(block);
        tx.Set(B("c"), B("3"));
        tx.Set(B("f"), B("6"));
        tx.WriteTo(block);                                     // keys moved over from a child layer

        Assert.Equal("a=1,b=2,c=3,d=4,f=6", Dump(block, [], null));
        Assert.Equal("f=6,d=4,c=3,b=2,a=1", Dump(block, [], null, reverse: true));
        Assert.Equal("c=3,d=4", Dump(block, B("c"), B("e")));
        Assert.Equal(["b", "c", "d", "e", "f"], block.Changes().Select(c => S(c.Key)));
    }

    [Fact]
    public void Changes_are_in_key_order_whatever_the_write_order()
    {
        var cache = new StateCache(Parent());
        var keys = Enumerable.Range(0, 200).Select(i => $"k{(i * 7919) % 200:D3}").ToList();
        foreach (var k in keys)
        {
            cache.Set(B(k), B("v"));
        }
        var target = new RecordingWriter();

        Assert.Equal(keys.Order(StringComparer.Ordinal), cache.Changes().Select(c => S(c.Key)));
        cache.WriteTo(target);
        Assert.Equal(keys.Order(StringComparer.Ordinal).Select(k => $"set {k}=v"), target.Log);
    }

    [Fact]
    public void Key_added_reports_each_key_once_when_it_first_enters_the_layer()
    {
        var added = new List<string>();
        var block = new StateCache(Parent(("a", "1"))) { KeyAdded = k => added.Add(S(k)) };
        block.Set(B("b"), B("2"));
        block.Set(B("b"), B("3"));                             // written again: not reported again
        var tx = new StateCache(block);
        tx.Set(B("c"), B("3"));
        tx.Delete(B("a"));
        tx.Set(B("b"), B("4"));
        Assert.Equal(["b"], added);                            // a tx's writes stay in the tx until it ends
        tx.WriteTo(block);
        block.SetOwned(B("d"), B("5"));
        block.Delete(B("e"));

        Assert.Equal(["b", "a", "c", "d", "e"], added.Take(1).Concat(added.Skip(1).Take(2).Order(StringComparer.Ordinal)).Concat(added.Skip(3)));
        Assert.Equal(5, added.Count);
    }
}
