using MirrorChain.Contracts.Mirror.Common;
using System.Text.Json;
using MirrorChain.Contracts.Cw20;
using MirrorChain.Core;
using MirrorChain.Core.Numerics;

namespace MirrorChain.Contracts.Mirror.Gov;

/// <summary>
/// mirror_gov v2.1.4: MIR staking with shares, polls (default, fast-track migration and auth-admin polls with their
/// own configs), snapshots, voter rewards and poll execution through a reply-on-error sub-message. All periods are in
/// block seconds. This file: entry points, the cw20 hook, update_config and the reply; polls live in <c>Polls.cs</c>,
/// staking and voter rewards in <c>Staking.cs</c>, queries in <c>Queries.cs</c>.
/// </summary>
/// <remarks>
/// <c>poll_gas_limit</c> is stored, updated and reported, but MirrorChain's runtime has no per-sub-message gas limit:
/// a poll's message runs with the tx's gas meter. A failing message still marks the poll failed through the reply.
/// The <c>migrate</c> entry point (legacy config conversion) is not ported: MirrorChain instantiates v2.1.4 directly.
/// </remarks>
public sealed partial class GovContract : IContract
{
    private const string ExecuteMsgType = "mirror_protocol::gov::ExecuteMsg";
    private const string HookMsgType = "mirror_protocol::gov::Cw20HookMsg";
    private const ulong PollExecuteReplyId = 1;

