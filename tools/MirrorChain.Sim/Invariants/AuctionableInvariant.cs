using System.Text;
using System.Text.Json.Nodes;
using MirrorChain.Core;
using MirrorChain.Execution;
using MirrorChain.State;

namespace MirrorChain.Sim.Invariants;

/// <summary>
/// CDPs: no open position of a listed mAsset sits below its minimum collateral ratio at a fresh price without being
/// auctionable. On a scratch copy of the state the feeder re-feeds the current prices (fresh at the block's time);
/// every position clearly under its ratio is then auctioned by a liquidator holding the whole debt — mint must accept
/// each one. Delisted assets are out of scope: their positions close through burns at the end price.
/// </summary>
public sealed class AuctionableInvariant : IInvariant
{
    private static readonly Address Liquidator = Address.FromBytes(Hashing.Sha256("mirrorchain-sim liquidator"u8)[..20]);

    public string Name => "under-collateralised positions are auctionable";

    /// <summary>Positions found under their ratio and auctioned on a scratch copy (all accepted, or the check failed).</summary>
    public long AuctionsTried { get; private set; }

    public IEnumerable<string> Check(InvariantContext ctx)
    {
        var view = ctx.View;
        var listed = new SortedDictionary<Address, (System.Numerics.BigInteger Price, System.Numerics.BigInteger Mcr)>();
        foreach (var asset in ctx.D.MAssets)
        {
            var cfg = view.AssetConfig(ctx.D.Mint, asset.Token);
            var price = view.OraclePrice(ctx.D.Oracle, asset.Token);
            if (cfg is { EndPrice: null } c && price is { } p)
            {
                listed[asset.Token] = (p.Price, c.Mcr);
            }
        }
        var candidates = new List<(PositionView P, string Why)>();
        var collateralPrices = new SortedDictionary<string, (System.Numerics.BigInteger, System.Numerics.BigInteger)?>(StringComparer.Ordinal)
        {
            ["uusd"] = (Dec.One, Dec.One),
        };
        foreach (var p in view.Positions(ctx.D.Mint))
        {
            if (!listed.TryGetValue(p.AssetToken, out var a))
            {
                continue;
            }
            if (!collateralPrices.TryGetValue(p.CollateralKey, out var coll))
            {
                coll = view.CollateralPrice(ctx.D.CollateralOracle, p.CollateralKey);
                collateralPrices[p.CollateralKey] = coll;
            }
            if (coll is not { } c)
            {
                continue;
            }
            if (Collateralization.IsClearlyBelow(p.Collateral, p.AssetAmount, a.Price, c.Item1, c.Item2, a.Mcr))
            {
                candidates.Add((p, $"collateral {p.Collateral} {p.CollateralKey} (price {Dec.Format(c.Item1)}, multiplier {Dec.Format(c.Item2)}) vs {p.AssetAmount} asset at {Dec.Format(a.Price)}, mcr {Dec.Format(a.Mcr)}"));
            }
        }
        if (candidates.Count == 0)
        {
            yield break;
        }
        var fresh = new StateCache(view.State);
        var feed = new JsonArray();
        foreach (var (token, a) in listed)
        {
            feed.Add(new JsonArray(token.ToString(), Dec.Format(a.Price)));
        }
        var feedError = Execute(view, fresh, ctx.Feeder, ctx.D.Oracle, Msgs.Variant("feed_price", new JsonObject { ["prices"] = feed }));
        if (feedError is not null)
        {
            yield return $"could not refresh the prices as the feeder: {feedError}";
            yield break;
        }
        foreach (var (p, why) in candidates)
        {
            AuctionsTried++;
            var branch = new StateCache(fresh);
            // the liquidator holds the whole debt: its balance and the token's supply grow together (cw20 burns check both)
            branch.Set([.. ChainView.MapPrefix(p.AssetToken, "balance"), .. Liquidator.Bytes], Encoding.UTF8.GetBytes($"\"{p.AssetAmount}\""));
            var tokenInfoKey = (byte[])[.. MirrorChain.Execution.Contracts.ContractKeys.StoragePrefix(p.AssetToken), .. "token_info"u8];
            var info = JsonNode.Parse(branch.Get(tokenInfoKey)!)!;
            info["total_supply"] = Dec.U(ChainView.U(info["total_supply"]) + p.AssetAmount);
            branch.Set(tokenInfoKey, Encoding.UTF8.GetBytes(info.ToJsonString()));
            var hook = Msgs.Variant("auction", new JsonObject { ["position_idx"] = Dec.U(p.Idx) });
            var send = Msgs.Variant("send", new JsonObject { ["contract"] = ctx.D.Mint.ToString(), ["amount"] = Dec.U(p.AssetAmount), ["msg"] = Msgs.B64(hook) });
            var error = Execute(view, branch, Liquidator, p.AssetToken, send);
            if (error is not null)
            {
                yield return $"position {p.Idx} ({why}) is under its minimum ratio but mint refuses the auction: {error}";
            }
        }
    }

    private static string? Execute(ChainView view, StateCache cache, Address sender, Address contract, JsonNode msg)
    {
        try
        {
            var ctx = new MirrorChain.Execution.TxContext(view.Block, cache, GasMeter.Infinite(), GasConfig.Default, ExecutionMode.Deliver, new byte[32], 0);
            view.Runtime.Execute(ctx, sender, contract, Encoding.UTF8.GetBytes(msg.ToJsonString()), []);
            return null;
        }
        catch (Exception e) when (e is SdkException or MirrorChain.CosmWasm.ContractException)
        {
            return e.Message;
        }
    }
}
