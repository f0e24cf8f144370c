using MirrorChain.Contracts.Terraswap;
using MirrorChain.Core.Numerics;
using MirrorChain.Core;

namespace MirrorChain.Contracts.Mirror.Mint;

/// <summary>positions.rs: open_position, deposit, withdraw and mint, with checks in v2.1.4's order.</summary>
public sealed partial class MintContract
{
    /// <summary>
    /// Opens a position: mint = ⌊⌊collateral × (collateral_price / asset_price)⌋ × ⌊1/cr⌋⌋, requiring
    /// cr ≥ mcr × multiplier (9-dp product). With short_params the minted tokens are sold into the pair and the
    /// proceeds locked.
    /// </summary>
    private static Response OpenPosition(Deps deps, Env env, string sender, Asset collateral, AssetInfo assetInfo,
        Decimal collateralRatio, ShortParams? shortParams)
    {
        var config = MintState.Config.Load(deps.Storage);
        if (collateral.Amount == UInt128.Zero)
        {
            throw MintErrors.WrongCollateral();
        }
        var now = env.Block.TimeSeconds;
        collateral = collateral with { Info = collateral.Info.Validated(deps.Api) };
        var (collateralPrice, multiplier) = AssertNotRevoked(
            PriceLoader.CollateralInfo(deps, config, collateral.Info, now, env.Block.Height));

        if (assetInfo.IsNative)
        {
            throw MintErrors.NativeAssetInfo();
        }
        assetInfo = assetInfo.Validated(deps.Api);
        var assetConfig = MintState.LoadAssetConfig(deps.Storage, assetInfo.ContractAddr!);
        AssertNotDelisted(assetConfig);
        AssertMintPeriod(now, assetConfig);
        if (assetConfig.IpoParams is not null && !collateral.Info.IsNativeDenom(config.BaseDenom))
        {
            throw MintErrors.PreIpoCollateral(config.BaseDenom);
        }
        if (collateralRatio < MirrorMath.DecimalMultiplication(assetConfig.MinCollateralRatio, multiplier))
        {
            throw MintErrors.LowOpenRatio();
        }

        var assetPrice = PriceLoader.AssetPrice(deps, config, assetInfo, now);
        var priceInAsset = MirrorMath.DecimalDivision(collateralPrice, assetPrice);
        var mintAmount = Decimal.Mul(Decimal.Mul(collateral.Amount, priceInAsset), MirrorMath.ReverseDecimal(collateralRatio));
        if (mintAmount == UInt128.Zero)
        {
            throw MintErrors.CollateralTooSmall();
        }

        var idx = MintState.PositionIdx.Load(deps.Storage);
        MintState.CreatePosition(deps.Storage, new Position
        {
            Idx = idx,
            Owner = sender,
            Collateral = collateral,
            Asset = Asset.Of(assetInfo, mintAmount),
        });

        var response = new Response();
        var token = assetConfig.Token;
        if (shortParams is not null)
        {
            MintState.ShortPositions.Save(deps.Storage, MintState.IdxKey(idx), true);
            response.AddMessages(ShortMessages(deps, env, config, token, idx, sender, mintAmount, shortParams));
        }
        else
        {
            response.AddMessage(Outgoing.Cw20Mint(token, sender, mintAmount));
        }
        MintState.PositionIdx.Save(deps.Storage, idx + UInt128.One);
        return response
            .AddAttribute("action", "open_position")
            .AddAttribute("position_idx", idx)
            .AddAttribute("mint_amount", Asset.Of(assetInfo, mintAmount).ToString())
            .AddAttribute("collateral_amount", collateral.ToString())
            .AddAttribute("is_short", shortParams is not null ? "true" : "false");
    }

