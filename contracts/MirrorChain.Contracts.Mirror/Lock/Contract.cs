using System.Globalization;
using System.Text.Json;
using MirrorChain.Contracts.Terraswap;
using MirrorChain.Core;
using MirrorChain.Core.Numerics;

namespace MirrorChain.Contracts.Mirror.Lock;

/// <summary>
/// mirror_lock v2.1.4 (+ HEAD's duplicate-index check): holds the UST proceeds of short positions for
/// <c>lockup_period</c> seconds. The amount locked by a hook is the contract's base_denom balance minus what is already
/// attributed (<c>total_locked_funds</c>). Payouts are net of Terra tax (rate 0 on MirrorChain).
/// </summary>
public sealed class LockContract : IContract
{
    private const string ExecuteMsgType = "mirror_protocol::lock::ExecuteMsg";
    private const string QueryMsgType = "mirror_protocol::lock::QueryMsg";

    public string Name => "mirror_lock";

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        var m = ContractJson.Deserialize<InstantiateMsg>(msg, "mirror_protocol::lock::InstantiateMsg");
        LockState.Config.Save(deps.Storage, new Config
        {
            Owner = deps.Api.AddrValidate(m.Owner).ToString(),
            MintContract = deps.Api.AddrValidate(m.MintContract).ToString(),
            BaseDenom = m.BaseDenom,
            LockupPeriod = m.LockupPeriod,
        });
        LockState.TotalLockedFunds.Save(deps.Storage, UInt128.Zero);
        return new Response();
    }

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg) => ExecuteRoutes.Dispatch(deps, env, info, msg);

    /// <summary>The <c>ExecuteMsg</c> variants, in the Rust enum's declaration order.</summary>
    internal static readonly MessageRoutes<ExecuteHandler> ExecuteRoutes = new(ExecuteMsgType,
        ("update_config", (deps, env, info, body) => UpdateConfig(deps, info, ContractJson.Deserialize<UpdateConfigMsg>(body, ExecuteMsgType))),
        ("lock_position_funds_hook", (deps, env, info, body) => LockPositionFundsHook(deps, env, info, ContractJson.Deserialize<LockPositionFundsHookMsg>(body, ExecuteMsgType))),
        ("unlock_position_funds", (deps, env, info, body) => UnlockPositionFunds(deps, env, info, ContractJson.Deserialize<UnlockPositionFundsMsg>(body, ExecuteMsgType))),
        ("release_position_funds", (deps, env, info, body) => ReleasePositionFunds(deps, info, ContractJson.Deserialize<ReleasePositionFundsMsg>(body, ExecuteMsgType))));

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg) => QueryRoutes.Dispatch(deps, env, msg);

    /// <summary>The <c>QueryMsg</c> variants, in the Rust enum's declaration order.</summary>
    internal static readonly MessageRoutes<QueryHandler> QueryRoutes = new(QueryMsgType,
        ("config", (deps, env, body) => ContractJson.Serialize(QueryConfig(deps))),
        ("position_lock_info", (deps, env, body) => ContractJson.Serialize(QueryPositionLockInfo(deps, ContractJson.Deserialize<PositionLockInfoQuery>(body, QueryMsgType)))));

    /// <summary>Owner only. Attribute action=update_config.</summary>
    private static Response UpdateConfig(Deps deps, MessageInfo info, UpdateConfigMsg msg)
    {
        var config = LockState.Config.Load(deps.Storage);
        if (info.Sender.ToString() != config.Owner)
        {
            throw LockErrors.Unauthorized();
        }
        config = config with
        {
            Owner = msg.Owner is null ? config.Owner : deps.Api.AddrValidate(msg.Owner).ToString(),
            MintContract = msg.MintContract is null ? config.MintContract : deps.Api.AddrValidate(msg.MintContract).ToString(),
            BaseDenom = msg.BaseDenom ?? config.BaseDenom,
            LockupPeriod = msg.LockupPeriod ?? config.LockupPeriod,
        };
        LockState.Config.Save(deps.Storage, config);
        return new Response().AddAttribute("action", "update_config");
    }

    /// <summary>
    /// Mint only. locked = balance − total_locked_funds ("Nothing to lock" if 0). An existing record must have the same
    /// receiver; it grows and its unlock_time is reset to now + lockup_period for the whole amount.
    /// </summary>
    private static Response LockPositionFundsHook(Deps deps, Env env, MessageInfo info, LockPositionFundsHookMsg msg)
    {
        var config = LockState.Config.Load(deps.Storage);
        if (info.Sender.ToString() != config.MintContract)
        {
            throw LockErrors.Unauthorized();
        }
        var balance = deps.Querier.QueryBalance(env.ContractAddress, config.BaseDenom);
        var alreadyLocked = LockState.TotalLockedFunds.Load(deps.Storage);
        var locked = Uint128Math.CheckedSub(balance, alreadyLocked);
        if (locked == UInt128.Zero)
        {
            throw LockErrors.NothingToLock();
        }
        var unlockTime = AddSeconds(env.Block.TimeSeconds, config.LockupPeriod);
        var receiver = deps.Api.AddrValidate(msg.Receiver).ToString();
        var key = LockState.Key(msg.PositionIdx);
        PositionLockInfo record;
        if (LockState.LockInfos.May(deps.Storage, key) is { } existing)
        {
            if (existing.Receiver != receiver)
            {
                throw LockErrors.ReceiverMismatch();
            }
            record = existing with { LockedAmount = Uint128Math.Add(existing.LockedAmount, locked), UnlockTime = unlockTime };
        }
        else
        {
            record = new PositionLockInfo { Idx = msg.PositionIdx, Receiver = receiver, LockedAmount = locked, UnlockTime = unlockTime };
        }
        LockState.LockInfos.Save(deps.Storage, key, record);
        LockState.TotalLockedFunds.Save(deps.Storage, balance);
        return new Response().AddAttributes(
            ("action", "lock_position_funds_hook"),
            ("position_idx", Format(msg.PositionIdx)),
            ("locked_amount", Format(locked) + config.BaseDenom),
            ("total_locked_amount", Format(record.LockedAmount) + config.BaseDenom),
            ("unlock_time", unlockTime.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// Refuses a repeated idx ("Duplicate position_idx", HEAD's fix; v2.1.4 paid it twice). Keeps the records that
    /// exist, belong to the sender and have now ≥ unlock_time; removes them and pays their sum (net of tax) to the
    /// sender. A zero sum is "There are no unlockable funds for the provided positions".
    /// </summary>
    private static Response UnlockPositionFunds(Deps deps, Env env, MessageInfo info, UnlockPositionFundsMsg msg)
    {
        if (msg.PositionsIdx.Distinct().Count() != msg.PositionsIdx.Count)
        {
            throw LockErrors.DuplicatePositionIdx();
        }
        var config = LockState.Config.Load(deps.Storage);
        var sender = info.Sender.ToString();
        var now = env.Block.TimeSeconds;
        var unlockable = msg.PositionsIdx
            .Select(idx => LockState.LockInfos.May(deps.Storage, LockState.Key(idx)))
            .OfType<PositionLockInfo>()
            .Where(r => r.Receiver == sender && now >= r.UnlockTime)
            .ToList();
        var amount = UInt128.Zero;
        foreach (var record in unlockable)
        {
            LockState.LockInfos.Remove(deps.Storage, LockState.Key(record.Idx));
            amount = Uint128Math.Add(amount, record.LockedAmount);
        }
        if (amount == UInt128.Zero)
        {
            throw LockErrors.NoUnlockableFunds();
        }
        DecreaseTotal(deps, amount);
        var payout = Asset.Of(AssetInfo.Native(config.BaseDenom), amount);
        var tax = payout.ComputeTax(deps.Querier);
        return new Response()
            .AddAttributes(
                ("action", "unlock_shorting_funds"),
                ("unlocked_amount", Format(amount) + config.BaseDenom),
                ("tax_amount", Format(tax) + config.BaseDenom))
            .AddMessage(payout.IntoMsg(deps.Querier, info.Sender));
    }

    /// <summary>
    /// Mint only. No record is an empty success; otherwise ignores unlock_time, removes the record and pays the whole
    /// amount (net of tax) to the record's receiver.
    /// </summary>
    private static Response ReleasePositionFunds(Deps deps, MessageInfo info, ReleasePositionFundsMsg msg)
    {
        var config = LockState.Config.Load(deps.Storage);
        if (info.Sender.ToString() != config.MintContract)
        {
            throw LockErrors.Unauthorized();
        }
        var key = LockState.Key(msg.PositionIdx);
        if (LockState.LockInfos.May(deps.Storage, key) is not { } record)
        {
            return new Response();
        }
        LockState.LockInfos.Remove(deps.Storage, key);
        DecreaseTotal(deps, record.LockedAmount);
        var payout = Asset.Of(AssetInfo.Native(config.BaseDenom), record.LockedAmount);
        var tax = payout.ComputeTax(deps.Querier);
        return new Response()
            .AddAttributes(
                ("action", "release_shorting_funds"),
                ("position_idx", Format(msg.PositionIdx)),
                ("unlocked_amount", Format(record.LockedAmount) + config.BaseDenom),
                ("tax_amount", Format(tax) + config.BaseDenom))
            .AddMessage(payout.IntoMsg(deps.Querier, Address.Parse(record.Receiver)));
    }

    private static ConfigResponse QueryConfig(QueryDeps deps)
    {
        var c = LockState.Config.Load(deps.Storage);
        return new ConfigResponse(c.Owner, c.MintContract, c.BaseDenom, c.LockupPeriod);
    }

    /// <summary>NotFound ("mirror_lock::state::PositionLockInfo not found") for a missing record.</summary>
    private static PositionLockInfoResponse QueryPositionLockInfo(QueryDeps deps, PositionLockInfoQuery msg)
    {
        var r = LockState.LockInfos.Load(deps.Storage, LockState.Key(msg.PositionIdx));
        return new PositionLockInfoResponse(r.Idx, r.Receiver, r.LockedAmount, r.UnlockTime);
    }

    /// <summary>total_locked_funds −= amount (checked_sub: an Overflow StdError).</summary>
    private static void DecreaseTotal(Deps deps, UInt128 amount) =>
        LockState.TotalLockedFunds.Save(deps.Storage, Uint128Math.CheckedSub(LockState.TotalLockedFunds.Load(deps.Storage), amount));

    /// <summary>now + lockup_period in u64, panicking on overflow as the release build (overflow-checks) does.</summary>
    private static ulong AddSeconds(ulong now, ulong period) =>
        now > ulong.MaxValue - period ? throw new PanicException("attempt to add with overflow") : now + period;

    private static string Format(UInt128 value) => value.ToString(CultureInfo.InvariantCulture);
}
