using System.Globalization;
using Decimal = MirrorChain.Core.Numerics.Decimal;

namespace MirrorChain.Cli;

/// <summary>One position as the watcher sees it at a height.</summary>
public sealed record PositionHealth(
    string Idx,
    string Asset,
    UInt128 Debt,
    string CollateralSymbol,
    UInt128 Collateral,
    Decimal? Ratio,
    Decimal Minimum,
    MarginState State);

/// <summary>A mint <c>auction</c> of a watched position, seen in a block's tx results.</summary>
public sealed record AuctionSeen(string PositionIdx, string LiquidatedAmount, string ReturnCollateralAmount);

/// <summary>
/// One alert: <c>status</c> (first look at a position), <c>opened</c>, <c>margin</c>, <c>auctionable</c>,
/// <c>recovered</c>, <c>ok</c> (a price appeared), <c>no_price</c>, <c>liquidated</c>, <c>closed</c>.
/// <see cref="State"/> is null when the position is gone.
/// </summary>
public sealed record MarginAlert(
    string Kind,
    string Owner,
    PositionHealth Position,
    MarginState? State,
    MarginState? PreviousState,
    Decimal MarginRatio,
    long Height,
    string Time,
    AuctionSeen? Auction = null,
    bool Inferred = false);

/// <summary>
/// The watcher's state machine: compares each evaluation of an owner's positions with the previous one and yields
/// one alert per change (not one per block). Pure: no I/O, no clock.
/// </summary>
public sealed class MarginTracker(string owner, Decimal margin)
{
    private readonly Dictionary<string, PositionHealth> _last = new(StringComparer.Ordinal);
    private bool _started;

    public Decimal Margin => margin;

    /// <summary>The positions of the last evaluation.</summary>
    public IReadOnlyCollection<PositionHealth> Positions => _last.Values;

    /// <summary>
    /// Compares <paramref name="positions"/> (the state at <paramref name="height"/>) with the previous evaluation.
    /// <paramref name="auctions"/> are the mint auctions of this owner's positions in the blocks since then;
    /// <paramref name="missedBlocks"/> says blocks may have gone unseen (a reconnect), so a position whose debt and
    /// collateral both fell is reported as liquidated (inferred) even without its auction.
    /// </summary>
    public IReadOnlyList<MarginAlert> Observe(IReadOnlyList<PositionHealth> positions, IReadOnlyDictionary<string, AuctionSeen> auctions,
        bool missedBlocks, long height, string time)
    {
        var alerts = new List<MarginAlert>();
        var first = !_started;
        _started = true;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in positions)
        {
            seen.Add(p.Idx);
            var threshold = MarginBand.Threshold(p.Minimum, margin);
            if (!_last.TryGetValue(p.Idx, out var before))
            {
                alerts.Add(new MarginAlert(first ? "status" : "opened", owner, p, p.State, null, threshold, height, time));
            }
            else if (auctions.TryGetValue(p.Idx, out var auction))
            {
                alerts.Add(new MarginAlert("liquidated", owner, p, p.State, before.State, threshold, height, time, auction));
            }
            else if (missedBlocks && p.Debt < before.Debt && p.Collateral < before.Collateral)
            {
                alerts.Add(new MarginAlert("liquidated", owner, p, p.State, before.State, threshold, height, time, Inferred: true));
            }
            else if (p.State != before.State)
            {
                var kind = p.State switch
                {
                    MarginState.Ok when before.State is MarginState.Margin or MarginState.Auctionable => "recovered",
                    _ => MarginBand.Name(p.State),
                };
                alerts.Add(new MarginAlert(kind, owner, p, p.State, before.State, threshold, height, time));
            }
        }
        foreach (var gone in _last.Values.Where(p => !seen.Contains(p.Idx)))
        {
            var threshold = MarginBand.Threshold(gone.Minimum, margin);
            alerts.Add(auctions.TryGetValue(gone.Idx, out var auction)
                ? new MarginAlert("liquidated", owner, gone, null, gone.State, threshold, height, time, auction)
                : new MarginAlert("closed", owner, gone, null, gone.State, threshold, height, time));
        }
        _last.Clear();
        foreach (var p in positions)
        {
            _last[p.Idx] = p;
        }
        alerts.Sort((a, b) => IdxKey(a.Position.Idx).CompareTo(IdxKey(b.Position.Idx)));
        return alerts;
    }

    private static UInt128 IdxKey(string idx) =>
        UInt128.TryParse(idx, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : UInt128.MaxValue;
}
