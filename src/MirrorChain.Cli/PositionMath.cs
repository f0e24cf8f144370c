using System.Globalization;
using MirrorChain.Core.Numerics;
using Decimal = MirrorChain.Core.Numerics.Decimal;

namespace MirrorChain.Cli;

/// <summary>
/// A mint position's health with the mint's own arithmetic (Mirror v2.1.4 contracts/mirror_mint/src/positions.rs
/// <c>auction</c> and <c>open_position</c>; integer and CosmWasm <c>Decimal</c> math, no floats). Prices are in the
/// base denom (uusd); the debt's value in collateral units is ⌊debt × decimal_division(asset price, collateral
/// price)⌋.
/// </summary>
public static class PositionMath
{
    /// <summary>The largest asset price the trigger search tries: 10^18 base units per unit.</summary>
    private static readonly UInt128 MaxNanoPrice = UInt128.Parse("1000000000000000000000000000", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>10^9: a price in nano units (Mirror's 9-decimal truncation) to Decimal atomics.</summary>
    private static readonly UInt128 NanoToAtomics = 1_000_000_000UL;

    /// <summary>⌊debt × price in collateral⌋: what the mint compares with the collateral.</summary>
    public static UInt128 DebtValue(UInt128 debt, Decimal assetPrice, Decimal collateralPrice) =>
        Decimal.Mul(debt, MirrorMath.DecimalDivision(assetPrice, collateralPrice));

    /// <summary>collateral / debt value (floored at 18 decimals); null when the debt is worth nothing (no debt).</summary>
    public static Decimal? CollateralRatio(UInt128 collateral, UInt128 debt, Decimal assetPrice, Decimal collateralPrice)
    {
        var value = DebtValue(debt, assetPrice, collateralPrice);
        if (value == UInt128.Zero)
        {
            return null;
        }
        try
        {
            return Decimal.FromRatio(collateral, value);
        }
        catch (Exception e) when (e is StdException or PanicException or OverflowException)
        {
            return Decimal.MaxValue; // more than 3.4e20: as good as infinite
        }
    }

    /// <summary>The position's minimum: the asset's min_collateral_ratio × the collateral's multiplier, as open_position checks it.</summary>
    public static Decimal MinimumRatio(Decimal assetMinRatio, Decimal multiplier) =>
        MirrorMath.DecimalMultiplication(assetMinRatio, multiplier);

    /// <summary>The auction's precondition: ⌊⌊⌊debt × price⌋ × mcr⌋ × multiplier⌋ ≥ collateral.</summary>
    public static bool IsAuctionable(UInt128 collateral, UInt128 debt, Decimal assetPrice, Decimal collateralPrice, Decimal assetMinRatio, Decimal multiplier)
    {
        try
        {
            return Decimal.Mul(Decimal.Mul(DebtValue(debt, assetPrice, collateralPrice), assetMinRatio), multiplier) >= collateral;
        }
        catch (Exception e) when (e is StdException or PanicException or OverflowException)
        {
            return true; // past UInt128: certainly above any collateral
        }
    }

    /// <summary>
    /// The lowest asset price (the collateral price held) at which the position becomes auctionable, exact: the mint
    /// reads the price truncated to 9 decimals, so the answer is a multiple of 10^-9. Null when the position has no
    /// debt or no price up to 10^18 would do.
    /// </summary>
    public static Decimal? AuctionTriggerPrice(UInt128 collateral, UInt128 debt, Decimal collateralPrice, Decimal assetMinRatio, Decimal multiplier)
    {
        if (debt == UInt128.Zero || MirrorMath.Truncate9(collateralPrice) == UInt128.Zero)
        {
            return null;
        }
        bool At(UInt128 nano) => IsAuctionable(collateral, debt, Decimal.FromAtomics(nano * NanoToAtomics), collateralPrice, assetMinRatio, multiplier);
        if (At(UInt128.Zero))
        {
            return Decimal.Zero;
        }
        UInt128 low = 0, high = 1;
        while (!At(high))
        {
            low = high;
            if (high >= MaxNanoPrice)
            {
                return null;
            }
            high *= 2;
        }
        // invariant: not auctionable at low, auctionable at high
        while (high - low > 1)
        {
            var mid = low + ((high - low) / 2);
            if (At(mid))
            {
                high = mid;
            }
            else
            {
                low = mid;
            }
        }
        return Decimal.FromAtomics(high * NanoToAtomics);
    }

    /// <summary>
    /// (to − from) / from in percent, rounded half away from zero to <paramref name="decimals"/> places: "23.4%",
    /// "-5.0%"; with <paramref name="signed"/> a rise carries "+". Integer math on the Decimals' atomics.
    /// </summary>
    public static string PercentChange(Decimal from, Decimal to, int decimals, bool signed)
    {
        if (from.IsZero)
        {
            return "n/a";
        }
        var up = to >= from;
        var diff = up ? to.Atomics - from.Atomics : from.Atomics - to.Atomics;
        UInt128 scale = 100;
        for (var i = 0; i < decimals; i++)
        {
            scale *= 10;
        }
        var units = ((diff * scale * 2) + from.Atomics) / (from.Atomics * 2); // round(diff / from × 100 × 10^decimals)
        var divisor = scale / 100;
        var text = decimals == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{units}%")
            : string.Create(CultureInfo.InvariantCulture, $"{units / divisor}.{(units % divisor).ToString(CultureInfo.InvariantCulture).PadLeft(decimals, '0')}%");
        return up ? (signed && !diff.Equals(UInt128.Zero) ? "+" + text : text) : "-" + text;
    }

    /// <summary>A Decimal to at most <paramref name="places"/> decimals, truncated, trailing zeros dropped: 1.5, 2.333333.</summary>
    public static string Round(Decimal value, int places)
    {
        var unit = UInt128.One;
        for (var i = 0; i < 18 - places; i++)
        {
            unit *= 10;
        }
        return Decimal.FromAtomics(value.Atomics / unit * unit).ToString();
    }
}
