namespace MirrorChain.Crypto.Tests;

public class TestAccountDerivationTests
{
    [Theory]
    [MemberData(nameof(TestAccounts.All), MemberType = typeof(TestAccounts))]
    public void MnemonicDerivesTheSpecAddress(string name, string address, string mnemonic)
    {
        var key = PrivateKey.FromMnemonic(mnemonic);

        Assert.Equal(address, key.Address.ToString());
        Assert.Equal(address, AddressDerivation.AccountAddress(key.PublicKey).ToString());
        Assert.Matches("^(validator|test([1-9]|10))$", name);
    }

    [Fact]
    public void Test1PublicKeyMatchesCosmosCompat34()
    {
        var key = PrivateKey.FromMnemonic(TestAccounts.Test1Mnemonic);

        Assert.Equal(TestAccounts.Test1PubKeyHex, Hex.Lower(key.PublicKey));
        Assert.Equal("AjszqFJDRAYbEjZMuiD+ChqzbUSGq/RRu3zr0R6iJB5b", Convert.ToBase64String(key.PublicKey));
    }

    [Fact]
    public void AddressOfTest1PublicKey()
    {
        var address = AddressDerivation.AccountAddress(Hex.Decode(TestAccounts.Test1PubKeyHex));

        Assert.Equal(TestAccounts.Test1Address, address.ToString());
        Assert.Equal(20, address.Bytes.Length);
    }

    [Fact]
    public void AddressDerivationRejectsWrongShapes()
    {
        var uncompressed = Secp256k1.DecompressPublicKey(Hex.Decode(TestAccounts.Test1PubKeyHex));

        Assert.Throws<ArgumentException>(() => AddressDerivation.AccountAddress(uncompressed));
        Assert.Throws<ArgumentException>(() => AddressDerivation.AccountAddress(new byte[32]));
        Assert.Throws<ArgumentException>(() => AddressDerivation.AccountAddress(new byte[33]));
    }

    [Theory]
    [InlineData("m/44'/330'/0'/0/0", "da02ede4c818876fe19b5a789f84e8591debd74fd4c134546c9cd7c95e9233a6", "terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v")]
    [InlineData("m/44'/330'/0'/0/1", "46cde6da59b8a38747efb2946b22da527bdbdd848f26ca49c167ea5bcf4c5ad3", "terra1gzk3usnc26avhf3deuxuwr3wggm9ntarsp7h6k")]
    [InlineData("m/44'/118'/0'/0/0", "48d23cc417a30674e907a2403f109f082d92e197823d02e6a423c6aeb8e41204", "terra1cyyzpxplxdzkeea7kwsydadg87357qnaezldzz")]
    public void Test1MnemonicAtOtherPaths(string path, string secretHex, string address)
    {
        // expected values computed independently with @scure/bip32 + @noble/hashes + @scure/base
        var key = PrivateKey.FromMnemonic(TestAccounts.Test1Mnemonic, path);

        Assert.Equal(secretHex, Hex.Lower(key.ExportSecret()));
        Assert.Equal(address, key.Address.ToString());
    }
}
