using System.Text.Json.Nodes;

namespace MirrorChain.Sim.Ops;

/// <summary>Buys an mAsset or MIR with UST on its Terraswap pair.</summary>
public sealed class SwapBuyOp : ISimOp
{
    public string Name => "swap_buy";

    public int Weight => 10;

    public PlannedTx? Plan(OpContext ctx)
    {
        var a = ctx.AnyAccount();
        if (a is null)
        {
            return null;
        }
        var pool = ctx.Pick(ctx.D.Pools.ToList());
        if (ctx.Sim.Feeder.Delisted.Contains(pool.Symbol) && ctx.Rng.Next(4) != 0)
        {
            return null;
        }
        var amount = (UInt128)ctx.Between(1_000_000, 2_000_000_000);
        ctx.Hint(OpContext.HoldKey(pool.Token), a);
        var msg = Msgs.Variant("swap", new JsonObject { ["offer_asset"] = Msgs.Asset(Msgs.Native("uusd"), amount), ["max_spread"] = "0.5" });
        return new PlannedTx(a, [Msgs.Execute(a, pool.Pair, msg, Msgs.Uusd(amount))], Gas.Contract, Name, $"{amount}uusd for {pool.Symbol}");
    }
}

/// <summary>Sells part of an account's mAsset or MIR for UST (cw20 send to the pair with a swap hook).</summary>
public sealed class SwapSellOp : ISimOp
{
    public string Name => "swap_sell";

    public int Weight => 8;

    public PlannedTx? Plan(OpContext ctx)
    {
        var pool = ctx.Pick(ctx.D.Pools.ToList());
        var a = pool == ctx.D.Mir ? ctx.AnyAccount() : ctx.FromHint(OpContext.HoldKey(pool.Token), x => ctx.View.Cw20(pool.Token, x.Address) > 0);
        if (a is null)
        {
            return null;
        }
        var balance = ctx.View.Cw20(pool.Token, a.Address);
        if (balance == 0)
        {
            return null;
        }
        var amount = pool == ctx.D.Mir ? UInt128.Min(balance, (UInt128)ctx.Between(1_000_000, 500_000_000)) : balance * (UInt128)ctx.Between(10, 100) / 100;
        if (amount == 0)
        {
            return null;
        }
        var hook = Msgs.Variant("swap", new JsonObject { ["max_spread"] = "0.5" });
        return new PlannedTx(a, [Msgs.Cw20Send(a, pool.Token, pool.Pair, amount, hook)], Gas.Contract, Name, $"{amount} {pool.Symbol}");
    }
}
