using Decimal = MirrorChain.Core.Numerics.Decimal;

namespace MirrorChain.Cli;

/// <summary>A watched position's health, as <c>mirrorchain watch</c> classifies it.</summary>
public enum MarginState
{
    /// <summary>At or above the margin band (or no debt).</summary>
    Ok,

    /// <summary>Below minimum × (1 + margin) but not auctionable yet.</summary>
    Margin,

    /// <summary>The mint would accept an auction now.</summary>
    Auctionable,

    /// <summary>No oracle price for the asset: the ratio is unknown.</summary>
    NoPrice,
}

/// <summary>The margin band's arithmetic (integer Decimal math, no floats).</summary>
public static class MarginBand
{
    /// <summary>The band's upper edge ⌊minimum × (1 + margin)⌋ (18 decimals): a ratio strictly below it is within the margin.</summary>
    public static Decimal Threshold(Decimal minimum, Decimal margin) => minimum * (Decimal.One + margin);

    /// <summary>
    /// The state of a position: <see cref="MarginState.Auctionable"/> when the mint's own auction test passes
    /// (<paramref name="auctionable"/>, ⌊⌊⌊debt × price⌋ × min⌋ × multiplier⌋ ≥ collateral, i.e. ratio ≤ minimum),
    /// else <see cref="MarginState.Margin"/> when ratio &lt; <see cref="Threshold"/>, else
    /// <see cref="MarginState.Ok"/>; <see cref="MarginState.NoPrice"/> without a price. A null ratio is no debt.
    /// </summary>
    public static MarginState Classify(Decimal? ratio, Decimal minimum, Decimal margin, bool auctionable, bool priced)
    {
        if (!priced)
        {
            return MarginState.NoPrice;
        }
        if (auctionable)
        {
            return MarginState.Auctionable;
        }
        return ratio is { } r && r < Threshold(minimum, margin) ? MarginState.Margin : MarginState.Ok;
    }

    /// <summary>The state's name in alerts: ok, margin, auctionable, no_price.</summary>
    public static string Name(MarginState state) => state switch
    {
        MarginState.Ok => "ok",
        MarginState.Margin => "margin",
        MarginState.Auctionable => "auctionable",
        _ => "no_price",
    };
}
