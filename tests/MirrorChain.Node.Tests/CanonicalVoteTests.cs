using System.Security.Cryptography;
using NSec.Cryptography;

namespace MirrorChain.Node.Tests;

/// <summary>
/// The vote sign bytes against CometBFT's own golden vectors (cometbft types/vote_test.go
/// <c>TestVoteSignBytesTestVectors</c>, written out here byte for byte) and against a commit a real Tendermint node
/// signed (the kvstore fixture of informalsystems/tendermint-rs, rpc/tests/kvstore-fixtures/incoming
/// commit_at_height_10.json with the validator key of status.json).
/// </summary>
public sealed class CanonicalVoteTests
{
    // Go's zero time.Time (0001-01-01T00:00:00Z), what an empty Vote carries.
    private static readonly BlockTime GoZeroTime = new(-62135596800, 0);

    private static readonly byte[] ZeroTimestamp = [0x2a, 0xb, 0x8, 0x80, 0x92, 0xb8, 0xc3, 0x98, 0xfe, 0xff, 0xff, 0xff, 0x1];

    private static readonly byte[] TestChainId = [0x32, 0xd, 0x74, 0x65, 0x73, 0x74, 0x5f, 0x63, 0x68, 0x61, 0x69, 0x6e, 0x5f, 0x69, 0x64];

    private static byte[] Vote(string chainId, int type, long height, long round) =>
        CanonicalVote.SignBytes(chainId, type, height, round, [], 0, [], GoZeroTime);

    [Fact]
    public void Empty_vote_has_only_the_timestamp_as_in_CometBFT_vector_0()
    {
        Assert.Equal([0xd, .. ZeroTimestamp], Vote("", 0, 0, 0));
    }

    [Fact]
    public void Precommit_height_1_round_1_matches_CometBFT_vector_1()
    {
        byte[] want = [0x21, 0x8, 0x2, 0x11, 0x1, 0, 0, 0, 0, 0, 0, 0, 0x19, 0x1, 0, 0, 0, 0, 0, 0, 0, .. ZeroTimestamp];
        Assert.Equal(want, Vote("", CanonicalVote.Precommit, 1, 1));
    }

    [Fact]
    public void Prevote_height_1_round_1_matches_CometBFT_vector_2()
    {
        byte[] want = [0x21, 0x8, 0x1, 0x11, 0x1, 0, 0, 0, 0, 0, 0, 0, 0x19, 0x1, 0, 0, 0, 0, 0, 0, 0, .. ZeroTimestamp];
        Assert.Equal(want, Vote("", CanonicalVote.Prevote, 1, 1));
    }

    [Fact]
    public void Vote_without_type_matches_CometBFT_vector_3()
    {
        byte[] want = [0x1f, 0x11, 0x1, 0, 0, 0, 0, 0, 0, 0, 0x19, 0x1, 0, 0, 0, 0, 0, 0, 0, .. ZeroTimestamp];
        Assert.Equal(want, Vote("", 0, 1, 1));
    }

    [Fact]
    public void Chain_id_comes_last_as_in_CometBFT_vectors_4_and_5()
    {
        // Vector 5 is vector 4 with a vote extension, which the vote's sign bytes leave out: the same bytes.
        byte[] want = [0x2e, 0x11, 0x1, 0, 0, 0, 0, 0, 0, 0, 0x19, 0x1, 0, 0, 0, 0, 0, 0, 0, .. ZeroTimestamp, .. TestChainId];
        Assert.Equal(want, Vote("test_chain_id", 0, 1, 1));
    }

    [Fact]
    public void A_commit_signed_by_a_real_Tendermint_node_verifies_over_these_sign_bytes()
    {
        var pubKey = Convert.FromBase64String("pO++rte4ftM+95GJdenmIfDcolnDI5A0W0hVYuZCxYI=");
        var blockHash = Hex.Decode("0E0A6882AD8F04563872DCDF905235AB28D7973D046B6576E20AABBD4166DAF0");
        var partsHash = Hex.Decode("3496F7085FDA79F11FD11970E65925E75993266FC185925FD6E24492A4B37D29");
        var signature = Convert.FromBase64String("YIEe+RXT3RIi+tq0H8gbQ98rqG2eyEp/P3Sprh+25K6ldkxO2u8L/wsZlB93hKmdpjZquQwEcRuJAhgxwqGyAw==");
        var timestamp = BlockTime.ParseRfc3339("2020-12-21T04:42:18.5884619Z");
        Assert.Equal("0D8C70F6BFD590C9A8F74648204CF3A5E86F51E3", Hex.Upper(SHA256.HashData(pubKey)[..20])); // the commit's validator_address

        var signBytes = CanonicalVote.SignBytes("dockerchain", CanonicalVote.Precommit, 10, 0, blockHash, 1, partsHash, timestamp);

        Assert.True(Verify(pubKey, signBytes, signature));
        Assert.False(Verify(pubKey, CanonicalVote.SignBytes("dockerchain", CanonicalVote.Precommit, 11, 0, blockHash, 1, partsHash, timestamp), signature));
        Assert.False(Verify(pubKey, CanonicalVote.SignBytes("dockerchain", CanonicalVote.Precommit, 10, 0, blockHash, 1, partsHash, timestamp.AddNanoseconds(100)), signature));
    }

    [Fact]
    public void Precommit_of_a_block_signs_the_block_id_the_rpc_serves()
    {
        var hash = SHA256.HashData("block"u8);
        var time = BlockTime.ParseRfc3339("2026-02-01T10:00:00.5Z");
        Assert.Equal(CanonicalVote.SignBytes("c", CanonicalVote.Precommit, 7, 0, hash, 1, hash, time), CanonicalVote.PrecommitSignBytes("c", 7, hash, time));
    }

    internal static bool Verify(byte[] publicKey, byte[] message, byte[] signature) =>
        PublicKey.TryImport(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var key)
        && SignatureAlgorithm.Ed25519.Verify(key!, message, signature);
}
