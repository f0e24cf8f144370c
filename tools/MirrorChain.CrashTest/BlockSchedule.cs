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
    /// <summary>The first block after now + <paramref name="lead"/>: its height and planned start.</summary>
    public static async Task<(long Height, DateTimeOffset Start)> NextAsync(JsonRpcClient rpc, int blockTimeMs, TimeSpan lead, CancellationToken ct)
    {
        var status = await rpc.CallAsync("status", ct).ConfigureAwait(false);
        var sync = status.GetProperty("sync_info");
        var height = NodeQueries.Int64(sync.GetProperty("latest_block_height"));
        var time = ParseTime(sync.GetProperty("latest_block_time").GetString() ?? "");
        var earliest = DateTimeOffset.UtcNow + lead;
        var n = Math.Max(1, (long)Math.Ceiling((earliest - time).TotalMilliseconds / blockTimeMs));
        return (height + n, time.AddMilliseconds(n * blockTimeMs));
    }

    /// <summary>RFC 3339 with up to nanoseconds (DateTimeOffset takes at most 7 fractional digits).</summary>
    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(LongFraction().Replace(text, "$1"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    [GeneratedRegex(@"(\.\d{7})\d+")]
    private static partial Regex LongFraction();
}
