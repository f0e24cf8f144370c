namespace MirrorChain.Storage;

/// <summary>Read access to an ordered key-value store. Keys order by unsigned bytes.</summary>
public interface IKeyValueReader
{
    byte[]? Get(ReadOnlySpan<byte> key);

    /// <summary>Entries with <paramref name="start"/> ≤ key &lt; <paramref name="end"/> (null end = unbounded), ascending unless reversed.</summary>
    IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start, byte[]? end, bool reverse = false);
}