    /// <summary>Adds collateral (owner only). No price, age or ratio check; revoked collateral and delisted assets refuse.</summary>
    private static Response Deposit(Deps deps, string sender, UInt128 positionIdx, Asset collateral)
    {
        var config = MintState.Config.Load(deps.Storage);
        var position = MintState.LoadPosition(deps.Storage, positionIdx);
        if (sender != position.Owner)
        {
            throw MintErrors.Unauthorized();
        }
        AssertCollateral(position, collateral);
        AssertNotRevoked(PriceLoader.CollateralInfo(deps, config, position.Collateral.Info, null, null));
        AssertNotDelisted(MintState.LoadAssetConfig(deps.Storage, position.Asset.Info.ContractAddr!));

        position = position with { Collateral = position.Collateral with { Amount = Uint128Math.Add(position.Collateral.Amount, collateral.Amount) } };
        MintState.StorePosition(deps.Storage, position);
        return new Response()
            .AddAttribute("action", "deposit")
            .AddAttribute("position_idx", positionIdx)
            .AddAttribute("deposit_amount", collateral.ToString());
    }

    /// <summary>
    /// Withdraws collateral (all of it when none is given) if ⌊⌊value × mcr⌋ × multiplier⌋ ≤ what is left
    /// (multiplier 1 for a delisted asset). An emptied position is removed (and a short one's lock released).
    /// No protocol fee.
    /// </summary>
    private static Response Withdraw(Deps deps, Env env, string sender, UInt128 positionIdx, Asset? requested)
    {
        var config = MintState.Config.Load(deps.Storage);
        var position = MintState.LoadPosition(deps.Storage, positionIdx);
        if (sender != position.Owner)
        {
            throw MintErrors.Unauthorized();
        }
        Asset collateral;
        if (requested is not null)
        {
            AssertCollateral(position, requested);
            if (position.Collateral.Amount < requested.Amount)
            {
                throw MintErrors.WithdrawMoreThanProvided();
            }
            collateral = position.Collateral with { Amount = requested.Amount };
        }
        else
        {
            collateral = position.Collateral;
        }

        var now = env.Block.TimeSeconds;
        var assetConfig = MintState.LoadAssetConfig(deps.Storage, position.Asset.Info.ContractAddr!);
        var assetPrice = PriceLoader.AssetPrice(deps, config, position.Asset.Info, now);
        var (collateralPrice, multiplier, _) = PriceLoader.CollateralInfo(deps, config, position.Collateral.Info, now, env.Block.Height);
        if (assetConfig.EndPrice is not null)
        {
            multiplier = Decimal.One;
        }

        var left = Uint128Math.CheckedSub(position.Collateral.Amount, collateral.Amount);
        var value = Decimal.Mul(position.Asset.Amount, MirrorMath.DecimalDivision(assetPrice, collateralPrice));
        if (Decimal.Mul(Decimal.Mul(value, assetConfig.MinCollateralRatio), multiplier) > left)
        {
            throw MintErrors.WithdrawBelowMin();
        }

        var release = new List<CosmosMsg>();
        position = position with { Collateral = position.Collateral with { Amount = left } };
        if (left == UInt128.Zero && position.Asset.Amount == UInt128.Zero)
        {
            if (MintState.IsShort(deps.Storage, positionIdx))
            {
                release.Add(Outgoing.ReleasePositionFunds(config.Lock, positionIdx));
            }
            MintState.RemovePosition(deps.Storage, position);
        }
        else
        {
            MintState.StorePosition(deps.Storage, position);
        }

        var tax = collateral.ComputeTax(deps.Querier);
        return new Response()
            .AddMessage(collateral.IntoMsg(deps.Querier, position.Owner))
            .AddMessages(release)
            .AddAttribute("action", "withdraw")
            .AddAttribute("position_idx", positionIdx)
            .AddAttribute("withdraw_amount", collateral.ToString())
            .AddAttribute("tax_amount", Asset.Of(collateral.Info, tax).ToString());
    }

