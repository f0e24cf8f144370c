namespace MirrorChain.Core.Tests;

public class HexTests
{
    [Fact]
    public void EncodesLowerAndUpper()
    {
        byte[] bytes = [0x00, 0x0f, 0xab, 0xff];

        Assert.Equal("000fabff", Hex.Lower(bytes));
        Assert.Equal("000FABFF", Hex.Upper(bytes));
        Assert.Equal("", Hex.Lower([]));
    }

    [Theory]
    [InlineData("000fabff")]
    [InlineData("000FABFF")]
    [InlineData("0x000fAbFf")]
    [InlineData("0X000fabff")]
    public void DecodesEitherCaseAndOptionalPrefix(string text)
    {
        Assert.Equal(new byte[] { 0x00, 0x0f, 0xab, 0xff }, Hex.Decode(text));
    }

    [Fact]
    public void DecodesEmpty()
    {
        Assert.Empty(Hex.Decode(""));
        Assert.Empty(Hex.Decode("0x"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("zz")]
    [InlineData("0x0")]
    [InlineData(" 00")]
    [InlineData("00 ")]
    public void RejectsMalformed(string text)
    {
        Assert.Throws<FormatException>(() => Hex.Decode(text));
        Assert.False(Hex.TryDecode(text, out var bytes));
        Assert.Empty(bytes);
    }

    [Fact]
    public void OddLengthMessage()
    {
        Assert.Equal("hex string has an odd number of digits", Assert.Throws<FormatException>(() => Hex.Decode("abc")).Message);
    }

    [Fact]
    public void TryDecode()
    {
        Assert.True(Hex.TryDecode("0a0B", out var bytes));
        Assert.Equal(new byte[] { 0x0a, 0x0b }, bytes);
        Assert.False(Hex.TryDecode(null, out var none));
        Assert.Empty(none);
    }
}
