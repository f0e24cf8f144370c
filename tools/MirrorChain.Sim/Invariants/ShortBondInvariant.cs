using MirrorChain.Core;

namespace MirrorChain.Sim.Invariants;

/// <summary>
/// Shorts: per mAsset, the asset amount of the open short positions plus the short debt auctions wrote off equals
/// staking's total short amount (the sLP the shorts hold), which equals the sum of the stakers' short bonds. (Mirror
/// v2.1.4 decreases sLP only by the liquidated amount when an auction exhausts a short's collateral, so written-off
/// debt stays bonded; the sim counts it from the auction events.)
/// </summary>
public sealed class ShortBondInvariant : IInvariant
{
    public string Name => "short positions = sLP bonds";

    public IEnumerable<string> Check(InvariantContext ctx)
    {
        var shorts = new SortedDictionary<Address, UInt128>();
        foreach (var p in ctx.View.Positions(ctx.D.Mint).Where(p => p.IsShort))
        {
            shorts[p.AssetToken] = shorts.GetValueOrDefault(p.AssetToken) + p.AssetAmount;
        }
        var bonds = StakingReader.BondsByAsset(ctx.View, ctx.D.Staking, "short_reward");
        foreach (var asset in ctx.D.MAssets)
        {
            var pool = StakingReader.Pool(ctx.View, ctx.D.Staking, asset.Token);
            var total = ChainView.U(pool?["total_short_amount"]);
            var minted = shorts.GetValueOrDefault(asset.Token);
            var writtenOff = ctx.WrittenOffShortDebt.GetValueOrDefault(asset.Token);
            var bonded = bonds.GetValueOrDefault(asset.Token);
            if (minted + writtenOff != total || total != bonded)
            {
                yield return $"{asset.Symbol}: short positions' asset {minted} + written-off {writtenOff}, staking total_short_amount {total}, sum of sLP bonds {bonded}";
            }
        }
    }
}
