using System.Security.Cryptography;
using static MirrorChain.State.Tests.TestData;

namespace MirrorChain.State.Tests;

public sealed class MerkleProofTests
{
    private readonly MemoryNodeStore _nodes = new();
    private readonly MerkleTree _tree;
    private readonly SortedDictionary<byte[], byte[]> _state = RandomState(new Random(424242), 300);
    private readonly byte[] _root;

    public MerkleProofTests()
    {
        _tree = new MerkleTree(_nodes);
        _root = _nodes.Persist(_tree.Apply(MerkleTree.EmptyRoot, Puts(_state)));
    }

    // Absent keys whose proofs end the way asked (scanning "absent-0", "absent-1", ...).
    private IEnumerable<byte[]> AbsentKeys(bool emptySlot) =>
        Enumerable.Range(0, 10_000).Select(i => B($"absent-{i}")).Where(k => _tree.Prove(_root, k).EndsInEmptySlot == emptySlot);

    [Fact]
    public void Every_membership_proof_verifies_and_fails_for_another_value()
    {
        foreach (var (key, value) in _state)
        {
            var proof = _tree.Prove(_root, key, out var proven);
            Assert.Equal(value, proven);
            Assert.False(proof.EndsInEmptySlot);
            Assert.True(proof.Verify(_root, key, value));
            Assert.False(proof.Verify(_root, key, [.. value, 0x00]));
            Assert.False(proof.Verify(_root, key, null));
            Assert.False(proof.Verify(MerkleTree.EmptyRoot, key, value));
            Assert.True(MerkleProof.Verify(proof.ToBytes(), _root, key, value));
        }
    }

    [Fact]
    public void Non_membership_proof_ending_in_an_empty_slot_verifies()
    {
        var keys = AbsentKeys(emptySlot: true).Take(20).ToList();
        Assert.Equal(20, keys.Count);
        foreach (var key in keys)
        {
            var proof = _tree.Prove(_root, key, out var value);
            Assert.Null(value);
            Assert.Null(proof.LeafKeyHash);
            Assert.NotEmpty(proof.Levels);
            Assert.True(proof.Verify(_root, key, null));
            Assert.False(proof.Verify(_root, key, B("anything")));
            Assert.False(proof.Verify(_root, key, []));
        }
    }

    [Fact]
    public void Non_membership_proof_ending_in_a_different_leaf_verifies()
    {
        var keys = AbsentKeys(emptySlot: false).Take(20).ToList();
        Assert.Equal(20, keys.Count);
        foreach (var key in keys)
        {
            var proof = _tree.Prove(_root, key, out var value);
            Assert.Null(value);
            Assert.NotNull(proof.LeafKeyHash);
            Assert.NotEqual(SHA256.HashData(key), proof.LeafKeyHash);
            Assert.True(proof.Verify(_root, key, null));
            Assert.False(proof.Verify(_root, key, B("anything")));
        }
    }

    [Fact]
    public void Non_membership_proof_fails_once_the_key_is_present()
    {
        foreach (var emptySlot in new[] { true, false })
        {
            var key = AbsentKeys(emptySlot).First();
            var proof = _tree.Prove(_root, key);
            var newRoot = _nodes.Persist(_tree.Apply(_root, [new(key, B("now here"))]));
            Assert.False(proof.Verify(newRoot, key, null));
            Assert.False(proof.Verify(newRoot, key, B("now here")));
            Assert.True(_tree.Prove(newRoot, key).Verify(newRoot, key, B("now here")));
            Assert.False(_tree.Prove(newRoot, key).Verify(newRoot, key, null));
        }
    }

    [Fact]
    public void A_proof_for_one_key_does_not_prove_another()
    {
        var (k1, v1) = _state.First();
        var (k2, _) = _state.Last();
        var proof = _tree.Prove(_root, k1);
        Assert.False(proof.Verify(_root, k2, v1));
        Assert.False(proof.Verify(_root, k2, null));
        var absent = AbsentKeys(emptySlot: true).First();
        Assert.False(_tree.Prove(_root, absent).Verify(_root, k1, null));
    }

    [Fact]
    public void Proofs_in_the_empty_tree_and_a_single_leaf_tree()
    {
        var empty = _tree.Prove(MerkleTree.EmptyRoot, B("a"));
        Assert.True(empty.EndsInEmptySlot);
        Assert.Empty(empty.Levels);
        Assert.True(empty.Verify(MerkleTree.EmptyRoot, B("a"), null));
        Assert.False(empty.Verify(MerkleTree.EmptyRoot, B("a"), B("1")));
        Assert.False(empty.Verify(_root, B("a"), null));
        Assert.Equal(new byte[] { 0x01, 0x00, 0x00 }, empty.ToBytes());

        var single = _nodes.Persist(_tree.Apply(MerkleTree.EmptyRoot, [new(B("only"), B("1"))]));
        var member = _tree.Prove(single, B("only"));
        Assert.Empty(member.Levels);
        Assert.True(member.Verify(single, B("only"), B("1")));
        var other = _tree.Prove(single, B("other"));
        Assert.Empty(other.Levels);
        Assert.False(other.EndsInEmptySlot);
        Assert.True(other.Verify(single, B("other"), null));
        Assert.False(other.Verify(single, B("only"), null));
    }

