using MirrorChain.Contracts.Mirror.Common;
using System.Text.Json;
using MirrorChain.Contracts.Cw20;
using MirrorChain.Core;
using MirrorChain.Core.Numerics;

namespace MirrorChain.Contracts.Mirror.Staking;

/// <summary>
/// mirror_staking v2.1.4: LP staking (bonded through the LP token's cw20 <c>send</c>) and sLP staking (short positions,
/// driven by the mint), paying MIR that the factory deposits per asset. Each deposit is split between the two sides
/// by the pool's short_reward_weight, which <c>adjust_premium</c> derives from the Terraswap premium over the
/// mirror_oracle price via mirror_short_reward. Rewards accrue through a per-pool index (<c>Rewards.cs</c>);
/// bonding and auto-stake are in <c>Bonding.cs</c>, queries in <c>Queries.cs</c>.
/// </summary>
public sealed partial class StakingContract : IContract
{
    private const string ExecuteMsgType = "mirror_protocol::staking::ExecuteMsg";
    private const string QueryMsgType = "mirror_protocol::staking::QueryMsg";
    private const string HookMsgType = "mirror_protocol::staking::Cw20HookMsg";

    public string Name => "mirror_staking";

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        var m = ContractJson.Deserialize<InstantiateMsg>(msg, "mirror_protocol::staking::InstantiateMsg");
        StakingState.Config.Save(deps.Storage, new Config
        {
            Owner = Addr(deps, m.Owner),
            MirrorToken = Addr(deps, m.MirrorToken),
            MintContract = Addr(deps, m.MintContract),
            OracleContract = Addr(deps, m.OracleContract),
            TerraswapFactory = Addr(deps, m.TerraswapFactory),
            BaseDenom = m.BaseDenom,
            PremiumMinUpdateInterval = m.PremiumMinUpdateInterval,
            ShortRewardContract = Addr(deps, m.ShortRewardContract),
        });
        return new Response();
    }

    /// <summary>Addresses in a message are validated (addr_validate) before the handler runs, as the Rust dispatch does.</summary>
    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg) => ExecuteRoutes.Dispatch(deps, env, info, msg);

    /// <summary>The <c>ExecuteMsg</c> variants, in the Rust enum's declaration order.</summary>
    internal static readonly MessageRoutes<ExecuteHandler> ExecuteRoutes = new(ExecuteMsgType,
        ("receive", (deps, env, info, body) => Receive(deps, info, Cw20ReceiveMsg.Parse(body, ExecuteMsgType))),
        ("update_config", (deps, env, info, body) =>
        {
            var m = Parse<UpdateConfigMsg>(body);
            var owner = m.Owner is null ? null : deps.Api.AddrValidate(m.Owner);
            var shortReward = m.ShortRewardContract is null ? null : deps.Api.AddrValidate(m.ShortRewardContract);
            return UpdateConfig(deps, info, owner, m.PremiumMinUpdateInterval, shortReward);
        }),
        ("register_asset", (deps, env, info, body) =>
        {
            var m = Parse<RegisterAssetMsg>(body);
            return RegisterAsset(deps, info, deps.Api.AddrValidate(m.AssetToken), deps.Api.AddrValidate(m.StakingToken));
        }),
        ("deprecate_staking_token", (deps, env, info, body) =>
        {
            var m = Parse<DeprecateStakingTokenMsg>(body);
            return DeprecateStakingToken(deps, info, deps.Api.AddrValidate(m.AssetToken), deps.Api.AddrValidate(m.NewStakingToken));
        }),
        ("unbond", (deps, env, info, body) =>
        {
            var m = Parse<UnbondMsg>(body);
            return Unbond(deps, info.Sender, deps.Api.AddrValidate(m.AssetToken), m.Amount);
        }),
        ("withdraw", (deps, env, info, body) =>
        {
            var m = Parse<WithdrawMsg>(body);
            return Withdraw(deps, info, m.AssetToken is null ? null : deps.Api.AddrValidate(m.AssetToken));
        }),
        ("auto_stake", (deps, env, info, body) =>
        {
            var m = Parse<AutoStakeMsg>(body);
            if (m.Assets.Length != 2)
            {
                throw ContractException.Parse(ExecuteMsgType, $"invalid length {m.Assets.Length}, expected an array of length 2");
            }
            return AutoStake(deps, env, info, m.Assets, m.SlippageTolerance);
        }),
        ("auto_stake_hook", (deps, env, info, body) =>
        {
            var m = Parse<AutoStakeHookMsg>(body);
            return AutoStakeHook(deps, env, info, deps.Api.AddrValidate(m.AssetToken), deps.Api.AddrValidate(m.StakingToken),
                deps.Api.AddrValidate(m.StakerAddr), m.PrevStakingTokenAmount);
        }),
        ("adjust_premium", (deps, env, info, body) => AdjustPremium(deps, env, Parse<AdjustPremiumMsg>(body).AssetTokens)),
        ("increase_short_token", (deps, env, info, body) =>
        {
            var m = Parse<ShortTokenMsg>(body);
            return IncreaseShortToken(deps, info, deps.Api.AddrValidate(m.StakerAddr), deps.Api.AddrValidate(m.AssetToken), m.Amount);
        }),
        ("decrease_short_token", (deps, env, info, body) =>
        {
            var m = Parse<ShortTokenMsg>(body);
            return DecreaseShortToken(deps, info, deps.Api.AddrValidate(m.StakerAddr), deps.Api.AddrValidate(m.AssetToken), m.Amount);
        }));

    /// <summary>
    /// The cw20 hook. <c>bond</c>: the pool must exist and the sender must be its staking token (the deprecated token
    /// gets a pointer to the new one, anything else "unauthorized"). <c>deposit_reward</c>: only the MIR token, and the
    /// listed amounts must add up to what was sent. An undecodable payload is "invalid cw20 hook message".
    /// </summary>
    private static Response Receive(Deps deps, MessageInfo info, Cw20ReceiveMsg cw20)
    {
        var (name, body) = Cw20Hook.Decode(cw20.Msg, HookMsgType);
        return HookRoutes.TryFind(name, out var handler) ? handler(deps, info, cw20, body) : throw StakingErrors.InvalidHook();
    }

    /// <summary>Handles one <c>Cw20HookMsg</c> variant of a cw20 <c>send</c> to the staking contract.</summary>
    internal delegate Response HookHandler(Deps deps, MessageInfo info, Cw20ReceiveMsg cw20, JsonElement body);

    /// <summary>The <c>Cw20HookMsg</c> variants, in the Rust enum's declaration order; any other payload is
    /// "invalid cw20 hook message".</summary>
    internal static readonly MessageRoutes<HookHandler> HookRoutes = new(HookMsgType,
        ("bond", (deps, info, cw20, body) =>
        {
            var assetToken = Cw20Hook.Parse<BondHookMsg>(body, HookMsgType).AssetToken;
            var pool = StakingState.LoadPool(deps.Storage, deps.Api.AddrValidate(assetToken));
            var sender = info.Sender.ToString();
            if (pool.StakingToken != sender)
            {
                if (pool.MigrationParams is { } migration && migration.DeprecatedStakingToken == sender)
                {
                    throw StakingErrors.StakingTokenMigrated(pool.StakingToken);
                }
                throw StakingErrors.Unauthorized();
            }
            return Bond(deps, deps.Api.AddrValidate(cw20.Sender), deps.Api.AddrValidate(assetToken), cw20.Amount);
        }),
        ("deposit_reward", (deps, info, cw20, body) =>
        {
            var rewards = ParseRewards(Cw20Hook.Parse<DepositRewardHookMsg>(body, HookMsgType));
            var config = StakingState.Config.Load(deps.Storage);
            if (info.Sender.ToString() != config.MirrorToken)
            {
                throw StakingErrors.Unauthorized();
            }
            var total = UInt128.Zero;
            foreach (var (_, amount) in rewards)
            {
                total = Uint128Math.Add(total, amount);
            }
            if (total != cw20.Amount)
            {
                throw StakingErrors.RewardsMismatch();
            }
            return DepositReward(deps, rewards, total);
        }));

    /// <summary>Owner only; each given field replaces the stored one.</summary>
    private static Response UpdateConfig(Deps deps, MessageInfo info, Address? owner, ulong? interval, Address? shortReward)
    {
        var config = StakingState.Config.Load(deps.Storage);
        if (info.Sender.ToString() != config.Owner)
        {
            throw StakingErrors.Unauthorized();
        }
        config = config with
        {
            Owner = owner?.ToString() ?? config.Owner,
            PremiumMinUpdateInterval = interval ?? config.PremiumMinUpdateInterval,
            ShortRewardContract = shortReward?.ToString() ?? config.ShortRewardContract,
        };
        StakingState.Config.Save(deps.Storage, config);
        return new Response().AddAttribute("action", "update_config");
    }

    /// <summary>Owner (the factory) only; a pool starts with everything at zero and no migration.</summary>
    private static Response RegisterAsset(Deps deps, MessageInfo info, Address assetToken, Address stakingToken)
    {
        var config = StakingState.Config.Load(deps.Storage);
        if (info.Sender.ToString() != config.Owner)
        {
            throw StakingErrors.Unauthorized();
        }
        if (StakingState.PoolInfos.Has(deps.Storage, assetToken.ToArray()))
        {
            throw StakingErrors.AlreadyRegistered();
        }
        StakingState.SavePool(deps.Storage, assetToken, new PoolInfo
        {
            StakingToken = stakingToken.ToString(),
            TotalBondAmount = UInt128.Zero,
            TotalShortAmount = UInt128.Zero,
            RewardIndex = Decimal.Zero,
            ShortRewardIndex = Decimal.Zero,
            PendingReward = UInt128.Zero,
            ShortPendingReward = UInt128.Zero,
            PremiumRate = Decimal.Zero,
            ShortRewardWeight = Decimal.Zero,
            PremiumUpdatedTime = 0,
            MigrationParams = null,
        });
        return new Response().AddAttributes(("action", "register_asset"), ("asset_token", assetToken.ToString()));
    }

    /// <summary>
    /// Owner only. Retires the pool's LP token: old positions keep what they earned up to the current reward_index
    /// (the snapshot) and get their old tokens back on unbond; total_bond restarts at 0 for the new token.
    /// </summary>
    private static Response DeprecateStakingToken(Deps deps, MessageInfo info, Address assetToken, Address newStakingToken)
    {
        var config = StakingState.Config.Load(deps.Storage);
        if (info.Sender.ToString() != config.Owner)
        {
            throw StakingErrors.Unauthorized();
        }
        var pool = StakingState.LoadPool(deps.Storage, assetToken);
        if (pool.MigrationParams is not null)
        {
            throw StakingErrors.AlreadyMigrated();
        }
        var deprecated = pool.StakingToken;
        StakingState.SavePool(deps.Storage, assetToken, pool with
        {
            TotalBondAmount = UInt128.Zero,
            MigrationParams = new MigrationParams { IndexSnapshot = pool.RewardIndex, DeprecatedStakingToken = deprecated },
            StakingToken = newStakingToken.ToString(),
        });
        return new Response().AddAttributes(
            ("action", "depcrecate_staking_token"),
            ("asset_token", assetToken.ToString()),
            ("deprecated_staking_token", deprecated),
            ("new_staking_token", newStakingToken.ToString()));
    }

    /// <summary><c>Vec&lt;(String, Uint128)&gt;</c>: each entry a 2-array of strings, the second a Uint128.</summary>
    private static List<(string Asset, UInt128 Amount)> ParseRewards(DepositRewardHookMsg hook)
    {
        var rewards = new List<(string, UInt128)>(hook.Rewards.Count);
        foreach (var entry in hook.Rewards)
        {
            if (entry.Count != 2 || !Uint128Math.TryParse(entry[1], out var amount))
            {
                throw StakingErrors.InvalidHook();
            }
            rewards.Add((entry[0], amount));
        }
        return rewards;
    }

    private static T Parse<T>(JsonElement body) => ContractJson.Deserialize<T>(body, ExecuteMsgType);

    private static string Addr(QueryDeps deps, string human) => deps.Api.AddrValidate(human).ToString();
}
