using BenchmarkDotNet.Attributes;
using MirrorChain.Storage;

namespace MirrorChain.Benchmarks;

/// <summary>
/// <see cref="RocksDbStore"/> on its own, in a temp dir with the node's default settings, preloaded with 100 000
/// entries (32-byte keys, 100-byte values; a deterministic generator, so every run stores the same bytes).
/// <list type="bullet">
/// <item><c>BatchedPuts1000Synced</c>: one atomic batch of 1000 puts written with WAL + fsync, as a block commit does.</item>
/// <item><c>BatchedPuts1000</c>: the same batch, WAL on but no fsync (the cost of the write path without the disk flush).</item>
/// <item><c>RandomGet</c>: one point read of a present key chosen by the generator (a cache-warm read).</item>
/// <item><c>PrefixScan100</c>: a forward range over 100 consecutive keys (iterator create, seek, 100 steps, close).</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class StorageBenchmarks
{
    private const int Preloaded = 100_000;
    private const int BatchSize = 1000;
    private string _dir = "";
    private RocksDbStore _store = null!;
    private byte[][] _keys = [];
    private readonly byte[] _value = new byte[100];
    private ulong _rng = 0x9E3779B97F4A7C15;
    private ulong _written;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("mirrorchain-bench-store-").FullName;
        _store = RocksDbStore.Open(_dir);
        _keys = new byte[Preloaded][];
        for (var i = 0; i < Preloaded; i++)
        {
            _keys[i] = Key(0x01, (ulong)i);
        }
        for (var i = 0; i < _value.Length; i++)
        {
            _value[i] = (byte)(i * 7);
        }
        for (var start = 0; start < Preloaded; start += BatchSize)
        {
            using var batch = _store.CreateBatch();
            for (var i = start; i < start + BatchSize; i++)
            {
                batch.Put(_keys[i], _value);
            }
            _store.Write(batch, sync: false);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark]
    public int BatchedPuts1000Synced() => WriteBatch(sync: true);

    [Benchmark]
    public int BatchedPuts1000() => WriteBatch(sync: false);

    [Benchmark]
    public int RandomGet() => _store.Get(_keys[(int)(Next() % Preloaded)])!.Length;

    [Benchmark]
    public int PrefixScan100()
    {
        var first = (int)(Next() % (Preloaded - 100));
        var count = 0;
        foreach (var _ in _store.Range(_keys[first], _keys[first + 100]))
        {
            count++;
        }
        return count == 100 ? count : throw new InvalidOperationException($"scan saw {count} entries");
    }

    private int WriteBatch(bool sync)
    {
        using var batch = _store.CreateBatch();
        for (var i = 0; i < BatchSize; i++)
        {
            batch.Put(Key(0x02, _written++), _value);
        }
        _store.Write(batch, sync);
        return batch.Count;
    }

    /// <summary>A prefix byte, the big-endian index, then 23 bytes derived from it (like a hashed state key).</summary>
    private static byte[] Key(byte prefix, ulong index)
    {
        var key = new byte[32];
        key[0] = prefix;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(key.AsSpan(1), index);
        var x = index * 0xBF58476D1CE4E5B9 + 1;
        for (var i = 9; i < key.Length; i++)
        {
            x ^= x >> 31;
            x *= 0x94D049BB133111EB;
            key[i] = (byte)x;
        }
        return key;
    }

    private ulong Next()
    {
        _rng ^= _rng << 13;
        _rng ^= _rng >> 7;
        _rng ^= _rng << 17;
        return _rng;
    }
}
