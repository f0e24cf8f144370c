using System.Numerics;
using System.Text.Json.Nodes;
using MirrorChain.Core;

namespace MirrorChain.Sim.Ops;

/// <summary>Opens a CDP: UST (or LUNA, at its 4/3 multiplier) against a listed mAsset, from just above the minimum ratio to far above.</summary>
public sealed class CdpOpenOp : ISimOp
{
    public string Name => "cdp_open";

    public int Weight => 8;

    public PlannedTx? Plan(OpContext ctx)
    {
        if (CdpHelpers.AccountAndListedAsset(ctx, () => ctx.PricesFresh || ctx.Rng.Next(10) == 0) is not (var a, var asset))
        {
            return null;
        }
        var mcr = CdpHelpers.Mcr(ctx, asset.Token);
        if (mcr is null)
        {
            return null;
        }
        var luna = ctx.Rng.Next(5) == 0;
        var multiplier = luna ? Dec.Parse("1.333333333333333333") : Dec.One;
        var ratio = mcr.Value * multiplier / Dec.One + Dec.One * ctx.Rng.Next(3, 150) / 100;
        var amount = luna ? (UInt128)ctx.Between(5_000_000, 100_000_000) : (UInt128)ctx.Between(100_000_000, 5_000_000_000);
        var denom = luna ? "uluna" : "uusd";
        var msg = Msgs.Variant("open_position", new JsonObject
        {
            ["collateral"] = Msgs.Asset(Msgs.Native(denom), amount),
            ["asset_info"] = Msgs.Token(asset.Token),
            ["collateral_ratio"] = Dec.Format(ratio),
        });
        ctx.Hint("pos", a);
        ctx.Hint(OpContext.HoldKey(asset.Token), a);
        return new PlannedTx(a, [Msgs.Execute(a, ctx.D.Mint, msg, new Coin(denom, amount))], Gas.Contract, Name, $"{amount}{denom} for {asset.Symbol} at {Dec.Format(ratio)}");
    }
}

/// <summary>Deposits more of a position's native collateral.</summary>
public sealed class CdpDepositOp : ISimOp
{
    public string Name => "cdp_deposit";

    public int Weight => 4;

    public PlannedTx? Plan(OpContext ctx)
    {
        if (CdpHelpers.PickOwned(ctx, p => p.CollateralNative && CdpHelpers.IsListed(ctx, p.AssetToken)) is not ({ } owner, { } p) || !ctx.Claim("pos:" + p.Idx))
        {
            return null;
        }
        var amount = p.CollateralKey == "uluna" ? (UInt128)ctx.Between(1_000_000, 20_000_000) : (UInt128)ctx.Between(10_000_000, 1_000_000_000);
        var msg = Msgs.Variant("deposit", new JsonObject
        {
            ["position_idx"] = Dec.U(p.Idx),
            ["collateral"] = Msgs.Asset(Msgs.Native(p.CollateralKey), amount),
        });
        return new PlannedTx(owner, [Msgs.Execute(owner, ctx.D.Mint, msg, new Coin(p.CollateralKey, amount))], Gas.Contract, Name, $"{amount}{p.CollateralKey} to #{p.Idx}");
    }
}

/// <summary>Withdraws collateral a position holds above its minimum ratio + 0.25 (fresh price needed).</summary>
public sealed class CdpWithdrawOp : ISimOp
{
    public string Name => "cdp_withdraw";

    public int Weight => 3;

