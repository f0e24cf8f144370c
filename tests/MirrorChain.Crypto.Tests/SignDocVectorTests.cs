namespace MirrorChain.Crypto.Tests;

/// <summary>
/// A full SIGN_MODE_DIRECT signing vector made with cosmjs 0.38.1 (LocalTerra test1 key; deterministic RFC 6979
/// signature).
/// </summary>
public class SignDocVectorTests
{
    private const string BodyBytesHex =
        "0a91010a242f636f736d7761736d2e7761736d2e76312e4d736745786563757465436f6e747261637412690a2c74657272613178343672716179346433637373713867787876717a387874366e776c7a34746432306b333876122c74657272613178343672716179346433637373713867787876717a387874366e776c7a34746432306b3338761a0b7b2270696e67223a7b7d7d";

    private const string AuthInfoBytesHex =
        "0a500a460a1f2f636f736d6f732e63727970746f2e736563703235366b312e5075624b657912230a21023b33a8524344061b12364cba20fe0a1ab36d4486abf451bb7cebd11ea2241e5b12040a020801180312130a0d0a05756c756e6112043330303010c09a0c";

    private const string SignDocSha256Hex = "eec34edef5a76dcd6218f55d6fd5652473c1b5f9c0b0ecbfe1f9b98f400b6cdb";

    private const string SignatureHex =
        "b8d83109d2d79efebd80adb85e5f0565199581354330d0c16780a9922d54e48040e80d0a61f56e642d186a086ae40f7140d7d470be4a655cd5c393a82126df99";

    // s' = n - s of the signature above (computed by hand; cross-checked with BouncyCastle below)
    private const string HighSTwinHex =
        "b8d83109d2d79efebd80adb85e5f0565199581354330d0c16780a9922d54e480bf17f2f59e0a919bd2e795f7951bf08d79d70875f0fe3adeea0ecae4af0f61a8";

    private static byte[] SignDoc() =>
        Hex.Decode("0a9401" + BodyBytesHex + "1267" + AuthInfoBytesHex + "1a0d" + Hex.Lower("mirrorchain-1"u8) + "2007");

    private static byte[] Test1PubKey => Hex.Decode(TestAccounts.Test1PubKeyHex);

    [Fact]
    public void SignDocBytesHashAsSpecified()
    {
        var signDoc = SignDoc();

        Assert.Equal(148, Hex.Decode(BodyBytesHex).Length);
        Assert.Equal(103, Hex.Decode(AuthInfoBytesHex).Length);
        Assert.Equal(3 + 148 + 2 + 103 + 2 + 13 + 2, signDoc.Length);
        Assert.Equal(SignDocSha256Hex, Hex.Lower(SHA256.HashData(signDoc)));
    }

    [Fact]
    public void Test1SignsTheExactCosmjsSignature()
    {
        var key = PrivateKey.FromMnemonic(TestAccounts.Test1Mnemonic);

        Assert.Equal(SignatureHex, Hex.Lower(key.SignSha256(SignDoc())));
        Assert.Equal(SignatureHex, Hex.Lower(key.Sign(Hex.Decode(SignDocSha256Hex))));
        Assert.Equal(SignatureHex, Hex.Lower(Secp256k1.Sign(key.ExportSecret(), Hex.Decode(SignDocSha256Hex))));
    }

    [Fact]
    public void TxRawHashAsSpecified()
    {
        var txRaw = Hex.Decode("0a9401" + BodyBytesHex + "1267" + AuthInfoBytesHex + "1a40" + SignatureHex);

        Assert.Equal("05F8873646778475C894ABE4A542700C738DA7C2C3019DC9E3D8410086A77F2E", Hex.Upper(Hashing.TxHash(txRaw)));
    }

    [Fact]
    public void VerifyAcceptsTheVector()
    {
        Assert.True(Secp256k1.Verify(Test1PubKey, Hex.Decode(SignDocSha256Hex), Hex.Decode(SignatureHex)));
        Assert.True(BouncyCastleReference.Verify(Test1PubKey, Hex.Decode(SignDocSha256Hex), Hex.Decode(SignatureHex)));
    }

    [Fact]
    public void HighSTwinIsRejectedThoughMathematicallyValid()
    {
        var signature = Hex.Decode(SignatureHex);
        var s = new Org.BouncyCastle.Math.BigInteger(1, signature, 32, 32);
        var twin = signature[..32].Concat(BouncyCastleReference.ToBytes32(BouncyCastleReference.Order.Subtract(s))).ToArray();

        Assert.Equal(HighSTwinHex, Hex.Lower(twin));
        Assert.True(BouncyCastleReference.Verify(Test1PubKey, Hex.Decode(SignDocSha256Hex), twin));
        Assert.False(Secp256k1.Verify(Test1PubKey, Hex.Decode(SignDocSha256Hex), twin));
    }

    [Theory]
    [InlineData(0, 0x01)]
    [InlineData(0, 0x80)]
    [InlineData(31, 0x01)]
    public void FlippedBitInHashIsRejected(int index, int mask)
    {
        var hash = Hex.Decode(SignDocSha256Hex);
        hash[index] ^= (byte)mask;

        Assert.False(Secp256k1.Verify(Test1PubKey, hash, Hex.Decode(SignatureHex)));
    }

    [Theory]
    [InlineData(0, 0x01)]
    [InlineData(31, 0x80)]
    [InlineData(32, 0x02)]
    [InlineData(63, 0x01)]
    public void FlippedBitInSignatureIsRejected(int index, int mask)
    {
        var signature = Hex.Decode(SignatureHex);
        signature[index] ^= (byte)mask;

        Assert.False(Secp256k1.Verify(Test1PubKey, Hex.Decode(SignDocSha256Hex), signature));
    }

    [Fact]
    public void FlippedBitInPublicKeyIsRejected()
    {
        var pubkey = Test1PubKey;
        pubkey[0] = 0x03; // the point's negation: a valid key, but not the signer's

        Assert.True(Secp256k1.IsValidPublicKey(pubkey));
        Assert.False(Secp256k1.Verify(pubkey, Hex.Decode(SignDocSha256Hex), Hex.Decode(SignatureHex)));
    }

    [Fact]
    public void OtherAccountsKeyIsRejected()
    {
        var test2 = PrivateKey.FromMnemonic(TestAccounts.Test2Mnemonic);

        Assert.False(Secp256k1.Verify(test2.PublicKey, Hex.Decode(SignDocSha256Hex), Hex.Decode(SignatureHex)));
    }
}
