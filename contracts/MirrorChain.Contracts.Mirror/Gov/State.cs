using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization;
using MirrorChain.Core;

namespace MirrorChain.Contracts.Mirror.Gov;

// contracts/mirror_gov/src/state.rs. Addresses are kept in bech32 form (Rust keeps canonical bytes); bucket keys
// are the canonical address bytes, so stakers and voters iterate in the same order as on Terra.

/// <summary>Singleton <c>config</c>.</summary>
public sealed record Config
{
    public required string Owner { get; init; }

    public required string MirrorToken { get; init; }

    public required ulong EffectiveDelay { get; init; }

    public required PollConfig DefaultPollConfig { get; init; }

    public required PollConfig MigrationPollConfig { get; init; }

    public required PollConfig AuthAdminPollConfig { get; init; }

    public required Decimal VoterWeight { get; init; }

    public required ulong SnapshotPeriod { get; init; }

    public required string AdminManager { get; init; }

    /// <summary>The gas limit of a poll's execute sub-message (stored and reported; MirrorChain does not meter it).</summary>
    public required ulong PollGasLimit { get; init; }
}

/// <summary>Singleton <c>state</c>: {contract_addr, poll_count, total_share, total_deposit, pending_voting_rewards}.</summary>
public sealed record State
{
    public required string ContractAddr { get; init; }

    public required ulong PollCount { get; init; }

    public required UInt128 TotalShare { get; init; }

    public required UInt128 TotalDeposit { get; init; }

    public required UInt128 PendingVotingRewards { get; init; }

    /// <summary>total_deposit + pending_voting_rewards: the MIR in the contract that is not staked.</summary>
    public UInt128 Locked() => Core.Numerics.Uint128Math.Add(TotalDeposit, PendingVotingRewards);
}

/// <summary><c>VoterInfo {vote, balance}</c>.</summary>
public sealed record VoterInfo(VoteOption Vote, UInt128 Balance);

/// <summary>A <c>(poll_id, VoterInfo)</c> tuple, JSON <c>[1, {"vote":"yes","balance":"10"}]</c>.</summary>
[JsonConverter(typeof(LockedVoteJsonConverter))]
public sealed record LockedVote(ulong PollId, VoterInfo Info);

/// <summary>A <c>(poll_id, Uint128)</c> tuple, JSON <c>[1, "50"]</c>.</summary>
[JsonConverter(typeof(PollRewardJsonConverter))]
public sealed record PollReward(ulong PollId, UInt128 Reward);

/// <summary>Bucket <c>bank</c> value: {share, locked_balance, participated_polls (legacy, always [])}.</summary>
public sealed record TokenManager
{
    public UInt128 Share { get; init; }

    public IReadOnlyList<LockedVote> LockedBalance { get; init; } = [];

    public IReadOnlyList<ulong> ParticipatedPolls { get; init; } = [];
}

/// <summary><c>ExecuteData {contract, msg}</c> of a default poll.</summary>
public sealed record ExecuteData(string Contract, string Msg);

/// <summary>Bucket <c>poll</c> value.</summary>
public sealed record Poll
{
    public required ulong Id { get; init; }

    public required string Creator { get; init; }

    public required PollStatus Status { get; init; }

    public required UInt128 YesVotes { get; init; }

    public required UInt128 NoVotes { get; init; }

    public required UInt128 AbstainVotes { get; init; }

    public required ulong EndTime { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public string? Link { get; init; }

    public ExecuteData? ExecuteData { get; init; }

    public required UInt128 DepositAmount { get; init; }

    public UInt128? TotalBalanceAtEndPoll { get; init; }

    public required UInt128 VotersReward { get; init; }

    public UInt128? StakedAmount { get; init; }

    /// <summary>yes + no + abstain (u128; panics on overflow as Rust's + does).</summary>
    public UInt128 TotalVotes() => Core.Numerics.Uint128Math.Add(Core.Numerics.Uint128Math.Add(YesVotes, NoVotes), AbstainVotes);
}

/// <summary>Bucket <c>poll_additional_params</c> value (v2.1.4: saved only for admin polls).</summary>
public sealed record PollAdditionalParams(PollAdminAction AdminAction);

internal static class GovState
{
    public static readonly Item<Config> Config = new("config") { TypeName = "mirror_gov::state::Config" };

