namespace MirrorChain.Storage.Tests;

public sealed class RocksDbStoreTests : KeyValueStoreContractTests
{
    private readonly TempDirectory _dir = new();

    private string DbPath => System.IO.Path.Combine(_dir.Path, "db");

    protected override IKeyValueStore OpenStore() => RocksDbStore.Open(DbPath);

    public override void Dispose()
    {
        base.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void Reopen_keeps_written_data()
    {
        Put(("a", "1"), ("b", "2"));
        using (var batch = Store.CreateBatch())
        {
            batch.Delete(B("a"));
            batch.Put([0x00, 0xFF], [0xFF, 0x00]);
            Store.Write(batch, sync: true);
        }
        CloseStore();

        Assert.Null(Store.Get(B("a")));
        Assert.Equal("2", S(Store.Get(B("b"))));
        Assert.Equal(new byte[] { 0xFF, 0x00 }, Store.Get([0x00, 0xFF]));
        Assert.Equal(2, Store.Range([], null).Count());
    }

    [Fact]
    public void Second_open_of_the_same_path_fails_with_a_clear_error()
    {
        Put(("a", "1"));
        var ex = Assert.Throws<StoreLockedException>(() => RocksDbStore.Open(DbPath));
        Assert.Contains("another MirrorChain node may be running on this home", ex.Message);
        Assert.Contains(DbPath, ex.Message);
        Assert.Equal(DbPath, ex.Path);

        CloseStore();
        using var again = RocksDbStore.Open(DbPath);
        Assert.Equal("1", S(again.Get(B("a"))));
    }

    [Fact]
    public void Dispose_releases_open_snapshots_and_the_lock()
    {
        Put(("a", "1"));
        var snapshot = Store.GetSnapshot();
        CloseStore();
        Assert.Throws<ObjectDisposedException>(() => snapshot.Get(B("a")));
        using var again = RocksDbStore.Open(DbPath);
        Assert.Equal("1", S(again.Get(B("a"))));
    }

    [Fact]
    public void Iterator_in_progress_keeps_working_after_its_snapshot_is_disposed()
    {
        Put(("a", "1"), ("b", "2"), ("c", "3"));
        var snapshot = Store.GetSnapshot();
        using var e = snapshot.Range([], null).GetEnumerator();
        Assert.True(e.MoveNext());
        snapshot.Dispose();
        Assert.True(e.MoveNext());
        Assert.Equal("b", S(e.Current.Key));
    }

    [Fact]
    public void Open_on_a_file_path_fails_with_rocksdb_message()
    {
        var file = System.IO.Path.Combine(_dir.Path, "file");
        File.WriteAllText(file, "x");
        Assert.ThrowsAny<Exception>(() => RocksDbStore.Open(file));
    }
}
