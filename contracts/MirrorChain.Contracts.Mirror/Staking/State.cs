using MirrorChain.Core;

namespace MirrorChain.Contracts.Mirror.Staking;

// contracts/mirror_staking/src/state.rs (v2.1.4). Keys are canonical address bytes, as the Rust buckets', so every
// range (a staker's reward infos) runs in canonical-byte order; stored addresses are kept in bech32 form.

/// <summary>Singleton <c>config</c>.</summary>
public sealed record Config
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

/// <summary>Set by deprecate_staking_token: the LP index when the old token was retired, and that old token.</summary>
public sealed record MigrationParams
{
    public required Decimal IndexSnapshot { get; init; }

    public required string DeprecatedStakingToken { get; init; }
}

/// <summary>Bucket <c>pool_info</c> value, per asset token.</summary>
public sealed record PoolInfo
{
    public required string StakingToken { get; init; }

    public required UInt128 PendingReward { get; init; }

    public required UInt128 ShortPendingReward { get; init; }

    public required UInt128 TotalBondAmount { get; init; }

    public required UInt128 TotalShortAmount { get; init; }

    public required Decimal RewardIndex { get; init; }

    public required Decimal ShortRewardIndex { get; init; }

    public required Decimal PremiumRate { get; init; }

    public required Decimal ShortRewardWeight { get; init; }

    public required ulong PremiumUpdatedTime { get; init; }

    public MigrationParams? MigrationParams { get; init; }
}

/// <summary>A staker's position in one pool (LP or sLP): the index last settled at, the bond and the unpaid reward.</summary>
public sealed record RewardInfo
{
    public required Decimal Index { get; init; }

    public required UInt128 BondAmount { get; init; }

    public required UInt128 PendingReward { get; init; }

    public static RewardInfo Empty => new() { Index = Decimal.Zero, BondAmount = UInt128.Zero, PendingReward = UInt128.Zero };
}

internal static class StakingState
{
    public static readonly Item<Config> Config = new("config") { TypeName = "mirror_staking::state::Config" };

    /// <summary>Bucket <c>pool_info</c>, keyed by the asset token's canonical bytes.</summary>
    public static readonly Map<PoolInfo> PoolInfos = new("pool_info") { TypeName = "mirror_staking::state::PoolInfo" };

    /// <summary>Multilevel bucket <c>reward / staker</c> (LP), keyed by asset.</summary>
    private static readonly Map<RewardInfo> Rewards = new("reward") { TypeName = "mirror_staking::state::RewardInfo" };

    /// <summary>Multilevel bucket <c>short_reward / staker</c> (sLP), keyed by asset.</summary>
    private static readonly Map<RewardInfo> ShortRewards = new("short_reward") { TypeName = "mirror_staking::state::RewardInfo" };

    /// <summary>Multilevel bucket <c>is_migrated / staker</c>, keyed by asset: true once an LP position moved to the new token.</summary>
    private static readonly Map<bool> IsMigrated = new("is_migrated") { TypeName = "bool" };

    public static Map<RewardInfo> RewardBucket(bool isShort) => isShort ? ShortRewards : Rewards;

    /// <summary>cosmwasm-storage's nested prefix for the second level: the staker's bytes, length-prefixed.</summary>
    public static byte[] StakerPrefix(Address staker)
    {
        var bytes = staker.Bytes;
        return [(byte)(bytes.Length >> 8), (byte)bytes.Length, .. bytes];
    }

    public static byte[] RewardKey(Address staker, Address asset) => [.. StakerPrefix(staker), .. asset.Bytes];

    public static PoolInfo LoadPool(IReadOnlyContractStorage storage, Address asset) => PoolInfos.Load(storage, asset.ToArray());

    public static void SavePool(IContractStorage storage, Address asset, PoolInfo pool) => PoolInfos.Save(storage, asset.ToArray(), pool);

    public static bool ReadIsMigrated(IReadOnlyContractStorage storage, Address asset, Address staker) =>
        IsMigrated.May(storage, RewardKey(staker, asset));

    public static void StoreIsMigrated(IContractStorage storage, Address asset, Address staker) =>
        IsMigrated.Save(storage, RewardKey(staker, asset), true);

    /// <summary>A staker's entries of one side, ascending by the asset's canonical bytes: (asset, info).</summary>
    public static List<(Address Asset, RewardInfo Info)> StakerRewards(IReadOnlyContractStorage storage, Address staker, bool isShort)
    {
        var prefix = StakerPrefix(staker);
        return RewardBucket(isShort)
            .Range(storage, prefix, KeyRanges.PrefixEnd(prefix))
            .Select(e => (Address.FromBytes(e.Key.AsSpan(prefix.Length)), e.Value))
            .ToList();
    }
}
