using MirrorChain.Core;

namespace MirrorChain.Contracts.Mirror.ShortReward;

/// <summary>The query staking makes of mirror_short_reward.</summary>
public static class ShortRewardQueries
{
    /// <summary><c>{"short_reward_weight":{"premium_rate"}}</c>.</summary>
    public static ShortRewardWeightResponse ShortRewardWeight(Querier querier, Address shortReward, Decimal premiumRate) =>
        querier.QueryWasmSmart<ShortRewardWeightResponse>(
            shortReward, new QueryMsg { ShortRewardWeight = new() { PremiumRate = premiumRate } }, ContractJson.Options);
}
