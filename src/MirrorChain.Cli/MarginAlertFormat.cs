using System.Globalization;
using System.Text.Json.Nodes;

namespace MirrorChain.Cli;

/// <summary>The two forms of a <see cref="MarginAlert"/>: one JSON object (for <c>-o json</c> and <c>--post</c>) and one text line.</summary>
public static class MarginAlertFormat
{
    public static JsonObject ToJson(MarginAlert a)
    {
        var p = a.Position;
        var json = new JsonObject
        {
            ["event"] = a.Kind,
            ["owner"] = a.Owner,
            ["position_idx"] = p.Idx,
            ["asset"] = p.Asset,
            ["state"] = a.State is { } s ? MarginBand.Name(s) : "closed",
            ["previous_state"] = a.PreviousState is { } ps ? MarginBand.Name(ps) : null,
            ["collateral_ratio"] = a.State is null ? null : p.Ratio?.ToString(),
            ["min_collateral_ratio"] = p.Minimum.ToString(),
            ["margin_ratio"] = a.MarginRatio.ToString(),
            ["debt"] = a.State is null ? "0" : p.Debt.ToString(CultureInfo.InvariantCulture),
            ["collateral"] = a.State is null ? "0" : p.Collateral.ToString(CultureInfo.InvariantCulture),
            ["collateral_symbol"] = p.CollateralSymbol,
            ["height"] = a.Height,
            ["time"] = a.Time,
        };
        if (a.Kind == "liquidated")
        {
            json["liquidated_amount"] = a.Auction?.LiquidatedAmount;
            json["return_collateral_amount"] = a.Auction?.ReturnCollateralAmount;
            json["inferred"] = a.Inferred;
        }
        return json;
    }

    public static string ToText(MarginAlert a)
    {
        var p = a.Position;
        var ratio = p.Ratio is { } r ? PositionMath.Round(r, 6) : "n/a (no debt)";
        var band = PositionMath.Round(a.MarginRatio, 6);
        var what = a.Kind switch
        {
            "margin" => $"within the margin: ratio {ratio} < {band} (minimum {p.Minimum})",
            "auctionable" => $"AUCTIONABLE: ratio {ratio} ≤ minimum {p.Minimum}",
            "recovered" => $"recovered: ratio {ratio} ≥ {band} (minimum {p.Minimum})",
            "no_price" => "no oracle price: ratio unknown",
            "closed" => "closed (no longer in the mint)",
            "liquidated" => Liquidated(a, ratio),
            _ => $"{a.Kind}: {StateText(a, ratio, band)}",
        };
        return string.Create(CultureInfo.InvariantCulture, $"height {a.Height} {a.Time} position {p.Idx} {p.Asset}: {what}");
    }

    private static string StateText(MarginAlert a, string ratio, string band) => a.State switch
    {
        MarginState.NoPrice => "no oracle price, ratio unknown",
        { } s => $"{MarginBand.Name(s)}, ratio {ratio} (minimum {a.Position.Minimum}, margin band below {band})",
        null => "closed",
    };

    private static string Liquidated(MarginAlert a, string ratio)
    {
        var how = a.Auction is { } x
            ? $"liquidated by an auction ({x.LiquidatedAmount} repaid, {x.ReturnCollateralAmount} to the liquidator)"
            : "liquidated (debt and collateral fell while blocks went unseen)";
        return a.State is { } s ? $"{how}: ratio now {ratio}, {MarginBand.Name(s)}" : $"{how}: position closed";
    }
}
