namespace MirrorChain.Contracts.Mirror.ShortReward;

// packages/mirror_protocol/src/short_reward.rs (identical in v2.1.4 and HEAD): InstantiateMsg {}, ExecuteMsg (no
// variants), QueryMsg::ShortRewardWeight.

/// <summary><c>short_reward_weight {premium_rate}</c>.</summary>
public sealed record ShortRewardWeightQuery
{
    public required Decimal PremiumRate { get; init; }
}

/// <summary><c>ShortRewardWeightResponse {short_reward_weight}</c>.</summary>
public sealed record ShortRewardWeightResponse(Decimal ShortRewardWeight);

/// <summary><c>QueryMsg</c> as other contracts send it: one variant set, the unset ones are not written.</summary>
public sealed record QueryMsg
{
    public ShortRewardWeightQuery? ShortRewardWeight { get; init; }
}
