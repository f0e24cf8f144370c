using System.Security.Cryptography;

namespace MirrorChain.Core;

public static class Hashing
{
    public static byte[] Sha256(ReadOnlySpan<byte> data) => SHA256.HashData(data);

    public static void Sha256(ReadOnlySpan<byte> data, Span<byte> destination) => SHA256.HashData(data, destination);

    /// <summary>CometBFT's tx hash: SHA-256 of the exact tx bytes.</summary>
    public static byte[] TxHash(ReadOnlySpan<byte> txBytes) => SHA256.HashData(txBytes);

    /// <summary>
    /// RFC 6962 Merkle root as CometBFT computes it for block data: leaf = SHA-256(0x00 ‖ item),
    /// inner = SHA-256(0x01 ‖ left ‖ right), split at the largest power of two below n; empty = SHA-256("").
    /// </summary>
    public static byte[] MerkleRoot(IReadOnlyList<byte[]> items)
    {
        if (items.Count == 0)
        {
            return SHA256.HashData(ReadOnlySpan<byte>.Empty);
        }
        return Root(items, 0, items.Count);

        static byte[] Root(IReadOnlyList<byte[]> items, int start, int count)
        {
            if (count == 1)
            {
                var leaf = new byte[items[start].Length + 1];
                items[start].CopyTo(leaf, 1);
                return SHA256.HashData(leaf);
            }
            var split = 1;
            while (split * 2 < count)
            {
                split *= 2;
            }
            var left = Root(items, start, split);
            var right = Root(items, start + split, count - split);
            Span<byte> inner = stackalloc byte[65];
            inner[0] = 1;
            left.CopyTo(inner[1..]);
            right.CopyTo(inner[33..]);
            return SHA256.HashData(inner);
        }
    }
}
