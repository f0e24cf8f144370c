namespace MirrorChain.Cli.Tests;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("200ms", 200 * TimeSpan.TicksPerMillisecond)]
    [InlineData("1s", TimeSpan.TicksPerSecond)]
    [InlineData("1.5s", 15 * TimeSpan.TicksPerSecond / 10)]
    [InlineData("2m", 2 * TimeSpan.TicksPerMinute)]
    [InlineData(" 1s ", TimeSpan.TicksPerSecond)]
    public void Parses_go_style_durations(string text, long ticks) => Assert.Equal(ticks, DurationParser.Parse(text).Ticks);

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("0s")]
    [InlineData("-1s")]
    [InlineData("1h")]
    [InlineData("s")]
    [InlineData("1.2.3s")]
    public void Rejects_anything_else_with_a_hint(string text)
    {
        var e = Assert.Throws<FormatException>(() => DurationParser.Parse(text));
        Assert.Contains("such as 200ms or 1s", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Formats_whole_seconds_and_milliseconds()
    {
        Assert.Equal("1s", DurationParser.Format(TimeSpan.FromSeconds(1)));
        Assert.Equal("200ms", DurationParser.Format(TimeSpan.FromMilliseconds(200)));
    }
}
