using System.Text.Json.Serialization;

namespace MirrorChain.Contracts.Mirror.Staking;

// Query responses, field order as the Rust structs; Option::None serializes as null (no skip_serializing_if).

/// <summary><c>ConfigResponse</c>.</summary>
public sealed record ConfigResponse(
    string Owner,
    string MirrorToken,
    string MintContract,
    string OracleContract,
    string TerraswapFactory,
    string BaseDenom,
    ulong PremiumMinUpdateInterval,
    string ShortRewardContract);

/// <summary><c>PoolInfoResponse</c>; the two migration fields are null until deprecate_staking_token.</summary>
public sealed record PoolInfoResponse(
    string AssetToken,
    string StakingToken,
    UInt128 TotalBondAmount,
    UInt128 TotalShortAmount,
    Decimal RewardIndex,
    Decimal ShortRewardIndex,
    UInt128 PendingReward,
    UInt128 ShortPendingReward,
    Decimal PremiumRate,
    Decimal ShortRewardWeight,
    ulong PremiumUpdatedTime,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] Decimal? MigrationIndexSnapshot,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? MigrationDeprecatedStakingToken);

/// <summary><c>RewardInfoResponse {staker_addr, reward_infos}</c>.</summary>
public sealed record RewardInfoResponse(string StakerAddr, IReadOnlyList<RewardInfoResponseItem> RewardInfos);

/// <summary>
/// <c>RewardInfoResponseItem</c>: pending_reward includes the accrual up to the pool index; should_migrate is
/// <c>true</c> for an LP position still on a deprecated staking token, else null.
/// </summary>
public sealed record RewardInfoResponseItem(
    string AssetToken,
    UInt128 BondAmount,
    UInt128 PendingReward,
    bool IsShort,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] bool? ShouldMigrate);
