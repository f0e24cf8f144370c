using System.Globalization;
using System.Text.RegularExpressions;

namespace MirrorChain.Rpc;

/// <summary>Strict parsing of the TIME (RFC 3339) and DATE (yyyy-mm-dd) values of tx_search queries and event attributes.</summary>
internal static partial class Rfc3339
{
    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    public static DateTimeOffset ParseTime(string text) =>
        TryParseTime(text, out var t) ? t : throw new FormatException($"invalid TIME value {text}");

    public static DateTimeOffset ParseDate(string text) =>
        TryParseDate(text, out var d) ? d : throw new FormatException($"invalid DATE value {text}");

    public static bool TryParseTime(string text, out DateTimeOffset value)
    {
        value = default;
        var m = TimePattern().Match(text);
        if (!m.Success)
        {
            return false;
        }
        try
        {
            var offset = TimeSpan.Zero;
            var zone = m.Groups[8].Value;
            if (zone != "Z")
            {
                var hours = Int(zone.AsSpan(1, 2));
                var minutes = Int(zone.AsSpan(4, 2));
                if (hours > 23 || minutes > 59)
                {
                    return false;
                }
                offset = new TimeSpan(hours, minutes, 0);
                if (zone[0] == '-')
                {
                    offset = -offset;
                }
            }
            var ticks = 0L;
            if (m.Groups[7].Success)
            {
                ticks = long.Parse(m.Groups[7].Value.PadRight(9, '0').AsSpan(0, 7), NumberStyles.None, CultureInfo.InvariantCulture);
            }
            value = new DateTimeOffset(Int(m.Groups[1].ValueSpan), Int(m.Groups[2].ValueSpan), Int(m.Groups[3].ValueSpan),
                Int(m.Groups[4].ValueSpan), Int(m.Groups[5].ValueSpan), Int(m.Groups[6].ValueSpan), offset).AddTicks(ticks);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    public static bool TryParseDate(string text, out DateTimeOffset value)
    {
        value = default;
        var m = DatePattern().Match(text);
        if (!m.Success)
        {
            return false;
        }
        try
        {
            value = new DateTimeOffset(Int(m.Groups[1].ValueSpan), Int(m.Groups[2].ValueSpan), Int(m.Groups[3].ValueSpan), 0, 0, 0, TimeSpan.Zero);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static int Int(ReadOnlySpan<char> digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
}
