using MirrorChain.Core;

namespace MirrorChain.State;

/// <summary>
/// Reads through to committed state and remembers the value (or absence) each <see cref="Get"/> found: the block's
/// cache sits on it, so that <see cref="StateDb.PrepareCommit"/>
/// can recognise the changed keys' leaves from the values execution already read instead of reading them again.
/// <para>
/// Reads are always served by the parent (a caller gets the parent's own answer, never a remembered array); only
/// <see cref="KnownValues"/> answers from memory. A remembered value that a caller changed afterwards, or that no
/// longer matches the tree, is harmless: the tree uses a value only when its leaf hash is the one in the tree.
/// Thread-safe.
/// </para>
/// </summary>
public sealed class ReadRecorder(IStateReader parent) : IStateReader
{
    private readonly Dictionary<byte[], byte[]?> _seen = new(ByteArrayComparer.Instance);
    private readonly Lock _lock = new();

    /// <summary>The state read through.</summary>
    public IStateReader Parent { get; } = parent ?? throw new ArgumentNullException(nameof(parent));

    /// <summary>Distinct keys read so far.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _seen.Count;
            }
        }
    }

    /// <summary>The values read so far (a key never read is read from the parent).</summary>
    public IStateReader KnownValues => field ??= new Known(this);

    public byte[]? Get(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var value = Parent.Get(key);
        lock (_lock)
        {
            if (!_seen.ContainsKey(key))
            {
                _seen.Add((byte[])key.Clone(), value); // the caller's key array may be reused after the read
            }
        }
        return value;
    }

    public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start, byte[]? end, bool reverse = false) =>
        Parent.Range(start, end, reverse);

    /// <summary>Whether <paramref name="key"/> was read already, and what was found (null = absent).</summary>
    internal bool TryGetSeen(byte[] key, out byte[]? value)
    {
        lock (_lock)
        {
            return _seen.TryGetValue(key, out value);
        }
    }

    private sealed class Known(ReadRecorder recorder) : IStateReader
    {
        public byte[]? Get(byte[] key) => recorder.TryGetSeen(key, out var value) ? value : recorder.Parent.Get(key);

        public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start, byte[]? end, bool reverse = false) =>
            recorder.Parent.Range(start, end, reverse);
    }
}
