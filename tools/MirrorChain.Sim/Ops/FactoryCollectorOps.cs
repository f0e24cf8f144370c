using System.Text.Json.Nodes;

namespace MirrorChain.Sim.Ops;

/// <summary>Factory <c>distribute</c>: pays the MIR emission to staking's pools by weight (at most every 60 s).</summary>
public sealed class FactoryDistributeOp : ISimOp
{
    public string Name => "factory_distribute";

    public int Weight => 2;

    public PlannedTx? Plan(OpContext ctx)
    {
        var info = ctx.View.TryQuery(ctx.D.Factory, "{\"distribution_info\":{}}");
        var last = info?["last_distributed"] is { } l ? ulong.Parse(l.ToString(), System.Globalization.CultureInfo.InvariantCulture) : 0;
        var a = ctx.AnyAccount();
        if (a is null || ctx.Now < last + 60 || !ctx.Claim("distribute"))
        {
            return null;
        }
        return new PlannedTx(a, [Msgs.Execute(a, ctx.D.Factory, Msgs.Variant("distribute"))], Gas.Heavy, Name, $"{ctx.Now - last} s since the last");
    }
}

/// <summary>Collector <c>convert</c>: the protocol fees (UST) into MIR on the MIR/UST pool, or a held mAsset into UST.</summary>
public sealed class CollectorConvertOp : ISimOp
{
    public string Name => "collector_convert";

    public int Weight => 2;

    public PlannedTx? Plan(OpContext ctx)
    {
        var a = ctx.AnyAccount();
        if (a is null)
        {
            return null;
        }
        var held = ctx.D.MAssets.Where(m => ctx.View.Cw20(m.Token, ctx.D.Collector) > 0).ToList();
        SimAsset target;
        if (held.Count > 0 && ctx.Rng.Next(2) == 0)
        {
            target = ctx.Pick(held);
        }
        else if (ctx.View.Bank(ctx.D.Collector, "uusd") > 1_000_000)
        {
            target = ctx.D.Mir;
        }
        else
        {
            return null;
        }
        if (!ctx.Claim("convert:" + target.Token))
        {
            return null;
        }
        var msg = Msgs.Variant("convert", new JsonObject { ["asset_token"] = target.Token.ToString() });
        return new PlannedTx(a, [Msgs.Execute(a, ctx.D.Collector, msg)], Gas.Contract, Name, target.Symbol);
    }
}

/// <summary>Collector <c>distribute</c>: its MIR to gov as voting/staking rewards.</summary>
public sealed class CollectorDistributeOp : ISimOp
{
    public string Name => "collector_distribute";

    public int Weight => 1;

    public PlannedTx? Plan(OpContext ctx)
    {
        var a = ctx.AnyAccount();
        if (a is null || ctx.View.Cw20(ctx.D.MirrorToken, ctx.D.Collector) == 0 || !ctx.Claim("collector_distribute"))
        {
            return null;
        }
        return new PlannedTx(a, [Msgs.Execute(a, ctx.D.Collector, Msgs.Variant("distribute"))], Gas.Contract, Name, "");
    }
}
