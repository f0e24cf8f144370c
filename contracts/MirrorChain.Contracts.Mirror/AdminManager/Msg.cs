namespace MirrorChain.Contracts.Mirror.AdminManager;

// packages/mirror_protocol/src/admin_manager.rs (identical in v2.1.4 and HEAD).

/// <summary><c>InstantiateMsg {owner, admin_claim_period (seconds)}</c>.</summary>
public sealed record InstantiateMsg
{
    public required string Owner { get; init; }

    public required ulong AdminClaimPeriod { get; init; }
}

/// <summary><c>update_owner {owner}</c> (owner only).</summary>
public sealed record UpdateOwnerMsg
{
    public required string Owner { get; init; }
}

/// <summary><c>authorize_claim {authorized_addr}</c> (owner only).</summary>
public sealed record AuthorizeClaimMsg
{
    public required string AuthorizedAddr { get; init; }
}

/// <summary><c>claim_admin {contract}</c> (an address authorized and inside its claim period).</summary>
public sealed record ClaimAdminMsg
{
    public required string Contract { get; init; }
}

/// <summary><c>migration_records {start_after?: u64 (seconds), limit?: u32}</c> and <c>auth_records {…}</c>.</summary>
public sealed record RecordsQuery
{
    public ulong? StartAfter { get; init; }

    public uint? Limit { get; init; }
}

/// <summary><c>ConfigResponse {owner, admin_claim_period}</c>.</summary>
public sealed record ConfigResponse(string Owner, ulong AdminClaimPeriod);

/// <summary><c>AuthRecordResponse {address, start_time, end_time}</c>.</summary>
public sealed record AuthRecordResponse(string Address, ulong StartTime, ulong EndTime);

/// <summary><c>AuthRecordsResponse {records}</c>, newest first.</summary>
public sealed record AuthRecordsResponse(IReadOnlyList<AuthRecordResponse> Records);

/// <summary><c>MigrationItem {contract, new_code_id, msg (Binary)}</c>.</summary>
public sealed record MigrationItem(string Contract, ulong NewCodeId, byte[] Msg);

/// <summary><c>MigrationRecordResponse {executor, time, migrations}</c>.</summary>
public sealed record MigrationRecordResponse(string Executor, ulong Time, IReadOnlyList<MigrationItem> Migrations);

/// <summary><c>MigrationRecordsResponse {records}</c>, newest first.</summary>
public sealed record MigrationRecordsResponse(IReadOnlyList<MigrationRecordResponse> Records);
