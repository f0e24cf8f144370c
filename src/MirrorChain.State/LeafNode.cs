namespace MirrorChain.State;

/// <summary>A leaf: the raw application key and value (so any version can be read back), hashes computed on demand
/// (or given: <paramref name="keyHash"/> must be SHA256(key)).</summary>
internal sealed class LeafNode(byte[] key, byte[] value, byte[]? knownHash = null, byte[]? keyHash = null) : TreeNode
{
    private byte[]? _keyHash = keyHash;
    private byte[]? _valueHash;
    private byte[]? _hash = knownHash;

    public byte[] Key { get; } = key;

    public byte[] Value { get; } = value;

    public byte[] KeyHash => _keyHash ??= TreeHashing.Sha256(Key);

    public byte[] ValueHash => _valueHash ??= TreeHashing.Sha256(Value);

    public override byte[] Hash => _hash ??= TreeHashing.Leaf(KeyHash, ValueHash);
}
