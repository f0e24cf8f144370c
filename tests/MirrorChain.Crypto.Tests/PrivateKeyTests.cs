namespace MirrorChain.Crypto.Tests;

public class PrivateKeyTests
{
    private const string Test1SecretHex = "da02ede4c818876fe19b5a789f84e8591debd74fd4c134546c9cd7c95e9233a6";

    [Fact]
    public void FromBytesMatchesFromMnemonic()
    {
        var key = PrivateKey.FromBytes(Hex.Decode(Test1SecretHex));

        Assert.Equal(TestAccounts.Test1Address, key.Address.ToString());
        Assert.Equal(TestAccounts.Test1PubKeyHex, Hex.Lower(key.PublicKey));
        Assert.Equal(Test1SecretHex, Hex.Lower(PrivateKey.FromMnemonic(TestAccounts.Test1Mnemonic).ExportSecret()));
    }

    [Fact]
    public void ToStringShowsOnlyTheAddress()
    {
        var key = PrivateKey.FromMnemonic(TestAccounts.Test1Mnemonic);

        Assert.Equal("PrivateKey(terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v)", key.ToString());
    }

    [Fact]
    public void SignSha256EqualsSignOfTheDigest()
    {
        var key = PrivateKey.FromBytes(Hex.Decode(Test1SecretHex));
        var message = "hello"u8.ToArray();

        Assert.Equal(Hex.Lower(key.Sign(SHA256.HashData(message))), Hex.Lower(key.SignSha256(message)));
        Assert.True(Secp256k1.Verify(key.PublicKey, SHA256.HashData(message), key.SignSha256(message)));
    }

    [Fact]
    public void FromMnemonicNormalisesWhitespace()
    {
        var messy = "  " + TestAccounts.Test1Mnemonic.Replace(" ", "\n  ", StringComparison.Ordinal) + "\t";

        Assert.Equal(TestAccounts.Test1Address, PrivateKey.FromMnemonic(messy).Address.ToString());
    }

    [Fact]
    public void FromMnemonicWithPassphrase()
    {
        // expected value computed independently with @scure/bip39 + @scure/bip32
        var key = PrivateKey.FromMnemonic(TestAccounts.Test1Mnemonic, Bip32.TerraPath, "x");

        Assert.Equal("913a872328936cc895caeeff93f2dfdd55a097a8cbb109fa4a505821fc299deb", Hex.Lower(key.ExportSecret()));
    }

    [Fact]
    public void FromMnemonicRejectsInvalidInput()
    {
        var badWord = Assert.Throws<FormatException>(() => PrivateKey.FromMnemonic("hello world"));
        Assert.Equal("invalid mnemonic: mnemonic has 2 words; expected 12, 15, 18, 21 or 24", badWord.Message);
        var badPath = Assert.Throws<FormatException>(() => PrivateKey.FromMnemonic(TestAccounts.Test1Mnemonic, "44'/330'"));
        Assert.Equal("invalid BIP-32 path \"44'/330'\": it must start with \"m\"", badPath.Message);
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")]
    [InlineData("00")]
    public void FromBytesRejectsInvalidKeys(string hex)
    {
        var e = Assert.Throws<ArgumentException>(() => PrivateKey.FromBytes(Hex.Decode(hex)));
        Assert.Equal("invalid secp256k1 private key (must be 32 bytes in [1, n-1]) (Parameter 'privateKey32')", e.Message);
    }

    [Fact]
    public void GeneratedKeysAreValidAndDistinct()
    {
        var a = PrivateKey.Generate();
        var b = PrivateKey.Generate();

        Assert.True(Secp256k1.IsValidPrivateKey(a.ExportSecret()));
        Assert.Equal(33, a.PublicKey.Length);
        Assert.Equal(20, a.Address.Bytes.Length);
        Assert.NotEqual(a.Address, b.Address);
    }

    [Fact]
    public void PublicKeyIsACopy()
    {
        var key = PrivateKey.FromBytes(Hex.Decode(Test1SecretHex));
        key.PublicKey[0] = 0xff;

        Assert.Equal(TestAccounts.Test1PubKeyHex, Hex.Lower(key.PublicKey));
    }
}
