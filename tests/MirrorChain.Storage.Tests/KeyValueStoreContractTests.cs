using System.Text;

namespace MirrorChain.Storage.Tests;

/// <summary>The behaviour every <see cref="IKeyValueStore"/> must share; run once per implementation.</summary>
public abstract class KeyValueStoreContractTests : IDisposable
{
    private IKeyValueStore? _store;

    protected IKeyValueStore Store => _store ??= OpenStore();

    protected abstract IKeyValueStore OpenStore();

    /// <summary>Closes the current store; the next <see cref="Store"/> access reopens it.</summary>
    protected void CloseStore()
    {
        _store?.Dispose();
        _store = null;
    }

    public virtual void Dispose()
    {
        CloseStore();
        GC.SuppressFinalize(this);
    }

    protected static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    protected static string S(byte[]? b) => b is null ? "<null>" : Encoding.UTF8.GetString(b);

    protected void Put(params (string Key, string Value)[] entries)
    {
        using var batch = Store.CreateBatch();
        foreach (var (k, v) in entries)
        {
            batch.Put(B(k), B(v));
        }
        Store.Write(batch);
    }

    private static string Keys(IEnumerable<KeyValuePair<byte[], byte[]>> entries) =>
        string.Join(",", entries.Select(e => S(e.Key)));

    [Fact]
    public void Get_of_missing_key_is_null()
    {
        Assert.Null(Store.Get(B("nope")));
    }

    [Fact]
    public void Put_then_get_returns_the_value()
    {
        Put(("a", "1"));
        Assert.Equal("1", S(Store.Get(B("a"))));
    }

    [Fact]
    public void Put_overwrites_and_delete_removes()
    {
        Put(("a", "1"), ("b", "2"));
        Put(("a", "3"));
        using (var batch = Store.CreateBatch())
        {
            batch.Delete(B("b"));
            batch.Delete(B("never-existed"));
            Store.Write(batch, sync: true);
        }
        Assert.Equal("3", S(Store.Get(B("a"))));
        Assert.Null(Store.Get(B("b")));
        Assert.Equal("a", Keys(Store.Range([], null)));
    }

    [Fact]
    public void Later_operations_in_one_batch_win()
    {
        using var batch = Store.CreateBatch();
        batch.Put(B("k"), B("1"));
        batch.Delete(B("k"));
        batch.Put(B("j"), B("1"));
        batch.Put(B("j"), B("2"));
        batch.Delete(B("i"));
        Assert.Equal(5, batch.Count);
        Store.Write(batch);
        Assert.Null(Store.Get(B("k")));
        Assert.Equal("2", S(Store.Get(B("j"))));
    }

    [Fact]
    public void Empty_value_is_stored_and_distinct_from_missing()
    {
        using var batch = Store.CreateBatch();
        batch.Put(B("e"), []);
        Store.Write(batch);
        Assert.Equal(Array.Empty<byte>(), Store.Get(B("e")));
        Assert.Empty(Store.Range([], null).Single().Value);
    }

    [Fact]
    public void Batch_not_written_leaves_nothing()
    {
        Put(("a", "1"));
        using (var batch = Store.CreateBatch())
        {
            batch.Put(B("b"), B("2"));
            batch.Delete(B("a"));
            Assert.Equal(2, batch.Count);
        }
        Assert.Equal("1", S(Store.Get(B("a"))));
        Assert.Null(Store.Get(B("b")));
        Assert.Equal("a", Keys(Store.Range([], null)));
    }

    [Fact]
    public void Written_batch_is_all_visible()
    {
        Put(("old", "x"));
        using (var batch = Store.CreateBatch())
        {
            for (var i = 0; i < 100; i++)
            {
                batch.Put(B($"k{i:D3}"), B($"v{i}"));
            }
            batch.Delete(B("old"));
            Assert.Equal(101, batch.Count);
            Assert.Null(Store.Get(B("k000")));
            Store.Write(batch);
        }
        Assert.Equal(100, Store.Range([], null).Count());
        Assert.Equal("v0", S(Store.Get(B("k000"))));
        Assert.Equal("v99", S(Store.Get(B("k099"))));
        Assert.Null(Store.Get(B("old")));
    }

