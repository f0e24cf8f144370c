using System.Text.Json;
using MirrorChain.Contracts.Cw20;
using MirrorChain.Core;

namespace MirrorChain.Contracts.Terraswap.Pair;

/// <summary>
/// terraswap_pair 2.4 (the 2.4.x line: LP token created through an instantiate reply, <c>receiver</c> on provide,
/// sender/receiver attributes, Terra tax hook): a constant-product pool of two assets whose pools are the contract's
/// live balances, an LP cw20 it mints and burns, a 0.3% commission that stays in the pool.
/// </summary>
public sealed partial class PairContract : IContract
{
    /// <summary>The reply id of the LP token's instantiate (INSTANTIATE_REPLY_ID).</summary>
    public const ulong InstantiateReplyId = 1;

    public string Name => "terraswap_pair";

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        var init = ContractJson.Deserialize<InstantiateMsg>(msg, PairErrors.InstantiateMsgType);
        var assetInfos = TwoOf(init.AssetInfos, PairErrors.InstantiateMsgType);
        PairState.PairInfo.Save(deps.Storage, new PairInfo
        {
            AssetInfos = [assetInfos[0].Validated(deps.Api), assetInfos[1].Validated(deps.Api)],
            ContractAddr = env.ContractAddress.ToString(),
            LiquidityToken = "",
        });

