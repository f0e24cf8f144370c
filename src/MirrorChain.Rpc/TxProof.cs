using MirrorChain.Core;

namespace MirrorChain.Rpc;

/// <summary>
/// CometBFT's <c>types.TxProof</c>: the Merkle inclusion proof of one tx in its block's data hash, where the tree's
/// items are the tx hashes (SHA-256 of each tx) and the tree is RFC 6962 (<see cref="Hashing.MerkleRoot"/>).
/// <see cref="Aunts"/> run from the leaf's sibling up to the root's child.
/// </summary>
internal sealed record TxProof(byte[] RootHash, byte[] Tx, long Total, long Index, byte[] LeafHash, IReadOnlyList<byte[]> Aunts)
{
    public static TxProof Build(IReadOnlyList<byte[]> txs, int index)
    {
        ArgumentNullException.ThrowIfNull(txs);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, txs.Count);
        var items = txs.Select(t => Hashing.TxHash(t)).ToArray();
        var aunts = new List<byte[]>();
        var root = Walk(items, 0, items.Length, index, aunts);
        return new TxProof(root, txs[index], items.Length, index, HashLeaf(items[index]), aunts);
    }

    /// <summary>Returns the root of items[start..start+count) and, bottom-up, appends the aunts of <paramref name="index"/>.</summary>
    private static byte[] Walk(byte[][] items, int start, int count, int index, List<byte[]> aunts)
    {
        if (count == 1)
        {
            return HashLeaf(items[start]);
        }
        var split = 1;
        while (split * 2 < count)
        {
            split *= 2;
        }
        byte[] left;
        byte[] right;
        if (index < start + split)
        {
            left = Walk(items, start, split, index, aunts);
            right = Hashing.MerkleRoot(new ArraySegment<byte[]>(items, start + split, count - split));
            aunts.Add(right);
        }
        else
        {
            left = Hashing.MerkleRoot(new ArraySegment<byte[]>(items, start, split));
            right = Walk(items, start + split, count - split, index, aunts);
            aunts.Add(left);
        }
        var inner = new byte[1 + left.Length + right.Length];
        inner[0] = 1;
        left.CopyTo(inner, 1);
        right.CopyTo(inner, 1 + left.Length);
        return Hashing.Sha256(inner);
    }

    private static byte[] HashLeaf(byte[] item)
    {
        var leaf = new byte[item.Length + 1];
        item.CopyTo(leaf, 1);
        return Hashing.Sha256(leaf);
    }
}
