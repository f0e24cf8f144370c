namespace MirrorChain.Contracts.Mirror.Tests.Factory.Fakes;

/// <summary>A contract storage in memory, for calling an entry point directly (reply cases no message can reach).</summary>
internal sealed class MemoryStorage : IContractStorage
{
    private readonly SortedDictionary<byte[], byte[]> _data = new(Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b)));

    public byte[]? Get(byte[] key) => _data.TryGetValue(key, out var v) ? v : null;

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
