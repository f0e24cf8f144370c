using MirrorChain.Core;

namespace MirrorChain.Sim.Invariants;

/// <summary>
/// Staking: per pool, total_bond_amount equals the sum of the stakers' LP bonds, and staking holds exactly that many
/// of the pool's LP token.
/// </summary>
public sealed class StakingBondInvariant : IInvariant
{
    public string Name => "staking total bond = sum of bonds";

    public IEnumerable<string> Check(InvariantContext ctx)
    {
        var bonds = StakingReader.BondsByAsset(ctx.View, ctx.D.Staking, "reward");
        var byLp = new SortedDictionary<Address, UInt128>();
        foreach (var asset in ctx.D.Pools)
        {
            var pool = StakingReader.Pool(ctx.View, ctx.D.Staking, asset.Token);
            if (pool is null)
            {
                yield return $"{asset.Symbol}: no staking pool";
                continue;
            }
            var total = ChainView.U(pool["total_bond_amount"]);
            var sum = bonds.GetValueOrDefault(asset.Token);
            if (total != sum)
            {
                yield return $"{asset.Symbol}: total_bond_amount {total} != sum of bonds {sum}";
            }
            var lp = Address.Parse(pool["staking_token"]!.GetValue<string>());
            byLp[lp] = byLp.GetValueOrDefault(lp) + total;
        }
        foreach (var (lp, total) in byLp)
        {
            var held = ctx.View.Cw20(lp, ctx.D.Staking);
            if (held != total)
            {
                yield return $"LP token {lp}: staking holds {held} but its pools bond {total}";
            }
        }
    }
}
