using System.Text.Json;

namespace MirrorChain.Crypto.Tests;

public sealed class KeyringTests : IDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "mirrorchain-keyring-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_home))
        {
            Directory.Delete(_home, recursive: true);
        }
    }

    [Fact]
    public void RecoverWritesTheSpecifiedFile()
    {
        var keyring = new Keyring(_home);

        var info = keyring.Add("test1", TestAccounts.Test1Mnemonic);

        Assert.Equal("test1", info.Name);
        Assert.Equal(TestAccounts.Test1Address, info.Address.ToString());
        Assert.Equal("AjszqFJDRAYbEjZMuiD+ChqzbUSGq/RRu3zr0R6iJB5b", info.PublicKeyBase64);
        Assert.Equal(TestAccounts.Test1PubKeyHex, Hex.Lower(info.PublicKey));
        Assert.Equal(TestAccounts.Test1Mnemonic, info.Mnemonic);
        Assert.Equal("test1 terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v", info.ToString());

        var file = Path.Combine(_home, "keyring-test", "test1.json");
        Assert.Equal(file, Path.Combine(keyring.Directory, "test1.json"));
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal(
            ["name", "address", "pubkey", "mnemonic"],
            json.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("test1", json.RootElement.GetProperty("name").GetString());
        Assert.Equal(TestAccounts.Test1Address, json.RootElement.GetProperty("address").GetString());
        Assert.Equal("AjszqFJDRAYbEjZMuiD+ChqzbUSGq/RRu3zr0R6iJB5b", json.RootElement.GetProperty("pubkey").GetString());
        Assert.Equal(TestAccounts.Test1Mnemonic, json.RootElement.GetProperty("mnemonic").GetString());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keyring.Directory));
        }
    }

    [Fact]
    public void AddGeneratesA24WordMnemonicWhenNoneGiven()
    {
        var keyring = new Keyring(_home);

        var info = keyring.Add("fresh");

        Assert.Equal(24, info.Mnemonic.Split(' ').Length);
        Assert.True(Bip39.IsValid(info.Mnemonic, out _));
        Assert.Equal(PrivateKey.FromMnemonic(info.Mnemonic).Address, info.Address);
        Assert.Equal(info.Address, keyring.Get("fresh").Address);
        Assert.Equal(info.Mnemonic, keyring.Get("fresh").Mnemonic);
    }

    [Fact]
    public void RecoverNormalisesMnemonicWhitespace()
    {
        var keyring = new Keyring(_home);

        var info = keyring.Add("t2", "  " + TestAccounts.Test2Mnemonic.Replace(" ", "  ", StringComparison.Ordinal) + "\n");

        Assert.Equal(TestAccounts.Test2Mnemonic, info.Mnemonic);
        Assert.Equal(TestAccounts.Test2Address, info.Address.ToString());
    }

    [Fact]
    public void ListIsOrderedByName()
    {
        var keyring = new Keyring(_home);
        Assert.Empty(keyring.List());

        keyring.Add("test2", TestAccounts.Test2Mnemonic);
        keyring.Add("Zed", Bip39.FromEntropy(new byte[16]));
        keyring.Add("test1", TestAccounts.Test1Mnemonic);

        Assert.Equal(["Zed", "test1", "test2"], keyring.List().Select(k => k.Name).ToArray());
        Assert.Equal(
            ["terra1amdttz2937a3dytmxmkany53pp6ma6dy4vsllv", TestAccounts.Test1Address, TestAccounts.Test2Address],
            keyring.List().Select(k => k.Address.ToString()).ToArray());
    }

    [Fact]
    public void GetByNameOrAddress()
    {
        var keyring = new Keyring(_home);
        keyring.Add("test1", TestAccounts.Test1Mnemonic);
        keyring.Add("test2", TestAccounts.Test2Mnemonic);

        Assert.Equal(TestAccounts.Test2Address, keyring.Get("test2").Address.ToString());
        Assert.Equal("test1", keyring.Get(TestAccounts.Test1Address).Name);
        Assert.Equal(TestAccounts.Test1Address, keyring.Get("test1").ToPrivateKey().Address.ToString());
        Assert.True(keyring.TryGet("test1", out var found));
        Assert.Equal("test1", found!.Name);
        Assert.False(keyring.TryGet("nobody", out var missing));
        Assert.Null(missing);
        Assert.Equal("key \"nobody\" not found", Assert.Throws<KeyringException>(() => keyring.Get("nobody")).Message);
        Assert.Equal(
            "key \"terra1dcegyrekltswvyy0xy69ydgxn9x8x32zdtapd8\" not found",
            Assert.Throws<KeyringException>(() => keyring.Get("terra1dcegyrekltswvyy0xy69ydgxn9x8x32zdtapd8")).Message);
    }

    [Fact]
    public void DeleteRemovesTheFile()
    {
        var keyring = new Keyring(_home);
        keyring.Add("test1", TestAccounts.Test1Mnemonic);
        keyring.Add("test2", TestAccounts.Test2Mnemonic);

        var deleted = keyring.Delete("test1");
        var deletedByAddress = keyring.Delete(TestAccounts.Test2Address);

        Assert.Equal(TestAccounts.Test1Address, deleted.Address.ToString());
        Assert.Equal("test2", deletedByAddress.Name);
        Assert.Empty(keyring.List());
        Assert.False(File.Exists(Path.Combine(keyring.Directory, "test1.json")));
        Assert.Equal("key \"test1\" not found", Assert.Throws<KeyringException>(() => keyring.Delete("test1")).Message);
    }

    [Fact]
    public void DuplicateNameIsAnError()
    {
        var keyring = new Keyring(_home);
        keyring.Add("test1", TestAccounts.Test1Mnemonic);

        var e = Assert.Throws<KeyringException>(() => keyring.Add("test1", TestAccounts.Test2Mnemonic));

        Assert.Equal("key \"test1\" already exists", e.Message);
        Assert.Equal(TestAccounts.Test1Address, keyring.Get("test1").Address.ToString());
    }

    [Fact]
    public void DuplicateAddressIsAnError()
    {
        var keyring = new Keyring(_home);
        keyring.Add("test1", TestAccounts.Test1Mnemonic);

        var e = Assert.Throws<KeyringException>(() => keyring.Add("again", TestAccounts.Test1Mnemonic));

        Assert.Equal("address terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v is already stored as key \"test1\"", e.Message);
        Assert.Equal(["test1"], keyring.List().Select(k => k.Name).ToArray());
    }

    [Theory]
    [InlineData("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon",
        "invalid mnemonic: invalid mnemonic checksum")]
    [InlineData("not a mnemonic", "invalid mnemonic: mnemonic has 3 words; expected 12, 15, 18, 21 or 24")]
    [InlineData("", "invalid mnemonic: mnemonic is empty")]
    public void InvalidMnemonicIsAnError(string mnemonic, string message)
    {
        var keyring = new Keyring(_home);

        Assert.Equal(message, Assert.Throws<KeyringException>(() => keyring.Add("bad", mnemonic)).Message);
        Assert.Empty(keyring.List());
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("a b")]
    [InlineData("naïve")]
    [InlineData("x1234567890123456789012345678901234567890123456789012345678901234")]
    public void InvalidNamesAreRejected(string name)
    {
        var keyring = new Keyring(_home);

        var e = Assert.Throws<KeyringException>(() => keyring.Add(name, TestAccounts.Test1Mnemonic));

        Assert.Equal($"invalid key name \"{name}\": use 1 to 64 characters from [a-zA-Z0-9_.-]", e.Message);
        Assert.False(Keyring.IsValidName(name));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("my_key.v2-A")]
    [InlineData("x123456789012345678901234567890123456789012345678901234567890123")]
    public void ValidNames(string name)
    {
        Assert.True(Keyring.IsValidName(name));
    }

    [Fact]
    public void CorruptFileIsReportedClearly()
    {
        var keyring = new Keyring(_home);
        keyring.Add("test1", TestAccounts.Test1Mnemonic);
        var file = Path.Combine(keyring.Directory, "broken.json");
        File.WriteAllText(file, "{\"name\":\"broken\"}");

        var e = Assert.Throws<KeyringException>(() => keyring.List());

        Assert.StartsWith($"key file {file} is unreadable or corrupt: ", e.Message);
    }

    [Fact]
    public void AnotherInstanceSeesTheSameKeys()
    {
        new Keyring(_home).Add("test1", TestAccounts.Test1Mnemonic);

        Assert.Equal(TestAccounts.Test1Address, new Keyring(_home).Get("test1").Address.ToString());
    }
}
