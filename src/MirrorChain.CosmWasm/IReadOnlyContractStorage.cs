namespace MirrorChain.CosmWasm;

/// <summary>A contract's own key space, read-only (queries).</summary>
public interface IReadOnlyContractStorage
{
    byte[]? Get(byte[] key);

    /// <summary>Entries with start ≤ key &lt; end (nulls = unbounded), ascending or descending, by key bytes.</summary>
    IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[]? start, byte[]? end, bool descending = false);
}
