using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MirrorChain.Core;

namespace MirrorChain.State;

/// <summary>
/// A write-back overlay over a parent state: the block cache over committed state, or a tx / sub-message
/// cache over the block cache. Reads fall through to the parent; writes are kept here, ordered by key, until
/// <see cref="WriteTo"/> flushes them (success) or the cache is dropped (revert).
/// </summary>
public sealed class StateCache(IStateReader parent) : IStateWriter
{
    // value null = deleted in this layer. _sorted orders the same keys so a range only visits the keys inside it;
    // it is built by the first range over this layer and kept up to date from then on (most layers, a bank send's
    // tx and message caches among them, are never ranged over, and a sorted set per layer cost more than the rest
    // of the layer).
    private readonly Dictionary<byte[], byte[]?> _writes = new(ByteArrayComparer.Instance);
    private SortedSet<byte[]>? _sorted;

    public IStateReader Parent { get; } = parent;

    /// <summary>
    /// Called with each key when it first enters this layer (e.g. a block cache: as each tx's writes are flushed
    /// into it), for work that only affects speed, such as prefetching the key's tree path. The key array is the one
    /// this layer keeps: it must only be read. Not called again for a key written twice; exceptions propagate.
    /// </summary>
    public Action<byte[]>? KeyAdded { get; init; }

    public int WriteCount => _writes.Count;

    public byte[]? Get(byte[] key) => _writes.TryGetValue(key, out var v) ? v : Parent.Get(key);

    public void Set(byte[] key, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        Put(key, (byte[])value.Clone());
    }

    /// <summary><see cref="Set"/> without the copies: this layer keeps the caller's arrays (which it gives up).</summary>
    public void SetOwned(byte[] key, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        ref var slot = ref CollectionsMarshal.GetValueRefOrNullRef(_writes, key);
        if (!Unsafe.IsNullRef(ref slot))
        {
            slot = value;
            return;
        }
        Adopt(key, value);
    }

    public void Delete(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Put(key, null);
    }

    private void Put(byte[] key, byte[]? value)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrNullRef(_writes, key);
        if (!Unsafe.IsNullRef(ref slot))
        {
            slot = value;
            return;
        }
        Adopt((byte[])key.Clone(), value);
    }

    /// <summary>Stores <paramref name="key"/> and <paramref name="value"/> themselves (not copies): the caller gives them up.</summary>
    private void Adopt(byte[] key, byte[]? value)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_writes, key, out var existed);
        slot = value;
        if (!existed)
        {
            _sorted?.Add(key);
            KeyAdded?.Invoke(key);
        }
    }

    /// <summary>This layer's keys in key order (the sorted set when a range built it, else sorted here).</summary>
    private byte[][] SortedKeys()
    {
        var keys = new byte[_writes.Count][];
        if (_sorted is not null)
        {
            _sorted.CopyTo(keys);
        }
        else
        {
            _writes.Keys.CopyTo(keys, 0);
            Array.Sort(keys, ByteArrayComparer.Instance);
        }
        return keys;
    }

    /// <summary>This layer's changes in key order (null value = delete).</summary>
    public IReadOnlyList<KeyValuePair<byte[], byte[]?>> Changes()
    {
        var keys = SortedKeys();
        var changes = new List<KeyValuePair<byte[], byte[]?>>(keys.Length);
        foreach (var k in keys)
        {
            changes.Add(new KeyValuePair<byte[], byte[]?>(k, _writes[k]));
        }
        return changes;
    }

    /// <summary>
    /// Flushes this layer's changes into <paramref name="target"/> and clears them: in key order into any writer;
    /// into another <see cref="StateCache"/> (a map: the order is not observable) the key and value arrays move over
    /// as they are (this layer forgets them), so a tx's writes are not copied again at each level of nesting.
    /// </summary>
    public void WriteTo(IStateWriter target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target is StateCache cache && !ReferenceEquals(cache, this))
        {
            foreach (var (k, v) in _writes)
            {
                cache.Adopt(k, v);
            }
        }
        else
        {
            foreach (var k in SortedKeys())
            {
                if (_writes[k] is { } v)
                {
                    target.Set(k, v);
                }
                else
                {
                    target.Delete(k);
                }
            }
        }
        _writes.Clear();
        _sorted = null;
    }

    /// <summary>This layer's keys with start ≤ key &lt; end, ascending; a copy, so callers may write while ranging.</summary>
    private List<KeyValuePair<byte[], byte[]?>> LocalRange(byte[] start, byte[]? end)
    {
        var cmp = ByteArrayComparer.Instance;
        if (_writes.Count == 0)
        {
            return [];
        }
        var keys = _sorted ??= new SortedSet<byte[]>(_writes.Keys, cmp);
        if (cmp.Compare(start, keys.Max) > 0 || (end is not null && cmp.Compare(start, end) >= 0))
        {
            return [];
        }
        var upper = end is null || cmp.Compare(end, keys.Max) > 0 ? keys.Max! : end;   // GetViewBetween is inclusive
        return keys.GetViewBetween(start, upper)
            .Where(k => end is null || cmp.Compare(k, end) < 0)
            .Select(k => new KeyValuePair<byte[], byte[]?>(k, _writes[k]))
            .ToList();
    }

    public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start, byte[]? end, bool reverse = false)
    {
        var cmp = ByteArrayComparer.Instance;
        var inRange = LocalRange(start, end);
        var local = reverse ? Enumerable.Reverse(inRange) : inRange;
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
