using MirrorChain.Core;
using MirrorChain.Core.Numerics;

namespace MirrorChain.Contracts.Terraswap.Pair;

public sealed partial class PairContract
{
    /// <summary>
    /// <c>swap</c>: prices the offer against the pools as they were before it arrived (the offered amount is already in
    /// the balance), checks belief price / max spread on the gross return, sends the net return (minus Terra tax for a
    /// native ask) to <c>to</c> or the trader; the commission stays in the ask pool.
    /// </summary>
    private static Response Swap(Deps deps, Env env, MessageInfo info, Address sender, Asset offerAsset, Decimal? beliefPrice, Decimal? maxSpread, Address? to)
    {
        offerAsset.AssertSentNativeTokenBalance(info);

        var pairInfo = PairState.PairInfo.Load(deps.Storage);
        var pools = QueryPools(deps, pairInfo, env.ContractAddress);

        UInt128 offerPool;
        Asset askPool;
        if (offerAsset.Info.IsSame(pools[0].Info))
        {
            offerPool = PairErrors.CheckedSub(pools[0].Amount, offerAsset.Amount);
            askPool = pools[1];
        }
        else if (offerAsset.Info.IsSame(pools[1].Info))
        {
            offerPool = PairErrors.CheckedSub(pools[1].Amount, offerAsset.Amount);
            askPool = pools[0];
        }
        else
        {
            throw PairErrors.Error(PairErrors.AssetMismatch);
        }

        var offerAmount = offerAsset.Amount;
        var (returnAmount, spreadAmount, commissionAmount) = SwapMath.ComputeSwap(offerPool, askPool.Amount, offerAmount);

        SwapMath.AssertMaxSpread(beliefPrice, maxSpread, offerAmount, Uint128Math.Add(returnAmount, commissionAmount), spreadAmount);

        var returnAsset = Asset.Of(askPool.Info, returnAmount);
        var taxAmount = returnAsset.ComputeTax(deps.Querier);
        var receiver = to ?? sender;

        return new Response()
            .AddMessage(returnAsset.IntoMsg(deps.Querier, receiver))
            .AddAttribute("action", "swap")
            .AddAttribute("sender", sender.ToString())
            .AddAttribute("receiver", receiver.ToString())
            .AddAttribute("offer_asset", offerAsset.Info.ToString())
            .AddAttribute("ask_asset", askPool.Info.ToString())
            .AddAttribute("offer_amount", offerAmount)
            .AddAttribute("return_amount", returnAmount)
            .AddAttribute("tax_amount", taxAmount)
            .AddAttribute("spread_amount", spreadAmount)
            .AddAttribute("commission_amount", commissionAmount);
    }

    private static PoolResponse QueryPool(QueryDeps deps)
    {
        var pairInfo = PairState.PairInfo.Load(deps.Storage);
        var assets = QueryPools(deps, pairInfo, Address.Parse(pairInfo.ContractAddr));
        return new PoolResponse { Assets = assets, TotalShare = TerraswapQuerier.QuerySupply(deps.Querier, LiquidityToken(pairInfo)) };
    }

    /// <summary><c>simulation</c>: <c>compute_swap</c> on the live pools (nothing to subtract, no tax).</summary>
    private static SimulationResponse QuerySimulation(QueryDeps deps, Asset offerAsset)
    {
        var pairInfo = PairState.PairInfo.Load(deps.Storage);
        var pools = QueryPools(deps, pairInfo, Address.Parse(pairInfo.ContractAddr));
        var (offerPool, askPool) = offerAsset.Info.IsSame(pools[0].Info) ? (pools[0], pools[1])
            : offerAsset.Info.IsSame(pools[1].Info) ? (pools[1], pools[0])
            : throw PairErrors.Error(PairErrors.AssetMismatch);

        var (returnAmount, spreadAmount, commissionAmount) = SwapMath.ComputeSwap(offerPool.Amount, askPool.Amount, offerAsset.Amount);
        return new SimulationResponse { ReturnAmount = returnAmount, SpreadAmount = spreadAmount, CommissionAmount = commissionAmount };
    }

    /// <summary><c>reverse_simulation</c>: <c>compute_offer_amount</c> for a wanted net ask amount.</summary>
    private static ReverseSimulationResponse QueryReverseSimulation(QueryDeps deps, Asset askAsset)
    {
        var pairInfo = PairState.PairInfo.Load(deps.Storage);
        var pools = QueryPools(deps, pairInfo, Address.Parse(pairInfo.ContractAddr));
        var (askPool, offerPool) = askAsset.Info.IsSame(pools[0].Info) ? (pools[0], pools[1])
            : askAsset.Info.IsSame(pools[1].Info) ? (pools[1], pools[0])
            : throw PairErrors.Error(PairErrors.AssetMismatch);

        var (offerAmount, spreadAmount, commissionAmount) = SwapMath.ComputeOfferAmount(offerPool.Amount, askPool.Amount, askAsset.Amount);
        return new ReverseSimulationResponse { OfferAmount = offerAmount, SpreadAmount = spreadAmount, CommissionAmount = commissionAmount };
    }
}
