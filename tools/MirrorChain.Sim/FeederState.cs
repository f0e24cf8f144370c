namespace MirrorChain.Sim;

/// <summary>
/// The price feeder (devnet account test1): a seeded random walk per mAsset in micro-UST, with upward shocks that push
/// CDPs under their minimum ratio, stale windows (no feed for longer than the mint's 60 s limit) and delistings.
/// </summary>
public sealed class FeederState
{
    public SortedDictionary<string, long> PriceMicros { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, long> InitialMicros { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Delisted { get; } = new(StringComparer.Ordinal);

    public ulong? LastFeedSeconds { get; set; }

    /// <summary>No feed before this height (a stale window).</summary>
    public long StaleUntil { get; set; }

    public long StaleWindows { get; set; }

    public long LastDelistHeight { get; set; }
}
