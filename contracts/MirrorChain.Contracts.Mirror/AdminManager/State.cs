namespace MirrorChain.Contracts.Mirror.AdminManager;

// contracts/mirror_admin_manager/src/state.rs. Addresses are kept in their validated bech32 form.

/// <summary>Singleton <c>config</c>: {owner, admin_claim_period}.</summary>
public sealed record Config
{
    public required string Owner { get; init; }

    public required ulong AdminClaimPeriod { get; init; }
}

/// <summary>An <c>authorize_claim</c>: who may claim admin rights, from when until when (seconds).</summary>
public sealed record AuthRecord(string Address, ulong StartTime, ulong EndTime);

/// <summary>An <c>execute_migrations</c> call: who sent it, when, and the migrations it asked for.</summary>
public sealed record MigrationRecord(string Executor, ulong Time, IReadOnlyList<MigrationItem> Migrations);

internal static class AdminManagerState
{
    public static readonly Item<Config> Config = new("config") { TypeName = "mirror_admin_manager::state::Config" };

    /// <summary><c>migration_records</c>: by block time (u64 BE); a second call in the same second replaces the record.</summary>
    public static readonly Map<MigrationRecord> MigrationRecords = new("migration_records") { TypeName = "mirror_admin_manager::state::MigrationRecord" };

    /// <summary><c>auth_records</c>: by claim start (u64 BE).</summary>
    public static readonly Map<AuthRecord> AuthRecords = new("auth_records") { TypeName = "mirror_admin_manager::state::AuthRecord" };

    /// <summary><c>auth_list</c>: address bytes → claim end (seconds); a later authorization replaces the earlier.</summary>
    public static readonly Map<ulong> AuthList = new("auth_list") { TypeName = "u64" };
}
