namespace MirrorChain.State;

/// <summary>Read access to application state (the keys that the Merkle tree commits to).</summary>
public interface IStateReader
{
    byte[]? Get(byte[] key);

    /// <summary>Entries with start ≤ key &lt; end (null end = unbounded), by unsigned byte order, descending if reversed.</summary>
    IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start, byte[]? end, bool reverse = false);
}

/// <summary>Read-write application state; writes stay in memory until the owner flushes them.</summary>
public interface IStateWriter : IStateReader
{
    void Set(byte[] key, byte[] value);

    /// <summary>
    /// <see cref="Set"/> of arrays the caller gives up (it never reads or writes them again, e.g. a key and value
    /// just built for this write): a writer may keep them as they are instead of copying them.
    /// </summary>
    void SetOwned(byte[] key, byte[] value) => Set(key, value);

    void Delete(byte[] key);
}
