using System.Globalization;

namespace MirrorChain.Core;

/// <summary>
/// A point in time as a block header carries it: UTC seconds since the Unix epoch plus nanoseconds.
/// The only clock execution ever sees. Formatting is RFC 3339 with the fraction trimmed, as CometBFT writes it.
/// </summary>
public readonly record struct BlockTime(long Seconds, int Nanos) : IComparable<BlockTime>
{
    public static BlockTime FromUnixMilliseconds(long ms) => new BlockTime(0, 0).AddNanoseconds(checked(ms * 1_000_000L));

    public long UnixNanoseconds => checked(Seconds * 1_000_000_000L + Nanos);

    public BlockTime AddNanoseconds(long nanos)
    {
        var total = checked(UnixNanoseconds + nanos);
        var s = Math.DivRem(total, 1_000_000_000L, out var rem);
        if (rem < 0)
        {
            s -= 1;
            rem += 1_000_000_000L;
        }
        return new BlockTime(s, (int)rem);
    }

    public int CompareTo(BlockTime other) => UnixNanoseconds.CompareTo(other.UnixNanoseconds);

    public static bool operator <(BlockTime a, BlockTime b) => a.CompareTo(b) < 0;

    public static bool operator >(BlockTime a, BlockTime b) => a.CompareTo(b) > 0;

    public static bool operator <=(BlockTime a, BlockTime b) => a.CompareTo(b) <= 0;

    public static bool operator >=(BlockTime a, BlockTime b) => a.CompareTo(b) >= 0;

    /// <summary>RFC 3339, UTC "Z", fraction with trailing zeros removed (Go's RFC3339Nano).</summary>
    public string ToRfc3339()
    {
        var dt = DateTime.UnixEpoch.AddSeconds(Seconds);
        var s = dt.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        if (Nanos != 0)
        {
            s += "." + Nanos.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
        }
        return s + "Z";
    }

    public static BlockTime ParseRfc3339(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var z = text.Length - 1;
        if (z < 0 || text[z] != 'Z')
        {
            throw new FormatException($"time must be UTC with a 'Z' suffix: {text}");
        }
        var main = dot >= 0 ? text[..dot] : text[..z];
        var dt = DateTime.ParseExact(main, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var nanos = 0;
        if (dot >= 0)
        {
            var frac = text[(dot + 1)..z];
            if (frac.Length is 0 or > 9 || !frac.All(char.IsAsciiDigit))
            {
                throw new FormatException($"invalid fractional seconds: {text}");
            }
            nanos = int.Parse(frac.PadRight(9, '0'), NumberStyles.None, CultureInfo.InvariantCulture);
        }
        var seconds = (dt.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond;
        return new BlockTime(seconds, nanos);
    }

    public override string ToString() => ToRfc3339();
}
