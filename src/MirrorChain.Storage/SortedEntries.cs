using MirrorChain.Core;

namespace MirrorChain.Storage;

/// <summary>
/// An immutable, sorted (unsigned byte order) set of entries: one version of a <see cref="MemoryKeyValueStore"/>.
/// Writing a batch makes a new version by one merge pass, so a snapshot is just a reference to a version.
/// </summary>
internal sealed class SortedEntries
{
    public static readonly SortedEntries Empty = new([], []);

    private readonly byte[][] _keys;
    private readonly byte[][] _values;

    private SortedEntries(byte[][] keys, byte[][] values)
    {
        _keys = keys;
        _values = values;
    }

    public int Count => _keys.Length;

    public byte[]? Get(ReadOnlySpan<byte> key)
    {
        var i = LowerBound(key);
        return i < _keys.Length && _keys[i].AsSpan().SequenceEqual(key) ? (byte[])_values[i].Clone() : null;
    }

    /// <summary>Entries with start ≤ key &lt; end, copied out lazily.</summary>
    public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start, byte[]? end, bool reverse)
    {
        var from = LowerBound(start);
        var to = end is null ? _keys.Length : LowerBound(end);
        if (reverse)
        {
            for (var i = to - 1; i >= from; i--)
            {
                yield return Entry(i);
            }
        }
        else
        {
            for (var i = from; i < to; i++)
            {
                yield return Entry(i);
            }
        }
    }

    /// <summary>A new version with <paramref name="changes"/> (key → value, null = delete) applied.</summary>
    public SortedEntries With(SortedDictionary<byte[], byte[]?> changes)
    {
        var keys = new List<byte[]>(_keys.Length + changes.Count);
        var values = new List<byte[]>(_keys.Length + changes.Count);
        var cmp = ByteArrayComparer.Instance;
        var i = 0;
        foreach (var (key, value) in changes)
        {
            while (i < _keys.Length && cmp.Compare(_keys[i], key) < 0)
            {
                keys.Add(_keys[i]);
                values.Add(_values[i]);
                i++;
            }
            if (i < _keys.Length && cmp.Compare(_keys[i], key) == 0)
            {
                i++;
            }
            if (value is not null)
            {
                keys.Add(key);
                values.Add(value);
            }
        }
        for (; i < _keys.Length; i++)
        {
            keys.Add(_keys[i]);
            values.Add(_values[i]);
        }
        return new SortedEntries([.. keys], [.. values]);
    }

    private KeyValuePair<byte[], byte[]> Entry(int i) => new((byte[])_keys[i].Clone(), (byte[])_values[i].Clone());

    // First index whose key is ≥ key.
    private int LowerBound(ReadOnlySpan<byte> key)
    {
        int lo = 0, hi = _keys.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_keys[mid].AsSpan().SequenceCompareTo(key) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}
