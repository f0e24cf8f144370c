using System.Text;

namespace MirrorChain.Core.Tests;

public class AddressTests
{
    private const string Test1Address = "terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v";
    private const string Test1BytesHex = "35743074956c710800e83198011ccbd4ddf1556d";

    // wasmd's classic contract address for code 1, instance 1, with HRP terra
    private const string ContractAddress = "terra14hj2tavq8fpesdwxxcu44rty3hh90vhujrvcmstl4zr3txmfvw9ssrc8au";
    private const string ContractBytesHex = "ade4a5f5803a439835c636395a8d648dee57b2fc90d98dc17fa887159b69638b";

    [Fact]
    public void ParsesAccountAddress()
    {
        var address = Address.Parse(Test1Address);

        Assert.Equal(Test1BytesHex, Hex.Lower(address.Bytes));
        Assert.Equal(Test1Address, address.ToString());
        Assert.Equal(Test1BytesHex, Hex.Lower(address.ToArray()));
    }

    [Fact]
    public void ParsesContractAddress()
    {
        var address = Address.Parse(ContractAddress);

        Assert.Equal(32, address.Bytes.Length);
        Assert.Equal(ContractBytesHex, Hex.Lower(address.Bytes));
        Assert.Equal(ContractAddress, address.ToString());
    }

