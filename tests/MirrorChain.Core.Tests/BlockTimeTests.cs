namespace MirrorChain.Core.Tests;

public class BlockTimeTests
{
    [Theory]
    [InlineData(0L, 0, "1970-01-01T00:00:00Z")]
    [InlineData(1L, 500_000_000, "1970-01-01T00:00:01.5Z")]
    [InlineData(0L, 1, "1970-01-01T00:00:00.000000001Z")]
    [InlineData(0L, 120_000_000, "1970-01-01T00:00:00.12Z")]
    [InlineData(1_700_000_000L, 0, "2023-11-14T22:13:20Z")]
    [InlineData(1_700_000_000L, 123_456_789, "2023-11-14T22:13:20.123456789Z")]
    [InlineData(-1L, 500_000_000, "1969-12-31T23:59:59.5Z")]
    [InlineData(253_402_300_799L, 999_999_999, "9999-12-31T23:59:59.999999999Z")]
    public void FormatsAndParsesRfc3339(long seconds, int nanos, string text)
    {
        var time = new BlockTime(seconds, nanos);

        Assert.Equal(text, time.ToRfc3339());
        Assert.Equal(text, time.ToString());
        Assert.Equal(time, BlockTime.ParseRfc3339(text));
    }

    [Theory]
    [InlineData("2023-11-14T22:13:20.000Z", 1_700_000_000L, 0)]
    [InlineData("2023-11-14T22:13:20.1Z", 1_700_000_000L, 100_000_000)]
    [InlineData("2023-11-14T22:13:20.100000000Z", 1_700_000_000L, 100_000_000)]
    public void ParsesUntrimmedFractions(string text, long seconds, int nanos)
    {
        Assert.Equal(new BlockTime(seconds, nanos), BlockTime.ParseRfc3339(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Z")]
    [InlineData("2023-11-14T22:13:20")]
    [InlineData("2023-11-14T22:13:20+01:00")]
    [InlineData("2023-11-14T22:13:20.Z")]
    [InlineData("2023-11-14T22:13:20.1234567890Z")]
    [InlineData("2023-11-14T22:13:20.12a4Z")]
    [InlineData("2023-11-14 22:13:20Z")]
    [InlineData("2023-13-14T22:13:20Z")]
    [InlineData("2023-11-14T22:13:60Z")]
    public void RejectsMalformed(string text)
    {
        Assert.Throws<FormatException>(() => BlockTime.ParseRfc3339(text));
    }

    [Fact]
    public void FromUnixMilliseconds()
    {
        Assert.Equal(new BlockTime(1, 500_000_000), BlockTime.FromUnixMilliseconds(1500));
        Assert.Equal(new BlockTime(-2, 500_000_000), BlockTime.FromUnixMilliseconds(-1500));
        Assert.Equal(new BlockTime(1_700_000_000, 7_000_000), BlockTime.FromUnixMilliseconds(1_700_000_000_007));
    }

    [Fact]
    public void AddNanosecondsCarriesAndBorrows()
    {
        Assert.Equal(new BlockTime(2, 100_000_000), new BlockTime(1, 900_000_000).AddNanoseconds(200_000_000));
        Assert.Equal(new BlockTime(0, 900_000_000), new BlockTime(1, 100_000_000).AddNanoseconds(-200_000_000));
        Assert.Equal(new BlockTime(6, 0), new BlockTime(1, 0).AddNanoseconds(5_000_000_000));
        Assert.Equal(1_500_000_000L, new BlockTime(1, 500_000_000).UnixNanoseconds);
    }

    [Fact]
    public void OrdersByTime()
    {
        var a = new BlockTime(1, 999_999_999);
        var b = new BlockTime(2, 0);

        Assert.True(a < b);
        Assert.True(b > a);
        Assert.True(a <= new BlockTime(1, 999_999_999));
        Assert.True(b >= a);
        Assert.False(a > b);
        Assert.Equal(-1, a.CompareTo(b));
        Assert.Equal(0, b.CompareTo(new BlockTime(2, 0)));
    }
}