        // terraswap::token::InstantiateMsg: "terraswap liquidity token" / "uLP", 6 decimals, minter = the pair, no cap
        var tokenInit = Cw20Messages.InstantiateMsgJson("terraswap liquidity token", "uLP", 6, [], env.ContractAddress);
        var create = new WasmInstantiate(init.TokenCodeId, tokenInit, [], "", null);
        return new Response().AddSubMessage(SubMsg.ReplyOnSuccess(create, InstantiateReplyId));
    }

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg) => ExecuteRoutes.Dispatch(deps, env, info, msg);

    /// <summary><c>terraswap::pair::ExecuteMsg</c>, in the enum's declaration order.</summary>
    internal static readonly MessageRoutes<ExecuteHandler> ExecuteRoutes = new(PairErrors.ExecuteMsgType,
        ("receive", (deps, env, info, body) => ReceiveCw20(deps, env, info, Cw20ReceiveMsg.Parse(body, PairErrors.ExecuteMsgType))),
        ("provide_liquidity", (deps, env, info, body) =>
            ProvideLiquidity(deps, env, info, ContractJson.Deserialize<ProvideLiquidityMsg>(body, PairErrors.ExecuteMsgType))),
        ("swap", (deps, env, info, body) =>
        {
            var swap = ContractJson.Deserialize<SwapMsg>(body, PairErrors.ExecuteMsgType);
            if (!swap.OfferAsset.IsNativeToken)
            {
                throw PairErrors.Error(PairErrors.Unauthorized);
            }
            var to = swap.To is null ? null : deps.Api.AddrValidate(swap.To);
            return Swap(deps, env, info, info.Sender, swap.OfferAsset, swap.BeliefPrice, swap.MaxSpread, to);
        }));

    /// <summary>
    /// The LP token's instantiate reply: stores its address (from MsgInstantiateContractResponse) as the pair's
    /// liquidity token.
    /// </summary>
    public Response Reply(Deps deps, Env env, Reply reply)
    {
        if (!reply.IsOk)
        {
            throw new Core.Numerics.PanicException("called `Result::unwrap()` on an `Err` value: " + reply.Error);
        }
        var liquidityToken = InstantiateReply.ContractAddress(reply.Data);
        var pairInfo = PairState.PairInfo.Load(deps.Storage);
        PairState.PairInfo.Save(deps.Storage, pairInfo with { LiquidityToken = deps.Api.AddrValidate(liquidityToken).ToString() });
        return new Response().AddAttribute("liquidity_token_addr", liquidityToken);
    }

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg) => QueryRoutes.Dispatch(deps, env, msg);

    /// <summary><c>terraswap::pair::QueryMsg</c>, in the enum's declaration order.</summary>
    internal static readonly MessageRoutes<QueryHandler> QueryRoutes = new(PairErrors.QueryMsgType,
        ("pair", (deps, env, body) => ContractJson.Serialize(PairState.PairInfo.Load(deps.Storage))),
        ("pool", (deps, env, body) => ContractJson.Serialize(QueryPool(deps))),
        ("simulation", (deps, env, body) =>
            ContractJson.Serialize(QuerySimulation(deps, ContractJson.Deserialize<SimulationQuery>(body, PairErrors.QueryMsgType).OfferAsset))),
        ("reverse_simulation", (deps, env, body) =>
            ContractJson.Serialize(QueryReverseSimulation(deps, ContractJson.Deserialize<ReverseSimulationQuery>(body, PairErrors.QueryMsgType).AskAsset))));

    /// <summary>
    /// A cw20 <c>send</c> to the pair: <c>swap</c> is accepted only from one of the pair's tokens (the trader is the
    /// cw20 sender), <c>withdraw_liquidity</c> only from the pair's LP token.
    /// </summary>
    private static Response ReceiveCw20(Deps deps, Env env, MessageInfo info, Cw20ReceiveMsg cw20Msg)
    {
        var (name, body) = ParseHook(cw20Msg);
        return HookRoutes.Find(name)(deps, env, info, cw20Msg, body);
    }

    /// <summary>Handles one <c>Cw20HookMsg</c> variant of a cw20 <c>send</c> to the pair.</summary>
    internal delegate Response HookHandler(Deps deps, Env env, MessageInfo info, Cw20ReceiveMsg cw20Msg, JsonElement body);

    /// <summary><c>terraswap::pair::Cw20HookMsg</c>, in the enum's declaration order.</summary>
    internal static readonly MessageRoutes<HookHandler> HookRoutes = new(PairErrors.HookMsgType,
        ("swap", (deps, env, info, cw20Msg, body) =>
        {
            var hook = ContractJson.Deserialize<SwapHookMsg>(body, PairErrors.HookMsgType);
            var pairInfo = PairState.PairInfo.Load(deps.Storage);
            var pools = QueryPools(deps, pairInfo, env.ContractAddress);
            var sender = info.Sender.ToString();
            if (!pools.Any(p => !p.Info.IsNative && p.Info.ContractAddr == sender))
            {
                throw PairErrors.Error(PairErrors.Unauthorized);
            }
            var to = hook.To is null ? null : deps.Api.AddrValidate(hook.To);
            var offer = Asset.Of(AssetInfo.Token(info.Sender), cw20Msg.Amount);
            return Swap(deps, env, info, deps.Api.AddrValidate(cw20Msg.Sender), offer, hook.BeliefPrice, hook.MaxSpread, to);
        }),
        ("withdraw_liquidity", (deps, env, info, cw20Msg, body) =>
        {
            var pairInfo = PairState.PairInfo.Load(deps.Storage);
            if (info.Sender.ToString() != pairInfo.LiquidityToken)
            {
                throw PairErrors.Error(PairErrors.Unauthorized);
            }
            var sender = deps.Api.AddrValidate(cw20Msg.Sender);
            return WithdrawLiquidity(deps, env, sender, cw20Msg.Amount);
        }));

    /// <summary><c>from_binary::&lt;Cw20HookMsg&gt;</c> of the send's msg.</summary>
    private static (string Name, JsonElement Body) ParseHook(Cw20ReceiveMsg cw20Msg) =>
        cw20Msg.TryGetHook(out var hook)
            ? ContractJson.Variant(hook, PairErrors.HookMsgType)
            : throw ContractException.Parse(PairErrors.HookMsgType, "invalid JSON (" + cw20Msg.HookJson + ")");

    /// <summary><c>PairInfoRaw::query_pools</c>: each asset's balance held by the pair.</summary>
    private static Asset[] QueryPools(QueryDeps deps, PairInfo pairInfo, Address pair) =>
        [
            Asset.Of(pairInfo.AssetInfos[0], pairInfo.AssetInfos[0].QueryPool(deps.Querier, pair)),
            Asset.Of(pairInfo.AssetInfos[1], pairInfo.AssetInfos[1].QueryPool(deps.Querier, pair)),
        ];

    private static Address LiquidityToken(PairInfo pairInfo) => Address.Parse(pairInfo.LiquidityToken);

    /// <summary>serde's <c>[T; 2]</c>: exactly two elements.</summary>
    private static T[] TwoOf<T>(T[] items, string typeName) =>
        items.Length == 2 ? items : throw ContractException.Parse(typeName, $"invalid length {items.Length}, expected an array of length 2");
}