    public static readonly Item<State> State = new("state") { TypeName = "mirror_gov::state::State" };

    /// <summary>The poll whose execute sub-message is in flight (read by the reply).</summary>
    public static readonly Item<ulong> TmpPollId = new("tmp_poll_id") { TypeName = "u64" };

    /// <summary>Bucket <c>bank</c>: canonical voter address → <see cref="TokenManager"/>.</summary>
    public static readonly Map<TokenManager> Bank = new("bank") { TypeName = "mirror_gov::state::TokenManager" };

    /// <summary>Bucket <c>poll</c>: poll id (u64 BE) → <see cref="Poll"/>.</summary>
    public static readonly Map<Poll> Polls = new("poll") { TypeName = "mirror_gov::state::Poll" };

    /// <summary>Bucket <c>poll_additional_params</c>: poll id (u64 BE) → the admin action.</summary>
    public static readonly Map<PollAdditionalParams> AdditionalParams =
        new("poll_additional_params") { TypeName = "mirror_gov::state::PollAdditionalParams" };

    /// <summary>Bucket <c>poll_voter</c>: poll id (u64 BE) ‖ canonical voter address → <see cref="VoterInfo"/>.</summary>
    public static readonly Map<VoterInfo> PollVoters = new("poll_voter") { TypeName = "mirror_protocol::gov::VoterInfo" };

    /// <summary>Multilevel bucket <c>poll_indexer/&lt;status&gt;</c>: poll id (u64 BE) → true.</summary>
    private static readonly Dictionary<PollStatus, Map<bool>> Indexers = Enum.GetValues<PollStatus>()
        .ToDictionary(s => s, s => new Map<bool>("poll_indexer/" + s) { TypeName = "bool" });

    public static Map<bool> Indexer(PollStatus status) => Indexers[status];

    public static byte[] Id(ulong pollId)
    {
        var key = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(key, pollId);
        return key;
    }

    public static ulong IdOf(ReadOnlySpan<byte> key) => BinaryPrimitives.ReadUInt64BigEndian(key);

    public static byte[] Addr(Address address) => address.ToArray();

    public static byte[] VoterKey(ulong pollId, Address voter) => [.. Id(pollId), .. voter.Bytes];

    /// <summary>Moves a poll's status index entry (remove old, save new).</summary>
    public static void MoveIndex(IContractStorage storage, ulong pollId, PollStatus from, PollStatus to)
    {
        Indexer(from).Remove(storage, Id(pollId));
        Indexer(to).Save(storage, Id(pollId), true);
    }
}

/// <summary><c>(u64, VoterInfo)</c> as a two-element JSON array.</summary>
public sealed class LockedVoteJsonConverter : JsonConverter<LockedVote>
{
    public override LockedVote Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        var e = doc.RootElement;
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() != 2 || !e[0].TryGetUInt64(out var id))
        {
            throw new JsonException("invalid type: expected a tuple of size 2 (u64, VoterInfo)");
        }
        return new LockedVote(id, e[1].Deserialize<VoterInfo>(options) ?? throw new JsonException("null VoterInfo"));
    }

    public override void Write(Utf8JsonWriter writer, LockedVote value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.PollId);
        JsonSerializer.Serialize(writer, value.Info, options);
        writer.WriteEndArray();
    }
}

/// <summary><c>(u64, Uint128)</c> as a two-element JSON array.</summary>
public sealed class PollRewardJsonConverter : JsonConverter<PollReward>
{
    public override PollReward Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        var e = doc.RootElement;
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() != 2 || !e[0].TryGetUInt64(out var id))
        {
            throw new JsonException("invalid type: expected a tuple of size 2 (u64, Uint128)");
        }
        return new PollReward(id, e[1].Deserialize<UInt128>(options));
    }

    public override void Write(Utf8JsonWriter writer, PollReward value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.PollId);
        JsonSerializer.Serialize(writer, value.Reward, options);
        writer.WriteEndArray();
    }
}