    public string Name => "mirror_gov";

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        var m = ContractJson.Deserialize<InstantiateMsg>(msg, "mirror_protocol::gov::InstantiateMsg");
        ValidatePollConfig(m.DefaultPollConfig);
        ValidatePollConfig(m.MigrationPollConfig);
        ValidatePollConfig(m.AuthAdminPollConfig);
        ValidateVoterWeight(m.VoterWeight);
        GovState.Config.Save(deps.Storage, new Config
        {
            MirrorToken = Addr(deps, m.MirrorToken),
            Owner = info.Sender.ToString(),
            EffectiveDelay = m.EffectiveDelay,
            DefaultPollConfig = m.DefaultPollConfig,
            MigrationPollConfig = m.MigrationPollConfig,
            AuthAdminPollConfig = m.AuthAdminPollConfig,
            VoterWeight = m.VoterWeight,
            SnapshotPeriod = m.SnapshotPeriod,
            AdminManager = Addr(deps, m.AdminManager),
            PollGasLimit = m.PollGasLimit,
        });
        GovState.State.Save(deps.Storage, new State
        {
            ContractAddr = env.ContractAddress.ToString(),
            PollCount = 0,
            TotalShare = UInt128.Zero,
            TotalDeposit = UInt128.Zero,
            PendingVotingRewards = UInt128.Zero,
        });
        return new Response();
    }

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg) => ExecuteRoutes.Dispatch(deps, env, info, msg);

    /// <summary>The <c>ExecuteMsg</c> variants, in the Rust enum's declaration order.</summary>
    internal static readonly MessageRoutes<ExecuteHandler> ExecuteRoutes = new(ExecuteMsgType,
        ("receive", (deps, env, info, body) => Receive(deps, env, info, Cw20ReceiveMsg.Parse(body, ExecuteMsgType))),
        ("update_config", (deps, env, info, body) => UpdateConfig(deps, info, Parse<UpdateConfigMsg>(body))),
        ("cast_vote", (deps, env, info, body) => CastVote(deps, env, info, Parse<CastVoteMsg>(body))),
        ("withdraw_voting_tokens", (deps, env, info, body) => WithdrawVotingTokens(deps, env, info, Parse<WithdrawVotingTokensMsg>(body).Amount)),
        ("withdraw_voting_rewards", (deps, env, info, body) => WithdrawVotingRewards(deps, env, info, Parse<OptionalPollIdMsg>(body).PollId)),
        ("stake_voting_rewards", (deps, env, info, body) => StakeVotingRewards(deps, env, info, Parse<OptionalPollIdMsg>(body).PollId)),
        ("end_poll", (deps, env, info, body) => EndPoll(deps, env, Parse<PollIdMsg>(body).PollId)),
        ("execute_poll", (deps, env, info, body) => ExecutePoll(deps, env, Parse<PollIdMsg>(body).PollId)),
        ("snapshot_poll", (deps, env, info, body) => SnapshotPoll(deps, env, Parse<PollIdMsg>(body).PollId)));

    /// <summary>Reply 1 (the poll's message failed): the poll in tmp_poll_id becomes Failed. Any other id is an error.</summary>
    public Response Reply(Deps deps, Env env, Reply reply)
    {
        if (reply.Id != PollExecuteReplyId)
        {
            throw GovErrors.InvalidReplyId();
        }
        return FailedPoll(deps, GovState.TmpPollId.Load(deps.Storage));
    }

    /// <summary>
    /// The cw20 hook. Only the MIR token may call it ("unauthorized"); a payload that is not a Cw20HookMsg is
    /// "invalid cw20 hook message". The MIR has already moved when the hook runs.
    /// </summary>
    private static Response Receive(Deps deps, Env env, MessageInfo info, Cw20ReceiveMsg cw20)
    {
        var config = GovState.Config.Load(deps.Storage);
        if (info.Sender.ToString() != config.MirrorToken)
        {
            throw GovErrors.Unauthorized();
        }
        var (name, body) = Cw20Hook.Decode(cw20.Msg, HookMsgType);
        return HookRoutes.TryFind(name, out var handler) ? handler(deps, env, cw20, body) : throw GovErrors.InvalidHook();
    }

    /// <summary>Handles one <c>Cw20HookMsg</c> variant of a MIR <c>send</c> to gov.</summary>
    internal delegate Response HookHandler(Deps deps, Env env, Cw20ReceiveMsg cw20, JsonElement body);

    /// <summary>The <c>Cw20HookMsg</c> variants, in the Rust enum's declaration order; any other payload is
    /// "invalid cw20 hook message".</summary>
    internal static readonly MessageRoutes<HookHandler> HookRoutes = new(HookMsgType,
        ("stake_voting_tokens", (deps, env, cw20, body) => StakeVotingTokens(deps, env, cw20.Sender, cw20.Amount)),
        ("create_poll", (deps, env, cw20, body) => CreatePoll(deps, env, cw20.Sender, cw20.Amount, ParseCreatePoll(body))),
        ("deposit_reward", (deps, env, cw20, body) => DepositReward(deps, cw20.Amount)));

    /// <summary>Owner only ("unauthorized"); each poll config and the voter weight are validated when given. No attributes.</summary>
    private static Response UpdateConfig(Deps deps, MessageInfo info, UpdateConfigMsg msg)
    {
        var config = GovState.Config.Load(deps.Storage);
        if (info.Sender.ToString() != config.Owner)
        {
            throw GovErrors.Unauthorized();
        }
        if (msg.Owner is not null)
        {
            config = config with { Owner = Addr(deps, msg.Owner) };
        }
        if (msg.DefaultPollConfig is { } defaultConfig)
        {
            ValidatePollConfig(defaultConfig);
            config = config with { DefaultPollConfig = defaultConfig };
        }
        if (msg.MigrationPollConfig is { } migrationConfig)
        {
            ValidatePollConfig(migrationConfig);
            config = config with { MigrationPollConfig = migrationConfig };
        }
        if (msg.AuthAdminPollConfig is { } authAdminConfig)
        {
            ValidatePollConfig(authAdminConfig);
            config = config with { AuthAdminPollConfig = authAdminConfig };
        }
        if (msg.EffectiveDelay is { } effectiveDelay)
        {
            config = config with { EffectiveDelay = effectiveDelay };
        }
        if (msg.VoterWeight is { } voterWeight)
        {
            ValidateVoterWeight(voterWeight);
            config = config with { VoterWeight = voterWeight };
        }
        if (msg.SnapshotPeriod is { } snapshotPeriod)
        {
            config = config with { SnapshotPeriod = snapshotPeriod };
        }
        if (msg.AdminManager is not null)
        {
            config = config with { AdminManager = Addr(deps, msg.AdminManager) };
        }
        if (msg.PollGasLimit is { } pollGasLimit)
        {
            config = config with { PollGasLimit = pollGasLimit };
        }
        GovState.Config.Save(deps.Storage, config);
        return new Response();
    }

    /// <summary>quorum and threshold must be ≤ 1.</summary>
    private static void ValidatePollConfig(PollConfig config)
    {
        if (config.Quorum > Decimal.One)
        {
            throw GovErrors.Quorum();
        }
        if (config.Threshold > Decimal.One)
        {
            throw GovErrors.Threshold();
        }
    }

    /// <summary>voter_weight must be &lt; 1.</summary>
    private static void ValidateVoterWeight(Decimal voterWeight)
    {
        if (voterWeight >= Decimal.One)
        {
            throw GovErrors.VoterWeight();
        }
    }

    /// <summary>staked = MIR balance − (total_deposit + pending_voting_rewards), checked (an Overflow StdError).</summary>
    private static UInt128 StakedBalance(QueryDeps deps, Config config, State state) =>
        Uint128Math.CheckedSub(MirBalance(deps, config, state), state.Locked());

    /// <summary>The gov contract's MIR balance (a missing balance is 0).</summary>
    private static UInt128 MirBalance(QueryDeps deps, Config config, State state) =>
        Cw20Queries.Balance(deps.Querier, Address.Parse(config.MirrorToken), Address.Parse(state.ContractAddr));

    /// <summary>A MIR transfer from gov with attributes action, recipient, amount (Rust's <c>send_tokens</c>).</summary>
    private static Response SendTokens(Config config, Address recipient, UInt128 amount, string action) =>
        new Response()
            .AddAttributes(("action", action), ("recipient", recipient.ToString()), ("amount", Uint128Math.Format(amount)))
            .AddMessage(Cw20Messages.Transfer(Address.Parse(config.MirrorToken), recipient, amount));

    private static string Addr(QueryDeps deps, string human) => deps.Api.AddrValidate(human).ToString();

    private static T Parse<T>(JsonElement body) => ContractJson.Deserialize<T>(body, ExecuteMsgType);

    /// <summary>The create_poll hook, with execute_msg.msg checked and normalised as serde's Binary.</summary>
    private static CreatePollHook ParseCreatePoll(JsonElement body)
    {
        var hook = Cw20Hook.Parse<CreatePollHook>(body, HookMsgType);
        if (hook.ExecuteMsg is not { } executeMsg)
        {
            return hook;
        }
        try
        {
            return hook with { ExecuteMsg = executeMsg with { Msg = GovBinary.Canonical(executeMsg.Msg) } };
        }
        catch (JsonException)
        {
            throw GovErrors.InvalidHook();
        }
    }

    /// <summary>u64 a − b, panicking on underflow like Rust with overflow-checks.</summary>
    private static ulong SubU64(ulong a, ulong b) => a < b ? throw new PanicException("attempt to subtract with overflow") : a - b;

    /// <summary>u64 a + b, panicking on overflow.</summary>
    private static ulong AddU64(ulong a, ulong b) => a > ulong.MaxValue - b ? throw new PanicException("attempt to add with overflow") : a + b;
}
