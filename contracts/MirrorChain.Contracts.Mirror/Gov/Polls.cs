using System.Globalization;
using System.Text;
using MirrorChain.Contracts.Cw20;
using MirrorChain.Core;
using MirrorChain.Core.Numerics;

namespace MirrorChain.Contracts.Mirror.Gov;

// Polls: create (cw20 hook), cast_vote, snapshot_poll, end_poll, execute_poll and the failed-poll reply.
public sealed partial class GovContract
{
    private const int MinTitleLength = 4;
    private const int MaxTitleLength = 64;
    private const int MinDescLength = 4;
    private const int MaxDescLength = 256;
    private const int MinLinkLength = 12;
    private const int MaxLinkLength = 128;
    private const int MaxPollsInProgress = 50;

    /// <summary>
    /// create_poll (the MIR sent is the deposit). Order: title/description/link (UTF-8 byte lengths); the poll type by
    /// admin_action (none: default config, max 50 in progress; execute_migrations: contracts validated, migration config,
    /// max 60; other actions: auth_admin config, max 60); deposit &lt; proposal_deposit; in-progress count &gt; max;
    /// execute_msg together with admin_action; execute_msg targeting admin_manager or gov itself.
    /// </summary>
    private static Response CreatePoll(Deps deps, Env env, string proposer, UInt128 deposit, CreatePollHook hook)
    {
        ValidateLength(hook.Title, MinTitleLength, MaxTitleLength, GovErrors.TitleTooShort, GovErrors.TitleTooLong);
        ValidateLength(hook.Description, MinDescLength, MaxDescLength, GovErrors.DescriptionTooShort, GovErrors.DescriptionTooLong);
        if (hook.Link is not null)
        {
            ValidateLength(hook.Link, MinLinkLength, MaxLinkLength, GovErrors.LinkTooShort, GovErrors.LinkTooLong);
        }

        var config = GovState.Config.Load(deps.Storage);
        var now = env.Block.TimeSeconds;
        PollConfig pollConfig;
        int maxPollsInProgress;
        switch (hook.AdminAction)
        {
            case null:
                pollConfig = config.DefaultPollConfig;
                maxPollsInProgress = MaxPollsInProgress;
                break;
            case PollAdminAction.ExecuteMigrations migrations:
                foreach (var migration in migrations.Migrations)
                {
                    deps.Api.AddrValidate(migration.Contract);
                }
                pollConfig = config.MigrationPollConfig;
                maxPollsInProgress = MaxPollsInProgress + 10;
                break;
            default:
                pollConfig = config.AuthAdminPollConfig;
                maxPollsInProgress = MaxPollsInProgress + 10;
                break;
        }
        var endTime = AddU64(now, pollConfig.VotingPeriod);

        if (deposit < pollConfig.ProposalDeposit)
        {
            throw GovErrors.InsufficientDeposit(pollConfig.ProposalDeposit);
        }
        if (GovState.Indexer(PollStatus.InProgress).Range(deps.Storage).Count() > maxPollsInProgress)
        {
            throw GovErrors.TooManyPolls();
        }

        var state = GovState.State.Load(deps.Storage);
        var pollId = AddU64(state.PollCount, 1);
        state = state with { PollCount = pollId, TotalDeposit = Uint128Math.Add(state.TotalDeposit, deposit) };

        ExecuteData? executeData = null;
        if (hook.ExecuteMsg is { } executeMsg)
        {
            if (hook.AdminAction is not null)
            {
                throw GovErrors.NormalAndAdminAction();
            }
            var target = deps.Api.AddrValidate(executeMsg.Contract);
            if (target.ToString() == config.AdminManager || target == env.ContractAddress)
            {
                throw GovErrors.ForbiddenTarget();
            }
            executeData = new ExecuteData(target.ToString(), executeMsg.Msg);
        }

        var creator = Addr(deps, proposer);
        var poll = new Poll
        {
            Id = pollId,
            Creator = creator,
            Status = PollStatus.InProgress,
            YesVotes = UInt128.Zero,
            NoVotes = UInt128.Zero,
            AbstainVotes = UInt128.Zero,
            EndTime = endTime,
            Title = hook.Title,
            Description = hook.Description,
            Link = hook.Link,
            ExecuteData = executeData,
            DepositAmount = deposit,
            TotalBalanceAtEndPoll = null,
            VotersReward = UInt128.Zero,
            StakedAmount = null,
        };
        GovState.Polls.Save(deps.Storage, GovState.Id(pollId), poll);
        GovState.Indexer(PollStatus.InProgress).Save(deps.Storage, GovState.Id(pollId), true);
        if (hook.AdminAction is { } adminAction)
        {
            GovState.AdditionalParams.Save(deps.Storage, GovState.Id(pollId), new PollAdditionalParams(adminAction));
        }
        GovState.State.Save(deps.Storage, state);

        return new Response().AddAttributes(
            ("action", "create_poll"),
            ("creator", creator),
            ("poll_id", Format(pollId)),
            ("end_time", Format(endTime)));
    }

