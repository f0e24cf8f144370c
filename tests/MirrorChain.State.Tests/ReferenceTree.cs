using System.Security.Cryptography;

namespace MirrorChain.State.Tests;

/// <summary>
/// An independent, from-scratch statement of the tree's root rule, used as the oracle for the incremental tree:
/// the node at a path prefix is nothing (0 keys), the leaf (1 key) or an internal node over its 16 sub-prefixes.
/// </summary>
internal static class ReferenceTree
{
    /// <summary>Applies <paramref name="changes"/> (null = delete) to the plain <paramref name="model"/>; its root after.</summary>
    public static byte[] ApplyAndRoot(IDictionary<byte[], byte[]> model, IEnumerable<KeyValuePair<byte[], byte[]?>> changes)
    {
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                model.Remove(key);
            }
            else
            {
                model[key] = value;
            }
        }
        return Root(model);
    }

    public static byte[] Root(IEnumerable<KeyValuePair<byte[], byte[]>> state)
    {
        var leaves = state
            .Select(e => (Path: SHA256.HashData(e.Key), Hash: LeafHash(e.Key, e.Value)))
            .OrderBy(l => Convert.ToHexString(l.Path), StringComparer.Ordinal)
            .ToList();
        return Node(leaves, 0) ?? new byte[32];
    }

    public static byte[] LeafHash(byte[] key, byte[] value) =>
        SHA256.HashData([0x00, .. SHA256.HashData(key), .. SHA256.HashData(value)]);

    public static byte[] InternalHash(params (int Nibble, byte[] Hash)[] children)
    {
        var mask = children.Aggregate(0, (m, c) => m | (1 << c.Nibble));
        var body = children.OrderBy(c => c.Nibble).SelectMany(c => c.Hash);
        return SHA256.HashData([0x01, (byte)(mask >> 8), (byte)mask, .. body]);
    }

    public static int Nibble(byte[] path, int index) => index % 2 == 0 ? path[index / 2] >> 4 : path[index / 2] & 15;

    private static byte[]? Node(List<(byte[] Path, byte[] Hash)> leaves, int depth)
    {
        if (leaves.Count == 0)
        {
            return null;
        }
        if (leaves.Count == 1)
        {
            return leaves[0].Hash;
        }
        var children = leaves
            .GroupBy(l => Nibble(l.Path, depth))
            .Select(g => (Nibble: g.Key, Hash: Node([.. g], depth + 1)!))
            .ToArray();
        return InternalHash(children);
    }
}
