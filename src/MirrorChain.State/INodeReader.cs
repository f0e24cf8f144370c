namespace MirrorChain.State;

/// <summary>Where <see cref="MerkleTree"/> finds stored nodes: node hash → encoded node, null if absent.</summary>
public interface INodeReader
{
    byte[]? ReadNode(byte[] hash);
}
