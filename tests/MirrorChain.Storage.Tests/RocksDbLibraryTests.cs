namespace MirrorChain.Storage.Tests;

/// <summary>The native librocksdb comes from the RocksDB NuGet package, never from the operating system.</summary>
public sealed class RocksDbLibraryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void An_open_store_runs_on_the_packaged_librocksdb_not_a_system_copy()
    {
        using var store = RocksDbStore.Open(System.IO.Path.Combine(_dir.Path, "db"));
        using (var batch = store.CreateBatch())
        {
            batch.Put([1], [2]);
            store.Write(batch, sync: true);
        }
        Assert.Equal([2], store.Get([1]));
        if (!OperatingSystem.IsLinux())
        {
            Assert.True(File.Exists(RocksDbLibrary.ExpectedPath), RocksDbLibrary.ExpectedPath);
            return;
        }
        // what the dynamic loader actually mapped into this process
        var mapped = File.ReadLines("/proc/self/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 6 && System.IO.Path.GetFileName(fields[5]).StartsWith("librocksdb", StringComparison.Ordinal))
            .Select(fields => fields[5])
            .Distinct()
            .ToList();
        var only = Assert.Single(mapped);
        // librocksdb.so, or the package's librocksdb-jemalloc.so where libjemalloc.so.2 happens to be installed
        // (RocksDbSharp's loader tries that variant first): either way the package's file, not a system one.
        Assert.Equal(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(RocksDbLibrary.ExpectedPath)), System.IO.Path.GetDirectoryName(only));
    }

    [Fact]
    public void A_load_failure_names_the_library_file_and_the_runtime_identifier()
    {
        var message = RocksDbLibrary.LoadFailureMessage("dlopen: file not found");

        Assert.Contains(RocksDbLibrary.FileName, message);
        Assert.Contains(RocksDbLibrary.RuntimeId, message);
        Assert.Contains(System.IO.Path.Combine("runtimes", RocksDbLibrary.RuntimeId, "native", RocksDbLibrary.FileName), message);
        Assert.Contains("dlopen: file not found", message);
        if (OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.X64)
        {
            Assert.Equal("linux-x64", RocksDbLibrary.RuntimeId);
            Assert.Equal("librocksdb.so", RocksDbLibrary.FileName);
        }
    }
}
