using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace MirrorChain.State;

/// <summary>
/// A proof that a key has a value (membership) or no value (non-membership) in the tree with a given root.
/// <para>
/// <see cref="Levels"/> are the internal nodes on the key's path from the root down (level i sits at nibble i
/// of SHA256(key)). The path ends in either a leaf (<see cref="LeafKeyHash"/>, <see cref="LeafValueHash"/>) —
/// the key's own leaf for membership, or a different key's leaf occupying the key's slot for non-membership —
/// or an empty slot (no leaf fields): the last level has no child at the key's nibble, or the tree is empty.
/// </para>
/// <para>
/// Binary encoding (<see cref="ToBytes"/>, abci_query proof op type <see cref="OpType"/>):
/// <c>0x01</c> (format) ‖ u8 level count (≤ 64) ‖ per level: u16 BE child bitmap ‖ u8 sibling count ‖ 32-byte
/// siblings ‖ terminal: <c>0x00</c> (empty slot) or <c>0x01</c> ‖ 32-byte leaf key hash ‖ 32-byte leaf value hash.
/// Decoding is strict (no trailing bytes), so an encoding is canonical.
/// </para>
/// </summary>
public sealed class MerkleProof
{
    public const string OpType = "mirrorchain:jmt";

    private const byte Format = 0x01;
    private const int HashSize = TreeHashing.HashSize;

