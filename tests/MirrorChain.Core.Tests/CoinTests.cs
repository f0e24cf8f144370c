namespace MirrorChain.Core.Tests;

public class CoinTests
{
    private const string MaxAmount = "340282366920938463463374607431768211455"; // 2^128 - 1

    [Theory]
    [InlineData("1000uluna", "uluna", "1000")]
    [InlineData("0uusd", "uusd", "0")]
    [InlineData("007uusd", "uusd", "7")]
    [InlineData("1Uluna", "Uluna", "1")]
    [InlineData(MaxAmount + "uusd", "uusd", MaxAmount)]
    [InlineData("5ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2",
        "ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2", "5")]
    [InlineData("3factory/terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v/mir",
        "factory/terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v/mir", "3")]
    public void Parses(string text, string denom, string amount)
    {
        var coin = Coin.Parse(text);

        Assert.Equal(denom, coin.Denom);
        Assert.Equal(UInt128.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), coin.Amount);
        Assert.Equal(amount, coin.AmountString);
        Assert.Equal(amount + denom, coin.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("uluna")]
    [InlineData("1000")]
    [InlineData("-1uluna")]
    [InlineData("+1uluna")]
    [InlineData("1.5uluna")]
    [InlineData("1000 uluna")]
    [InlineData(" 1000uluna")]
    [InlineData("1000ul")]
    [InlineData("1000u1una!")]
    [InlineData("1000uluna,2uusd")]
    [InlineData("340282366920938463463374607431768211456uusd")]
    [InlineData("1234567890123456789012345678901234567890uusd")]
    public void RejectsInvalid(string text)
    {
        var e = Assert.Throws<FormatException>(() => Coin.Parse(text));
        Assert.Equal($"invalid coin expression: {text}", e.Message);
    }

    [Theory]
    [InlineData("uluna", true)]
    [InlineData("uusd", true)]
    [InlineData("abc", true)]
    [InlineData("ab", false)]
    [InlineData("1abc", false)]
    [InlineData("a:b.c_d-e/f", true)]
    [InlineData("ab c", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void ValidatesDenoms(string? denom, bool valid)
    {
        Assert.Equal(valid, Coin.IsValidDenom(denom));
    }

    [Fact]
    public void DenomLengthLimitIs128()
    {
        Assert.True(Coin.IsValidDenom("a" + new string('b', 127)));
        Assert.False(Coin.IsValidDenom("a" + new string('b', 128)));
    }

    [Theory]
    [InlineData("0", true, "0")]
    [InlineData("42", true, "42")]
    [InlineData(MaxAmount, true, MaxAmount)]
    [InlineData("340282366920938463463374607431768211456", false, "0")]
    [InlineData("", false, "0")]
    [InlineData(null, false, "0")]
    [InlineData("+1", false, "0")]
    [InlineData(" 1", false, "0")]
    [InlineData("1e3", false, "0")]
    [InlineData("\u0661", false, "0")]
    public void ParsesAmounts(string? text, bool ok, string expected)
    {
        Assert.Equal(ok, Coin.TryParseAmount(text, out var amount));
        Assert.Equal(expected, amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
