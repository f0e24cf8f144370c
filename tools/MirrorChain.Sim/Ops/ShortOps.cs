using System.Text.Json.Nodes;
using MirrorChain.Core;

namespace MirrorChain.Sim.Ops;

/// <summary>
/// Opens a short: a UST CDP with <c>short_params</c>; mint sells the minted mAsset on Terraswap, the proceeds go to
/// lock for the lockup period and the position's sLP is bonded in staking (increase_short_token).
/// </summary>
public sealed class ShortOpenOp : ISimOp
{
    public string Name => "short_open";

    public int Weight => 5;

    public PlannedTx? Plan(OpContext ctx)
    {
        if (CdpHelpers.AccountAndListedAsset(ctx, () => ctx.PricesFresh) is not (var a, var asset))
        {
            return null;
        }
        if (CdpHelpers.Mcr(ctx, asset.Token) is not { } mcr)
        {
            return null;
        }
        var ratio = mcr + Dec.One * ctx.Rng.Next(20, 150) / 100;
        var amount = (UInt128)ctx.Between(200_000_000, 3_000_000_000);
        var msg = Msgs.Variant("open_position", new JsonObject
        {
            ["collateral"] = Msgs.Asset(Msgs.Native("uusd"), amount),
            ["asset_info"] = Msgs.Token(asset.Token),
            ["collateral_ratio"] = Dec.Format(ratio),
            ["short_params"] = new JsonObject { ["max_spread"] = "0.5" },
        });
        ctx.Hint("pos", a);
        ctx.Hint("short", a);
        ctx.Hint("bond:" + asset.Token, a);
        return new PlannedTx(a, [Msgs.Execute(a, ctx.D.Mint, msg, new Coin("uusd", amount))], Gas.Contract, Name, $"{amount}uusd short {asset.Symbol} at {Dec.Format(ratio)}");
    }
}

/// <summary>Unlocks a short's sale proceeds from lock once its unlock time has passed.</summary>
public sealed class ShortUnlockOp : ISimOp
{
    public string Name => "short_unlock";

    public int Weight => 3;

    public PlannedTx? Plan(OpContext ctx)
    {
        var ready = new List<UInt128>();
        var owner = ctx.FromHint("short", a =>
        {
            ready.Clear();
            foreach (var p in CdpHelpers.OwnPositions(ctx, a))
            {
                var info = ctx.View.TryQuery(ctx.D.Lock, $"{{\"position_lock_info\":{{\"position_idx\":\"{p.Idx}\"}}}}");
                if (info is not null && ulong.Parse(info["unlock_time"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture) <= ctx.Now)
                {
                    ready.Add(p.Idx);
                }
            }
            return true;
        });
        if (owner is null || ready.Count == 0)
        {
            return null;
        }
        var msg = Msgs.Variant("unlock_position_funds", new JsonObject { ["positions_idx"] = new JsonArray(ready.Select(i => (JsonNode)Dec.U(i)).ToArray()) });
        return new PlannedTx(owner, [Msgs.Execute(owner, ctx.D.Lock, msg)], Gas.Contract, Name, $"positions {string.Join(",", ready)}");
    }
}
