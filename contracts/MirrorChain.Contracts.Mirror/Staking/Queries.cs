using System.Text.Json;
using MirrorChain.Core;

namespace MirrorChain.Contracts.Mirror.Staking;

/// <summary>QueryMsg: config, pool_info, reward_info.</summary>
public sealed partial class StakingContract
{
    public byte[] Query(QueryDeps deps, Env env, JsonElement msg) => QueryRoutes.Dispatch(deps, env, msg);

    /// <summary>The <c>QueryMsg</c> variants, in the Rust enum's declaration order.</summary>
    internal static readonly MessageRoutes<QueryHandler> QueryRoutes = new(QueryMsgType,
        ("config", (deps, env, body) => ContractJson.Serialize(QueryConfig(deps))),
        ("pool_info", (deps, env, body) => ContractJson.Serialize(QueryPoolInfo(deps, ContractJson.Deserialize<PoolInfoQuery>(body, QueryMsgType).AssetToken))),
        ("reward_info", (deps, env, body) => ContractJson.Serialize(QueryRewardInfo(deps, ContractJson.Deserialize<RewardInfoQuery>(body, QueryMsgType)))));

    private static ConfigResponse QueryConfig(QueryDeps deps)
    {
        var c = StakingState.Config.Load(deps.Storage);
        return new ConfigResponse(c.Owner, c.MirrorToken, c.MintContract, c.OracleContract, c.TerraswapFactory, c.BaseDenom,
            c.PremiumMinUpdateInterval, c.ShortRewardContract);
    }

    /// <summary>The pool as stored; asset_token is echoed as given.</summary>
    private static PoolInfoResponse QueryPoolInfo(QueryDeps deps, string assetToken)
    {
        var p = StakingState.LoadPool(deps.Storage, deps.Api.AddrValidate(assetToken));
        return new PoolInfoResponse(assetToken, p.StakingToken, p.TotalBondAmount, p.TotalShortAmount, p.RewardIndex,
            p.ShortRewardIndex, p.PendingReward, p.ShortPendingReward, p.PremiumRate, p.ShortRewardWeight, p.PremiumUpdatedTime,
            p.MigrationParams?.IndexSnapshot, p.MigrationParams?.DeprecatedStakingToken);
    }

    /// <summary>
    /// The staker's LP entries, then sLP entries (each ascending by the asset's canonical bytes, or just the given
    /// asset), with pending_reward settled up to the current index as a withdraw would pay it.
    /// </summary>
    private static RewardInfoResponse QueryRewardInfo(QueryDeps deps, RewardInfoQuery q)
    {
        var staker = deps.Api.AddrValidate(q.StakerAddr);
        var asset = q.AssetToken is null ? null : deps.Api.AddrValidate(q.AssetToken);
        var items = new List<RewardInfoResponseItem>();
        foreach (var isShort in (ReadOnlySpan<bool>)[false, true])
        {
            List<(Address Asset, RewardInfo Info)> entries;
            if (asset is not null)
            {
                entries = StakingState.RewardBucket(isShort).May(deps.Storage, StakingState.RewardKey(staker, asset)) is { } single
                    ? [(asset, single)]
                    : [];
            }
            else
            {
                entries = StakingState.StakerRewards(deps.Storage, staker, isShort);
            }
            foreach (var (entryAsset, info) in entries)
            {
                var pool = StakingState.LoadPool(deps.Storage, entryAsset);
                var (index, shouldMigrate) = SettlementIndex(deps.Storage, pool, entryAsset, staker, isShort);
                var settled = BeforeShareChange(index, info);
                var name = asset is not null ? q.AssetToken! : entryAsset.ToString();
                items.Add(new RewardInfoResponseItem(name, settled.BondAmount, settled.PendingReward, isShort, shouldMigrate));
            }
        }
        return new RewardInfoResponse(q.StakerAddr, items);
    }
}