    [Fact]
    public void FromBytesRoundTrips()
    {
        Assert.Equal(Test1Address, Address.FromBytes(Hex.Decode(Test1BytesHex)).ToString());
        Assert.Equal(ContractAddress, Address.FromBytes(Hex.Decode(ContractBytesHex)).ToString());
        Assert.Equal(Address.Parse(Test1Address), Address.FromBytes(Hex.Decode(Test1BytesHex)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(19)]
    [InlineData(21)]
    [InlineData(31)]
    [InlineData(33)]
    public void FromBytesRejectsOtherLengths(int length)
    {
        var e = Assert.Throws<ArgumentException>(() => Address.FromBytes(new byte[length]));
        Assert.Equal($"address must be 20 or 32 bytes, got {length} (Parameter 'bytes')", e.Message);
    }

    [Theory]
    [InlineData(null, "empty address string is not allowed")]
    [InlineData("", "empty address string is not allowed")]
    [InlineData("cosmos1x46rqay4d3cssq8gxxvqz8xt6nwlz4tdvtv39v", "invalid Bech32 prefix; expected terra, got cosmos")]
    [InlineData("terravaloper1x46rqay4d3cssq8gxxvqz8xt6nwlz4td2q6vhl", "invalid Bech32 prefix; expected terra, got terravaloper")]
    [InlineData("terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38w", "decoding bech32 failed: invalid bech32 checksum")]
    [InlineData("terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20K38v", "decoding bech32 failed: mixed-case bech32 string")]
    [InlineData("TERRA1X46RQAY4D3CSSQ8GXXVQZ8XT6NWLZ4TD20K38V", "address must be lowercase")]
    [InlineData("terra1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq", "decoding bech32 failed: invalid bech32 checksum")]
    [InlineData("not an address", "decoding bech32 failed: missing bech32 separator or checksum")]
    [InlineData("terra1 46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v", "decoding bech32 failed: invalid bech32 character ' '")]
    public void TryParseExplainsFailures(string? text, string expectedError)
    {
        Assert.False(Address.TryParse(text, out var address, out var error));
        Assert.Null(address);
        Assert.Equal(expectedError, error);
    }

    [Fact]
    public void RejectsWrongDataLengths()
    {
        var nineteen = Bech32.Encode("terra", new byte[19]);
        var twentyOne = Bech32.Encode("terra", new byte[21]);

        Assert.False(Address.TryParse(nineteen, out _, out var error19));
        Assert.Equal("address length must be 20 or 32 bytes, got 19", error19);
        Assert.False(Address.TryParse(twentyOne, out _, out var error21));
        Assert.Equal("address length must be 20 or 32 bytes, got 21", error21);
        Assert.Equal(
            "address length must be 20 or 32 bytes, got 19",
            Assert.Throws<FormatException>(() => Address.Parse(nineteen)).Message);
    }

    [Fact]
    public void EqualityAndOrderingAreByBytes()
    {
        var low = Address.FromBytes(new byte[20]);
        var high = Address.FromBytes(Enumerable.Repeat((byte)0xff, 20).ToArray());
        var test1 = Address.Parse(Test1Address);
        var test1Again = Address.FromBytes(Hex.Decode(Test1BytesHex));

        Assert.True(test1 == test1Again);
        Assert.False(test1 != test1Again);
        Assert.Equal(test1.GetHashCode(), test1Again.GetHashCode());
        Assert.True(low != test1);
        Assert.Equal(-1, Math.Sign(low.CompareTo(test1)));
        Assert.Equal(1, Math.Sign(high.CompareTo(test1)));
        Assert.Equal(0, test1.CompareTo(test1Again));
        Assert.Equal(1, test1.CompareTo(null));
        Assert.False(test1.Equals(null));
        Assert.True((Address?)null == null);
        Assert.Equal("terra1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq486l9a", low.ToString());
    }

    [Fact]
    public void Comparison_operators_order_by_bytes_with_null_first()
    {
        var low = Address.FromBytes(new byte[20]);
        var high = Address.FromBytes(Enumerable.Repeat((byte)0xff, 20).ToArray());
        var lowAgain = Address.FromBytes(new byte[20]);
        Address? none = null;
        Address? alsoNone = null;

        Assert.True(low < high);
        Assert.True(low <= high);
        Assert.True(high > low);
        Assert.True(high >= low);
        Assert.False(high < low);
        Assert.True(low <= lowAgain);
        Assert.True(low >= lowAgain);
        Assert.False(low < lowAgain);
        Assert.True(none < low);
        Assert.False(low < none);
        Assert.True(none <= alsoNone);
    }

    [Fact]
    public void ToArrayIsACopy()
    {
        var address = Address.Parse(Test1Address);
        var copy = address.ToArray();
        copy[0] = 0;

        Assert.Equal(Test1BytesHex, Hex.Lower(address.Bytes));
    }

    [Fact]
    public void Parsed_address_text_is_the_encoding_of_its_bytes()
    {
        for (var i = 0; i < 200; i++)
        {
            var bytes = Hashing.Sha256(Encoding.UTF8.GetBytes($"address {i}")).AsSpan(0, i % 2 == 0 ? 20 : 32);
            var encoded = Address.FromBytes(bytes);
            var parsed = Address.Parse(encoded.ToString());
            Assert.Equal(Bech32.Encode("terra", bytes), parsed.ToString());
            Assert.Equal(encoded, parsed);
            Assert.Equal(bytes.ToArray(), Bech32.Decode(parsed.ToString()).Data);
        }
    }

    [Fact]
    public void Parsing_many_distinct_addresses_keeps_giving_the_exact_address_and_errors()
    {
        var texts = new List<(string Text, Address Expected)>();
        for (var i = 0; i < 17_000; i++)
        {
            var expected = Address.FromBytes(Hashing.Sha256(BitConverter.GetBytes(i)).AsSpan(0, 20));
            texts.Add((expected.ToString(), expected));
        }
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var (text, expected) in texts)
            {
                var parsed = Address.Parse(text);
                Assert.Equal(expected, parsed);
                Assert.Equal(text, parsed.ToString());
            }
        }
        var valid = texts[0].Text;
        Assert.False(Address.TryParse(valid.ToUpperInvariant(), out _, out var upper));
        Assert.Equal("address must be lowercase", upper);
        Assert.False(Address.TryParse(valid[..^1] + (valid[^1] == 'q' ? 'p' : 'q'), out _, out var checksum));
        Assert.Equal("decoding bech32 failed: invalid bech32 checksum", checksum);
    }
}
