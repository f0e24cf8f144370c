using System.Numerics;

namespace MirrorChain.Crypto.Tests;

public class Bip32Tests
{
    private const string Vector1Seed = "000102030405060708090a0b0c0d0e0f";

    // BIP-32 test vector 1: path, xpub, xprv exactly as printed in the BIP.
    public static TheoryData<string, string, string> Vector1 => new()
    {
        { "m",
          "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8",
          "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi" },
        { "m/0'",
          "xpub68Gmy5EdvgibQVfPdqkBBCHxA5htiqg55crXYuXoQRKfDBFA1WEjWgP6LHhwBZeNK1VTsfTFUHCdrfp1bgwQ9xv5ski8PX9rL2dZXvgGDnw",
          "xprv9uHRZZhk6KAJC1avXpDAp4MDc3sQKNxDiPvvkX8Br5ngLNv1TxvUxt4cV1rGL5hj6KCesnDYUhd7oWgT11eZG7XnxHrnYeSvkzY7d2bhkJ7" },
        { "m/0'/1",
          "xpub6ASuArnXKPbfEwhqN6e3mwBcDTgzisQN1wXN9BJcM47sSikHjJf3UFHKkNAWbWMiGj7Wf5uMash7SyYq527Hqck2AxYysAA7xmALppuCkwQ",
          "xprv9wTYmMFdV23N2TdNG573QoEsfRrWKQgWeibmLntzniatZvR9BmLnvSxqu53Kw1UmYPxLgboyZQaXwTCg8MSY3H2EU4pWcQDnRnrVA1xe8fs" },
        { "m/0'/1/2'",
          "xpub6D4BDPcP2GT577Vvch3R8wDkScZWzQzMMUm3PWbmWvVJrZwQY4VUNgqFJPMM3No2dFDFGTsxxpG5uJh7n7epu4trkrX7x7DogT5Uv6fcLW5",
          "xprv9z4pot5VBttmtdRTWfWQmoH1taj2axGVzFqSb8C9xaxKymcFzXBDptWmT7FwuEzG3ryjH4ktypQSAewRiNMjANTtpgP4mLTj34bhnZX7UiM" },
        { "m/0'/1/2'/2",
          "xpub6FHa3pjLCk84BayeJxFW2SP4XRrFd1JYnxeLeU8EqN3vDfZmbqBqaGJAyiLjTAwm6ZLRQUMv1ZACTj37sR62cfN7fe5JnJ7dh8zL4fiyLHV",
          "xprvA2JDeKCSNNZky6uBCviVfJSKyQ1mDYahRjijr5idH2WwLsEd4Hsb2Tyh8RfQMuPh7f7RtyzTtdrbdqqsunu5Mm3wDvUAKRHSC34sJ7in334" },
        { "m/0'/1/2'/2/1000000000",
          "xpub6H1LXWLaKsWFhvm6RVpEL9P4KfRZSW7abD2ttkWP3SSQvnyA8FSVqNTEcYFgJS2UaFcxupHiYkro49S8yGasTvXEYBVPamhGW6cFJodrTHy",
          "xprvA41z7zogVVwxVSgdKUHDy1SKmdb533PjDz7J6N6mV6uS3ze1ai8FHa8kmHScGpWmj4WggLyQjgPie1rFSruoUihUZREPSL39UNdE3BBDu76" },
    };

    [Theory]
    [MemberData(nameof(Vector1))]
    public void OfficialVector1(string path, string xpub, string xprv)
    {
        var key = Bip32.DerivePath(Hex.Decode(Vector1Seed), path);
        var prv = DecodeExtendedKey(xprv);
        var pub = DecodeExtendedKey(xpub);

        Assert.Equal("0488ade4", Hex.Lower(prv[..4]));
        Assert.Equal("0488b21e", Hex.Lower(pub[..4]));
        Assert.Equal(prv[4], key.Depth);
        Assert.Equal(Hex.Lower(prv[9..13]), Hex.Lower(BitConverter.GetBytes(key.ChildNumber).Reverse().ToArray()));
        Assert.Equal(Hex.Lower(prv[13..45]), Hex.Lower(key.ChainCode));
        Assert.Equal(0, prv[45]);
        Assert.Equal(Hex.Lower(prv[46..78]), Hex.Lower(key.PrivateKey));
        Assert.Equal(Hex.Lower(pub[45..78]), Hex.Lower(key.PublicKey));
        Assert.Equal(Hex.Lower(BouncyCastleReference.PublicKey(key.PrivateKey)), Hex.Lower(key.PublicKey));
    }

    [Fact]
    public void Vector1ExactKeys()
    {
        var master = Bip32.MasterKeyFromSeed(Hex.Decode(Vector1Seed));
        var leaf = master.Derive(Bip32.ParsePath("m/0'/1/2'/2/1000000000"));

        Assert.Equal("e8f32e723decf4051aefac8e2c93c9c5b214313817cdb01a1494b917c8436b35", Hex.Lower(master.PrivateKey));
        Assert.Equal("873dff81c02f525623fd1fe5167eac3a55a049de3d314bb42ee227ffed37d508", Hex.Lower(master.ChainCode));
        Assert.Equal("0339a36013301597daef41fbe593a02cc513d0b55527ec2df1050e2e8ff49c85c2", Hex.Lower(master.PublicKey));
        Assert.Equal("471b76e389e528d6de6d816857e012c5455051cad6660850e58372a6c3e6e7c8", Hex.Lower(leaf.PrivateKey));
        Assert.Equal("c783e67b921d2beb8f6b389cc646d7263b4145701dadd2161548a8b078e65e9e", Hex.Lower(leaf.ChainCode));
        Assert.Equal("022a471424da5e657499d1ff51cb43c47481a03b1e77f951fe64cec9f5a48f7011", Hex.Lower(leaf.PublicKey));
        Assert.Equal(5, leaf.Depth);
        Assert.Equal(1_000_000_000u, leaf.ChildNumber);
    }