    /// <summary>
    /// Mints more of the position's asset if ⌊⌊⌊new_asset × price⌋ × mcr⌋ × multiplier⌋ ≤ collateral. A short
    /// position (flag set at open) always sells the new tokens into the pair and locks the proceeds.
    /// </summary>
    private static Response Mint(Deps deps, Env env, string sender, UInt128 positionIdx, Asset asset, ShortParams? shortParams)
    {
        var config = MintState.Config.Load(deps.Storage);
        var position = MintState.LoadPosition(deps.Storage, positionIdx);
        if (sender != position.Owner)
        {
            throw MintErrors.Unauthorized();
        }
        AssertAsset(position, asset);
        var now = env.Block.TimeSeconds;
        var assetConfig = MintState.LoadAssetConfig(deps.Storage, position.Asset.Info.ContractAddr!);
        AssertNotDelisted(assetConfig);
        var (collateralPrice, multiplier) = AssertNotRevoked(
            PriceLoader.CollateralInfo(deps, config, position.Collateral.Info, now, env.Block.Height));
        AssertMintPeriod(now, assetConfig);
        var assetPrice = PriceLoader.AssetPrice(deps, config, position.Asset.Info, now);

        var newAsset = Uint128Math.Add(asset.Amount, position.Asset.Amount);
        var value = Decimal.Mul(newAsset, MirrorMath.DecimalDivision(assetPrice, collateralPrice));
        if (Decimal.Mul(Decimal.Mul(value, assetConfig.MinCollateralRatio), multiplier) > position.Collateral.Amount)
        {
            throw MintErrors.MintBelowMin();
        }

        MintState.StorePosition(deps.Storage, position with { Asset = position.Asset with { Amount = newAsset } });

        var response = new Response();
        var token = assetConfig.Token;
        if (MintState.IsShort(deps.Storage, positionIdx))
        {
            response.AddMessages(ShortMessages(deps, env, config, token, positionIdx, position.Owner, asset.Amount, shortParams ?? new ShortParams()));
        }
        else
        {
            response.AddMessage(Outgoing.Cw20Mint(token, position.Owner, asset.Amount));
        }
        return response
            .AddAttribute("action", "mint")
            .AddAttribute("position_idx", positionIdx)
            .AddAttribute("mint_amount", Asset.Of(position.Asset.Info, asset.Amount).ToString());
    }

    /// <summary>
    /// The short flow: 1. mint to the mint contract itself; 2. send to the base_denom/asset pair with a swap paying
    /// the lock; 3. the lock's hook records the proceeds for the owner; 4. staking's short "bond" grows.
    /// </summary>
    private static List<CosmosMsg> ShortMessages(QueryDeps deps, Env env, Config config, string token, UInt128 idx, string owner,
        UInt128 amount, ShortParams shortParams)
    {
        var pair = TerraswapQuerier.QueryPairInfo(
            deps.Querier, Address.Parse(config.TerraswapFactory), [AssetInfo.Native(config.BaseDenom), AssetInfo.Token(token)]).ContractAddr;
        return
        [
            Outgoing.Cw20Mint(token, env.ContractAddress.ToString(), amount),
            Outgoing.Cw20SendSwap(token, pair, amount, shortParams, config.Lock),
            Outgoing.LockPositionFundsHook(config.Lock, idx, owner),
            Outgoing.IncreaseShortToken(config.Staking, token, owner, amount),
        ];
    }

    private static void AssertCollateral(Position position, Asset collateral)
    {
        if (collateral.Info != position.Collateral.Info || collateral.Amount == UInt128.Zero)
        {
            throw MintErrors.WrongCollateral();
        }
    }

    private static void AssertAsset(Position position, Asset asset)
    {
        if (asset.Info != position.Asset.Info || asset.Amount == UInt128.Zero)
        {
            throw MintErrors.WrongAsset();
        }
    }

    private static void AssertNotDelisted(AssetConfig config)
    {
        if (config.EndPrice is not null)
        {
            throw MintErrors.DeprecatedAsset();
        }
    }

    private static (Decimal Price, Decimal Multiplier) AssertNotRevoked((Decimal Price, Decimal Multiplier, bool IsRevoked) info) =>
        info.IsRevoked ? throw MintErrors.RevokedCollateral() : (info.Price, info.Multiplier);

    /// <summary>Pre-IPO: minting stops once block time passes mint_end (mint_end itself is still inside).</summary>
    private static void AssertMintPeriod(ulong now, AssetConfig config)
    {
        if (config.IpoParams is { } ipo && ipo.MintEnd < now)
        {
            throw MintErrors.MintPeriodEnded(ipo.MintEnd);
        }
    }

    private static void AssertBurnPeriod(ulong now, AssetConfig config)
    {
        if (config.IpoParams is { } ipo && ipo.MintEnd < now)
        {
            throw MintErrors.BurnDisabled(ipo.MintEnd);
        }
    }
}
