using System.Numerics;
using MirrorChain.Core;

namespace MirrorChain.Sim.Ops;

/// <summary>Lookups the CDP ops share: listed assets, an owner's positions, prices.</summary>
public static class CdpHelpers
{
    public static List<SimAsset> Listed(OpContext ctx) => ctx.D.MAssets.Where(a => !ctx.Sim.Feeder.Delisted.Contains(a.Symbol)).ToList();

    /// <summary>
    /// A free account and a random listed mAsset for an op that opens a position; null when there is no free account,
    /// nothing is listed, or <paramref name="pricesUsable"/> (asked last) says no.
    /// </summary>
    public static (SimAccount Account, SimAsset Asset)? AccountAndListedAsset(OpContext ctx, Func<bool> pricesUsable)
    {
        var listed = Listed(ctx);
        var a = ctx.AnyAccount();
        if (a is null || listed.Count == 0 || !pricesUsable())
        {
            return null;
        }
        return (a, ctx.Pick(listed));
    }

    public static List<PositionView> OwnPositions(OpContext ctx, SimAccount owner)
    {
        var r = ctx.View.TryQuery(ctx.D.Mint, $"{{\"positions\":{{\"owner_addr\":\"{owner.Address}\",\"limit\":30}}}}");
        var empty = new HashSet<UInt128>();
        return r?["positions"]?.AsArray().Select(p => ChainView.ParsePosition(p!, empty)).ToList() ?? [];
    }

    /// <summary>A random open position of a hinted owner, with the owner; null when none.</summary>
    public static (SimAccount Owner, PositionView Position)? PickOwned(OpContext ctx, Func<PositionView, bool> accept)
    {
        PositionView? chosen = null;
        var owner = ctx.FromHint("pos", a =>
        {
            var mine = OwnPositions(ctx, a);
            if (mine.Count == 0)
            {
                return false;
            }
            var ok = mine.Where(accept).ToList();
            chosen = ok.Count == 0 ? null : ok[ctx.Rng.Next(ok.Count)];
            return true; // keep the hint even if no position fits this time
        });
        return owner is not null && chosen is not null ? (owner, chosen) : null;
    }

    public static (BigInteger Price, BigInteger Multiplier)? Collateral(OpContext ctx, PositionView p) =>
        p.CollateralNative && p.CollateralKey == "uusd" ? (Dec.One, Dec.One) : ctx.Memo("coll:" + p.CollateralKey, () => ctx.View.CollateralPrice(ctx.D.CollateralOracle, p.CollateralKey));

    public static BigInteger? Price(OpContext ctx, Address token) => ctx.Memo("price:" + token, () => ctx.View.OraclePrice(ctx.D.Oracle, token)?.Price);

    /// <summary>
    /// The lower of the committed oracle price and the feeder's latest price (fed at the start of this block when not
    /// in a stale window): CDP ops that must not over-borrow use the worse one.
    /// </summary>
    public static BigInteger? FedPrice(OpContext ctx, Address token) => CommittedAndFed(ctx, token, BigInteger.Min);

    /// <summary>The higher of the committed and the just-fed price (for ops that add debt or remove collateral).</summary>
    public static BigInteger? WorstPrice(OpContext ctx, Address token) => CommittedAndFed(ctx, token, BigInteger.Max);

    /// <summary>
    /// The committed oracle price combined by <paramref name="pick"/> with the feeder's latest price for the asset (as
    /// an 18-digit decimal); the committed price alone when the feeder has none; null when nothing is committed.
    /// </summary>
    private static BigInteger? CommittedAndFed(OpContext ctx, Address token, Func<BigInteger, BigInteger, BigInteger> pick)
    {
        if (Price(ctx, token) is not { } committed)
        {
            return null;
        }
        var asset = Asset(ctx, token);
        if (asset is null || !ctx.Sim.Feeder.PriceMicros.TryGetValue(asset.Symbol, out var micros))
        {
            return committed;
        }
        return pick(committed, new BigInteger(micros) * BigInteger.Pow(10, 12));
    }

    public static BigInteger? Mcr(OpContext ctx, Address token) =>
        ctx.Memo("mcr:" + token, () => ctx.View.AssetConfig(ctx.D.Mint, token) is { EndPrice: null } c ? c.Mcr : (BigInteger?)null);

    public static SimAsset? Asset(OpContext ctx, Address token) => ctx.D.MAssets.FirstOrDefault(a => a.Token == token);

    public static bool IsListed(OpContext ctx, Address token) =>
        Asset(ctx, token) is { } a && !ctx.Sim.Feeder.Delisted.Contains(a.Symbol);
}
