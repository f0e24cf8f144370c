namespace MirrorChain.Core.Tests;

public sealed class KeyRangesTests
{
    [Theory]
    [InlineData("0301ab", "0301ac")]
    [InlineData("03ff", "04")]
    [InlineData("01feff", "01ff")]
    [InlineData("00", "01")]
    public void PrefixEnd_increments_the_last_byte_below_ff_and_drops_the_rest(string prefix, string end) =>
        Assert.Equal(Convert.FromHexString(end), KeyRanges.PrefixEnd(Convert.FromHexString(prefix)));

    [Theory]
    [InlineData("")]
    [InlineData("ff")]
    [InlineData("ffff")]
    public void PrefixEnd_is_unbounded_when_no_key_is_greater(string prefix) =>
        Assert.Null(KeyRanges.PrefixEnd(Convert.FromHexString(prefix)));

    [Fact]
    public void PrefixEnd_does_not_modify_its_argument()
    {
        byte[] prefix = [1, 2];
        KeyRanges.PrefixEnd(prefix);
        Assert.Equal([1, 2], prefix);
    }
}
