using MirrorChain.Contracts.Cw20;
using MirrorChain.Contracts.Terraswap;
using MirrorChain.Core;
using MirrorChain.Core.Numerics;

namespace MirrorChain.Contracts.Mirror.Staking;

/// <summary>staking.rs: bond / unbond (LP), increase / decrease_short_token (sLP, mint only), auto_stake and its hook.</summary>
public sealed partial class StakingContract
{
    /// <summary>Bonds LP already received by the cw20 hook (or the auto-stake hook). Attributes action=bond, staker_addr, asset_token, amount.</summary>
    private static Response Bond(Deps deps, Address staker, Address assetToken, UInt128 amount)
    {
        IncreaseBondAmount(deps.Storage, staker, assetToken, amount, isShort: false);
        return new Response().AddAttributes(
            ("action", "bond"),
            ("staker_addr", staker.ToString()),
            ("asset_token", assetToken.ToString()),
            ("amount", Uint128Math.Format(amount)));
    }

    /// <summary>
    /// Unbonds and returns the LP with a cw20 transfer: the deprecated token for a position that still has to migrate.
    /// Attributes action=unbond, staker_addr, asset_token, amount, staking_token.
    /// </summary>
    private static Response Unbond(Deps deps, Address staker, Address assetToken, UInt128 amount)
    {
        var stakingToken = DecreaseBondAmount(deps.Storage, staker, assetToken, amount, isShort: false);
        return new Response()
            .AddMessage(Cw20Messages.Transfer(Address.Parse(stakingToken), staker, amount))
            .AddAttributes(
                ("action", "unbond"),
                ("staker_addr", staker.ToString()),
                ("asset_token", assetToken.ToString()),
                ("amount", Uint128Math.Format(amount)),
                ("staking_token", stakingToken));
    }

    /// <summary>Mint only: a short position's sLP grows (no tokens move).</summary>
    private static Response IncreaseShortToken(Deps deps, MessageInfo info, Address staker, Address assetToken, UInt128 amount)
    {
        AssertMint(deps, info);
        IncreaseBondAmount(deps.Storage, staker, assetToken, amount, isShort: true);
        return ShortResponse("increase_short_token", staker, assetToken, amount);
    }

    /// <summary>Mint only: a short position's sLP shrinks (no tokens move).</summary>
    private static Response DecreaseShortToken(Deps deps, MessageInfo info, Address staker, Address assetToken, UInt128 amount)
    {
        AssertMint(deps, info);
        DecreaseBondAmount(deps.Storage, staker, assetToken, amount, isShort: true);
        return ShortResponse("decrease_short_token", staker, assetToken, amount);
    }

    /// <summary>
    /// Provides liquidity for the sender and stakes the LP received. Exactly one native asset (its amount equal to the
    /// coins sent) and one token; the pair of [assets[0], assets[1]] must mint the pool's staking token. Messages:
    /// token transfer_from (sender → staking), increase_allowance (pair), provide_liquidity with the native amount
    /// net of tax, then auto_stake_hook with the LP balance held before.
    /// </summary>
    private static Response AutoStake(Deps deps, Env env, MessageInfo info, Asset[] assets, Decimal? slippageTolerance)
    {
        var config = StakingState.Config.Load(deps.Storage);
        Asset? native = null;
        (string Addr, UInt128 Amount)? token = null;
        foreach (var asset in assets)
        {
            if (asset.Info.IsNative)
            {
                asset.AssertSentNativeTokenBalance(info);
                native = asset;
            }
            else
            {
                token = (asset.Info.ContractAddr!, asset.Amount);
            }
        }
        if (native is null)
        {
            throw StakingErrors.MissingNativeAsset();
        }
        if (token is not { } t)
        {
            throw StakingErrors.MissingTokenAsset();
        }

        var pair = TerraswapQuerier.QueryPairInfo(deps.Querier, Address.Parse(config.TerraswapFactory), [assets[0].Info, assets[1].Info]);
        var tokenAddr = deps.Api.AddrValidate(t.Addr);
        var pool = StakingState.LoadPool(deps.Storage, tokenAddr);
        var liquidityToken = deps.Api.AddrValidate(pair.LiquidityToken);
        if (pool.StakingToken != liquidityToken.ToString())
        {
            throw StakingErrors.InvalidStakingToken();
        }

        var prevStakingTokenAmount = Cw20Queries.Balance(deps.Querier, liquidityToken, env.ContractAddress);
        var tax = native.ComputeTax(deps.Querier);
        var provided = Uint128Math.CheckedSub(native.Amount, tax);
        var pairAddr = Address.Parse(pair.ContractAddr);

        return new Response()
            .AddMessage(Cw20Messages.TransferFrom(tokenAddr, info.Sender, env.ContractAddress, t.Amount))
            .AddMessage(Cw20Messages.IncreaseAllowance(tokenAddr, pairAddr, t.Amount))
            .AddMessage(Terraswap.Pair.PairMessages.ProvideLiquidity(
                pairAddr,
                [Asset.Of(native.Info, provided), Asset.Of(AssetInfo.Token(t.Addr), t.Amount)],
                slippageTolerance,
                null,
                [new Coin(native.Info.Denom!, provided)]))
            .AddMessage(StakingMessages.AutoStakeHook(
                env.ContractAddress, t.Addr, pair.LiquidityToken, info.Sender.ToString(), prevStakingTokenAmount))
            .AddAttributes(
                ("action", "auto_stake"),
                ("asset_token", t.Addr),
                ("tax_amount", Uint128Math.Format(tax)));
    }

