namespace MirrorChain.Core.Tests;

public class Bech32Tests
{
    private const string Test1Address = "terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v";
    private const string Test1BytesHex = "35743074956c710800e83198011ccbd4ddf1556d";

    // BIP-173 valid bech32 strings (checksums over the lowercase form)
    [Theory]
    [InlineData("A12UEL5L", "a", "")]
    [InlineData("a12uel5l", "a", "")]
    [InlineData("an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
        "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio", "")]
    [InlineData("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw", "abcdef", "00443214c74254b635cf84653a56d7c675be77df")]
    [InlineData("?1ezyfcl", "?", "")]
    public void DecodesBip173ValidVectors(string text, string hrp, string dataHex)
    {
        var (decodedHrp, data) = Bech32.Decode(text);

        Assert.Equal(hrp, decodedHrp);
        Assert.Equal(dataHex, Hex.Lower(data));
    }

    // BIP-173 invalid bech32 strings
    [Theory]
    [InlineData("\u00201nwldj5", "invalid character in bech32 prefix")]
    [InlineData("\u007f1axkwrx", "invalid character in bech32 prefix")]
    [InlineData("pzry9x0s0muk", "missing bech32 separator or checksum")]
    [InlineData("1pzry9x0s0muk", "missing bech32 separator or checksum")]
    [InlineData("x1b4n0q5v", "invalid bech32 character 'b'")]
    [InlineData("li1dgmt3", "missing bech32 separator or checksum")]
    [InlineData("de1lg7wt\u00ff", "invalid bech32 character '\u00ff'")]
    [InlineData("A1G7SGD8", "invalid bech32 checksum")]
    [InlineData("10a06t8", "invalid bech32 length 7")]
    [InlineData("1qzzfhee", "missing bech32 separator or checksum")]
    public void RejectsBip173InvalidVectors(string text, string message)
    {
        Assert.Equal(message, Assert.Throws<FormatException>(() => Bech32.Decode(text)).Message);
    }

    [Fact]
    public void EncodesTheTest1Address()
    {
        Assert.Equal(Test1Address, Bech32.Encode("terra", Hex.Decode(Test1BytesHex)));
        Assert.Equal("terravaloper1x46rqay4d3cssq8gxxvqz8xt6nwlz4td2q6vhl", Bech32.Encode("terravaloper", Hex.Decode(Test1BytesHex)));
        Assert.Equal("cosmos1x46rqay4d3cssq8gxxvqz8xt6nwlz4tdvtv39v", Bech32.Encode("cosmos", Hex.Decode(Test1BytesHex)));
    }

    [Fact]
    public void RoundTrips()
    {
        var (hrp, data) = Bech32.Decode(Test1Address);

        Assert.Equal("terra", hrp);
        Assert.Equal(Test1BytesHex, Hex.Lower(data));
        Assert.Equal(Test1Address, Bech32.Encode(hrp, data));
    }

    [Fact]
    public void UppercaseDecodesToLowercaseHrp()
    {
        var (hrp, data) = Bech32.Decode(Test1Address.ToUpperInvariant());

        Assert.Equal("terra", hrp);
        Assert.Equal(Test1BytesHex, Hex.Lower(data));
    }

    [Theory]
    [InlineData("terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38V", "mixed-case bech32 string")]
    [InlineData("terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38w", "invalid bech32 checksum")]
    [InlineData("terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k3", "invalid bech32 checksum")]
    [InlineData("terrb1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v", "invalid bech32 checksum")]
    [InlineData("terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38vq", "invalid bech32 checksum")]
    [InlineData("terra1i46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v", "invalid bech32 character 'i'")]
    [InlineData("terra1", "invalid bech32 length 6")]
    public void RejectsDefects(string text, string message)
    {
        Assert.Equal(message, Assert.Throws<FormatException>(() => Bech32.Decode(text)).Message);
    }

    [Theory]
    [InlineData("a1lmyple6")] // one 5-bit group: too few bits for a byte
    [InlineData("a1qpamnt9j")] // 00000 00001: a byte, then non-zero padding bits
    public void RejectsBadPadding(string text)
    {
        Assert.Equal("invalid bech32 padding", Assert.Throws<FormatException>(() => Bech32.Decode(text)).Message);
    }

    [Fact]
    public void AcceptsZeroPadding()
    {
        // 00000 00000: one zero byte plus two zero padding bits
        Assert.Equal("00", Hex.Lower(Bech32.Decode("a1qqqd87cq").Data));
    }

    [Fact]
    public void AcceptsLongCosmosStrings()
    {
        var data = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var text = Bech32.Encode("terra", data);

        Assert.Equal(64, text.Length);
        Assert.Equal(data, Bech32.Decode(text).Data);
        Assert.Equal(
            "invalid bech32 length 1024",
            Assert.Throws<FormatException>(() => Bech32.Decode("a1" + new string('q', 1022))).Message);
    }
}
