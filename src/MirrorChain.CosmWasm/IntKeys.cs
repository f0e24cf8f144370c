using System.Buffers.Binary;

namespace MirrorChain.CosmWasm;

/// <summary>
/// Integer storage keys as cw-storage-plus encodes them (<c>U64Key</c>, <c>u64::to_be_bytes</c>): big-endian, so
/// key-byte order is numeric order and ranges iterate by number.
/// </summary>
public static class IntKeys
{
    public static byte[] U64(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return bytes;
    }
}
