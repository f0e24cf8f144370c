using System.Text.Json.Serialization;

namespace MirrorChain.Contracts.Mirror.Gov;

// packages/mirror_protocol/src/gov.rs at v2.1.4 (identical to HEAD except PollResponse, which has no admin_action).

/// <summary>
/// <c>InstantiateMsg {mirror_token, effective_delay, default_poll_config, migration_poll_config, auth_admin_poll_config,
/// voter_weight, snapshot_period, admin_manager, poll_gas_limit}</c>. The owner is the instantiating sender.
/// </summary>
public sealed record InstantiateMsg
{
    public required string MirrorToken { get; init; }

    public required ulong EffectiveDelay { get; init; }

    public required PollConfig DefaultPollConfig { get; init; }

    public required PollConfig MigrationPollConfig { get; init; }

    public required PollConfig AuthAdminPollConfig { get; init; }

    public required Decimal VoterWeight { get; init; }

    public required ulong SnapshotPeriod { get; init; }

    public required string AdminManager { get; init; }

    public required ulong PollGasLimit { get; init; }
}

/// <summary><c>update_config {owner?, effective_delay?, default/migration/auth_admin_poll_config?, voter_weight?, snapshot_period?, admin_manager?, poll_gas_limit?}</c>.</summary>
public sealed record UpdateConfigMsg
{
    public string? Owner { get; init; }

    public ulong? EffectiveDelay { get; init; }

    public PollConfig? DefaultPollConfig { get; init; }

    public PollConfig? MigrationPollConfig { get; init; }

    public PollConfig? AuthAdminPollConfig { get; init; }

    public Decimal? VoterWeight { get; init; }

    public ulong? SnapshotPeriod { get; init; }

    public string? AdminManager { get; init; }

    public ulong? PollGasLimit { get; init; }
}

/// <summary><c>cast_vote {poll_id, vote, amount}</c>.</summary>
public sealed record CastVoteMsg
{
    public required ulong PollId { get; init; }

    public required VoteOption Vote { get; init; }

    public required UInt128 Amount { get; init; }
}

/// <summary><c>withdraw_voting_tokens {amount?}</c>: without an amount, everything not locked.</summary>
public sealed record WithdrawVotingTokensMsg
{
    public UInt128? Amount { get; init; }
}

/// <summary><c>withdraw_voting_rewards {poll_id?}</c> / <c>stake_voting_rewards {poll_id?}</c>.</summary>
public sealed record OptionalPollIdMsg
{
    public ulong? PollId { get; init; }
}

/// <summary><c>end_poll</c> / <c>execute_poll</c> / <c>snapshot_poll {poll_id}</c>; also the <c>poll</c> query.</summary>
public sealed record PollIdMsg
{
    public required ulong PollId { get; init; }
}

/// <summary>Cw20 hook <c>create_poll {title, description, link?, execute_msg?, admin_action?}</c>.</summary>
public sealed record CreatePollHook
{
    public required string Title { get; init; }

    public required string Description { get; init; }

    public string? Link { get; init; }

    public PollExecuteMsg? ExecuteMsg { get; init; }

    public PollAdminAction? AdminAction { get; init; }
}

/// <summary><c>PollExecuteMsg {contract, msg: Binary}</c> (also the <c>execute_data</c> of PollResponse).</summary>
public sealed record PollExecuteMsg
{
    public required string Contract { get; init; }

    /// <summary>base64.</summary>
    public required string Msg { get; init; }
}

/// <summary><c>polls {filter?, start_after?, limit?, order_by?}</c>; default limit 10, max 30, default order desc.</summary>
public sealed record PollsQuery
{
    public PollStatus? Filter { get; init; }

    public ulong? StartAfter { get; init; }

    public uint? Limit { get; init; }

    public string? OrderBy { get; init; }
}

/// <summary><c>staker {address}</c>.</summary>
public sealed record StakerQuery
{
    public required string Address { get; init; }
}

/// <summary><c>voter {poll_id, address}</c>.</summary>
public sealed record VoterQuery
{
    public required ulong PollId { get; init; }

    public required string Address { get; init; }
}

/// <summary><c>voters {poll_id, start_after?, limit?, order_by?}</c>.</summary>
public sealed record VotersQuery
{
    public required ulong PollId { get; init; }

    public string? StartAfter { get; init; }

    public uint? Limit { get; init; }

    public string? OrderBy { get; init; }
}

/// <summary><c>shares {start_after?, limit?, order_by?}</c>.</summary>
public sealed record SharesQuery
{
    public string? StartAfter { get; init; }

    public uint? Limit { get; init; }

    public string? OrderBy { get; init; }
}

// Responses: fields in the Rust structs' order; Option fields serialise as null (serde), not omitted.

public sealed record ConfigResponse(
    string Owner,
    string MirrorToken,
    ulong EffectiveDelay,
    PollConfig DefaultPollConfig,
    PollConfig MigrationPollConfig,
    PollConfig AuthAdminPollConfig,
    Decimal VoterWeight,
    ulong SnapshotPeriod,
    string AdminManager,
    ulong PollGasLimit);

public sealed record StateResponse(ulong PollCount, UInt128 TotalShare, UInt128 TotalDeposit, UInt128 PendingVotingRewards);

/// <summary>
/// v2.1.4 PollResponse: no <c>admin_action</c> (the field is stored, but only Mirror's later master returns it; Mirror
/// v2.1.4 packages/mirror_protocol/src/gov.rs <c>PollResponse</c>).
/// </summary>
public sealed record PollResponse(
    ulong Id,
    string Creator,
    PollStatus Status,
    ulong EndTime,
    string Title,
    string Description,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Link,
    UInt128 DepositAmount,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] PollExecuteMsg? ExecuteData,
    UInt128 YesVotes,
    UInt128 NoVotes,
    UInt128 AbstainVotes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] UInt128? TotalBalanceAtEndPoll,
    UInt128 VotersReward,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] UInt128? StakedAmount);

public sealed record PollsResponse(IReadOnlyList<PollResponse> Polls);

/// <summary><c>StakerResponse {balance, share, locked_balance: [[id, VoterInfo]], withdrawable_polls: [[id, reward]], pending_voting_rewards}</c>.</summary>
public sealed record StakerResponse(
    UInt128 Balance,
    UInt128 Share,
    IReadOnlyList<LockedVote> LockedBalance,
    IReadOnlyList<PollReward> WithdrawablePolls,
    UInt128 PendingVotingRewards);

public sealed record SharesResponseItem(string Staker, UInt128 Share);

public sealed record SharesResponse(IReadOnlyList<SharesResponseItem> Stakers);

public sealed record VotersResponseItem(string Voter, VoteOption Vote, UInt128 Balance);

public sealed record VotersResponse(IReadOnlyList<VotersResponseItem> Voters);

/// <summary><c>Cw20HookMsg</c> (the <c>msg</c> of a cw20 <c>send</c> to gov) as other contracts write it (the collector).</summary>
public sealed record Cw20HookMsg
{
    public EmptyMsg? DepositReward { get; init; }
}