    public MerkleProof(IReadOnlyList<ProofLevel> levels, byte[]? leafKeyHash, byte[]? leafValueHash)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (levels.Count > Nibbles.PerHash)
        {
            throw new ArgumentException($"a proof has at most {Nibbles.PerHash} levels", nameof(levels));
        }
        if ((leafKeyHash is null) != (leafValueHash is null)
            || leafKeyHash is { Length: not HashSize } || leafValueHash is { Length: not HashSize })
        {
            throw new ArgumentException("a terminal leaf needs both a 32-byte key hash and a 32-byte value hash");
        }
        foreach (var level in levels)
        {
            if (level.Siblings.Count > 16 || level.Siblings.Any(s => s is not { Length: HashSize }))
            {
                throw new ArgumentException("a proof level has at most 16 siblings of 32 bytes each", nameof(levels));
            }
        }
        Levels = levels;
        LeafKeyHash = leafKeyHash;
        LeafValueHash = leafValueHash;
    }

    public IReadOnlyList<ProofLevel> Levels { get; }

    /// <summary>SHA256 of the key of the leaf ending the path; null when the path ends in an empty slot.</summary>
    public byte[]? LeafKeyHash { get; }

    /// <summary>SHA256 of the value of the leaf ending the path; null when the path ends in an empty slot.</summary>
    public byte[]? LeafValueHash { get; }

    public bool EndsInEmptySlot => LeafKeyHash is null;

    /// <summary>
    /// True if this proves that <paramref name="key"/> has <paramref name="value"/> (or, for a null value, is
    /// absent) in the tree whose root is <paramref name="root"/>.
    /// </summary>
    public bool Verify(byte[] root, byte[] key, byte[]? value)
    {
        if (root is not { Length: HashSize } || key is null)
        {
            return false;
        }
        var keyHash = SHA256.HashData(key);
        byte[]? current;
        if (LeafKeyHash is null || LeafValueHash is null)
        {
            if (value is not null)
            {
                return false;
            }
            current = null;
        }
        else
        {
            var sameKey = LeafKeyHash.AsSpan().SequenceEqual(keyHash);
            if (value is not null)
            {
                if (!sameKey || !LeafValueHash.AsSpan().SequenceEqual(SHA256.HashData(value)))
                {
                    return false;
                }
            }
            else if (sameKey || !Nibbles.SharePrefix(LeafKeyHash, keyHash, Levels.Count))
            {
                return false;
            }
            current = TreeHashing.Leaf(LeafKeyHash, LeafValueHash);
        }

        var children = new byte[]?[16];
        for (var depth = Levels.Count - 1; depth >= 0; depth--)
        {
            var level = Levels[depth];
            var nibble = Nibbles.At(keyHash, depth);
            var onPath = (level.ChildMask & (1 << nibble)) != 0;
            // Only the deepest level may lack the path child (an empty slot); above it the path child is the node below.
            if (onPath != current is not null
                || level.Siblings.Count != BitOperations.PopCount(level.ChildMask) - (onPath ? 1 : 0)
                || level.ChildMask == 0)
            {
                return false;
            }
            var next = 0;
            for (var n = 0; n < 16; n++)
            {
                children[n] = n == nibble ? current
                    : (level.ChildMask & (1 << n)) != 0 ? level.Siblings[next++]
                    : null;
            }
            current = TreeHashing.Internal(children);
        }
        return current is null ? MerkleTree.IsEmptyRoot(root) : current.AsSpan().SequenceEqual(root);
    }

    /// <summary>Decodes <paramref name="proof"/> and verifies it; false for malformed bytes.</summary>
    public static bool Verify(ReadOnlySpan<byte> proof, byte[] root, byte[] key, byte[]? value) =>
        TryFromBytes(proof, out var decoded) && decoded.Verify(root, key, value);

    public byte[] ToBytes()
    {
        var size = 2 + Levels.Sum(l => 3 + l.Siblings.Count * HashSize) + 1 + (EndsInEmptySlot ? 0 : 2 * HashSize);
        var bytes = new byte[size];
        bytes[0] = Format;
        bytes[1] = (byte)Levels.Count;
        var offset = 2;
        foreach (var level in Levels)
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(offset), level.ChildMask);
            bytes[offset + 2] = (byte)level.Siblings.Count;
            offset += 3;
            foreach (var sibling in level.Siblings)
            {
                sibling.CopyTo(bytes, offset);
                offset += HashSize;
            }
        }
        if (LeafKeyHash is null || LeafValueHash is null)
        {
            bytes[offset] = 0x00;
        }
        else
        {
            bytes[offset] = 0x01;
            LeafKeyHash.CopyTo(bytes, offset + 1);
            LeafValueHash.CopyTo(bytes, offset + 1 + HashSize);
        }
        return bytes;
    }

    /// <summary>Decodes <see cref="ToBytes"/> output; throws <see cref="FormatException"/> if malformed.</summary>
    public static MerkleProof FromBytes(ReadOnlySpan<byte> bytes) =>
        TryFromBytes(bytes, out var proof) ? proof : throw new FormatException("malformed mirrorchain:jmt proof");

    public static bool TryFromBytes(ReadOnlySpan<byte> bytes, out MerkleProof proof)
    {
        proof = null!;
        if (bytes.Length < 3 || bytes[0] != Format || bytes[1] > Nibbles.PerHash)
        {
            return false;
        }
        var levels = new ProofLevel[bytes[1]];
        var offset = 2;
        for (var i = 0; i < levels.Length; i++)
        {
            if (bytes.Length - offset < 3)
            {
                return false;
            }
            var mask = BinaryPrimitives.ReadUInt16BigEndian(bytes[offset..]);
            int count = bytes[offset + 2];
            offset += 3;
            if (count > 16 || bytes.Length - offset < count * HashSize)
            {
                return false;
            }
            var siblings = new byte[count][];
            for (var s = 0; s < count; s++)
            {
                siblings[s] = bytes.Slice(offset, HashSize).ToArray();
                offset += HashSize;
            }
            levels[i] = new ProofLevel(mask, siblings);
        }
        var rest = bytes[offset..];
        if (rest.Length == 1 && rest[0] == 0x00)
        {
            proof = new MerkleProof(levels, null, null);
            return true;
        }
        if (rest.Length == 1 + 2 * HashSize && rest[0] == 0x01)
        {
            proof = new MerkleProof(levels, rest.Slice(1, HashSize).ToArray(), rest.Slice(1 + HashSize, HashSize).ToArray());
            return true;
        }
        return false;
    }
}
