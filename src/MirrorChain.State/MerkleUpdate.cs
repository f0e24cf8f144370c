namespace MirrorChain.State;

/// <summary>The result of <see cref="MerkleTree.Apply"/>: the new root and the nodes it needs that are not stored yet.</summary>
public sealed class MerkleUpdate
{
    internal MerkleUpdate(byte[] root, IReadOnlyList<TreeNode> nodes)
    {
        Root = root;
        Nodes = nodes;
        NewNodes = [.. nodes.Select(n => new KeyValuePair<byte[], byte[]>(n.Hash, NodeCodec.Encode(n)))];
    }

    public byte[] Root { get; }

    /// <summary>Node hash → encoded node, children before parents (deterministic order).</summary>
    public IReadOnlyList<KeyValuePair<byte[], byte[]>> NewNodes { get; }

    internal IReadOnlyList<TreeNode> Nodes { get; }
}
