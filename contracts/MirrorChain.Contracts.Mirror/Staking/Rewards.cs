using MirrorChain.Contracts.Cw20;
using MirrorChain.Contracts.Mirror.Oracle;
using MirrorChain.Contracts.Mirror.ShortReward;
using MirrorChain.Contracts.Terraswap;
using MirrorChain.Core;
using MirrorChain.Core.Numerics;

namespace MirrorChain.Contracts.Mirror.Staking;

/// <summary>rewards.rs and querier.rs: deposit_reward, withdraw, the index settlement, and adjust_premium.</summary>
public sealed partial class StakingContract
{
    /// <summary>
    /// For each (asset, amount): short = ⌊amount·short_reward_weight⌋, normal = amount − short. Each side with nothing
    /// staked parks its share in its pending reward; otherwise index += D((share + pending) / total) and pending = 0.
    /// An unregistered asset fails the whole deposit (NotFound). Attributes action=deposit_reward, rewards_amount.
    /// </summary>
    private static Response DepositReward(Deps deps, List<(string Asset, UInt128 Amount)> rewards, UInt128 rewardsAmount)
    {
        foreach (var (assetToken, amount) in rewards)
        {
            var asset = deps.Api.AddrValidate(assetToken);
            var pool = StakingState.LoadPool(deps.Storage, asset);

            var shortReward = Decimal.Mul(amount, pool.ShortRewardWeight);
            var normalReward = Uint128Math.Sub(amount, shortReward);

            if (pool.TotalBondAmount == UInt128.Zero)
            {
                pool = pool with { PendingReward = Uint128Math.Add(pool.PendingReward, normalReward) };
            }
            else
            {
                normalReward = Uint128Math.Add(normalReward, pool.PendingReward);
                pool = pool with
                {
                    RewardIndex = pool.RewardIndex + Decimal.FromRatio(normalReward, pool.TotalBondAmount),
                    PendingReward = UInt128.Zero,
                };
            }

            if (pool.TotalShortAmount == UInt128.Zero)
            {
                pool = pool with { ShortPendingReward = Uint128Math.Add(pool.ShortPendingReward, shortReward) };
            }
            else
            {
                shortReward = Uint128Math.Add(shortReward, pool.ShortPendingReward);
                pool = pool with
                {
                    ShortRewardIndex = pool.ShortRewardIndex + Decimal.FromRatio(shortReward, pool.TotalShortAmount),
                    ShortPendingReward = UInt128.Zero,
                };
            }
            StakingState.SavePool(deps.Storage, asset, pool);
        }
        return new Response().AddAttributes(("action", "deposit_reward"), ("rewards_amount", Uint128Math.Format(rewardsAmount)));
    }

    /// <summary>
    /// Collects the sender's rewards (one asset or all), LP entries then sLP entries: each is settled at its index,
    /// its pending paid out, and removed if nothing stays bonded. One MIR transfer of the total goes to the sender,
    /// even when it is 0 (which the cw20 token then refuses: "Invalid zero amount"). Attributes action=withdraw, amount.
    /// </summary>
    private static Response Withdraw(Deps deps, MessageInfo info, Address? assetToken)
    {
        var staker = info.Sender;
        var normal = CollectRewards(deps.Storage, staker, assetToken, isShort: false);
        var shortReward = CollectRewards(deps.Storage, staker, assetToken, isShort: true);
        var amount = Uint128Math.Add(normal, shortReward);
        var config = StakingState.Config.Load(deps.Storage);
        return new Response()
            .AddMessage(Cw20Messages.Transfer(Address.Parse(config.MirrorToken), staker, amount))
            .AddAttributes(("action", "withdraw"), ("amount", Uint128Math.Format(amount)));
    }

    /// <summary><c>_withdraw_reward</c> for one side.</summary>
    private static UInt128 CollectRewards(IContractStorage storage, Address staker, Address? assetToken, bool isShort)
    {
        var bucket = StakingState.RewardBucket(isShort);
        List<(Address Asset, RewardInfo Info)> entries;
        if (assetToken is not null)
        {
            entries = bucket.May(storage, StakingState.RewardKey(staker, assetToken)) is { } single ? [(assetToken, single)] : [];
        }
        else
        {
            entries = StakingState.StakerRewards(storage, staker, isShort);
        }

        var amount = UInt128.Zero;
        foreach (var (asset, info) in entries)
        {
            var pool = StakingState.LoadPool(storage, asset);
            var (poolIndex, _) = SettlementIndex(storage, pool, asset, staker, isShort);
            var reward = BeforeShareChange(poolIndex, info);
            amount = Uint128Math.Add(amount, reward.PendingReward);
            reward = reward with { PendingReward = UInt128.Zero };

            var key = StakingState.RewardKey(staker, asset);
            if (reward.BondAmount == UInt128.Zero)
            {
                bucket.Remove(storage, key);
            }
            else
            {
                bucket.Save(storage, key, reward);
            }
        }
        return amount;
    }

