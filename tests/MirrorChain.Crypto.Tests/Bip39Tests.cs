namespace MirrorChain.Crypto.Tests;

public class Bip39Tests
{
    private const string AbandonAbout =
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    [Fact]
    public void WordlistIsTheOfficialEnglishList()
    {
        var text = string.Join('\n', Bip39.Wordlist) + "\n";

        Assert.Equal(2048, Bip39.Wordlist.Count);
        Assert.Equal("abandon", Bip39.Wordlist[0]);
        Assert.Equal("zoo", Bip39.Wordlist[2047]);
        // SHA-256 of bitcoin/bips bip-0039/english.txt
        Assert.Equal("2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda", Hex.Lower(SHA256.HashData(Encoding.ASCII.GetBytes(text))));
    }

    // Trezor python-mnemonic vectors (passphrase "TREZOR"), cross-checked with @scure/bip39
    [Theory]
    [InlineData("00000000000000000000000000000000", AbandonAbout,
        "c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04")]
    [InlineData("7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f", "legal winner thank year wave sausage worth useful legal winner thank yellow",
        "2e8905819b8723fe2c1d161860e5ee1830318dbf49a83bd451cfb8440c28bd6fa457fe1296106559a3c80937a1c1069be3a3a5bd381ee6260e8d9739fce1f607")]
    [InlineData("9e885d952ad362caeb4efe34a8e91bd2", "ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic",
        "274ddc525802f7c828d8ef7ddbcdc5304e87ac3535913611fbbfa986d0c9e5476c91689f9c8a54fd55bd38606aa6a8595ad213d4c9c9f9aca3fb217069a41028")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000",
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon art",
        "bda85446c68413707090a52022edd26a1c9462295029f2e60cd7c4f2bbd3097170af7a4d73245cafa9c3cca8d561a7c3de6f5d4a10be8ed2a5e608d68f92fcc8")]
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo vote",
        "dd48c104698c30cfe2b6142103248622fb7bb0ff692eebb00089b32d22484e1613912f0a5b694407be899ffd31ed3992c456cdf60f5d4564b8ba3f05a69890ad")]
    public void TrezorVectors(string entropyHex, string mnemonic, string seedHex)
    {
        Assert.Equal(mnemonic, Bip39.FromEntropy(Hex.Decode(entropyHex)));
        Assert.Equal(entropyHex, Hex.Lower(Bip39.ToEntropy(mnemonic)));
        Assert.True(Bip39.IsValid(mnemonic, out var error));
        Assert.Equal("", error);
        Assert.Equal(seedHex, Hex.Lower(Bip39.ToSeed(mnemonic, "TREZOR")));
    }

    [Fact]
    public void EmptyPassphraseSeed()
    {
        Assert.Equal(
            "5eb00bbddcf069084889a8ab9155568165f5c453ccb85e70811aaed6f6da5fc19a5ac40b389cd370d086206dec8aa6c43daea6690f20ad3d8d48b2d2ce9e38e4",
            Hex.Lower(Bip39.ToSeed(AbandonAbout)));
    }

    [Fact]
    public void NonAsciiPassphraseIsNfkdNormalisedOrRefused()
    {
        // seed for "café" computed with @scure/bip39 and Python's unicodedata + hashlib
        const string expected =
            "af8bbd2566df7b69d926f2b09dfdbd75db6c994a3399b2cc65f928d63e3fd4e61218ee0d15f8c810be4d45e66d47b43c15a5cc753976b1666912377ff7ae9818";
        var normalizationWorks = "\u00e9".Normalize(NormalizationForm.FormD) == "e\u0301";

        if (normalizationWorks)
        {
            Assert.Equal(expected, Hex.Lower(Bip39.ToSeed(AbandonAbout, "caf\u00e9")));
            Assert.Equal(expected, Hex.Lower(Bip39.ToSeed(AbandonAbout, "cafe\u0301")));
        }
        else
        {
            // this repository builds with InvariantGlobalization, where string.Normalize is a silent no-op
            var e = Assert.Throws<NotSupportedException>(() => Bip39.ToSeed(AbandonAbout, "caf\u00e9"));
            Assert.Equal(
                "the passphrase contains non-ASCII characters, but Unicode NFKD normalisation is unavailable in this process " +
                "(globalization-invariant mode); use an ASCII passphrase",
                e.Message);
        }
    }

    [Fact]
    public void WhitespaceIsNormalised()
    {
        var messy = "  abandon\tabandon abandon  abandon abandon abandon abandon abandon abandon abandon abandon\n about \r\n";

        Assert.Equal(AbandonAbout, Bip39.NormalizeWhitespace(messy));
        Assert.True(Bip39.IsValid(messy, out _));
        Assert.Equal(Hex.Lower(Bip39.ToSeed(AbandonAbout, "TREZOR")), Hex.Lower(Bip39.ToSeed(messy, "TREZOR")));
    }

    [Theory]
    [InlineData("", "mnemonic is empty")]
    [InlineData("   ", "mnemonic is empty")]
    [InlineData("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon",
        "invalid mnemonic checksum")]
    [InlineData("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon",
        "mnemonic has 11 words; expected 12, 15, 18, 21 or 24")]
    [InlineData("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about about",
        "mnemonic has 13 words; expected 12, 15, 18, 21 or 24")]
    [InlineData("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon aboutt",
        "word 12 (\"aboutt\") is not in the BIP-39 English wordlist")]
    [InlineData("Abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
        "word 1 (\"Abandon\") is not in the BIP-39 English wordlist")]
    [InlineData("zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo",
        "invalid mnemonic checksum")]
    public void InvalidMnemonicsAreRejectedWithTheReason(string mnemonic, string expectedError)
    {
        Assert.False(Bip39.IsValid(mnemonic, out var error));
        Assert.Equal(expectedError, error);
        Assert.Equal(expectedError, Assert.Throws<FormatException>(() => Bip39.ToEntropy(mnemonic)).Message);
    }

    [Fact]
    public void NullMnemonicIsInvalid()
    {
        Assert.False(Bip39.IsValid(null, out var error));
        Assert.Equal("mnemonic is empty", error);
    }

    [Fact]
    public void LastWordChangeBreaksTest1Checksum()
    {
        var tampered = TestAccounts.Test1Mnemonic.Replace("genius", "genre", StringComparison.Ordinal);

        Assert.True(Bip39.IsValid(TestAccounts.Test1Mnemonic, out _));
        Assert.False(Bip39.IsValid(tampered, out var error));
        Assert.Equal("invalid mnemonic checksum", error);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(15)]
    [InlineData(18)]
    [InlineData(21)]
    [InlineData(24)]
    public void GeneratedMnemonicsValidate(int words)
    {
        for (var i = 0; i < 20; i++)
        {
            var mnemonic = Bip39.Generate(words);

            Assert.Equal(words, mnemonic.Split(' ').Length);
            Assert.True(Bip39.IsValid(mnemonic, out var error), error);
            Assert.Equal(mnemonic, Bip39.FromEntropy(Bip39.ToEntropy(mnemonic)));
            Assert.Equal(words * 4 / 3, Bip39.ToEntropy(mnemonic).Length);
        }
    }

    [Fact]
    public void DefaultGenerateHas24Words()
    {
        Assert.Equal(24, Bip39.Generate().Split(' ').Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(13)]
    [InlineData(25)]
    public void GenerateRejectsOtherWordCounts(int words)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Bip39.Generate(words));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(17)]
    [InlineData(36)]
    public void FromEntropyRejectsOtherLengths(int length)
    {
        var e = Assert.Throws<ArgumentException>(() => Bip39.FromEntropy(new byte[length]));
        Assert.Equal($"entropy must be 16, 20, 24, 28 or 32 bytes, got {length} (Parameter 'entropy')", e.Message);
    }
}
