using System.Text.Json.Nodes;

namespace MirrorChain.Sim.Ops;

/// <summary>
/// Liquidates a position that is under its minimum ratio at the current (fresh) price: a holder of the mAsset sends
/// it to mint with the auction hook, for part or all of the debt.
/// </summary>
public sealed class AuctionOp : ISimOp
{
    public string Name => "auction";

    public int Weight => 6;

    public PlannedTx? Plan(OpContext ctx)
    {
        if (!ctx.PricesFresh)
        {
            return null;
        }
        var under = new List<PositionView>();
        foreach (var p in ctx.Positions)
        {
            if (p.AssetAmount == 0 || !CdpHelpers.IsListed(ctx, p.AssetToken) || !ctx.Claim("pos:" + p.Idx))
            {
                continue;
            }
            // under at the committed price and at the one this block's feed brings (it runs first in the block)
            if (CdpHelpers.FedPrice(ctx, p.AssetToken) is { } price && CdpHelpers.Mcr(ctx, p.AssetToken) is { } mcr && CdpHelpers.Collateral(ctx, p) is (var cp, var mult)
                && Collateralization.IsClearlyBelow(p.Collateral, p.AssetAmount, price, cp, mult, mcr))
            {
                under.Add(p);
            }
        }
        if (under.Count == 0)
        {
            return null;
        }
        var target = ctx.Pick(under);
        ctx.Claim("pos:" + target.Idx);
        var liquidator = ctx.FromHint(OpContext.HoldKey(target.AssetToken), a => ctx.View.Cw20(target.AssetToken, a.Address) > 0);
        if (liquidator is null)
        {
            return null;
        }
        var max = UInt128.Min(target.AssetAmount, ctx.View.Cw20(target.AssetToken, liquidator.Address));
        var amount = ctx.Rng.Next(3) == 0 ? max : max * (UInt128)ctx.Between(20, 100) / 100;
        if (amount == 0)
        {
            return null;
        }
        var hook = Msgs.Variant("auction", new JsonObject { ["position_idx"] = Dec.U(target.Idx) });
        return new PlannedTx(liquidator, [Msgs.Cw20Send(liquidator, target.AssetToken, ctx.D.Mint, amount, hook)], Gas.Contract, Name,
            $"{amount} of #{target.Idx} (debt {target.AssetAmount}, collateral {target.Collateral}{target.CollateralKey})");
    }
}

/// <summary>
/// After a delisting: a holder of the delisted mAsset burns it against any open position of that asset and receives
/// collateral at the end price.
/// </summary>
public sealed class BurnAtEndPriceOp : ISimOp
{
    public string Name => "burn_end_price";

    public int Weight => 4;

    public PlannedTx? Plan(OpContext ctx)
    {
        var delisted = ctx.D.MAssets.Where(a => ctx.Sim.Feeder.Delisted.Contains(a.Symbol)).ToList();
        if (delisted.Count == 0)
        {
            return null;
        }
        var asset = ctx.Pick(delisted);
        var positions = ctx.Positions.Where(p => p.AssetToken == asset.Token && p.AssetAmount > 0).ToList();
        if (positions.Count == 0)
        {
            return null;
        }
        var holder = ctx.FromHint(OpContext.HoldKey(asset.Token), a => ctx.View.Cw20(asset.Token, a.Address) > 0);
        if (holder is null)
        {
            return null;
        }
        var p = ctx.Pick(positions);
        if (!ctx.Claim("pos:" + p.Idx))
        {
            return null;
        }
        var max = UInt128.Min(p.AssetAmount, ctx.View.Cw20(asset.Token, holder.Address));
        var amount = ctx.Rng.Next(2) == 0 ? max : max * (UInt128)ctx.Between(10, 100) / 100;
        if (amount == 0)
        {
            return null;
        }
        var hook = Msgs.Variant("burn", new JsonObject { ["position_idx"] = Dec.U(p.Idx) });
        return new PlannedTx(holder, [Msgs.Cw20Send(holder, asset.Token, ctx.D.Mint, amount, hook)], Gas.Contract, Name, $"{amount} {asset.Symbol} against #{p.Idx}");
    }
}
