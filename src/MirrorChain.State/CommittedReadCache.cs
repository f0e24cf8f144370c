using System.Collections.Concurrent;
using MirrorChain.Core;

namespace MirrorChain.State;

/// <summary>
/// A read cache over the committed state for as long as that state does not change: mempool admission reads the
/// same committed keys several times per tx (the chain params in the signature check and again in CheckTx, the
/// signer's account in both), and each read of the flat state is a store lookup. The owner creates one per committed
/// state and calls <see cref="Invalidate"/> before it writes the next block's state; from then on every read goes
/// to the parent, so a value cached from one committed state is never served once the store may hold the next one.
/// <para>
/// Each <see cref="Get"/> hands out its own copy (a caller may change the array it gets); absent keys are cached
/// too. Ranges are not cached. At most <see cref="Capacity"/> keys are kept (after that, misses are read from the
/// parent and not kept). Thread-safe.
/// </para>
/// </summary>
public sealed class CommittedReadCache(IStateReader parent, int capacity = CommittedReadCache.DefaultCapacity) : IStateReader
{
    /// <summary>Keys kept per committed state by default (a few MB of accounts and balances).</summary>
    public const int DefaultCapacity = 65_536;

    private readonly ConcurrentDictionary<byte[], byte[]?> _values = new(ByteArrayComparer.Instance);
    private int _count;
    private volatile bool _invalid;

    /// <summary>The committed state read through.</summary>
    public IStateReader Parent { get; } = parent ?? throw new ArgumentNullException(nameof(parent));

    /// <summary>The most keys kept.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>False once <see cref="Invalidate"/> was called: every read then goes to the parent.</summary>
    public bool IsValid => !_invalid;

    /// <summary>Stops serving and keeping values: call it before the committed state changes.</summary>
    public void Invalidate() => _invalid = true;

    public byte[]? Get(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_invalid)
        {
            return Parent.Get(key);
        }
        if (_values.TryGetValue(key, out var cached))
        {
            return cached is null ? null : (byte[])cached.Clone();
        }
        var value = Parent.Get(key);
        // Kept only when the state cannot have changed since the flag was read above: the owner invalidates before
        // it writes, so a value read after that write is never kept (and once invalid, nothing is served anyway).
        if (!_invalid && Volatile.Read(ref _count) < Capacity
            && _values.TryAdd((byte[])key.Clone(), value is null ? null : (byte[])value.Clone()))
        {
            Interlocked.Increment(ref _count);
        }
        return value;
    }

    public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start, byte[]? end, bool reverse = false) =>
        Parent.Range(start, end, reverse);
}
