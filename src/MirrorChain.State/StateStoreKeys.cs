using System.Buffers.Binary;

namespace MirrorChain.State;

/// <summary>
/// Where state lives in the shared key-value store (the node's block store uses prefixes ≥ 0x10):
/// <list type="bullet">
/// <item>0x01 ‖ app key → latest committed value (flat, for fast reads)</item>
/// <item>0x02 ‖ node hash (32) → encoded tree node</item>
/// <item>0x03 ‖ version (u64 big-endian) → root hash (32) of that version</item>
/// </list>
/// </summary>
public static class StateStoreKeys
{
    public const byte Flat = 0x01;
    public const byte Node = 0x02;
    public const byte Root = 0x03;

    public static byte[] FlatKey(ReadOnlySpan<byte> appKey) => Prefixed(Flat, appKey);

    public static byte[] NodeKey(ReadOnlySpan<byte> hash) => Prefixed(Node, hash);

    public static byte[] RootKey(long version)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        var key = new byte[9];
        key[0] = Root;
        BinaryPrimitives.WriteInt64BigEndian(key.AsSpan(1), version);
        return key;
    }

    public static long VersionOfRootKey(ReadOnlySpan<byte> key) =>
        key.Length == 9 && key[0] == Root
            ? BinaryPrimitives.ReadInt64BigEndian(key[1..])
            : throw new InvalidDataException("not a state root key");

    private static byte[] Prefixed(byte prefix, ReadOnlySpan<byte> rest)
    {
        var key = new byte[1 + rest.Length];
        key[0] = prefix;
        rest.CopyTo(key.AsSpan(1));
        return key;
    }
}