    /// <summary>
    /// cast_vote: the poll must exist (1..=poll_count) and be in progress with now ≤ end_time; one vote per voter; the
    /// amount must not exceed the voter's staked value floor(share·staked/total_share). The amount is added to the
    /// tally and locked (the lock is the max over in-progress polls). Auto snapshot when end_time − now &lt; snapshot_period.
    /// </summary>
    private static Response CastVote(Deps deps, Env env, MessageInfo info, CastVoteMsg msg)
    {
        var voter = info.Sender;
        var config = GovState.Config.Load(deps.Storage);
        var state = GovState.State.Load(deps.Storage);
        if (msg.PollId == 0 || state.PollCount < msg.PollId)
        {
            throw GovErrors.PollDoesNotExist();
        }
        var poll = GovState.Polls.Load(deps.Storage, GovState.Id(msg.PollId));
        var now = env.Block.TimeSeconds;
        if (poll.Status != PollStatus.InProgress || now > poll.EndTime)
        {
            throw GovErrors.NotInProgress();
        }
        if (GovState.PollVoters.Has(deps.Storage, GovState.VoterKey(msg.PollId, voter)))
        {
            throw GovErrors.AlreadyVoted();
        }

        var key = GovState.Addr(voter);
        var manager = GovState.Bank.May(deps.Storage, key) ?? new TokenManager();
        var staked = StakedBalance(deps, config, state);
        if (Uint128Math.MultiplyRatio(manager.Share, staked, state.TotalShare) < msg.Amount)
        {
            throw GovErrors.NotEnoughStaked();
        }

        poll = msg.Vote switch
        {
            VoteOption.Yes => poll with { YesVotes = Uint128Math.Add(poll.YesVotes, msg.Amount) },
            VoteOption.No => poll with { NoVotes = Uint128Math.Add(poll.NoVotes, msg.Amount) },
            _ => poll with { AbstainVotes = Uint128Math.Add(poll.AbstainVotes, msg.Amount) },
        };
        var voteInfo = new VoterInfo(msg.Vote, msg.Amount);
        manager = manager with { LockedBalance = [.. manager.LockedBalance, new LockedVote(msg.PollId, voteInfo)], ParticipatedPolls = [] };
        GovState.Bank.Save(deps.Storage, key, manager);
        GovState.PollVoters.Save(deps.Storage, GovState.VoterKey(msg.PollId, voter), voteInfo);

        var timeToEnd = poll.EndTime - now;
        if (timeToEnd < config.SnapshotPeriod && poll.StakedAmount is null)
        {
            poll = poll with { StakedAmount = staked };
        }
        GovState.Polls.Save(deps.Storage, GovState.Id(msg.PollId), poll);

        return new Response().AddAttributes(
            ("action", "cast_vote"),
            ("poll_id", Format(msg.PollId)),
            ("amount", Uint128Math.Format(msg.Amount)),
            ("voter", voter.ToString()),
            ("vote_option", VoteOptionJsonConverter.Instance.NameOf(msg.Vote)));
    }

