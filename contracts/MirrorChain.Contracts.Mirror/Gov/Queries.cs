using System.Text.Json;
using MirrorChain.Core;
using MirrorChain.Core.Numerics;

namespace MirrorChain.Contracts.Mirror.Gov;

// Queries: config, state, staker, poll, polls, voter, voters, shares. Pagination: default limit 10, max 30, default
// order desc; start_after is exclusive (asc starts at key ‖ 0x01, desc ends before key).
public sealed partial class GovContract
{
    private const string QueryMsgType = "mirror_protocol::gov::QueryMsg";
    private const uint DefaultLimit = 10;
    private const uint MaxLimit = 30;

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg) => QueryRoutes.Dispatch(deps, env, msg);

    /// <summary>The <c>QueryMsg</c> variants, in the Rust enum's declaration order.</summary>
    internal static readonly MessageRoutes<QueryHandler> QueryRoutes = new(QueryMsgType,
        ("config", (deps, env, body) => ContractJson.Serialize(QueryConfig(deps))),
        ("state", (deps, env, body) => ContractJson.Serialize(QueryState(deps))),
        ("staker", (deps, env, body) => ContractJson.Serialize(QueryStaker(deps, ParseQuery<StakerQuery>(body).Address))),
        ("poll", (deps, env, body) => ContractJson.Serialize(QueryPoll(deps, ParseQuery<PollIdMsg>(body).PollId))),
        ("polls", (deps, env, body) => ContractJson.Serialize(QueryPolls(deps, ParseQuery<PollsQuery>(body)))),
        ("voter", (deps, env, body) => ContractJson.Serialize(QueryVoter(deps, ParseQuery<VoterQuery>(body)))),
        ("voters", (deps, env, body) => ContractJson.Serialize(QueryVoters(deps, ParseQuery<VotersQuery>(body)))),
        ("shares", (deps, env, body) => ContractJson.Serialize(QueryShares(deps, ParseQuery<SharesQuery>(body)))));

    private static ConfigResponse QueryConfig(QueryDeps deps)
    {
        var c = GovState.Config.Load(deps.Storage);
        return new ConfigResponse(c.Owner, c.MirrorToken, c.EffectiveDelay, c.DefaultPollConfig, c.MigrationPollConfig, c.AuthAdminPollConfig,
            c.VoterWeight, c.SnapshotPeriod, c.AdminManager, c.PollGasLimit);
    }

    private static StateResponse QueryState(QueryDeps deps)
    {
        var s = GovState.State.Load(deps.Storage);
        return new StateResponse(s.PollCount, s.TotalShare, s.TotalDeposit, s.PendingVotingRewards);
    }

    /// <summary>
    /// balance = floor(share·staked/total_share) (0 when total_share is 0); locked_balance lists only in-progress polls;
    /// withdrawable_polls and pending_voting_rewards as withdraw_voting_rewards would pay them.
    /// </summary>
    private static StakerResponse QueryStaker(QueryDeps deps, string address)
    {
        var voter = deps.Api.AddrValidate(address);
        var config = GovState.Config.Load(deps.Storage);
        var state = GovState.State.Load(deps.Storage);
        var manager = GovState.Bank.May(deps.Storage, GovState.Addr(voter)) ?? new TokenManager();

        var withdrawable = WithdrawablePolls(deps.Storage, manager, voter)
            .Select(p => new PollReward(p.Poll.Id, VoterReward(p.Poll, p.Vote)))
            .ToList();
        var pending = withdrawable.Aggregate(UInt128.Zero, (sum, p) => Uint128Math.Add(sum, p.Reward));
        var locked = manager.LockedBalance
            .Where(e => GovState.Polls.Load(deps.Storage, GovState.Id(e.PollId)).Status == PollStatus.InProgress)
            .ToList();
        var staked = StakedBalance(deps, config, state);
        var balance = state.TotalShare == UInt128.Zero ? UInt128.Zero : Uint128Math.MultiplyRatio(manager.Share, staked, state.TotalShare);
        return new StakerResponse(balance, manager.Share, locked, withdrawable, pending);
    }

    /// <summary>An unknown id is "Poll does not exist".</summary>
    private static PollResponse QueryPoll(QueryDeps deps, ulong pollId) =>
        GovState.Polls.May(deps.Storage, GovState.Id(pollId)) is { } poll ? ToResponse(poll) : throw GovErrors.PollDoesNotExist();

    /// <summary>With a filter, walks that status index; otherwise all polls; by poll id.</summary>
    private static PollsResponse QueryPolls(QueryDeps deps, PollsQuery msg)
    {
        var limit = (int)Math.Min(msg.Limit ?? DefaultLimit, MaxLimit);
        var ascending = ParseOrder(msg.OrderBy);
        var after = msg.StartAfter is { } id ? GovState.Id(id) : null;
        var (start, end) = ascending ? (after is null ? null : (byte[]?)[.. after, 1], (byte[]?)null) : (null, after);
        IEnumerable<Poll> polls = msg.Filter is { } status
            ? GovState.Indexer(status).Range(deps.Storage, start, end, !ascending).Select(kv => GovState.Polls.Load(deps.Storage, kv.Key))
            : GovState.Polls.Range(deps.Storage, start, end, !ascending).Select(kv => kv.Value);
        return new PollsResponse(polls.Take(limit).Select(ToResponse).ToList());
    }

    /// <summary>NotFound ("mirror_protocol::gov::VoterInfo not found") when the address has not voted.</summary>
    private static VotersResponseItem QueryVoter(QueryDeps deps, VoterQuery msg)
    {
        var vote = GovState.PollVoters.Load(deps.Storage, GovState.VoterKey(msg.PollId, deps.Api.AddrValidate(msg.Address)));
        return new VotersResponseItem(msg.Address, vote.Vote, vote.Balance);
    }

    /// <summary>A poll's voters by canonical address.</summary>
    private static VotersResponse QueryVoters(QueryDeps deps, VotersQuery msg)
    {
        var limit = (int)Math.Min(msg.Limit ?? DefaultLimit, MaxLimit);
        var ascending = ParseOrder(msg.OrderBy);
        var prefix = GovState.Id(msg.PollId);
        var prefixEnd = KeyRanges.PrefixEnd(prefix);
        byte[]? after = msg.StartAfter is null ? null : [.. prefix, .. deps.Api.AddrValidate(msg.StartAfter).Bytes];
        var range = ascending
            ? GovState.PollVoters.Range(deps.Storage, after is null ? prefix : [.. after, 1], prefixEnd)
            : GovState.PollVoters.Range(deps.Storage, prefix, after ?? prefixEnd, descending: true);
        var voters = range.Take(limit)
            .Select(kv => new VotersResponseItem(Address.FromBytes(kv.Key.AsSpan(8)).ToString(), kv.Value.Vote, kv.Value.Balance))
            .ToList();
        return new VotersResponse(voters);
    }

    /// <summary>Stakers' shares by canonical address.</summary>
    private static SharesResponse QueryShares(QueryDeps deps, SharesQuery msg)
    {
        var limit = (int)Math.Min(msg.Limit ?? DefaultLimit, MaxLimit);
        var ascending = ParseOrder(msg.OrderBy);
        var after = msg.StartAfter is null ? null : GovState.Addr(deps.Api.AddrValidate(msg.StartAfter));
        var range = ascending
            ? GovState.Bank.Range(deps.Storage, after is null ? null : [.. after, 1])
            : GovState.Bank.Range(deps.Storage, null, after, descending: true);
        var stakers = range.Take(limit)
            .Select(kv => new SharesResponseItem(Address.FromBytes(kv.Key).ToString(), kv.Value.Share))
            .ToList();
        return new SharesResponse(stakers);
    }

    private static PollResponse ToResponse(Poll p) => new(
        p.Id, p.Creator, p.Status, p.EndTime, p.Title, p.Description, p.Link, p.DepositAmount,
        p.ExecuteData is { } data ? new PollExecuteMsg { Contract = data.Contract, Msg = data.Msg } : null,
        p.YesVotes, p.NoVotes, p.AbstainVotes, p.TotalBalanceAtEndPoll, p.VotersReward, p.StakedAmount);

    private static bool ParseOrder(string? orderBy) => orderBy switch
    {
        "asc" => true,
        null or "desc" => false,
        _ => throw ContractJson.UnknownVariant(QueryMsgType, orderBy, "asc", "desc"),
    };

    private static T ParseQuery<T>(JsonElement body) => ContractJson.Deserialize<T>(body, QueryMsgType);
}
