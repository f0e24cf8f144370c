using System.Collections.Concurrent;

namespace MirrorChain.Core;

/// <summary>
/// A thread-safe, bounded text → <see cref="Address"/> memo for valid addresses. When it holds
/// <c>capacity</c> entries it starts over empty, so memory stays bounded; what it returns never depends on what it
/// holds (an entry is exactly what parsing the text gives), only how fast the answer comes.
/// </summary>
internal sealed class ParsedAddressCache(int capacity)
{
    private readonly ConcurrentDictionary<string, Address> _entries = new(StringComparer.Ordinal);
    private int _count;

    public int Capacity { get; } = capacity;

    public bool TryGet(string text, out Address? address)
    {
        if (_entries.TryGetValue(text, out var found))
        {
            address = found;
            return true;
        }
        address = null;
        return false;
    }

    public void Add(string text, Address address)
    {
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _count, 1);
        }
        _entries.TryAdd(text, address);
    }
}
