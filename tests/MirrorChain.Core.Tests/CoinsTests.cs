namespace MirrorChain.Core.Tests;

public class CoinsTests
{
    [Fact]
    public void ParseSortsAndMerges()
    {
        var coins = Coins.Parse("2uusd, 1uluna,3uluna,0umnt");

        Assert.Equal([new Coin("uluna", 4), new Coin("uusd", 2)], coins);
        Assert.Equal("4uluna,2uusd", Coins.Format(coins));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void ParseEmptyIsNoCoins(string text)
    {
        Assert.Empty(Coins.Parse(text));
    }

    [Fact]
    public void ParseRejectsBadEntries()
    {
        Assert.Equal("invalid coin expression: ", Assert.Throws<FormatException>(() => Coins.Parse("1uluna,")).Message);
        Assert.Equal("invalid coin expression: x", Assert.Throws<FormatException>(() => Coins.Parse("1uluna,x")).Message);
    }

    [Fact]
    public void NormalizeUsesOrdinalOrder()
    {
        var coins = Coins.Normalize([new Coin("uusd", 1), new Coin("Zeta", 1), new Coin("ibc/AB", 1)]);

        Assert.Equal("1Zeta,1ibc/AB,1uusd", Coins.Format(coins));
    }

    [Fact]
    public void NormalizeOverflowThrows()
    {
        Assert.Throws<OverflowException>(() => Coins.Normalize([new Coin("uusd", UInt128.MaxValue), new Coin("uusd", 1)]));
    }

    [Fact]
    public void ValidateAcceptsCanonical()
    {
        Assert.Null(Coins.Validate([]));
        Assert.Null(Coins.Validate([new Coin("uluna", 1), new Coin("uusd", 2)]));
    }

    [Fact]
    public void ValidateExplainsFailures()
    {
        Assert.Equal("invalid denom: u", Coins.Validate([new Coin("u", 1)]));
        Assert.Equal("coin 0uluna amount is not positive", Coins.Validate([new Coin("uluna", 0)]));
        Assert.Equal(
            "denomination uluna is not sorted or is duplicated",
            Coins.Validate([new Coin("uusd", 1), new Coin("uluna", 1)]));
        Assert.Equal(
            "denomination uluna is not sorted or is duplicated",
            Coins.Validate([new Coin("uluna", 1), new Coin("uluna", 1)]));
    }

    [Fact]
    public void FormatEmpty()
    {
        Assert.Equal("", Coins.Format([]));
    }
}
