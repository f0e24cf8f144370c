namespace MirrorChain.Execution.Tests;

internal sealed class EmptyReader : IStateReader
{
    public byte[]? Get(byte[] key) => null;

    public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start, byte[]? end, bool reverse = false) => [];
}
