namespace MirrorChain.Crypto.Tests;

/// <summary>Ed25519 through NSec against RFC 8032's test vectors, and CometBFT's 64-byte private key form.</summary>
public sealed class Ed25519KeyTests
{
    // RFC 8032 section 7.1, TEST 1 (empty message) and TEST 2 (one byte 0x72).
    private const string Seed1 = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private const string Public1 = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private const string Signature1 = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
    private const string Seed2 = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";
    private const string Signature2 = "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";

    [Fact]
    public void Rfc8032_test_1_gives_the_published_public_key_and_signature()
    {
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(Seed1));
        Assert.Equal(Public1, Convert.ToHexStringLower(key.PublicKey));
        Assert.Equal(Signature1, Convert.ToHexStringLower(key.Sign([])));
        Assert.True(Ed25519Key.Verify(key.PublicKey, [], Convert.FromHexString(Signature1)));
    }

    [Fact]
    public void Rfc8032_test_2_signature_verifies_and_a_changed_message_does_not()
    {
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(Seed2));
        var signature = key.Sign([0x72]);
        Assert.Equal(Signature2, Convert.ToHexStringLower(signature));
        Assert.True(Ed25519Key.Verify(key.PublicKey, [0x72], signature));
        Assert.False(Ed25519Key.Verify(key.PublicKey, [0x73], signature));
        Assert.False(Ed25519Key.Verify(key.PublicKey, [0x72], signature[..63]));
    }

    [Fact]
    public void CometBft_private_key_is_seed_then_public_key_and_round_trips()
    {
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(Seed1));
        var cometPrivate = key.CometBftPrivateKey();
        Assert.Equal(Seed1 + Public1, Convert.ToHexStringLower(cometPrivate));
        using var back = Ed25519Key.FromCometBftPrivateKey(cometPrivate);
        Assert.Equal(key.PublicKey, back.PublicKey);
        cometPrivate[^1] ^= 1;
        Assert.Throws<ArgumentException>(() => Ed25519Key.FromCometBftPrivateKey(cometPrivate));
    }

    [Fact]
    public void Address_is_the_first_20_bytes_of_sha256_of_the_public_key()
    {
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(Seed1));
        var expected = System.Security.Cryptography.SHA256.HashData(Convert.FromHexString(Public1))[..20];
        Assert.Equal(expected, key.Address);
        Assert.Equal(20, key.Address.Length);
    }

    [Fact]
    public void Generated_keys_differ_and_sign_verifiably()
    {
        using var a = Ed25519Key.Generate();
        using var b = Ed25519Key.Generate();
        Assert.NotEqual(a.PublicKey, b.PublicKey);
        Assert.True(Ed25519Key.Verify(a.PublicKey, "vote"u8, a.Sign("vote"u8)));
        Assert.False(Ed25519Key.Verify(b.PublicKey, "vote"u8, a.Sign("vote"u8)));
    }
}
