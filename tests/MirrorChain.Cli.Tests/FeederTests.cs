using MirrorChain.Core;

namespace MirrorChain.Cli.Tests;

public sealed class FeederTests
{
    [Theory]
    [InlineData("2026-11-23T14:30:00Z", true)]    // Monday 09:30 EST: opening bell
    [InlineData("2026-11-23T14:29:59Z", false)]   // 09:29:59 EST
    [InlineData("2026-11-23T20:59:59Z", true)]    // 15:59:59 EST
    [InlineData("2026-11-23T21:00:00Z", false)]   // 16:00 EST: closed
    [InlineData("2026-07-06T13:30:00Z", true)]    // Monday 09:30 EDT (summer: UTC−4)
    [InlineData("2026-07-06T13:29:00Z", false)]
    [InlineData("2026-11-22T15:00:00Z", false)]   // Sunday
    [InlineData("2026-11-21T15:00:00Z", false)]   // Saturday
    [InlineData("2026-03-09T13:30:00Z", true)]    // the day after DST starts (2026-03-08): EDT
    [InlineData("2026-11-02T14:30:00Z", true)]    // the day after DST ends (2026-11-01): EST
    [InlineData("2026-11-02T13:30:00Z", false)]
    public void Nasdaq_regular_session_in_new_york_time(string utc, bool open) =>
        Assert.Equal(open, NasdaqHours.IsOpen(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(670_000_000L, "670")]
    [InlineData(670_500_000L, "670.5")]
    [InlineData(1L, "0.000001")]
    [InlineData(123_456_789L, "123.456789")]
    public void Prices_are_cosmwasm_decimal_strings(long micro, string text)
    {
        Assert.Equal(text, FeederCommand.FormatPrice(micro));
        Assert.Equal(micro, (long)MirrorChain.Core.Numerics.Decimal.Mul(1_000_000, MirrorChain.Core.Numerics.Decimal.Parse(text)));
    }

    [Fact]
    public void A_step_moves_at_most_the_given_basis_points_and_never_to_zero()
    {
        var random = new Random(7);
        var price = 670_000_000L;
        for (var i = 0; i < 1000; i++)
        {
            var next = FeederCommand.Step(price, random, 50);
            Assert.InRange(next, price - price * 50 / 10_000, price + price * 50 / 10_000);
            price = next;
        }
        Assert.Equal(1, FeederCommand.Step(1, new Random(1), 10_000) >= 1 ? 1 : 0);
    }

    [Fact]
    public void Feed_message_is_the_v214_oracle_shape()
    {
        var a = Address.Parse("terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v");
        Assert.Equal($"{{\"feed_price\":{{\"prices\":[[\"{a}\",\"670.5\"],[\"{a}\",\"1\"]]}}}}",
            FeederCommand.FeedPriceMsg([(a, 670_500_000), (a, 1_000_000)]));
    }
}
