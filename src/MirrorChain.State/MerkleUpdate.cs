namespace MirrorChain.State;

/// <summary>The result of <see cref="MerkleTree.Apply(byte[], IReadOnlyList{KeyValuePair{byte[], byte[]}})"/>: the new root and the nodes it needs that are not stored yet.</summary>
public sealed class MerkleUpdate
{
    internal MerkleUpdate(byte[] root, IReadOnlyList<TreeNode> nodes, IReadOnlyList<int> depths, IReadOnlyList<byte[]> replaced)
    {
        Root = root;
        Nodes = nodes;
        Depths = depths;
        Replaced = replaced;
    }

    public byte[] Root { get; }

    /// <summary>Node hash → encoded node, children before parents (deterministic order).</summary>
    /// <remarks>Encoded on first use; <see cref="StateDb"/> writes <see cref="Nodes"/> into its batch directly.</remarks>
    public IReadOnlyList<KeyValuePair<byte[], byte[]>> NewNodes =>
        field ??= [.. Nodes.Select(n => new KeyValuePair<byte[], byte[]>(n.Hash, NodeCodec.Encode(n)))];

    internal IReadOnlyList<TreeNode> Nodes { get; }

    /// <summary>The depth (path length) of each of <see cref="Nodes"/>.</summary>
    internal IReadOnlyList<int> Depths { get; }

    /// <summary>Hashes of stored nodes that the new root no longer reaches through the changed paths.</summary>
    internal IReadOnlyList<byte[]> Replaced { get; }
}
