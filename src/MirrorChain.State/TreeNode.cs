namespace MirrorChain.State;

/// <summary>A decoded, immutable node of the state tree, identified by its hash.</summary>
internal abstract class TreeNode
{
    public abstract byte[] Hash { get; }
}

/// <summary>A reference from a parent: the child's hash and whether it is a leaf.</summary>
internal readonly record struct NodeRef(byte[] Hash, bool IsLeaf);