    [Fact]
    public void StepwiseDerivationEqualsPathDerivation()
    {
        var master = Bip32.MasterKeyFromSeed(Hex.Decode(Vector1Seed));
        var stepwise = master.Derive(0 | Bip32.HardenedOffset).Derive(1).Derive(2 | Bip32.HardenedOffset);

        Assert.Equal(Hex.Lower(Bip32.DerivePath(Hex.Decode(Vector1Seed), "m/0'/1/2'").PrivateKey), Hex.Lower(stepwise.PrivateKey));
        Assert.Equal("cbce0d719ecf7431d88e6a89fa1483e02e35092af60c042b1df2ff59fa424dca", Hex.Lower(stepwise.PrivateKey));
    }

    [Theory]
    [InlineData("m", new uint[0])]
    [InlineData("m/0", new uint[] { 0 })]
    [InlineData("m/44'/330'/0'/0/0", new uint[] { 0x8000002c, 0x8000014a, 0x80000000, 0, 0 })]
    [InlineData("m/44h/330H/0'/1/2147483647", new uint[] { 0x8000002c, 0x8000014a, 0x80000000, 1, 0x7fffffff })]
    [InlineData("m/2147483647'", new uint[] { 0xffffffff })]
    public void ParsePathAccepts(string path, uint[] expected)
    {
        Assert.Equal(expected, Bip32.ParsePath(path));
    }

    [Fact]
    public void FormatPathRoundTrips()
    {
        Assert.Equal(Bip32.TerraPath, Bip32.FormatPath(Bip32.ParsePath(Bip32.TerraPath)));
        Assert.Equal("m/44'/330'/0'/0/0", Bip32.TerraPath);
        Assert.Equal("m", Bip32.FormatPath([]));
    }

    [Theory]
    [InlineData("", "invalid BIP-32 path \"\": it must start with \"m\"")]
    [InlineData("44'/330'", "invalid BIP-32 path \"44'/330'\": it must start with \"m\"")]
    [InlineData("M/44'", "invalid BIP-32 path \"M/44'\": it must start with \"m\"")]
    [InlineData("m/", "invalid BIP-32 path \"m/\": segment 1 is empty")]
    [InlineData("m/44'//0", "invalid BIP-32 path \"m/44'//0\": segment 2 is empty")]
    [InlineData("m/'", "invalid BIP-32 path \"m/'\": segment 1 is empty")]
    [InlineData("m/44'/x", "invalid BIP-32 path \"m/44'/x\": segment 2 (\"x\") is not a number")]
    [InlineData("m/-1", "invalid BIP-32 path \"m/-1\": segment 1 (\"-1\") is not a number")]
    [InlineData("m/ 1", "invalid BIP-32 path \"m/ 1\": segment 1 (\" 1\") is not a number")]
    [InlineData("m/1''", "invalid BIP-32 path \"m/1''\": segment 1 (\"1''\") is not a number")]
    [InlineData("m/4294967296", "invalid BIP-32 path \"m/4294967296\": segment 1 (4294967296) must be below 2^31; mark hardened indexes with '")]
    [InlineData("m/2147483648", "invalid BIP-32 path \"m/2147483648\": segment 1 (2147483648) must be below 2^31; mark hardened indexes with '")]
    [InlineData("m/2147483648'", "invalid BIP-32 path \"m/2147483648'\": segment 1 (2147483648) must be below 2^31; mark hardened indexes with '")]
    public void ParsePathRejectsWithClearErrors(string path, string message)
    {
        Assert.Equal(message, Assert.Throws<FormatException>(() => Bip32.ParsePath(path)).Message);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(65)]
    public void SeedLengthIsChecked(int length)
    {
        var e = Assert.Throws<ArgumentException>(() => Bip32.MasterKeyFromSeed(new byte[length]));
        Assert.Equal($"BIP-32 seed must be 16 to 64 bytes, got {length} (Parameter 'seed')", e.Message);
    }

    [Fact]
    public void ToStringHidesTheSecret()
    {
        var key = Bip32.DerivePath(Hex.Decode(Vector1Seed), "m/0'/1");

        Assert.Equal("ExtendedKey(depth 2, child 1)", key.ToString());
        Assert.Equal("ExtendedKey(depth 1, child 0')", Bip32.DerivePath(Hex.Decode(Vector1Seed), "m/0'").ToString());
    }

    /// <summary>Base58Check-decodes a BIP-32 extended key (78 bytes), checking its checksum.</summary>
    private static byte[] DecodeExtendedKey(string text)
    {
        const string alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        var value = BigInteger.Zero;
        foreach (var c in text)
        {
            var digit = alphabet.IndexOf(c, StringComparison.Ordinal);
            Assert.True(digit >= 0);
            value = value * 58 + digit;
        }
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        Assert.Equal(82, bytes.Length);
        var payload = bytes[..78];
        var checksum = SHA256.HashData(SHA256.HashData(payload))[..4];
        Assert.Equal(Hex.Lower(checksum), Hex.Lower(bytes[78..]));
        return payload;
    }
}
