using System.Text.Json.Nodes;

namespace MirrorChain.Sim.Ops;

/// <summary>
/// The feeder (test1) at the start of each block: a seeded random walk of every listed mAsset's price, with upward
/// shocks (CDPs fall under their ratio) and stale windows — about 3% of blocks start a stretch of no feeding longer
/// than the mint's 60 s price age limit.
/// </summary>
public static class FeederOps
{
    public static IEnumerable<PlannedTx> PlanBlockStart(OpContext ctx)
    {
        var f = ctx.Sim.Feeder;
        var stepSeconds = Math.Max(1, (long)ctx.Sim.Options.BlockStep.TotalSeconds);
        if (ctx.Height < f.StaleUntil)
        {
            yield break;
        }
        if (ctx.Height > 5 && ctx.Rng.Next(100) < 3)
        {
            f.StaleUntil = ctx.Height + (66 + stepSeconds - 1) / stepSeconds + ctx.Rng.Next(3);
            f.StaleWindows++;
            yield break;
        }
        var prices = new JsonArray();
        foreach (var asset in ctx.D.MAssets)
        {
            if (f.Delisted.Contains(asset.Symbol))
            {
                continue;
            }
            var p = f.PriceMicros[asset.Symbol];
            var initial = f.InitialMicros[asset.Symbol];
            long bps = ctx.Rng.Next(-150, 151);
            if (ctx.Rng.Next(100) < 4)
            {
                bps += ctx.Rng.Next(1500, 3001); // shock: the mAsset jumps, its CDPs lose ratio
            }
            if (p > initial * 8 / 5)
            {
                bps -= 400;
            }
            else if (p < initial * 3 / 5)
            {
                bps += 400;
            }
            p = Math.Max(1000, p * (10_000 + bps) / 10_000);
            f.PriceMicros[asset.Symbol] = p;
            prices.Add(new JsonArray(asset.Token.ToString(), Dec.FromMicros(p)));
        }
        if (prices.Count == 0)
        {
            yield break;
        }
        f.LastFeedSeconds = ctx.Now;
        yield return new PlannedTx(ctx.Sim.FeederAccount,
            [Msgs.Execute(ctx.Sim.FeederAccount, ctx.D.Oracle, Msgs.Variant("feed_price", new JsonObject { ["prices"] = prices }))],
            Gas.Contract, "feed_price", $"{prices.Count} prices");
    }
}

/// <summary>
/// The feeder delists an mAsset (factory <c>revoke_asset</c> with its current price as end price): at most one per
/// 150 blocks, never before block 30, and never the last two listed assets.
/// </summary>
public sealed class DelistOp : ISimOp
{
    public string Name => "delist";

    public int Weight => 1;

    public PlannedTx? Plan(OpContext ctx)
    {
        var f = ctx.Sim.Feeder;
        var listed = ctx.D.MAssets.Where(a => !f.Delisted.Contains(a.Symbol)).ToList();
        if (ctx.Height < 30 || listed.Count <= 2 || (f.LastDelistHeight > 0 && ctx.Height - f.LastDelistHeight < 150) || !ctx.PricesFresh)
        {
            return null;
        }
        var asset = ctx.Pick(listed);
        f.Delisted.Add(asset.Symbol);
        f.LastDelistHeight = ctx.Height;
        var end = Dec.FromMicros(f.PriceMicros[asset.Symbol]);
        return new PlannedTx(ctx.Sim.FeederAccount,
            [Msgs.Execute(ctx.Sim.FeederAccount, ctx.D.Factory, Msgs.Variant("revoke_asset", new JsonObject { ["asset_token"] = asset.Token.ToString(), ["end_price"] = end }))],
            Gas.Contract, Name, $"{asset.Symbol} at {end}");
    }
}
