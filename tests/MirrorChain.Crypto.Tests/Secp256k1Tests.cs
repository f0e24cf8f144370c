namespace MirrorChain.Crypto.Tests;

public class Secp256k1Tests
{
    private const string OrderHex = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
    private const string OrderMinusOneHex = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140";
    private const string GeneratorCompressedHex = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";

    private static byte[] Scalar(int value)
    {
        var bytes = new byte[32];
        bytes[31] = (byte)value;
        return bytes;
    }

    private static byte[] ValidHash => SHA256.HashData("abc"u8);

    [Theory]
    [InlineData(1, GeneratorCompressedHex)]
    [InlineData(2, "02c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5")]
    [InlineData(3, "02f9308a019258c31049344f85f89d5229b531c845836f99b08601f113bce036f9")]
    public void PublicKeysOfSmallScalars(int scalar, string expectedHex)
    {
        var pubkey = Secp256k1.GetPublicKey(Scalar(scalar));

        Assert.Equal(expectedHex, Hex.Lower(pubkey));
        Assert.Equal(expectedHex, Hex.Lower(BouncyCastleReference.PublicKey(Scalar(scalar))));
    }

    [Fact]
    public void PublicKeyOfOrderMinusOneIsNegatedGenerator()
    {
        var pubkey = Secp256k1.GetPublicKey(Hex.Decode(OrderMinusOneHex));

        Assert.Equal("0379be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798", Hex.Lower(pubkey));
    }

    [Fact]
    public void DecompressGenerator()
    {
        var uncompressed = Secp256k1.DecompressPublicKey(Hex.Decode(GeneratorCompressedHex));

        Assert.Equal(
            "0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8",
            Hex.Lower(uncompressed));
    }

    [Fact]
    public void DecompressTest1MatchesBouncyCastle()
    {
        var secret = PrivateKey.FromMnemonic(TestAccounts.Test1Mnemonic).ExportSecret();

        Assert.Equal(
            Hex.Lower(BouncyCastleReference.PublicKey(secret, compressed: false)),
            Hex.Lower(Secp256k1.DecompressPublicKey(Hex.Decode(TestAccounts.Test1PubKeyHex))));
    }

    [Fact]
    public void DecompressRejectsGarbage()
    {
        Assert.Throws<ArgumentException>(() => Secp256k1.DecompressPublicKey(new byte[33]));
        Assert.Throws<ArgumentException>(() => Secp256k1.DecompressPublicKey([]));
    }

    [Fact]
    public void RfcNonceVectorForKeyOne()
    {
        // priv = 1, hash = SHA-256("Satoshi Nakamoto"): the widely used RFC 6979 secp256k1 vector
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes("Satoshi Nakamoto"));
        var signature = Secp256k1.Sign(Scalar(1), hash);

