using MirrorChain.Storage;

namespace MirrorChain.State;

/// <summary>
/// A consistent read-only view of the latest committed state, bound to a store snapshot: every read sees the
/// same version, whatever commits happen meanwhile. Dispose it to release the snapshot.
/// </summary>
public sealed class StateReadView : IStateReader, IDisposable
{
    private readonly IKeyValueSnapshot _snapshot;
    private readonly FlatStateReader _reader;

    internal StateReadView(IKeyValueSnapshot snapshot, long version, byte[] root)
    {
        _snapshot = snapshot;
        _reader = new FlatStateReader(snapshot);
        Version = version;
        Root = root;
    }

    /// <summary>The version this view sees; -1 if nothing was committed when it was opened.</summary>
    public long Version { get; }

    /// <summary>The root hash of <see cref="Version"/>.</summary>
    public byte[] Root { get; }

    public byte[]? Get(byte[] key) => _reader.Get(key);

    public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start, byte[]? end, bool reverse = false) =>
        _reader.Range(start, end, reverse);

    public void Dispose() => _snapshot.Dispose();
}
