using System.Buffers.Binary;

namespace MirrorChain.Contracts.Mirror.Lock;

// contracts/mirror_lock/src/state.rs. Addresses are kept in bech32 form.

/// <summary>Singleton <c>config</c>.</summary>
public sealed record Config
{
    public required string Owner { get; init; }

    public required string MintContract { get; init; }

    public required string BaseDenom { get; init; }

    public required ulong LockupPeriod { get; init; }
}

/// <summary>Bucket <c>lock_infos</c> value: {idx, receiver, locked_amount, unlock_time}.</summary>
public sealed record PositionLockInfo
{
    public required UInt128 Idx { get; init; }

    public required string Receiver { get; init; }

    public required UInt128 LockedAmount { get; init; }

    public required ulong UnlockTime { get; init; }
}

internal static class LockState
{
    public static readonly Item<Config> Config = new("config") { TypeName = "mirror_lock::state::Config" };

    /// <summary>The base_denom balance already attributed to positions.</summary>
    public static readonly Item<UInt128> TotalLockedFunds = new("total_locked_funds") { TypeName = "cosmwasm_std::math::uint128::Uint128" };

    /// <summary>Bucket <c>lock_infos</c>, keyed by the 16-byte big-endian position idx.</summary>
    public static readonly Map<PositionLockInfo> LockInfos = new("lock_infos") { TypeName = "mirror_lock::state::PositionLockInfo" };

    public static byte[] Key(UInt128 idx)
    {
        var key = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(key, idx);
        return key;
    }
}
