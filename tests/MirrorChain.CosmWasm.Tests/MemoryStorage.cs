using MirrorChain.Core;

namespace MirrorChain.CosmWasm.Tests;

/// <summary>A contract storage in memory (cosmwasm-std's <c>MockStorage</c>): ordered by key bytes.</summary>
internal sealed class MemoryStorage : IContractStorage
{
    private readonly SortedDictionary<byte[], byte[]> _data = new(ByteArrayComparer.Instance);

    public byte[]? Get(byte[] key) => _data.GetValueOrDefault(key);

    public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[]? start, byte[]? end, bool descending = false)
    {
        var items = _data.Where(kv => (start is null || kv.Key.AsSpan().SequenceCompareTo(start) >= 0)
            && (end is null || kv.Key.AsSpan().SequenceCompareTo(end) < 0)).ToList();
        if (descending)
        {
            items.Reverse();
        }
        return items;
    }

    public void Set(byte[] key, byte[] value) => _data[key] = value;

    public void Remove(byte[] key) => _data.Remove(key);
}
