using MirrorChain.Core;

namespace MirrorChain.State;

/// <summary>
/// A write-back overlay over a parent state: the block cache over committed state, or a tx / sub-message
/// cache over the block cache. Reads fall through to the parent; writes are kept here, ordered by key, until
/// <see cref="WriteTo"/> flushes them (success) or the cache is dropped (revert).
/// </summary>
public sealed class StateCache(IStateReader parent) : IStateWriter
{
    // value null = deleted in this layer
    private readonly SortedDictionary<byte[], byte[]?> _writes = new(ByteArrayComparer.Instance);

    public IStateReader Parent { get; } = parent;

    public int WriteCount => _writes.Count;

    public byte[]? Get(byte[] key) => _writes.TryGetValue(key, out var v) ? v : Parent.Get(key);

    public void Set(byte[] key, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        _writes[(byte[])key.Clone()] = (byte[])value.Clone();
    }

    public void Delete(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _writes[(byte[])key.Clone()] = null;
    }

    /// <summary>This layer's changes in key order (null value = delete).</summary>
    public IReadOnlyList<KeyValuePair<byte[], byte[]?>> Changes() => [.. _writes];

    /// <summary>Flushes this layer's changes into <paramref name="target"/> in key order and clears them.</summary>
    public void WriteTo(IStateWriter target)
    {
        foreach (var (k, v) in _writes)
        {
            if (v is null)
            {
                target.Delete(k);
            }
            else
            {
                target.Set(k, v);
            }
        }
        _writes.Clear();
    }

    public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start, byte[]? end, bool reverse = false)
    {
        var cmp = ByteArrayComparer.Instance;
        var local = _writes.Where(kv => cmp.Compare(kv.Key, start) >= 0 && (end is null || cmp.Compare(kv.Key, end) < 0));
        if (reverse)
        {
            local = local.Reverse();
        }
        using var a = local.GetEnumerator();
        using var b = Parent.Range(start, end, reverse).GetEnumerator();
        var hasA = a.MoveNext();
        var hasB = b.MoveNext();
        while (hasA || hasB)
        {
            int c;
            if (!hasA)
            {
                c = 1;
            }
            else if (!hasB)
            {
                c = -1;
            }
            else
            {
                c = cmp.Compare(a.Current.Key, b.Current.Key);
                if (reverse)
                {
                    c = -c;
                }
            }
            if (c <= 0)
            {
                if (a.Current.Value is { } v)
                {
                    yield return new KeyValuePair<byte[], byte[]>(a.Current.Key, v);
                }
                if (c == 0)
                {
                    hasB = b.MoveNext();
                }
                hasA = a.MoveNext();
            }
            else
            {
                yield return b.Current;
                hasB = b.MoveNext();
            }
        }
    }
}
