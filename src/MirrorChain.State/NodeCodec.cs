using System.Buffers.Binary;
using System.Numerics;

namespace MirrorChain.State;

/// <summary>
/// Storage encoding of tree nodes (stored under 0x02 ‖ node hash):
/// leaf = 0x00 ‖ u32 BE key length ‖ key ‖ value;
/// internal = 0x01 ‖ u16 BE child bitmap ‖ u16 BE leaf bitmap ‖ 32-byte child hashes in nibble order.
/// The leaf bitmap (which children are leaves) is storage-only: it is not part of the node hash.
/// </summary>
internal static class NodeCodec
{
    private const byte LeafTag = 0x00;
    private const byte InternalTag = 0x01;

    public static byte[] Encode(TreeNode node)
    {
        var bytes = new byte[EncodedLength(node)];
        EncodeTo(node, bytes);
        return bytes;
    }

    /// <summary>The length of <see cref="Encode"/>'s bytes for <paramref name="node"/>.</summary>
    public static int EncodedLength(TreeNode node) => node switch
    {
        LeafNode leaf => 5 + leaf.Key.Length + leaf.Value.Length,
        InternalNode inner => 5 + inner.ChildCount * TreeHashing.HashSize,
        _ => throw new ArgumentException($"unknown node type {node.GetType().Name}", nameof(node)),
    };

    /// <summary>Writes <see cref="Encode"/>'s bytes into the first <see cref="EncodedLength"/> bytes of <paramref name="destination"/>.</summary>
    public static void EncodeTo(TreeNode node, Span<byte> destination)
    {
        switch (node)
        {
            case LeafNode leaf:
                destination[0] = LeafTag;
                BinaryPrimitives.WriteUInt32BigEndian(destination[1..], (uint)leaf.Key.Length);
                leaf.Key.CopyTo(destination[5..]);
                leaf.Value.CopyTo(destination[(5 + leaf.Key.Length)..]);
                return;
            case InternalNode inner:
                destination[0] = InternalTag;
                BinaryPrimitives.WriteUInt16BigEndian(destination[1..], inner.ChildMask);
                BinaryPrimitives.WriteUInt16BigEndian(destination[3..], inner.LeafMask);
                var offset = 5;
                for (var n = 0; n < 16; n++)
                {
                    if (inner.Child(n) is { } child)
                    {
                        child.CopyTo(destination[offset..]);
                        offset += TreeHashing.HashSize;
                    }
                }
                return;
            default:
                throw new ArgumentException($"unknown node type {node.GetType().Name}", nameof(node));
        }
    }

    /// <summary>Decodes a stored node; <paramref name="hash"/> is the hash it was stored under.</summary>
    public static TreeNode Decode(byte[] hash, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            throw Corrupt(hash, "empty");
        }
        if (data[0] == LeafTag)
        {
            if (data.Length < 5)
            {
                throw Corrupt(hash, "truncated leaf");
            }
            var keyLength = BinaryPrimitives.ReadUInt32BigEndian(data[1..]);
            if (keyLength > (uint)(data.Length - 5))
            {
                throw Corrupt(hash, "leaf key length past the end");
            }
            var key = data.Slice(5, (int)keyLength).ToArray();
            var value = data[(5 + (int)keyLength)..].ToArray();
            return new LeafNode(key, value, hash);
        }
        if (data[0] == InternalTag)
        {
            if (data.Length < 5)
            {
                throw Corrupt(hash, "truncated internal node");
            }
            var childMask = BinaryPrimitives.ReadUInt16BigEndian(data[1..]);
            var leafMask = BinaryPrimitives.ReadUInt16BigEndian(data[3..]);
            if (childMask == 0 || (leafMask & ~childMask) != 0
                || data.Length != 5 + BitOperations.PopCount(childMask) * TreeHashing.HashSize)
            {
                throw Corrupt(hash, "bad internal node bitmaps or length");
            }
            var children = new NodeRef?[16];
            var offset = 5;
            for (var n = 0; n < 16; n++)
            {
                if ((childMask & (1 << n)) != 0)
                {
                    children[n] = new NodeRef(data.Slice(offset, TreeHashing.HashSize).ToArray(), (leafMask & (1 << n)) != 0);
                    offset += TreeHashing.HashSize;
                }
            }
            return new InternalNode(children, hash);
        }
        throw Corrupt(hash, $"unknown tag 0x{data[0]:x2}");
    }

    private static InvalidDataException Corrupt(byte[] hash, string what) =>
        new($"state tree node {Convert.ToHexStringLower(hash)} is corrupt: {what}");
}
