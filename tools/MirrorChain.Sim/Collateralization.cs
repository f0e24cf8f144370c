using System.Numerics;

namespace MirrorChain.Sim;

/// <summary>A position's collateral ratio against exact prices (the sim's own integer arithmetic).</summary>
public static class Collateralization
{
    /// <summary>
    /// Mint lets anyone auction a position when asset × price × mcr × multiplier ≥ collateral × collateral price
    /// (v2.1.4 contracts/mirror_mint/src/positions.rs <c>auction</c>). "Clearly below" leaves 0.1% for the
    /// contract's intermediate roundings.
    /// </summary>
    public static bool IsClearlyBelow(UInt128 collateral, UInt128 asset, BigInteger assetPrice, BigInteger collateralPrice, BigInteger multiplier, BigInteger mcr)
    {
        var lhs = (BigInteger)collateral * collateralPrice * Dec.One * Dec.One * 10_000;
        var rhs = (BigInteger)asset * assetPrice * mcr * multiplier * 9_990;
        return lhs < rhs;
    }

    /// <summary>The collateral (units) a position of <paramref name="asset"/> needs at ratio <paramref name="ratio"/> (× multiplier), rounded up.</summary>
    public static BigInteger CollateralFor(UInt128 asset, BigInteger assetPrice, BigInteger collateralPrice, BigInteger multiplier, BigInteger ratio)
    {
        var num = (BigInteger)asset * assetPrice * ratio * multiplier;
        var den = collateralPrice * Dec.One * Dec.One;
        return (num + den - 1) / den;
    }

    /// <summary>How much asset a collateral amount covers at <paramref name="ratio"/> (× multiplier), rounded down.</summary>
    public static BigInteger AssetFor(UInt128 collateral, BigInteger assetPrice, BigInteger collateralPrice, BigInteger multiplier, BigInteger ratio)
    {
        var den = assetPrice * ratio * multiplier;
        return den.IsZero ? BigInteger.Zero : (BigInteger)collateral * collateralPrice * Dec.One * Dec.One / den;
    }
}
