using System.Text;

namespace MirrorChain.Storage.Tests;

/// <summary>
/// <see cref="RocksDbStore.WriteUnlogged"/>: what the event indexer's crash safety rests on. A crash (the store's
/// files copied while it is open: <see cref="CrashImage"/>) keeps the logged writes and, of the unlogged ones,
/// exactly those a flush persisted, which are the earliest ones, each batch whole; a clean close keeps them all.
/// </summary>
public sealed class RocksDbUnloggedWriteTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string Live => Path.Combine(_dir.Path, "live");

    private string Crashed => Path.Combine(_dir.Path, "crashed");

    public void Dispose() => _dir.Dispose();

    private static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    private static void Write(RocksDbStore store, bool logged, params string[] keys)
    {
        using var batch = store.CreateBatch();
        foreach (var key in keys)
        {
            batch.Put(B(key), B("v"));
        }
        if (logged)
        {
            store.Write(batch);
        }
        else
        {
            store.WriteUnlogged(batch);
        }
    }

    private static string Present(IKeyValueStore store, params string[] keys) =>
        string.Join(",", keys.Where(k => store.Get(B(k)) is not null));

    [Fact]
    public void Crash_keeps_logged_writes_and_the_unlogged_writes_a_flush_persisted_each_batch_whole()
    {
        string[] all = ["block1", "index1a", "index1b", "block2", "index2a", "index2b", "block3", "index3a", "index3b"];
        using (var store = RocksDbStore.Open(Live))
        {
            Write(store, logged: true, "block1");
            Write(store, logged: false, "index1a", "index1b");
            Write(store, logged: true, "block2");
            store.Flush();
            Write(store, logged: false, "index2a", "index2b");
            Write(store, logged: true, "block3");
            Write(store, logged: false, "index3a", "index3b");
            Assert.Equal(string.Join(",", all), Present(store, all)); // readers see unlogged writes at once

            CrashImage.Copy(Live, Crashed);
        }
        using var recovered = RocksDbStore.Open(Crashed);
        Assert.Equal("block1,index1a,index1b,block2,block3", Present(recovered, all));
    }

    [Fact]
    public void Clean_close_keeps_unlogged_writes()
    {
        using (var store = RocksDbStore.Open(Live))
        {
            Write(store, logged: true, "block1");
            Write(store, logged: false, "index1a", "index1b");
        }
        using var reopened = RocksDbStore.Open(Live);
        Assert.Equal("block1,index1a,index1b", Present(reopened, "block1", "index1a", "index1b"));
    }
}
