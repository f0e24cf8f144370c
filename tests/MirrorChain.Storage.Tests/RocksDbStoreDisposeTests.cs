namespace MirrorChain.Storage.Tests;

/// <summary>
/// Disposing a RocksDB store while readers are still around: the database is closed when Dispose returns, and every
/// later call — a new read, the next step of an open iterator — throws <see cref="ObjectDisposedException"/>; no
/// native call runs after free.
/// </summary>
public sealed class RocksDbStoreDisposeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string DbPath => System.IO.Path.Combine(_dir.Path, "db");

    public void Dispose() => _dir.Dispose();

    private static byte[] K(int i) => [(byte)'k', (byte)(i >> 8), (byte)i];

    private RocksDbStore OpenFilled(int keys = 500)
    {
        var store = RocksDbStore.Open(DbPath);
        using var batch = store.CreateBatch();
        for (var i = 0; i < keys; i++)
        {
            batch.Put(K(i), new byte[64]);
        }
        store.Write(batch);
        return store;
    }

    [Fact]
    public void Dispose_closes_the_database_even_with_an_iterator_open_and_its_next_step_throws()
    {
        var store = OpenFilled();
        using var snapshot = store.GetSnapshot();
        using var live = store.Range([], null).GetEnumerator();
        using var pinned = snapshot.Range([], null, reverse: true).GetEnumerator();
        Assert.True(live.MoveNext());
        Assert.True(pinned.MoveNext());

        store.Dispose();

        // closed now: before, the open iterator kept the database (and its LOCK) alive until it was finalized
        using (var again = RocksDbStore.Open(DbPath))
        {
            Assert.NotNull(again.Get(K(1)));
        }
        Assert.Throws<ObjectDisposedException>(() => live.MoveNext());
        Assert.Throws<ObjectDisposedException>(() => pinned.MoveNext());
    }

    [Fact]
    public void Every_call_after_dispose_throws_ObjectDisposedException()
    {
        var store = OpenFilled(3);
        var snapshot = store.GetSnapshot();
        var lazy = store.Range([], null);
        store.Dispose();

        Assert.Throws<ObjectDisposedException>(() => store.Get(K(1)));
        Assert.Throws<ObjectDisposedException>(() => store.Range([], null).ToList());
        Assert.Throws<ObjectDisposedException>(() => lazy.ToList());
        Assert.Throws<ObjectDisposedException>(() => store.GetSnapshot());
        Assert.Throws<ObjectDisposedException>(() => store.CreateBatch());
        Assert.Throws<ObjectDisposedException>(() => snapshot.Get(K(1)));
        Assert.Throws<ObjectDisposedException>(() => snapshot.Range([], null).ToList());
        snapshot.Dispose(); // after the store: a no-op, not a native call
        store.Dispose();    // twice: a no-op
    }

    [Fact]
    public async Task Dispose_under_concurrent_reads_iterators_and_snapshots_never_crashes_and_readers_only_see_ObjectDisposedException()
    {
        for (var round = 0; round < 25; round++)
        {
            var store = OpenFilled(300);
            var unexpected = new List<Exception>();
            var started = new CountdownEvent(6);
            var readers = Enumerable.Range(0, 6).Select(r => Task.Run(() =>
            {
                started.Signal();
                try
                {
                    for (var n = 0; ; n++)
                    {
                        switch ((r + n) % 3)
                        {
                            case 0:
                                store.Get(K(n % 300));
                                break;
                            case 1:
                                foreach (var _ in store.Range(K(n % 200), K(n % 200 + 100)))
                                {
                                }
                                break;
                            default:
                                using (var s = store.GetSnapshot())
                                {
                                    s.Get(K(n % 300));
                                    s.Range([], null, reverse: true).Take(50).Count();
                                }
                                break;
                        }
                    }
                }
                catch (ObjectDisposedException)
                {
                    // the only acceptable way out
                }
                catch (Exception e)
                {
                    lock (unexpected)
                    {
                        unexpected.Add(e);
                    }
                }
            })).ToArray();
            started.Wait();
            await Task.Delay(round % 5 * 3);
            store.Dispose();
            await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Empty(unexpected);
            using var again = RocksDbStore.Open(DbPath); // and the database really is closed
        }
    }
}