    /// <summary>
    /// snapshot_poll (anyone): in progress; end_time − now ≤ snapshot_period (u64 subtraction: panics after end_time);
    /// no snapshot yet. Records staked_amount = the current staked MIR.
    /// </summary>
    private static Response SnapshotPoll(Deps deps, Env env, ulong pollId)
    {
        var config = GovState.Config.Load(deps.Storage);
        var poll = GovState.Polls.Load(deps.Storage, GovState.Id(pollId));
        if (poll.Status != PollStatus.InProgress)
        {
            throw GovErrors.NotInProgress();
        }
        var timeToEnd = SubU64(poll.EndTime, env.Block.TimeSeconds);
        if (timeToEnd > config.SnapshotPeriod)
        {
            throw GovErrors.CannotSnapshot();
        }
        if (poll.StakedAmount is not null)
        {
            throw GovErrors.SnapshotOccurred();
        }
        var state = GovState.State.Load(deps.Storage);
        var staked = StakedBalance(deps, config, state);
        GovState.Polls.Save(deps.Storage, GovState.Id(pollId), poll with { StakedAmount = staked });
        return new Response().AddAttributes(
            ("action", "snapshot_poll"),
            ("poll_id", Format(pollId)),
            ("staked_amount", Uint128Math.Format(staked)));
    }

    /// <summary>
    /// end_poll (anyone). Targets come from the current config of the poll's type. Quorum = tallied / (snapshot, or the
    /// staked MIR now); rejected "Quorum not reached" when nothing was tallied or quorum &lt; target (the deposit stays
    /// as staker yield); else passed when yes ≠ 0 and yes/(yes+no) &gt; threshold, otherwise "Threshold not reached",
    /// and in both cases the deposit is refunded. A fast-track (migration) poll may end early only when it passes.
    /// </summary>
    private static Response EndPoll(Deps deps, Env env, ulong pollId)
    {
        var config = GovState.Config.Load(deps.Storage);
        var poll = GovState.Polls.Load(deps.Storage, GovState.Id(pollId));
        var adminAction = GovState.AdditionalParams.May(deps.Storage, GovState.Id(pollId))?.AdminAction;
        var target = adminAction switch
        {
            null => config.DefaultPollConfig,
            PollAdminAction.ExecuteMigrations => config.MigrationPollConfig,
            _ => config.AuthAdminPollConfig,
        };
        var isFastTrack = adminAction?.IsFastTrack ?? false;

        if (poll.Status != PollStatus.InProgress)
        {
            throw GovErrors.NotInProgress();
        }
        var now = env.Block.TimeSeconds;
        if (poll.EndTime > now && !isFastTrack)
        {
            throw GovErrors.VotingPeriodNotExpired();
        }

        var yes = poll.YesVotes;
        var no = poll.NoVotes;
        var tallied = poll.TotalVotes();
        var status = PollStatus.Rejected;
        var rejectedReason = "";
        var passed = false;
        var response = new Response();
        var state = GovState.State.Load(deps.Storage);

        Decimal quorum;
        UInt128 stakedWeight;
        if (state.TotalShare == UInt128.Zero)
        {
            (quorum, stakedWeight) = (Decimal.Zero, UInt128.Zero);
        }
        else if (poll.StakedAmount is { } snapshot)
        {
            (quorum, stakedWeight) = (Decimal.FromRatio(tallied, snapshot), snapshot);
        }
        else
        {
            stakedWeight = StakedBalance(deps, config, state);
            quorum = Decimal.FromRatio(tallied, stakedWeight);
        }

        if (tallied == UInt128.Zero || quorum < target.Quorum)
        {
            rejectedReason = "Quorum not reached";
        }
        else
        {
            if (yes != UInt128.Zero && Decimal.FromRatio(yes, Uint128Math.Add(yes, no)) > target.Threshold)
            {
                status = PollStatus.Passed;
                passed = true;
            }
            else
            {
                rejectedReason = "Threshold not reached";
            }
            if (poll.DepositAmount != UInt128.Zero)
            {
                response.AddMessage(Cw20Messages.Transfer(Address.Parse(config.MirrorToken), Address.Parse(poll.Creator), poll.DepositAmount));
            }
        }

        if (status == PollStatus.Rejected && isFastTrack && poll.EndTime > now)
        {
            throw GovErrors.FastTrackNotReached();
        }

        GovState.State.Save(deps.Storage, state with { TotalDeposit = Uint128Math.CheckedSub(state.TotalDeposit, poll.DepositAmount) });
        GovState.MoveIndex(deps.Storage, pollId, PollStatus.InProgress, status);
        GovState.Polls.Save(deps.Storage, GovState.Id(pollId), poll with { Status = status, TotalBalanceAtEndPoll = stakedWeight });

        return response.AddAttributes(
            ("action", "end_poll"),
            ("poll_id", Format(pollId)),
            ("rejected_reason", rejectedReason),
            ("passed", passed ? "true" : "false"));
    }