    public PlannedTx? Plan(OpContext ctx)
    {
        if (!ctx.PricesFresh || CdpHelpers.PickOwned(ctx, p => p.CollateralNative && CdpHelpers.IsListed(ctx, p.AssetToken)) is not ({ } owner, { } p) || !ctx.Claim("pos:" + p.Idx))
        {
            return null;
        }
        if (CdpHelpers.WorstPrice(ctx, p.AssetToken) is not { } price || CdpHelpers.Mcr(ctx, p.AssetToken) is not { } mcr || CdpHelpers.Collateral(ctx, p) is not (var cp, var mult))
        {
            return null;
        }
        var need = Collateralization.CollateralFor(p.AssetAmount, price, cp, mult, mcr + Dec.One / 4);
        var free = (BigInteger)p.Collateral - need;
        if (free <= 0)
        {
            return null;
        }
        var amount = (UInt128)(free * ctx.Rng.Next(10, 90) / 100);
        if (amount == 0)
        {
            return null;
        }
        var msg = Msgs.Variant("withdraw", new JsonObject
        {
            ["position_idx"] = Dec.U(p.Idx),
            ["collateral"] = Msgs.Asset(Msgs.Native(p.CollateralKey), amount),
        });
        return new PlannedTx(owner, [Msgs.Execute(owner, ctx.D.Mint, msg)], Gas.Contract, Name, $"{amount}{p.CollateralKey} from #{p.Idx}");
    }
}

/// <summary>Mints more of a (non-short) position's mAsset while staying above its minimum ratio + 0.25.</summary>
public sealed class CdpMintOp : ISimOp
{
    public string Name => "cdp_mint";

    public int Weight => 3;

    public PlannedTx? Plan(OpContext ctx)
    {
        if (!ctx.PricesFresh || CdpHelpers.PickOwned(ctx, p => !p.IsShort && CdpHelpers.IsListed(ctx, p.AssetToken)) is not ({ } owner, { } p) || !ctx.Claim("pos:" + p.Idx))
        {
            return null;
        }
        if (CdpHelpers.WorstPrice(ctx, p.AssetToken) is not { } price || CdpHelpers.Mcr(ctx, p.AssetToken) is not { } mcr || CdpHelpers.Collateral(ctx, p) is not (var cp, var mult))
        {
            return null;
        }
        var room = Collateralization.AssetFor(p.Collateral, price, cp, mult, mcr + Dec.One / 4) - (BigInteger)p.AssetAmount;
        if (room <= 0)
        {
            return null;
        }
        var amount = (UInt128)(room * ctx.Rng.Next(10, 90) / 100);
        if (amount == 0)
        {
            return null;
        }
        ctx.Hint(OpContext.HoldKey(p.AssetToken), owner);
        var msg = Msgs.Variant("mint", new JsonObject
        {
            ["position_idx"] = Dec.U(p.Idx),
            ["asset"] = Msgs.Asset(Msgs.Token(p.AssetToken), amount),
        });
        return new PlannedTx(owner, [Msgs.Execute(owner, ctx.D.Mint, msg)], Gas.Contract, Name, $"{amount} more on #{p.Idx}");
    }
}

/// <summary>Burns mAsset the owner holds against its own position (cw20 send to mint, burn hook).</summary>
public sealed class CdpBurnOp : ISimOp
{
    public string Name => "cdp_burn";

    public int Weight => 4;

    public PlannedTx? Plan(OpContext ctx)
    {
        if (!ctx.PricesFresh)
        {
            return null;
        }
        if (CdpHelpers.PickOwned(ctx, p => p.AssetAmount > 0 && CdpHelpers.IsListed(ctx, p.AssetToken) && ctx.View.Cw20(p.AssetToken, p.Owner) > 0) is not ({ } owner, { } p) || !ctx.Claim("pos:" + p.Idx))
        {
            return null;
        }
        var max = UInt128.Min(p.AssetAmount, ctx.View.Cw20(p.AssetToken, owner.Address));
        var amount = ctx.Rng.Next(4) == 0 ? max : max * (UInt128)ctx.Between(10, 100) / 100;
        if (amount == 0)
        {
            return null;
        }
        var hook = Msgs.Variant("burn", new JsonObject { ["position_idx"] = Dec.U(p.Idx) });
        return new PlannedTx(owner, [Msgs.Cw20Send(owner, p.AssetToken, ctx.D.Mint, amount, hook)], Gas.Contract, Name, $"{amount} of #{p.Idx} (debt {p.AssetAmount})");
    }
}
