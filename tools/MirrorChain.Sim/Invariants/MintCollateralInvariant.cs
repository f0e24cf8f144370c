namespace MirrorChain.Sim.Invariants;

/// <summary>Mint: per collateral asset, the sum of the open positions' collateral equals what mint holds of it.</summary>
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
            if (held != sum)
            {
                yield return $"collateral {key}: open positions hold {sum} but mint has {held}";
            }
        }
    }
}