    /// <summary>
    /// execute_poll (anyone): a passed poll, after end_time + effective_delay (migration polls: at once). The poll is
    /// marked Executed first; its message (execute_data to its contract; admin update_config to gov itself; other admin
    /// actions to the admin_manager) goes out as a reply-on-error sub-message (id 1) so a failure marks it Failed.
    /// </summary>
    private static Response ExecutePoll(Deps deps, Env env, ulong pollId)
    {
        var config = GovState.Config.Load(deps.Storage);
        var poll = GovState.Polls.Load(deps.Storage, GovState.Id(pollId));
        var adminAction = GovState.AdditionalParams.May(deps.Storage, GovState.Id(pollId))?.AdminAction;
        var isFastTrack = adminAction?.IsFastTrack ?? false;

        if (poll.Status != PollStatus.Passed)
        {
            throw GovErrors.NotPassed();
        }
        if (!isFastTrack && AddU64(poll.EndTime, config.EffectiveDelay) > env.Block.TimeSeconds)
        {
            throw GovErrors.EffectiveDelay();
        }

        GovState.MoveIndex(deps.Storage, pollId, PollStatus.Passed, PollStatus.Executed);
        GovState.Polls.Save(deps.Storage, GovState.Id(pollId), poll with { Status = PollStatus.Executed });

        CosmosMsg message = (poll.ExecuteData, adminAction) switch
        {
            ({ } data, _) => new WasmExecute(Address.Parse(data.Contract), GovBinary.Decode(data.Msg), []),
            (null, PollAdminAction.UpdateConfig action) => new WasmExecute(env.ContractAddress, action.ToJsonBytes(), []),
            (null, { } action) => new WasmExecute(Address.Parse(config.AdminManager), action.ToJsonBytes(), []),
            _ => throw GovErrors.NoExecuteData(),
        };
        GovState.TmpPollId.Save(deps.Storage, pollId);

        return new Response()
            .AddSubMessage(SubMsg.ReplyOnError(message, PollExecuteReplyId))
            .AddAttributes(("action", "execute_poll"), ("poll_id", Format(pollId)));
    }

    /// <summary>The reply to a failed poll message: Executed → Failed; attribute action=failed_poll.</summary>
    private static Response FailedPoll(Deps deps, ulong pollId)
    {
        var poll = GovState.Polls.Load(deps.Storage, GovState.Id(pollId));
        GovState.MoveIndex(deps.Storage, pollId, PollStatus.Executed, PollStatus.Failed);
        GovState.Polls.Save(deps.Storage, GovState.Id(pollId), poll with { Status = PollStatus.Failed });
        return new Response().AddAttribute("action", "failed_poll");
    }

    private static void ValidateLength(string text, int min, int max, Func<ContractException> tooShort, Func<ContractException> tooLong)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        if (length < min)
        {
            throw tooShort();
        }
        if (length > max)
        {
            throw tooLong();
        }
    }

    private static string Format(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}
