using System.Security.Cryptography;
using MirrorChain.Crypto;

namespace MirrorChain.Node.Tests;

public sealed class SignedBlockTests : IDisposable
{
    private static readonly BlockTime T0 = BlockTime.ParseRfc3339("2026-02-01T10:00:00.123456789Z");

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mc-signed-" + Guid.NewGuid().ToString("N"));
    private readonly Ed25519Key _key = Ed25519Key.FromSeed(SHA256.HashData("signed block tests"u8));

    public void Dispose()
    {
        _key.Dispose();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    internal static GenesisDoc Ed25519Genesis(byte[] publicKey, string? address = null) => GenesisDoc.Parse(TestGenesis.Json
        .Replace("6E32820F36FAE0E6108F3134523506994C734542", address ?? Hex.Upper(SHA256.HashData(publicKey)[..20]), StringComparison.Ordinal)
        .Replace("tendermint/PubKeySecp256k1", "tendermint/PubKeyEd25519", StringComparison.Ordinal)
        .Replace("A9LqkwtSMP8rSYaqfSU3v2I1Ml1UR6kvFu/qcpgd4+tP", Convert.ToBase64String(publicKey), StringComparison.Ordinal));

    private NodeOptions Signing => new() { BlockSigner = new BlockSigner(_key) };

    private static bool Verifies(GenesisDoc genesis, Block block, BlockSignature s) =>
        CanonicalVoteTests.Verify(genesis.Validators[0].PubKey,
            CanonicalVote.SignBytes(genesis.ChainId, CanonicalVote.Precommit, block.Header.Height, 0, block.Hash, 1, block.Hash, s.Timestamp), s.Signature);

    [Fact]
    public void Produced_blocks_store_a_precommit_signature_that_verifies_with_the_genesis_validator_key()
    {
        var genesis = Ed25519Genesis(_key.PublicKey);
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, genesis, new KvTestApplication(), Signing);
        Assert.Equal(0u, node.SubmitTx("a=1"u8.ToArray()).Code);
        var (b1, _) = node.ProduceBlock(T0);
        var (b2, _) = node.ProduceBlock(T0.AddNanoseconds(1_000_000_000));

        foreach (var block in new[] { b1, b2 })
        {
            var s = node.Blocks.GetSignature(block.Header.Height)!;
            Assert.Equal(genesis.Validators[0].Address, s.ValidatorAddress);
            Assert.Equal(block.Header.Time, s.Timestamp);
            Assert.Equal(64, s.Signature.Length);
            Assert.True(Verifies(genesis, block, s));
        }
        var first = node.Blocks.GetSignature(1)!;
        Assert.False(Verifies(genesis, b2, first)); // a signature is for its own height and block only
    }

    [Fact]
    public void Signatures_survive_a_restart_and_new_blocks_are_signed_after_it()
    {
        var genesis = Ed25519Genesis(_key.PublicKey);
        byte[] firstSignature;
        using (var db = RocksDbStore.Open(_dir))
        using (var node = ChainNode.Open(db, genesis, new KvTestApplication(), Signing))
        {
            node.ProduceBlock(T0);
            firstSignature = node.Blocks.GetSignature(1)!.Signature;
        }
        using (var db = RocksDbStore.Open(_dir))
        using (var node = ChainNode.Open(db, genesis, new KvTestApplication(), Signing))
        {
            Assert.Equal(firstSignature, node.Blocks.GetSignature(1)!.Signature);
            var (b2, _) = node.ProduceBlock(T0.AddNanoseconds(1_000_000_000));
            Assert.True(Verifies(genesis, b2, node.Blocks.GetSignature(2)!));
            Assert.True(Verifies(genesis, node.Blocks.GetBlock(1)!, node.Blocks.GetSignature(1)!));
        }
    }

    [Fact]
    public void Signing_changes_no_block_hash_app_hash_or_result()
    {
        var genesis = Ed25519Genesis(_key.PublicKey);
        using var signedDb = new MemoryKeyValueStore();
        using var unsignedDb = new MemoryKeyValueStore();
        using var signed = ChainNode.Open(signedDb, genesis, new KvTestApplication(), Signing);
        using var unsigned = ChainNode.Open(unsignedDb, genesis, new KvTestApplication());
        foreach (var node in new[] { signed, unsigned })
        {
            Assert.Equal(0u, node.SubmitTx("k=v"u8.ToArray()).Code);
            node.ProduceBlock(T0);
            node.ProduceBlock(T0.AddNanoseconds(1_000_000_000));
        }
        Assert.Equal(unsigned.LatestAppHash, signed.LatestAppHash);
        Assert.Equal(unsigned.LatestBlock!.Hash, signed.LatestBlock!.Hash);
        Assert.Null(unsigned.Blocks.GetSignature(1));
        Assert.NotNull(signed.Blocks.GetSignature(1));
    }

    [Fact]
    public void A_validator_key_that_is_not_the_genesis_validator_is_refused()
    {
        using var other = Ed25519Key.FromSeed(SHA256.HashData("another key"u8));
        using var db = new MemoryKeyValueStore();
        var e = Assert.Throws<InvalidOperationException>(() =>
            ChainNode.Open(db, Ed25519Genesis(other.PublicKey), new KvTestApplication(), Signing));
        Assert.Contains("is not the genesis validator's", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secp256k1_genesis_validator_cannot_take_a_signing_key_but_runs_unsigned()
    {
        using var db = new MemoryKeyValueStore();
        var e = Assert.Throws<InvalidOperationException>(() => ChainNode.Open(db, TestGenesis.Doc, new KvTestApplication(), Signing));
        Assert.Contains("tendermint/PubKeySecp256k1", e.Message, StringComparison.Ordinal);

        using var unsignedDb = new MemoryKeyValueStore();
        using var node = ChainNode.Open(unsignedDb, TestGenesis.Doc, new KvTestApplication());
        node.ProduceBlock(T0);
        Assert.Null(node.Blocks.GetSignature(1));
    }

    [Fact]
    public void Signing_refuses_a_genesis_whose_validator_address_is_not_its_keys()
    {
        using var db = new MemoryKeyValueStore();
        var genesis = Ed25519Genesis(_key.PublicKey, address: "6E32820F36FAE0E6108F3134523506994C734542");
        var e = Assert.Throws<InvalidOperationException>(() => ChainNode.Open(db, genesis, new KvTestApplication(), Signing));
        Assert.Contains("first 20 bytes of SHA-256", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stored_signature_round_trips_and_garbage_is_refused()
    {
        var s = new BlockSignature([1, 2, 3], new BlockTime(1_700_000_000, 42), [9, 8, 7, 6]);
        var back = BlockSignature.Decode(s.Encode());
        Assert.Equal(s.ValidatorAddress, back.ValidatorAddress);
        Assert.Equal(s.Timestamp, back.Timestamp);
        Assert.Equal(s.Signature, back.Signature);
        Assert.Throws<InvalidDataException>(() => BlockSignature.Decode(s.Encode()[..^1]));
        Assert.Throws<InvalidDataException>(() => BlockSignature.Decode([2, .. s.Encode()[1..]]));
    }
}
