using System.Security.Cryptography;

namespace MirrorChain.State;

/// <summary>A leaf: the raw application key and value (so any version can be read back), hashes computed on demand.</summary>
internal sealed class LeafNode(byte[] key, byte[] value, byte[]? knownHash = null) : TreeNode
{
    private byte[]? _keyHash;
    private byte[]? _valueHash;
    private byte[]? _hash = knownHash;

    public byte[] Key { get; } = key;

    public byte[] Value { get; } = value;

    public byte[] KeyHash => _keyHash ??= SHA256.HashData(Key);

    public byte[] ValueHash => _valueHash ??= SHA256.HashData(Value);

    public override byte[] Hash => _hash ??= TreeHashing.Leaf(KeyHash, ValueHash);
}
