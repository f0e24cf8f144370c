using MirrorChain.Core;
using MirrorChain.Storage;
using static MirrorChain.State.Tests.TestData;

namespace MirrorChain.State.Tests;

public sealed class ReadRecorderTests
{
    // A reader over a mutable map; optionally answers some keys with a wrong value (a stale or corrupt flat entry).
    private sealed class MapReader(SortedDictionary<byte[], byte[]> map) : IStateReader
    {
        public Func<byte[], byte[]?, byte[]?> Answer { get; set; } = static (_, value) => value;

        public byte[]? Get(byte[] key) => Answer(key, map.TryGetValue(key, out var value) ? (byte[])value.Clone() : null);

        public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start, byte[]? end, bool reverse = false)
        {
            var cmp = ByteArrayComparer.Instance;
            var items = map.Where(e => cmp.Compare(e.Key, start) >= 0 && (end is null || cmp.Compare(e.Key, end) < 0));
            return reverse ? items.Reverse().ToList() : items.ToList();
        }
    }

    [Fact]
    public void Reads_are_answered_by_the_parent_and_known_values_by_what_was_read()
    {
        var map = new SortedDictionary<byte[], byte[]>(ByteArrayComparer.Instance) { [B("a")] = B("1"), [B("b")] = B("2") };
        var recorder = new ReadRecorder(new MapReader(map));
        var key = B("a");
        Assert.Equal(B("1"), recorder.Get(key));
        Assert.Null(recorder.Get(B("z")));
        key[0] = (byte)'b'; // the caller reuses its key array after the read
        map[B("a")] = B("changed");
        map[B("z")] = B("now present");

        Assert.Equal(B("changed"), recorder.Get(B("a"))); // execution always sees the parent
        Assert.Equal(B("1"), recorder.KnownValues.Get(B("a"))); // the tree sees the value first read
        Assert.Null(recorder.KnownValues.Get(B("z"))); // absence is remembered too
        Assert.Equal(B("2"), recorder.KnownValues.Get(B("b"))); // never read: read through
        Assert.Equal(2, recorder.Count);
        Assert.Equal(["a", "b", "z"], recorder.Range([], null).Select(e => S(e.Key)));
        Assert.Equal(["z", "b", "a"], recorder.KnownValues.Range([], null, reverse: true).Select(e => S(e.Key)));
    }

    [Fact]
    public void Commits_over_recorded_reads_write_exactly_what_commits_without_them_write()
    {
        // Random blocks of inserts, updates (same and new values) and deletes over few short keys (so changed keys
        // often share a slot with an existing leaf), starting from the empty tree, one-key blocks and empty blocks
        // included. Each block's changes are committed twice: by a plain StateDb and by one given a recorder that
        // saw reads of changed, unchanged and absent keys, some answered wrongly. Roots, and every stored entry, match.
        var random = new Random(2026);
        var plainStore = new MemoryKeyValueStore();
        var recordedStore = new MemoryKeyValueStore();
        var plain = new StateDb(plainStore);
        var recorded = new StateDb(recordedStore, nodeCacheCapacity: 0); // every leaf slot: recognised or read
        var model = new SortedDictionary<byte[], byte[]>(ByteArrayComparer.Instance);
        for (var version = 0; version < 60; version++)
        {
            var changes = new SortedDictionary<byte[], byte[]?>(ByteArrayComparer.Instance);
            var existing = model.Keys.ToArray();
            var count = version switch { 0 => 1, 1 => 0, _ => random.Next(0, 30) };
            for (var n = 0; n < count; n++)
            {
                var op = random.Next(4);
                if (op == 0 || existing.Length == 0)
                {
                    changes[RandomBytes(random, 1, 2)] = RandomBytes(random, 0, 8);
                }
                else
                {
                    var key = existing[random.Next(existing.Length)];
                    changes[key] = op switch { 1 => RandomBytes(random, 0, 8), 2 => (byte[])model[key].Clone(), _ => null };
                }
            }

            var parent = new MapReader(new SortedDictionary<byte[], byte[]>(model, ByteArrayComparer.Instance));
            var lie = random.Next(3) == 0;
            parent.Answer = (key, value) => lie && key[0] % 3 == 0 ? B("stale") : value;
            var recorder = new ReadRecorder(parent);
            foreach (var key in changes.Keys.Where(_ => random.Next(4) != 0))
            {
                recorder.Get(key);
            }
            foreach (var key in existing.Where(_ => random.Next(5) == 0))
            {
                recorder.Get(key);
            }
            recorder.Get(RandomBytes(random, 1, 2));

            var plainRoot = Commit(plainStore, plain, version, [.. changes], null);
            var recordedRoot = Commit(recordedStore, recorded, version, [.. changes], recorder);
            Assert.Equal(Hex.Lower(plainRoot), Hex.Lower(recordedRoot));
            foreach (var (key, value) in changes)
            {
                if (value is null)
                {
                    model.Remove(key);
                }
                else
                {
                    model[key] = value;
                }
            }
            Assert.Equal(Hex.Lower(ReferenceTree.Root(model)), Hex.Lower(plainRoot));
        }
        Assert.NotEmpty(model);
        Assert.Equal(Dump(plainStore), Dump(recordedStore));
    }

    private static byte[] Commit(IKeyValueStore store, StateDb state, long version, IReadOnlyList<KeyValuePair<byte[], byte[]?>> changes,
        ReadRecorder? reads)
    {
        using var batch = store.CreateBatch();
        var root = state.PrepareCommit(version, changes, batch, reads);
        store.Write(batch, sync: false);
        state.MarkCommitted(version, root);
        return root;
    }

    private static List<string> Dump(IKeyValueStore store) =>
        [.. store.Range([], null).Select(e => $"{Hex.Lower(e.Key)}={Hex.Lower(e.Value)}")];
}