    /// <summary>Self only: bonds for staker_addr the LP received since auto_stake (balance now − before).</summary>
    private static Response AutoStakeHook(Deps deps, Env env, MessageInfo info, Address assetToken, Address stakingToken,
        Address staker, UInt128 prevStakingTokenAmount)
    {
        if (info.Sender != env.ContractAddress)
        {
            throw StakingErrors.Unauthorized();
        }
        var current = Cw20Queries.Balance(deps.Querier, stakingToken, env.ContractAddress);
        var amount = Uint128Math.CheckedSub(current, prevStakingTokenAmount);
        return Bond(deps, staker, assetToken, amount);
    }

    /// <summary>
    /// <c>_increase_bond_amount</c>: loads the pool (NotFound) and the position (or a fresh one at index 0). On a
    /// deprecated LP pool, a position still holding old tokens is refused and an empty one is marked migrated. Then it
    /// settles the accrual at the side's index and adds the amount to the position and the side's total.
    /// </summary>
    private static void IncreaseBondAmount(IContractStorage storage, Address staker, Address assetToken, UInt128 amount, bool isShort)
    {
        var pool = StakingState.LoadPool(storage, assetToken);
        var bucket = StakingState.RewardBucket(isShort);
        var key = StakingState.RewardKey(staker, assetToken);
        var reward = bucket.May(storage, key) ?? RewardInfo.Empty;

        var isPositionMigrated = StakingState.ReadIsMigrated(storage, assetToken, staker);
        if (!isShort && pool.MigrationParams is not null && !isPositionMigrated)
        {
            if (reward.BondAmount != UInt128.Zero)
            {
                throw StakingErrors.LpDeprecated();
            }
            StakingState.StoreIsMigrated(storage, assetToken, staker);
        }

        reward = BeforeShareChange(isShort ? pool.ShortRewardIndex : pool.RewardIndex, reward);
        pool = isShort
            ? pool with { TotalShortAmount = Uint128Math.Add(pool.TotalShortAmount, amount) }
            : pool with { TotalBondAmount = Uint128Math.Add(pool.TotalBondAmount, amount) };
        reward = reward with { BondAmount = Uint128Math.Add(reward.BondAmount, amount) };

        bucket.Save(storage, key, reward);
        StakingState.SavePool(storage, assetToken, pool);
    }

    /// <summary>
    /// <c>_decrease_bond_amount</c>: loads the pool and the position (both NotFound if absent); bond &lt; amount is
    /// "Cannot unbond more than bond amount". A position that should migrate settles at the snapshot, leaves
    /// total_bond alone (deprecation zeroed it) and is marked migrated once empty. A position with nothing bonded and
    /// nothing pending is deleted. Returns the LP token to give back.
    /// </summary>
    private static string DecreaseBondAmount(IContractStorage storage, Address staker, Address assetToken, UInt128 amount, bool isShort)
    {
        var pool = StakingState.LoadPool(storage, assetToken);
        var bucket = StakingState.RewardBucket(isShort);
        var key = StakingState.RewardKey(staker, assetToken);
        var reward = bucket.Load(storage, key);
        if (reward.BondAmount < amount)
        {
            throw StakingErrors.UnbondTooMuch();
        }

        var shouldMigrate = !StakingState.ReadIsMigrated(storage, assetToken, staker) && !isShort && pool.MigrationParams is not null;
        var (poolIndex, stakingToken) = isShort
            ? (pool.ShortRewardIndex, pool.StakingToken)
            : shouldMigrate
                ? (pool.MigrationParams!.IndexSnapshot, pool.MigrationParams.DeprecatedStakingToken)
                : (pool.RewardIndex, pool.StakingToken);

        reward = BeforeShareChange(poolIndex, reward);
        if (isShort)
        {
            pool = pool with { TotalShortAmount = Uint128Math.CheckedSub(pool.TotalShortAmount, amount) };
        }
        else if (!shouldMigrate)
        {
            pool = pool with { TotalBondAmount = Uint128Math.CheckedSub(pool.TotalBondAmount, amount) };
        }
        reward = reward with { BondAmount = Uint128Math.CheckedSub(reward.BondAmount, amount) };

        if (reward.BondAmount == UInt128.Zero && shouldMigrate)
        {
            StakingState.StoreIsMigrated(storage, assetToken, staker);
        }
        if (reward.PendingReward == UInt128.Zero && reward.BondAmount == UInt128.Zero)
        {
            bucket.Remove(storage, key);
        }
        else
        {
            bucket.Save(storage, key, reward);
        }
        StakingState.SavePool(storage, assetToken, pool);
        return stakingToken;
    }

    private static void AssertMint(Deps deps, MessageInfo info)
    {
        var config = StakingState.Config.Load(deps.Storage);
        if (info.Sender.ToString() != config.MintContract)
        {
            throw StakingErrors.Unauthorized();
        }
    }

    private static Response ShortResponse(string action, Address staker, Address assetToken, UInt128 amount) =>
        new Response().AddAttributes(
            ("action", action),
            ("staker_addr", staker.ToString()),
            ("asset_token", assetToken.ToString()),
            ("amount", Uint128Math.Format(amount)));
}
