using MirrorChain.Contracts.Cw20;
using MirrorChain.Core;
using MirrorChain.Core.Numerics;

namespace MirrorChain.Contracts.Terraswap.Pair;

public sealed partial class PairContract
{
    /// <summary>
    /// <c>provide_liquidity</c> (2.4): native deposits must match the funds; deposits are matched to pool order;
    /// cw20 deposits are pulled whole with <c>transfer_from</c> (any excess over the pool ratio is a donation);
    /// share = isqrt(d0·d1) for the first deposit, else min(d0·T/P0, d1·T/P1); LP minted to <c>receiver</c> or the sender.
    /// </summary>
    private static Response ProvideLiquidity(Deps deps, Env env, MessageInfo info, ProvideLiquidityMsg msg)
    {
        var assets = TwoOf(msg.Assets, PairErrors.ExecuteMsgType);
        foreach (var asset in assets)
        {
            asset.AssertSentNativeTokenBalance(info);
        }

        var pairInfo = PairState.PairInfo.Load(deps.Storage);
        var pools = QueryPools(deps, pairInfo, env.ContractAddress);
        UInt128[] deposits = [DepositOf(assets, pools[0].Info), DepositOf(assets, pools[1].Info)];
        UInt128[] poolAmounts = [pools[0].Amount, pools[1].Amount];

        var response = new Response();
        for (var i = 0; i < 2; i++)
        {
            if (pools[i].Info.IsNative)
            {
                // the native deposit is already in the balance: price against the pool without it
                poolAmounts[i] = PairErrors.CheckedSub(poolAmounts[i], deposits[i]);
            }
            else
            {
                response.AddMessage(Cw20Messages.TransferFrom(Address.Parse(pools[i].Info.ContractAddr!), info.Sender, env.ContractAddress, deposits[i]));
            }
        }

        SwapMath.AssertSlippageTolerance(msg.SlippageTolerance, deposits, poolAmounts);

        var liquidityToken = LiquidityToken(pairInfo);
        var totalShare = TerraswapQuerier.QuerySupply(deps.Querier, liquidityToken);
        var share = totalShare == UInt128.Zero
            ? Uint128Math.InitialShare(deposits[0], deposits[1])
            : UInt128.Min(
                Uint128Math.MultiplyRatio(deposits[0], totalShare, poolAmounts[0]),
                Uint128Math.MultiplyRatio(deposits[1], totalShare, poolAmounts[1]));

        // prevent providing free token
        if (share == UInt128.Zero)
        {
            throw PairErrors.Error(PairErrors.InvalidZeroAmount);
        }

        // (the cw20 mint validates the receiver with the same addr_validate error)
        var receiver = msg.Receiver is null ? info.Sender : deps.Api.AddrValidate(msg.Receiver);
        return response
            .AddMessage(Cw20Messages.Mint(liquidityToken, receiver, share))
            .AddAttribute("action", "provide_liquidity")
            .AddAttribute("sender", info.Sender.ToString())
            .AddAttribute("receiver", receiver.ToString())
            .AddAttribute("assets", $"{assets[0]}, {assets[1]}")
            .AddAttribute("share", share);
    }

    /// <summary>
    /// <c>withdraw_liquidity</c> (LP arrived via cw20 <c>send</c>): ratio = from_ratio(amount, T) at 18 digits, refund_i =
    /// ⌊P_i·ratio⌋ (native refunds net of tax), then the LP is burned.
    /// </summary>
    private static Response WithdrawLiquidity(Deps deps, Env env, Address sender, UInt128 amount)
    {
        var pairInfo = PairState.PairInfo.Load(deps.Storage);
        var liquidityToken = LiquidityToken(pairInfo);
        var pools = QueryPools(deps, pairInfo, env.ContractAddress);
        var totalShare = TerraswapQuerier.QuerySupply(deps.Querier, liquidityToken);

        var shareRatio = Decimal.FromRatio(amount, totalShare);
        Asset[] refunds =
        [
            Asset.Of(pools[0].Info, Decimal.Mul(pools[0].Amount, shareRatio)),
            Asset.Of(pools[1].Info, Decimal.Mul(pools[1].Amount, shareRatio)),
        ];

        return new Response()
            .AddMessage(refunds[0].IntoMsg(deps.Querier, sender))
            .AddMessage(refunds[1].IntoMsg(deps.Querier, sender))
            .AddMessage(Cw20Messages.Burn(liquidityToken, amount))
            .AddAttribute("action", "withdraw_liquidity")
            .AddAttribute("sender", sender.ToString())
            .AddAttribute("withdrawn_share", amount)
            .AddAttribute("refund_assets", $"{refunds[0]}, {refunds[1]}");
    }

    /// <summary>The deposit for a pool asset; an asset of the request that is not in the pair panics (<c>expect</c>).</summary>
    private static UInt128 DepositOf(Asset[] assets, AssetInfo poolInfo) =>
        assets.FirstOrDefault(a => a.Info.IsSame(poolInfo))?.Amount ?? throw new PanicException(PairErrors.WrongAssetInfo);
}
