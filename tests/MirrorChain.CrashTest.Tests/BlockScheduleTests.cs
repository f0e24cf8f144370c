namespace MirrorChain.CrashTest.Tests;

public class BlockScheduleTests
{
    [Fact]
    public void Block_times_with_nanosecond_fractions_parse_to_the_millisecond()
    {
        var t = BlockSchedule.ParseTime("2026-12-02T23:44:00.123000000Z");

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 23, 44, 0, 123, TimeSpan.Zero), t);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 23, 44, 0, TimeSpan.Zero), BlockSchedule.ParseTime("2026-12-02T23:44:00Z"));
    }
}