    [Fact]
    public void Range_forward_and_reverse_respect_bounds_with_end_exclusive()
    {
        Put(("a", "1"), ("b", "2"), ("ba", "3"), ("c", "4"), ("d", "5"));
        Assert.Equal("a,b,ba,c,d", Keys(Store.Range([], null)));
        Assert.Equal("d,c,ba,b,a", Keys(Store.Range([], null, reverse: true)));
        Assert.Equal("b,ba,c", Keys(Store.Range(B("b"), B("d"))));
        Assert.Equal("c,ba,b", Keys(Store.Range(B("b"), B("d"), reverse: true)));
        Assert.Equal("ba,c", Keys(Store.Range(B("b0"), B("c0"))));
        Assert.Equal("c,ba", Keys(Store.Range(B("b0"), B("c0"), reverse: true)));
        Assert.Equal("c,d", Keys(Store.Range(B("bb"), null)));
        Assert.Equal("d,c", Keys(Store.Range(B("bb"), null, reverse: true)));
        Assert.Equal("2,3", string.Join(",", Store.Range(B("b"), B("c")).Select(e => S(e.Value))));
    }

    [Fact]
    public void Empty_and_inverted_ranges_yield_nothing()
    {
        Put(("a", "1"), ("b", "2"), ("c", "3"));
        Assert.Empty(Store.Range(B("b"), B("b")));
        Assert.Empty(Store.Range(B("b"), B("b"), reverse: true));
        Assert.Empty(Store.Range(B("c"), B("a")));
        Assert.Empty(Store.Range(B("c"), B("a"), reverse: true));
        Assert.Empty(Store.Range(B("bb"), B("bc")));
        Assert.Empty(Store.Range(B("bb"), B("bc"), reverse: true));
        Assert.Empty(Store.Range(B("d"), null));
        Assert.Empty(Store.Range(B("d"), null, reverse: true));
        Assert.Empty(Store.Range([], B("a")));
        Assert.Empty(Store.Range([], B("a"), reverse: true));
    }

    [Fact]
    public void Range_on_empty_store_yields_nothing()
    {
        Assert.Empty(Store.Range([], null));
        Assert.Empty(Store.Range([], null, reverse: true));
    }

    [Fact]
    public void Range_is_lazy_and_can_be_abandoned()
    {
        Put(("a", "1"), ("b", "2"), ("c", "3"));
        var range = Store.Range([], null);
        Put(("aa", "x"));
        Assert.Equal("a,aa", Keys(range.Take(2)));
        Assert.Equal("c,b", Keys(Store.Range([], null, reverse: true).Take(2)));
        using (var e = Store.Range([], null).GetEnumerator())
        {
            Assert.True(e.MoveNext());
        }
        Put(("d", "4"));
        Assert.Equal("a,aa,b,c,d", Keys(range));
    }

    [Fact]
    public void Range_bounds_are_copied_at_call_time()
    {
        Put(("a", "1"), ("b", "2"), ("c", "3"));
        var start = B("b");
        var end = B("c");
        var range = Store.Range(start, end);
        start[0] = (byte)'a';
        end[0] = (byte)'d';
        Assert.Equal("b", Keys(range));
    }

    [Fact]
    public void Binary_keys_with_zero_and_ff_bytes_order_unsigned()
    {
        byte[][] keys = [[0x00], [0x00, 0x00], [0x00, 0xFF], [0x01], [0x7F], [0x80], [0xFF], [0xFF, 0x00], [0xFF, 0xFF, 0xFF]];
        using (var batch = Store.CreateBatch())
        {
            foreach (var k in keys.Reverse())
            {
                batch.Put(k, [.. k, 0x00, 0xFF]);
            }
            Store.Write(batch);
        }
        foreach (var k in keys)
        {
            Assert.Equal((byte[])[.. k, 0x00, 0xFF], Store.Get(k));
        }
        Assert.Equal(keys, Store.Range([], null).Select(e => e.Key));
        Assert.Equal(keys.Reverse(), Store.Range([], null, reverse: true).Select(e => e.Key));
        Assert.Equal(keys[1..6], Store.Range([0x00, 0x00], [0xFF]).Select(e => e.Key));
        Assert.Equal(keys[1..6].Reverse(), Store.Range([0x00, 0x00], [0xFF], reverse: true).Select(e => e.Key));
        Assert.Equal(keys[7..], Store.Range([0xFF, 0x00], null).Select(e => e.Key));
        Assert.Null(Store.Get([0x00, 0x00, 0x00]));
    }