        Assert.Equal("a0dc65ffca799873cbea0ac274015b9526505daaaed385155425f7337704883e", Hex.Lower(hash));
        Assert.Equal(
            "934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d82442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5",
            Hex.Lower(signature));
        Assert.True(Secp256k1.Verify(Hex.Decode(GeneratorCompressedHex), hash, signature));
    }

    [Fact]
    public void SigningIsDeterministicAndLowSAndCrossVerifies()
    {
        var half = BouncyCastleReference.Order.ShiftRight(1);
        for (var k = 1; k <= 40; k++)
        {
            var secret = SHA256.HashData(BitConverter.GetBytes(k));
            var hash = SHA256.HashData(BitConverter.GetBytes(-k));
            var pubkey = Secp256k1.GetPublicKey(secret);

            var first = Secp256k1.Sign(secret, hash);
            var second = Secp256k1.Sign(secret, hash);

            Assert.Equal(Hex.Lower(first), Hex.Lower(second));
            Assert.True(new Org.BouncyCastle.Math.BigInteger(1, first, 32, 32).CompareTo(half) <= 0);
            Assert.Equal(Hex.Lower(BouncyCastleReference.PublicKey(secret)), Hex.Lower(pubkey));
            Assert.True(BouncyCastleReference.Verify(pubkey, hash, first));
            Assert.True(Secp256k1.Verify(pubkey, hash, first));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("00")]
    [InlineData("000000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("02ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("020000000000000000000000000000000000000000000000000000000000000005")]
    [InlineData("030000000000000000000000000000000000000000000000000000000000000007")]
    [InlineData("0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798")]
    [InlineData("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f817")]
    [InlineData("0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8")]
    public void GarbagePublicKeyIsRejectedWithoutThrowing(string pubkeyHex)
    {
        var hash = SHA256.HashData("Satoshi Nakamoto"u8);
        var signature = Secp256k1.Sign(Scalar(1), hash);

        Assert.False(Secp256k1.IsValidPublicKey(Hex.Decode(pubkeyHex)));
        Assert.False(Secp256k1.Verify(Hex.Decode(pubkeyHex), hash, signature));
    }

    [Theory]
    [InlineData("")]
    [InlineData("00")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000" + "0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000001" + "0000000000000000000000000000000000000000000000000000000000000001")]
    [InlineData(OrderHex + "0000000000000000000000000000000000000000000000000000000000000001")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000001" + OrderHex)]
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff" + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    public void GarbageSignatureIsRejectedWithoutThrowing(string signatureHex)
    {
        Assert.False(Secp256k1.Verify(Hex.Decode(GeneratorCompressedHex), ValidHash, Hex.Decode(signatureHex)));
    }

    [Fact]
    public void WrongHashLengthIsRejectedWithoutThrowing()
    {
        var signature = Secp256k1.Sign(Scalar(1), ValidHash);

        Assert.True(Secp256k1.Verify(Hex.Decode(GeneratorCompressedHex), ValidHash, signature));
        Assert.False(Secp256k1.Verify(Hex.Decode(GeneratorCompressedHex), ValidHash[..31], signature));
        Assert.False(Secp256k1.Verify(Hex.Decode(GeneratorCompressedHex), [.. ValidHash, 0], signature));
        Assert.False(Secp256k1.Verify(Hex.Decode(GeneratorCompressedHex), ValidHash, [.. signature, 0]));
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000", false)]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000001", true)]
    [InlineData(OrderMinusOneHex, true)]
    [InlineData(OrderHex, false)]
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", false)]
    [InlineData("01", false)]
    [InlineData("000000000000000000000000000000000000000000000000000000000000000001", false)]
    public void PrivateKeyRange(string secretHex, bool valid)
    {
        Assert.Equal(valid, Secp256k1.IsValidPrivateKey(Hex.Decode(secretHex)));
    }

    [Fact]
    public void SignAndGetPublicKeyRejectInvalidInput()
    {
        var sign0 = Assert.Throws<ArgumentException>(() => Secp256k1.Sign(new byte[32], ValidHash));
        Assert.Equal("invalid secp256k1 private key (Parameter 'privateKey32')", sign0.Message);
        Assert.Throws<ArgumentException>(() => Secp256k1.Sign(Hex.Decode(OrderHex), ValidHash));
        var shortHash = Assert.Throws<ArgumentException>(() => Secp256k1.Sign(Scalar(1), new byte[31]));
        Assert.Equal("expected 32 bytes, got 31 (Parameter 'messageHash32')", shortHash.Message);
        Assert.Throws<ArgumentException>(() => Secp256k1.GetPublicKey(new byte[32]));
        Assert.Throws<ArgumentException>(() => Secp256k1.GetPublicKey(new byte[33]));
    }

    [Fact]
    public void TweakAddAddsModuloTheOrder()
    {
        Assert.Equal(Hex.Lower(Scalar(3)), Hex.Lower(Secp256k1.TweakAddPrivateKey(Scalar(1), Scalar(2))));
        Assert.Equal(Hex.Lower(Scalar(1)), Hex.Lower(Secp256k1.TweakAddPrivateKey(Hex.Decode(OrderMinusOneHex), Scalar(2))));
    }

    [Fact]
    public void TweakAddRejectsZeroSumAndOutOfRangeTweak()
    {
        var result = new byte[32];
        result[0] = 0xaa;

        Assert.False(Secp256k1.TryTweakAddPrivateKey(Hex.Decode(OrderMinusOneHex), Scalar(1), result));
        Assert.Equal(Hex.Lower(new byte[32]), Hex.Lower(result));
        Assert.False(Secp256k1.TryTweakAddPrivateKey(Scalar(1), Hex.Decode(OrderHex), result));
        Assert.False(Secp256k1.TryTweakAddPrivateKey(new byte[32], Scalar(1), result));
        Assert.True(Secp256k1.TryTweakAddPrivateKey(Scalar(1), new byte[32], result));
        Assert.Equal(Hex.Lower(Scalar(1)), Hex.Lower(result));
        Assert.Throws<ArgumentException>(() => Secp256k1.TweakAddPrivateKey(Hex.Decode(OrderMinusOneHex), Scalar(1)));
    }

    [Fact]
    public void ConcurrentVerifyAndSignAgree()
    {
        var secret = PrivateKey.FromMnemonic(TestAccounts.Test1Mnemonic).ExportSecret();
        var pubkey = Hex.Decode(TestAccounts.Test1PubKeyHex);
        var results = new bool[64];

        Parallel.For(0, results.Length, i =>
        {
            var hash = SHA256.HashData(BitConverter.GetBytes(i));
            var signature = Secp256k1.Sign(secret, hash);
            results[i] = Secp256k1.Verify(pubkey, hash, signature) && BouncyCastleReference.Verify(pubkey, hash, signature);
        });

        Assert.All(results, Assert.True);
    }
}
