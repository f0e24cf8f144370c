using System.Globalization;

namespace MirrorChain.Cli;

/// <summary>Parses Go-style durations as the flags use them: "200ms", "1s", "1.5s", "2m".</summary>
public static class DurationParser
{
    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        (string Suffix, long TicksPerUnit)[] units = [("ms", TimeSpan.TicksPerMillisecond), ("s", TimeSpan.TicksPerSecond), ("m", TimeSpan.TicksPerMinute)];
        foreach (var (suffix, perUnit) in units)
        {
            if (!t.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }
            var number = t[..^suffix.Length];
            var parts = number.Split('.');
            if (parts.Length > 2 || parts[0].Length == 0 || !parts.All(p => p.All(char.IsAsciiDigit)))
            {
                break;
            }
            var whole = long.Parse(parts[0], CultureInfo.InvariantCulture);
            var ticks = checked(whole * perUnit);
            if (parts.Length == 2 && parts[1].Length > 0)
            {
                var frac = parts[1].Length > 7 ? parts[1][..7] : parts[1];
                var scale = 1L;
                foreach (var _ in frac)
                {
                    scale *= 10;
                }
                ticks += long.Parse(frac, CultureInfo.InvariantCulture) * perUnit / scale;
            }
            if (ticks <= 0)
            {
                break;
            }
            return TimeSpan.FromTicks(ticks);
        }
        throw new FormatException($"invalid duration '{text}': use a positive number with ms, s or m, such as 200ms or 1s");
    }

    public static string Format(TimeSpan d) =>
        d.Ticks % TimeSpan.TicksPerSecond == 0
            ? (d.Ticks / TimeSpan.TicksPerSecond).ToString(CultureInfo.InvariantCulture) + "s"
            : (d.Ticks / TimeSpan.TicksPerMillisecond).ToString(CultureInfo.InvariantCulture) + "ms";
}