    [Fact]
    public void Snapshot_does_not_see_later_writes()
    {
        Put(("a", "1"), ("b", "2"));
        using var snapshot = Store.GetSnapshot();
        Put(("a", "changed"), ("c", "3"));
        using (var batch = Store.CreateBatch())
        {
            batch.Delete(B("b"));
            Store.Write(batch);
        }

        Assert.Equal("1", S(snapshot.Get(B("a"))));
        Assert.Equal("2", S(snapshot.Get(B("b"))));
        Assert.Null(snapshot.Get(B("c")));
        Assert.Equal("a,b", Keys(snapshot.Range([], null)));
        Assert.Equal("b,a", Keys(snapshot.Range([], null, reverse: true)));
        Assert.Equal("1", S(snapshot.Range(B("a"), B("b")).Single().Value));

        Assert.Equal("changed", S(Store.Get(B("a"))));
        Assert.Equal("a,c", Keys(Store.Range([], null)));
    }

    [Fact]
    public void Disposed_snapshot_throws()
    {
        var snapshot = Store.GetSnapshot();
        snapshot.Dispose();
        snapshot.Dispose();
        Assert.Throws<ObjectDisposedException>(() => snapshot.Get(B("a")));
        Assert.Throws<ObjectDisposedException>(() => snapshot.Range([], null).ToList());
    }

    [Fact]
    public void Returned_arrays_are_copies()
    {
        Put(("a", "1"));
        var value = Store.Get(B("a"))!;
        value[0] = (byte)'9';
        var entry = Store.Range([], null).Single();
        entry.Key[0] = (byte)'z';
        entry.Value[0] = (byte)'9';
        Assert.Equal("1", S(Store.Get(B("a"))));
        Assert.Equal("a", Keys(Store.Range([], null)));
    }

    [Fact]
    public void Use_after_dispose_throws()
    {
        var store = Store;
        using var batch = store.CreateBatch();
        batch.Put(B("a"), B("1"));
        CloseStore();
        Assert.Throws<ObjectDisposedException>(() => store.Get(B("a")));
        Assert.Throws<ObjectDisposedException>(() => store.Range([], null).ToList());
        Assert.Throws<ObjectDisposedException>(() => store.Write(batch));
        Assert.Throws<ObjectDisposedException>(() => store.CreateBatch());
        Assert.Throws<ObjectDisposedException>(() => store.GetSnapshot());
        store.Dispose();
    }

    [Fact]
    public void Foreign_batch_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => Store.Write(new ForeignBatch()));
    }

    [Fact]
    public async Task Concurrent_readers_see_whole_batches_while_one_writer_writes()
    {
        // Every batch rewrites all 20 keys with the same round number: a reader's snapshot must never mix rounds.
        const int keys = 20;
        const int rounds = 200;
        Write(0);
        var failures = 0;
        var done = 0;
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            while (Volatile.Read(ref done) == 0)
            {
                using var snapshot = Store.GetSnapshot();
                var values = snapshot.Range([], null).Select(e => S(e.Value)).Distinct().ToList();
                var direct = Store.Get(B("k00"));
                if (values.Count != 1 || direct is null)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToArray();
        for (var r = 1; r <= rounds; r++)
        {
            Write(r);
        }
        Volatile.Write(ref done, 1);
        await Task.WhenAll(readers);
        Assert.Equal(0, failures);
        Assert.Equal($"{rounds}", S(Store.Get(B("k19"))));

        void Write(int round)
        {
            using var batch = Store.CreateBatch();
            for (var i = 0; i < keys; i++)
            {
                batch.Put(B($"k{i:D2}"), B($"{round}"));
            }
            Store.Write(batch);
        }
    }

    private sealed class ForeignBatch : IWriteBatch
    {
        public int Count => 0;

        public void Put(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
        {
        }

        public void Delete(ReadOnlySpan<byte> key)
        {
        }

        public void Dispose()
        {
        }
    }
}
