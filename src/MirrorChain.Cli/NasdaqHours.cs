namespace MirrorChain.Cli;

/// <summary>
/// Nasdaq's regular session, Monday–Friday 09:30–16:00 New York time, with US daylight saving time computed by
/// rule (second Sunday of March 02:00 to first Sunday of November 02:00), so no time-zone database is needed.
/// Exchange holidays are not modelled: on those days the feeder posts as on any weekday.
/// </summary>
public static class NasdaqHours
{
    public static bool IsOpen(DateTimeOffset utc)
    {
        var ny = ToNewYork(utc);
        if (ny.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return false;
        }
        var minutes = ny.Hour * 60 + ny.Minute;
        return minutes >= 9 * 60 + 30 && minutes < 16 * 60;
    }

    /// <summary>Wall-clock time in New York (EST = UTC−5, EDT = UTC−4).</summary>
    public static DateTime ToNewYork(DateTimeOffset utc)
    {
        var u = utc.UtcDateTime;
        var year = u.Year;
        // DST starts at 02:00 EST (07:00 UTC) on the second Sunday of March, ends 02:00 EDT (06:00 UTC) on the first Sunday of November.
        var start = NthSunday(year, 3, 2).AddHours(7);
        var end = NthSunday(year, 11, 1).AddHours(6);
        var offset = u >= start && u < end ? -4 : -5;
        return u.AddHours(offset);
    }

    private static DateTime NthSunday(int year, int month, int n)
    {
        var first = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc);
        var daysToSunday = ((int)DayOfWeek.Sunday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(daysToSunday + 7 * (n - 1));
    }
}
