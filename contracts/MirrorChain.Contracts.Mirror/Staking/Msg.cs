using MirrorChain.Contracts.Terraswap;

namespace MirrorChain.Contracts.Mirror.Staking;

// packages/mirror_protocol/src/staking.rs at v2.1.4 (crate 2.1.1). Required fields are `required` (serde refuses a
// missing non-Option field); Option fields are nullable.

/// <summary><c>InstantiateMsg</c>: every address is validated; premium_min_update_interval in seconds.</summary>
public sealed record InstantiateMsg
{
    public required string Owner { get; init; }

    public required string MirrorToken { get; init; }

    public required string MintContract { get; init; }

    public required string OracleContract { get; init; }

    public required string TerraswapFactory { get; init; }

    public required string BaseDenom { get; init; }

    public required ulong PremiumMinUpdateInterval { get; init; }

    public required string ShortRewardContract { get; init; }
}

/// <summary><c>update_config {owner?, premium_min_update_interval?, short_reward_contract?}</c> (owner).</summary>
public sealed record UpdateConfigMsg
{
    public string? Owner { get; init; }

    public ulong? PremiumMinUpdateInterval { get; init; }

    public string? ShortRewardContract { get; init; }
}

/// <summary><c>register_asset {asset_token, staking_token}</c> (owner = factory).</summary>
public sealed record RegisterAssetMsg
{
    public required string AssetToken { get; init; }

    public required string StakingToken { get; init; }
}

/// <summary><c>deprecate_staking_token {asset_token, new_staking_token}</c> (owner).</summary>
public sealed record DeprecateStakingTokenMsg
{
    public required string AssetToken { get; init; }

    public required string NewStakingToken { get; init; }
}

/// <summary><c>unbond {asset_token, amount}</c>.</summary>
public sealed record UnbondMsg
{
    public required string AssetToken { get; init; }

    public required UInt128 Amount { get; init; }
}

/// <summary><c>withdraw {asset_token?}</c>: None withdraws every pool.</summary>
public sealed record WithdrawMsg
{
    public string? AssetToken { get; init; }
}

/// <summary><c>auto_stake {assets: [Asset; 2], slippage_tolerance?}</c>.</summary>
public sealed record AutoStakeMsg
{
    public required Asset[] Assets { get; init; }

    public Decimal? SlippageTolerance { get; init; }
}

/// <summary><c>auto_stake_hook {asset_token, staking_token, staker_addr, prev_staking_token_amount}</c> (self only).</summary>
public sealed record AutoStakeHookMsg
{
    public required string AssetToken { get; init; }

    public required string StakingToken { get; init; }

    public required string StakerAddr { get; init; }

    public required UInt128 PrevStakingTokenAmount { get; init; }
}

/// <summary><c>adjust_premium {asset_tokens}</c> (anyone).</summary>
public sealed record AdjustPremiumMsg
{
    public required IReadOnlyList<string> AssetTokens { get; init; }
}

/// <summary><c>increase_short_token</c> / <c>decrease_short_token {asset_token, staker_addr, amount}</c> (mint only).</summary>
public sealed record ShortTokenMsg
{
    public required string AssetToken { get; init; }

    public required string StakerAddr { get; init; }

    public required UInt128 Amount { get; init; }
}

/// <summary>Cw20HookMsg::Bond <c>{asset_token}</c>.</summary>
public sealed record BondHookMsg
{
    public required string AssetToken { get; init; }
}

/// <summary>Cw20HookMsg::DepositReward <c>{rewards: [[asset_token, amount], …]}</c> (tuples as JSON arrays).</summary>
public sealed record DepositRewardHookMsg
{
    public required IReadOnlyList<IReadOnlyList<string>> Rewards { get; init; }
}

/// <summary>QueryMsg::PoolInfo <c>{asset_token}</c>.</summary>
public sealed record PoolInfoQuery
{
    public required string AssetToken { get; init; }
}

/// <summary>QueryMsg::RewardInfo <c>{staker_addr, asset_token?}</c>.</summary>
public sealed record RewardInfoQuery
{
    public required string StakerAddr { get; init; }

    public string? AssetToken { get; init; }
}

// ---- the envelopes other contracts (and staking itself) send (StakingMessages) ----

/// <summary><c>ExecuteMsg</c> as other contracts send it: one variant set, the unset ones are not written.</summary>
public sealed record ExecuteMsg
{
    public RegisterAssetMsg? RegisterAsset { get; init; }

    public AutoStakeHookMsg? AutoStakeHook { get; init; }

    public ShortTokenMsg? IncreaseShortToken { get; init; }

    public ShortTokenMsg? DecreaseShortToken { get; init; }
}

/// <summary><c>Cw20HookMsg</c> (the <c>msg</c> of a cw20 <c>send</c> to staking) as other contracts write it.</summary>
public sealed record Cw20HookMsg
{
    public DepositRewardHookMsg? DepositReward { get; init; }
}
