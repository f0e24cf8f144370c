namespace MirrorChain.Sim.Invariants;

/// <summary>
/// Mint: per collateral asset, the sum of the open positions' collateral plus the dust closed positions left behind
/// equals what mint holds of it. (Mirror v2.1.4 closes a delisted position burnt down to no debt and ≤ 1 unit of
/// collateral and keeps that unit; the sim counts it from the burn events.)
/// </summary>
public sealed class MintCollateralInvariant : IInvariant
{
    public string Name => "mint collateral = mint holdings";

    public IEnumerable<string> Check(InvariantContext ctx)
    {
        var sums = new SortedDictionary<string, (UInt128 Sum, bool Native)>(StringComparer.Ordinal)
        {
            ["uusd"] = (UInt128.Zero, true),
            ["uluna"] = (UInt128.Zero, true),
        };
        foreach (var p in ctx.View.Positions(ctx.D.Mint))
        {
            var cur = sums.GetValueOrDefault(p.CollateralKey, (UInt128.Zero, p.CollateralNative));
            sums[p.CollateralKey] = (cur.Item1 + p.Collateral, p.CollateralNative);
        }
        foreach (var (key, (sum, native)) in sums)
        {
            var held = ctx.View.Holding(ctx.D.Mint, key, native);
            var dust = ctx.MintDust.GetValueOrDefault(key);
            if (held != sum + dust)
            {
                yield return $"collateral {key}: open positions hold {sum} (+ {dust} dust of closed positions) but mint has {held}";
            }
        }
    }
}
