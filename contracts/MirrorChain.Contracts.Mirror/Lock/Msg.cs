namespace MirrorChain.Contracts.Mirror.Lock;

// packages/mirror_protocol/src/lock.rs (identical in v2.1.4 and HEAD).

/// <summary><c>InstantiateMsg {owner, mint_contract, base_denom, lockup_period (seconds)}</c>.</summary>
public sealed record InstantiateMsg
{
    public required string Owner { get; init; }

    public required string MintContract { get; init; }

    public required string BaseDenom { get; init; }

    public required ulong LockupPeriod { get; init; }
}

/// <summary><c>update_config {owner?, mint_contract?, base_denom?, lockup_period?}</c> (owner).</summary>
public sealed record UpdateConfigMsg
{
    public string? Owner { get; init; }

    public string? MintContract { get; init; }

    public string? BaseDenom { get; init; }

    public ulong? LockupPeriod { get; init; }
}

/// <summary><c>lock_position_funds_hook {position_idx, receiver}</c> (mint only).</summary>
public sealed record LockPositionFundsHookMsg
{
    public required UInt128 PositionIdx { get; init; }

    public required string Receiver { get; init; }
}

/// <summary><c>unlock_position_funds {positions_idx}</c> (anyone, on their own records).</summary>
public sealed record UnlockPositionFundsMsg
{
    public required IReadOnlyList<UInt128> PositionsIdx { get; init; }
}

/// <summary><c>release_position_funds {position_idx}</c> (mint only).</summary>
public sealed record ReleasePositionFundsMsg
{
    public required UInt128 PositionIdx { get; init; }
}

/// <summary><c>position_lock_info {position_idx}</c>.</summary>
public sealed record PositionLockInfoQuery
{
    public required UInt128 PositionIdx { get; init; }
}

/// <summary><c>ConfigResponse {owner, mint_contract, base_denom, lockup_period}</c>.</summary>
public sealed record ConfigResponse(string Owner, string MintContract, string BaseDenom, ulong LockupPeriod);

/// <summary><c>PositionLockInfoResponse {idx, receiver, locked_amount, unlock_time}</c>.</summary>
public sealed record PositionLockInfoResponse(UInt128 Idx, string Receiver, UInt128 LockedAmount, ulong UnlockTime);

/// <summary><c>ExecuteMsg</c> as other contracts send it: one variant set, the unset ones are not written.</summary>
public sealed record ExecuteMsg
{
    public LockPositionFundsHookMsg? LockPositionFundsHook { get; init; }

    public ReleasePositionFundsMsg? ReleasePositionFunds { get; init; }
}
