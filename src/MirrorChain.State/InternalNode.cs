using System.Numerics;

namespace MirrorChain.State;

/// <summary>An internal node: up to 16 children by nibble, with the set of those that are leaves.</summary>
internal sealed class InternalNode : TreeNode
{
    private readonly byte[]?[] _children;

    /// <summary>A node from 16 child slots (null = empty); computes its hash.</summary>
    public InternalNode(ReadOnlySpan<NodeRef?> children, byte[]? knownHash = null)
    {
        _children = new byte[]?[16];
        for (var n = 0; n < 16; n++)
        {
            if (children[n] is { } child)
            {
                _children[n] = child.Hash;
                ChildMask |= (ushort)(1 << n);
                if (child.IsLeaf)
                {
                    LeafMask |= (ushort)(1 << n);
                }
            }
        }
        Hash = knownHash ?? TreeHashing.Internal(_children);
    }

    public ushort ChildMask { get; }

    public ushort LeafMask { get; }

    public int ChildCount => BitOperations.PopCount(ChildMask);

    public override byte[] Hash { get; }

    public byte[]? Child(int nibble) => _children[nibble];

    public NodeRef? ChildRef(int nibble) =>
        _children[nibble] is { } hash ? new NodeRef(hash, (LeafMask & (1 << nibble)) != 0) : null;

    public NodeRef?[] ChildRefs()
    {
        var refs = new NodeRef?[16];
        for (var n = 0; n < 16; n++)
        {
            refs[n] = ChildRef(n);
        }
        return refs;
    }
}
