using System.Globalization;
using System.Text.RegularExpressions;
using MirrorChain.LoadGen;

namespace MirrorChain.CrashTest;

/// <summary>
/// Where the node's next blocks start, in wall-clock time: the producer starts a block every block time, and a
/// block's header time is the wall clock when it started (same machine, same clock as ours). So block H+n starts
/// at about time(H) + n × interval.
/// </summary>
internal static partial class BlockSchedule
{
    /// <summary>Recent blocks used to find the producer's schedule.</summary>
    private const int Recent = 5;

    /// <summary>
    /// The first block after now + <paramref name="lead"/>: its height and planned start. A header's time is the
    /// planned start plus however late the producer woke up, so the plan is taken from the least late of the last
    /// few blocks: start(H) = min over h of time(h) + (H - h) × interval.
    /// </summary>
    public static async Task<(long Height, DateTimeOffset Start)> NextAsync(JsonRpcClient rpc, int blockTimeMs, TimeSpan lead, CancellationToken ct)
    {
        var (_, height) = await NodeQueries.StatusAsync(rpc, ct).ConfigureAwait(false);
        var metas = await rpc.CallAsync("blockchain",
            $$"""{"minHeight":"{{Math.Max(1, height - Recent + 1).ToString(CultureInfo.InvariantCulture)}}","maxHeight":"{{height.ToString(CultureInfo.InvariantCulture)}}"}""", ct).ConfigureAwait(false);
        var time = DateTimeOffset.MaxValue;
        foreach (var meta in metas.GetProperty("block_metas").EnumerateArray())
        {
            var header = meta.GetProperty("header");
            var h = NodeQueries.Int64(header.GetProperty("height"));
            var planned = ParseTime(header.GetProperty("time").GetString() ?? "").AddMilliseconds((height - h) * (double)blockTimeMs);
            if (planned < time)
            {
                time = planned;
            }
        }
        if (time == DateTimeOffset.MaxValue)
        {
            throw new JsonRpcException($"blockchain returned no block metas up to height {height}");
        }
        var earliest = DateTimeOffset.UtcNow + lead;
        var n = Math.Max(1, (long)Math.Ceiling((earliest - time).TotalMilliseconds / blockTimeMs));
        return (height + n, time.AddMilliseconds(n * (double)blockTimeMs));
    }

    /// <summary>RFC 3339 with up to nanoseconds (DateTimeOffset takes at most 7 fractional digits).</summary>
    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(LongFraction().Replace(text, "$1"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    [GeneratedRegex(@"(\.\d{7})\d+")]
    private static partial Regex LongFraction();
}