    [Fact]
    public void Encoding_round_trips_exactly()
    {
        var keys = _state.Keys.Take(10).Concat(AbsentKeys(true).Take(5)).Concat(AbsentKeys(false).Take(5));
        foreach (var key in keys)
        {
            var proof = _tree.Prove(_root, key, out var value);
            var bytes = proof.ToBytes();
            var decoded = MerkleProof.FromBytes(bytes);
            Assert.Equal(bytes, decoded.ToBytes());
            Assert.True(decoded.Verify(_root, key, value));
            Assert.Equal(0x01, bytes[0]);
            Assert.Equal(proof.Levels.Count, bytes[1]);
            var expectedLength = 2 + proof.Levels.Sum(l => 3 + 32 * l.Siblings.Count) + (proof.EndsInEmptySlot ? 1 : 65);
            Assert.Equal(expectedLength, bytes.Length);
        }
    }

    [Fact]
    public void Every_single_bit_flip_of_an_encoded_proof_is_rejected()
    {
        var keys = new List<(byte[] Key, byte[]? Value)> { (_state.Keys.First(), _state.Values.First()) };
        keys.Add((AbsentKeys(true).First(), null));
        keys.Add((AbsentKeys(false).First(), null));
        foreach (var (key, value) in keys)
        {
            var bytes = _tree.Prove(_root, key).ToBytes();
            Assert.True(MerkleProof.Verify(bytes, _root, key, value));
            for (var i = 0; i < bytes.Length; i++)
            {
                foreach (var bit in new byte[] { 0x01, 0x80 })
                {
                    var tampered = (byte[])bytes.Clone();
                    tampered[i] ^= bit;
                    Assert.False(MerkleProof.Verify(tampered, _root, key, value), $"flip 0x{bit:x2} at byte {i} still verified");
                }
            }
            Assert.False(MerkleProof.Verify(bytes[..^1], _root, key, value));
            Assert.False(MerkleProof.Verify([.. bytes, 0x00], _root, key, value));
        }
    }

    [Fact]
    public void Structurally_tampered_proofs_fail()
    {
        var (key, value) = _state.First();
        var proof = _tree.Prove(_root, key);
        Assert.NotEmpty(proof.Levels);

        // Drop the top level, or add a bogus one.
        Assert.False(new MerkleProof(proof.Levels.Skip(1).ToList(), proof.LeafKeyHash, proof.LeafValueHash).Verify(_root, key, value));
        Assert.False(new MerkleProof([new ProofLevel(0xFFFF, Enumerable.Range(0, 15).Select(_ => new byte[32]).ToList()), .. proof.Levels],
            proof.LeafKeyHash, proof.LeafValueHash).Verify(_root, key, value));

        // Turn a membership proof into an empty-slot claim for the same key.
        Assert.False(new MerkleProof(proof.Levels, null, null).Verify(_root, key, null));

        // Swap two siblings of the top level.
        var top = proof.Levels[0];
        Assert.True(top.Siblings.Count >= 2);
        var swapped = top.Siblings.ToList();
        (swapped[0], swapped[1]) = (swapped[1], swapped[0]);
        Assert.False(new MerkleProof([top with { Siblings = swapped }, .. proof.Levels.Skip(1)], proof.LeafKeyHash, proof.LeafValueHash)
            .Verify(_root, key, value));
    }

    [Fact]
    public void Malformed_bytes_are_rejected()
    {
        Assert.Throws<FormatException>(() => MerkleProof.FromBytes([]));
        Assert.Throws<FormatException>(() => MerkleProof.FromBytes([0x02, 0x00, 0x00]));
        Assert.Throws<FormatException>(() => MerkleProof.FromBytes([0x01, 65, 0x00]));
        Assert.Throws<FormatException>(() => MerkleProof.FromBytes([0x01, 0x00, 0x02]));
        Assert.Throws<FormatException>(() => MerkleProof.FromBytes([0x01, 0x01, 0x00, 0x01, 17, 0x00]));
        Assert.False(MerkleProof.TryFromBytes([0x01, 0x00, 0x01], out _));
        Assert.Equal(MerkleProof.FromBytes([0x01, 0x00, 0x00]).ToBytes(), new byte[] { 0x01, 0x00, 0x00 });
    }
}