    /// <summary>
    /// The index a position settles at: the short index for sLP; for LP, the migration snapshot while the staker has
    /// not migrated off a deprecated token (should_migrate = true), else the reward index.
    /// </summary>
    private static (Decimal Index, bool? ShouldMigrate) SettlementIndex(IReadOnlyContractStorage storage, PoolInfo pool, Address asset,
        Address staker, bool isShort)
    {
        if (isShort)
        {
            return (pool.ShortRewardIndex, null);
        }
        if (pool.MigrationParams is { } migration && !StakingState.ReadIsMigrated(storage, asset, staker))
        {
            return (migration.IndexSnapshot, true);
        }
        return (pool.RewardIndex, null);
    }

    /// <summary>
    /// <c>before_share_change</c>: pending += ⌊bond·pool_index⌋ − ⌊bond·index⌋ (each product floored; a negative
    /// difference is an Overflow error), then index = pool_index.
    /// </summary>
    internal static RewardInfo BeforeShareChange(Decimal poolIndex, RewardInfo reward)
    {
        var accrued = Uint128Math.CheckedSub(Decimal.Mul(reward.BondAmount, poolIndex), Decimal.Mul(reward.BondAmount, reward.Index));
        return reward with { Index = poolIndex, PendingReward = Uint128Math.Add(reward.PendingReward, accrued) };
    }

    /// <summary>
    /// Anyone. For each asset in order (one failure aborts the batch): the pool must exist and
    /// premium_min_update_interval must have passed since its last update (the first call always passes). The
    /// premium and the short reward weight are recomputed and stamped with the block time. Attribute
    /// action=premium_adjustment.
    /// </summary>
    private static Response AdjustPremium(Deps deps, Env env, IReadOnlyList<string> assetTokens)
    {
        var config = StakingState.Config.Load(deps.Storage);
        var now = env.Block.TimeSeconds;
        foreach (var assetToken in assetTokens)
        {
            var asset = deps.Api.AddrValidate(assetToken);
            var pool = StakingState.LoadPool(deps.Storage, asset);
            if (now < AddU64(pool.PremiumUpdatedTime, config.PremiumMinUpdateInterval))
            {
                throw StakingErrors.PremiumTooEarly();
            }

            var (premiumRate, noPriceFeed) = ComputePremiumRate(deps, config, asset);
            var weight = noPriceFeed ? Decimal.Zero : QueryShortRewardWeight(deps, config, premiumRate);
            StakingState.SavePool(deps.Storage, asset, pool with
            {
                PremiumRate = premiumRate,
                ShortRewardWeight = weight,
                PremiumUpdatedTime = now,
            });
        }
        return new Response().AddAttribute("action", "premium_adjustment");
    }

    /// <summary>
    /// querier.rs <c>compute_premium_rate</c> (v2.1.4): the Terraswap price P = base-denom side / asset side of the
    /// [native base_denom, token asset] pair (an empty asset side divides by 1; the native side is found by position),
    /// the mirror_oracle price O = <c>price{base_asset: asset, quote_asset: base_denom}</c>.rate. O = 0 → (0, no feed);
    /// P &gt; O → ((P − O) / O with the 9-decimal helpers, fed); else (0, fed).
    /// </summary>
    private static (Decimal Premium, bool NoPriceFeed) ComputePremiumRate(Deps deps, Config config, Address asset)
    {
        var pairInfo = TerraswapQuerier.QueryPairInfo(deps.Querier, Address.Parse(config.TerraswapFactory),
            [AssetInfo.Native(config.BaseDenom), AssetInfo.Token(asset)]);
        var pool = TerraswapQuerier.QueryPool(deps.Querier, Address.Parse(pairInfo.ContractAddr));
        var (a0, a1) = (pool.Assets[0], pool.Assets[1]);
        var terraswapPrice = a0.Info.IsNative
            ? Decimal.FromRatio(a0.Amount, a1.Amount == UInt128.Zero ? UInt128.One : a1.Amount)
            : Decimal.FromRatio(a1.Amount, a0.Amount == UInt128.Zero ? UInt128.One : a0.Amount);

        var oraclePrice = OracleQueries.Price(deps.Querier, Address.Parse(config.OracleContract), asset.ToString(), config.BaseDenom).Rate;

        if (oraclePrice.IsZero)
        {
            return (Decimal.Zero, true);
        }
        if (terraswapPrice > oraclePrice)
        {
            return (MirrorMath.DecimalDivision(MirrorMath.DecimalSubtraction(terraswapPrice, oraclePrice), oraclePrice), false);
        }
        return (Decimal.Zero, false);
    }

    /// <summary>mirror_short_reward <c>short_reward_weight {premium_rate}</c>.</summary>
    private static Decimal QueryShortRewardWeight(Deps deps, Config config, Decimal premiumRate) =>
        ShortRewardQueries.ShortRewardWeight(deps.Querier, Address.Parse(config.ShortRewardContract), premiumRate).ShortRewardWeight;

    /// <summary>u64 addition as the release build (overflow-checks) does it: overflow panics.</summary>
    private static ulong AddU64(ulong a, ulong b) =>
        a > ulong.MaxValue - b ? throw new PanicException("attempt to add with overflow") : a + b;
}
