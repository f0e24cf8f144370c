using System.Text.Json;
using MirrorChain.Core;
using PairInstantiateMsg = MirrorChain.Contracts.Terraswap.Pair.InstantiateMsg;

namespace MirrorChain.Contracts.Terraswap.Factory;

/// <summary>
/// terraswap_factory 2.4: anyone creates a pair for two asset infos (once per unordered pair); the pair is
/// instantiated with reply id 1 and registered only when its instantiate (and its LP token's) succeeded.
/// </summary>
public sealed class FactoryContract : IContract
{
    public const ulong CreatePairReplyId = 1;

    private const uint DefaultLimit = 10;
    private const uint MaxLimit = 30;

    public string Name => "terraswap_factory";

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        var init = ContractJson.Deserialize<InstantiateMsg>(msg, FactoryErrors.InstantiateMsgType);
        FactoryState.Config.Save(deps.Storage, new FactoryConfig
        {
            Owner = info.Sender.ToString(),
            PairCodeId = init.PairCodeId,
            TokenCodeId = init.TokenCodeId,
        });
        return new Response();
    }

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg) => ExecuteRoutes.Dispatch(deps, env, info, msg);

    /// <summary><c>terraswap::factory::ExecuteMsg</c>, in the enum's declaration order.</summary>
    internal static readonly MessageRoutes<ExecuteHandler> ExecuteRoutes = new(FactoryErrors.ExecuteMsgType,
        ("update_config", (deps, env, info, body) => UpdateConfig(deps, info, ContractJson.Deserialize<UpdateConfigMsg>(body, FactoryErrors.ExecuteMsgType))),
        ("create_pair", (deps, env, info, body) => CreatePair(deps, ContractJson.Deserialize<CreatePairMsg>(body, FactoryErrors.ExecuteMsgType))));

    /// <summary>The new pair's instantiate reply: registers it under the pending pair key with its LP token.</summary>
    public Response Reply(Deps deps, Env env, Reply reply)
    {
        var tmp = FactoryState.TmpPairInfo.Load(deps.Storage);
        if (!reply.IsOk)
        {
            throw new Core.Numerics.PanicException("called `Result::unwrap()` on an `Err` value: " + reply.Error);
        }
        var pairContract = InstantiateReply.ContractAddress(reply.Data);
        var pairInfo = TerraswapQuerier.QueryPairInfoFromPair(deps.Querier, deps.Api.AddrValidate(pairContract));
        FactoryState.Pairs.Save(deps.Storage, tmp.PairKey, new PairInfo
        {
            AssetInfos = tmp.AssetInfos,
            ContractAddr = deps.Api.AddrValidate(pairContract).ToString(),
            LiquidityToken = deps.Api.AddrValidate(pairInfo.LiquidityToken).ToString(),
        });
        return new Response()
            .AddAttribute("pair_contract_addr", pairContract)
            .AddAttribute("liquidity_token_addr", pairInfo.LiquidityToken);
    }

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg) => QueryRoutes.Dispatch(deps, env, msg);

    /// <summary><c>terraswap::factory::QueryMsg</c>, in the enum's declaration order.</summary>
    internal static readonly MessageRoutes<QueryHandler> QueryRoutes = new(FactoryErrors.QueryMsgType,
        ("config", (deps, env, body) => ContractJson.Serialize(QueryConfig(deps))),
        ("pair", (deps, env, body) => ContractJson.Serialize(QueryPair(deps, ContractJson.Deserialize<PairQuery>(body, FactoryErrors.QueryMsgType)))),
        ("pairs", (deps, env, body) => ContractJson.Serialize(QueryPairs(deps, ContractJson.Deserialize<PairsQuery>(body, FactoryErrors.QueryMsgType)))));

    /// <summary><c>update_config</c>: owner only ("unauthorized"); a new owner must be a valid address.</summary>
    private static Response UpdateConfig(Deps deps, MessageInfo info, UpdateConfigMsg msg)
    {
        var config = FactoryState.Config.Load(deps.Storage);
        if (info.Sender.ToString() != config.Owner)
        {
            throw ContractException.Generic(FactoryErrors.Unauthorized);
        }
        if (msg.Owner is not null)
        {
            config = config with { Owner = deps.Api.AddrValidate(msg.Owner).ToString() };
        }
        if (msg.TokenCodeId is { } tokenCodeId)
        {
            config = config with { TokenCodeId = tokenCodeId };
        }
        if (msg.PairCodeId is { } pairCodeId)
        {
            config = config with { PairCodeId = pairCodeId };
        }
        FactoryState.Config.Save(deps.Storage, config);
        return new Response().AddAttribute("action", "update_config");
    }

    /// <summary>
    /// <c>create_pair</c>: "Pair already exists" for a registered (unordered) pair; otherwise remembers the pending
    /// pair and instantiates a pair contract (reply on success, id 1).
    /// </summary>
    private static Response CreatePair(Deps deps, CreatePairMsg msg)
    {
        var config = FactoryState.Config.Load(deps.Storage);
        var assetInfos = TwoOf(msg.AssetInfos);
        var pairKey = FactoryState.PairKey(deps.Api, assetInfos);
        if (FactoryState.Pairs.Has(deps.Storage, pairKey))
        {
            throw ContractException.Generic(FactoryErrors.PairExists);
        }
        FactoryState.TmpPairInfo.Save(deps.Storage, new TmpPairInfo
        {
            PairKey = pairKey,
            AssetInfos = [assetInfos[0].Validated(deps.Api), assetInfos[1].Validated(deps.Api)],
        });

        var pairInit = ContractJson.Serialize(new PairInstantiateMsg { AssetInfos = assetInfos, TokenCodeId = config.TokenCodeId });
        var instantiate = new WasmInstantiate(config.PairCodeId, pairInit, [], "", null);
        return new Response()
            .AddAttribute("action", "create_pair")
            .AddAttribute("pair", $"{assetInfos[0]}-{assetInfos[1]}")
            .AddSubMessage(SubMsg.ReplyOnSuccess(instantiate, CreatePairReplyId));
    }

    private static ConfigResponse QueryConfig(QueryDeps deps)
    {
        var config = FactoryState.Config.Load(deps.Storage);
        return new ConfigResponse { Owner = config.Owner, PairCodeId = config.PairCodeId, TokenCodeId = config.TokenCodeId };
    }

    private static PairInfo QueryPair(QueryDeps deps, PairQuery query) =>
        FactoryState.Pairs.Load(deps.Storage, FactoryState.PairKey(deps.Api, TwoOf(query.AssetInfos)));

    /// <summary>
    /// <c>pairs</c>: ascending by pair key, limit default 10, max 30. <c>start_after</c> becomes its sorted key with a
    /// 0x01 byte appended, used as an exclusive bound (so the first key read is key ‖ 0x01 ‖ 0x00 or later).
    /// </summary>
    private static PairsResponse QueryPairs(QueryDeps deps, PairsQuery query)
    {
        var limit = (int)Math.Min(query.Limit ?? DefaultLimit, MaxLimit);
        byte[]? start = null;
        if (query.StartAfter is { } startAfter)
        {
            start = [.. FactoryState.PairKey(deps.Api, TwoOf(startAfter)), 1, 0];
        }
        var pairs = FactoryState.Pairs.Range(deps.Storage, start).Take(limit).Select(e => e.Value).ToArray();
        return new PairsResponse { Pairs = pairs };
    }

    private static AssetInfo[] TwoOf(AssetInfo[] items) =>
        items.Length == 2
            ? items
            : throw ContractException.Parse(FactoryErrors.ExecuteMsgType, $"invalid length {items.Length}, expected an array of length 2");
}
