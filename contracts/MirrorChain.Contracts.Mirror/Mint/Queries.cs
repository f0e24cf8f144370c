using System.Text.Json;
using MirrorChain.Contracts.Terraswap;
using MirrorChain.Core;

namespace MirrorChain.Contracts.Mirror.Mint;

/// <summary>Queries: config, asset_config, position, positions, next_position_idx.</summary>
public sealed partial class MintContract
{
    private const string QueryMsgType = "mirror_protocol::mint::QueryMsg";
    private const uint DefaultLimit = 10;
    private const uint MaxLimit = 30;

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg) => QueryRoutes.Dispatch(deps, env, msg);

    /// <summary>The <c>QueryMsg</c> variants, in the Rust enum's declaration order.</summary>
    internal static readonly MessageRoutes<QueryHandler> QueryRoutes = new(QueryMsgType,
        ("config", (deps, env, body) => ContractJson.Serialize(QueryConfig(deps))),
        ("asset_config", (deps, env, body) =>
            ContractJson.Serialize(QueryAssetConfig(deps, ContractJson.Deserialize<AssetTokenMsg>(body, QueryMsgType).AssetToken))),
        ("position", (deps, env, body) =>
            ContractJson.Serialize(PositionAnswer(deps, MintState.LoadPosition(deps.Storage, ContractJson.Deserialize<PositionQuery>(body, QueryMsgType).PositionIdx)))),
        ("positions", (deps, env, body) => ContractJson.Serialize(QueryPositions(deps, ContractJson.Deserialize<PositionsQuery>(body, QueryMsgType)))),
        ("next_position_idx", (deps, env, body) => ContractJson.Serialize(new NextPositionIdxResponse(MintState.PositionIdx.Load(deps.Storage)))));

    private static ConfigResponse QueryConfig(QueryDeps deps)
    {
        var c = MintState.Config.Load(deps.Storage);
        return new ConfigResponse(c.Owner, c.Oracle, c.Collector, c.CollateralOracle, c.Staking, c.TerraswapFactory, c.Lock,
            c.BaseDenom, c.TokenCodeId, c.ProtocolFeeRate);
    }

    private static AssetConfigResponse QueryAssetConfig(QueryDeps deps, string assetToken)
    {
        var a = MintState.LoadAssetConfig(deps.Storage, deps.Api.AddrValidate(assetToken).ToString());
        return new AssetConfigResponse(a.Token, a.AuctionDiscount, a.MinCollateralRatio, a.EndPrice, a.IpoParams);
    }

    private static PositionResponse PositionAnswer(QueryDeps deps, Position p) =>
        new(p.Idx, p.Owner, p.Collateral, p.Asset, MintState.IsShort(deps.Storage, p.Idx));

    /// <summary>
    /// Filter: owner (which then ignores asset_token), else asset_token, else all. Default order desc, limit 10
    /// (max 30), start_after exclusive in both directions. For the unfiltered desc query this takes HEAD's fix of
    /// v2.1.4's bug (v2.1.4 returned the highest indices above start_after), by MirrorChain's choice.
    /// </summary>
    private static PositionsResponse QueryPositions(QueryDeps deps, PositionsQuery q)
    {
        var limit = (int)Math.Min(q.Limit ?? DefaultLimit, MaxLimit);
        var descending = q.OrderBy != "asc";
        byte[] prefix;
        Map<bool>? index;
        if (q.OwnerAddr is not null)
        {
            prefix = MintState.AddrPrefix(deps.Api.AddrValidate(q.OwnerAddr).ToString());
            index = MintState.ByUser;
        }
        else if (q.AssetToken is not null)
        {
            prefix = MintState.AddrPrefix(deps.Api.AddrValidate(q.AssetToken).ToString());
            index = MintState.ByAsset;
        }
        else
        {
            prefix = [];
            index = null;
        }

        byte[] start = prefix;
        var end = prefix.Length == 0 ? null : KeyRanges.PrefixEnd(prefix);
        if (q.StartAfter is { } after)
        {
            if (descending)
            {
                end = [.. prefix, .. MintState.IdxKey(after)];
            }
            else if (after != UInt128.MaxValue)
            {
                start = [.. prefix, .. MintState.IdxKey(after + UInt128.One)];
            }
            else
            {
                return new PositionsResponse([]);
            }
        }

        IEnumerable<Position> positions = index is null
            ? MintState.Positions.Range(deps.Storage, start.Length == 0 ? null : start, end, descending).Select(e => e.Value)
            : index.Range(deps.Storage, start, end, descending).Select(e => MintState.LoadPosition(deps.Storage, MintState.IdxFromKey(e.Key)));
        return new PositionsResponse(positions.Take(limit).Select(p => PositionAnswer(deps, p)).ToList());
    }
}
