using MirrorChain.Contracts.Terraswap;
using MirrorChain.Core.Numerics;

namespace MirrorChain.Contracts.Mirror.Mint;

/// <summary>positions.rs: burn (normal and delisted) and auction, the only places the protocol fee is charged.</summary>
public sealed partial class MintContract
{
    /// <summary>
    /// Burns mAsset sent through the cw20 hook. Normal asset: owner only, debt falls, fee
    /// ⌊⌊burn × price⌋ × rate⌋ comes out of the position's collateral, nothing is paid back. Delisted asset: anyone,
    /// into any position; refund = min(⌊burn × end_price⌋, ⌊burn × collateral/asset⌋) minus the fee goes to the
    /// sender, and the position closes once asset is 0 and collateral ≤ 1.
    /// </summary>
    private static Response Burn(Deps deps, Env env, string sender, UInt128 positionIdx, Asset asset)
    {
        var burn = asset.Amount;
        var config = MintState.Config.Load(deps.Storage);
        var position = MintState.LoadPosition(deps.Storage, positionIdx);
        AssertAsset(position, asset);
        var assetConfig = MintState.LoadAssetConfig(deps.Storage, position.Asset.Info.ContractAddr!);
        if (position.Asset.Amount < burn)
        {
            throw MintErrors.BurnMoreThanMinted();
        }
        var now = env.Block.TimeSeconds;
        AssertBurnPeriod(now, assetConfig);
        var isShort = MintState.IsShort(deps.Storage, positionIdx);
        var (collateralPrice, _, _) = PriceLoader.CollateralInfo(deps, config, position.Collateral.Info, now, env.Block.Height);

        var messages = new List<CosmosMsg>();
        var attributes = new List<(string, string)>();
        var closed = false;
        var collateralInfo = position.Collateral.Info;
        if (assetConfig.EndPrice is { } endPrice)
        {
            var priceInCollateral = MirrorMath.DecimalDivision(endPrice, collateralPrice);
            var conversionRate = Decimal.FromRatio(position.Collateral.Amount, position.Asset.Amount);
            var byPrice = Decimal.Mul(burn, priceInCollateral);
            var byShare = Decimal.Mul(burn, conversionRate);
            var refund = byPrice < byShare ? byPrice : byShare;

            var leftAsset = UnwrapSub(position.Asset.Amount, burn);
            var leftCollateral = UnwrapSub(position.Collateral.Amount, refund);
            position = position with
            {
                Asset = position.Asset with { Amount = leftAsset },
                Collateral = position.Collateral with { Amount = leftCollateral },
            };
            // due to rounding, a position with 1 unit of collateral left and no debt is closed as well
            if (leftCollateral <= UInt128.One && leftAsset == UInt128.Zero)
            {
                closed = true;
                MintState.RemovePosition(deps.Storage, position);
            }
            else
            {
                MintState.StorePosition(deps.Storage, position);
            }

            var fee = Asset.Of(collateralInfo, Decimal.Mul(byPrice, config.ProtocolFeeRate));
            if (fee.Amount != UInt128.Zero)
            {
                messages.Add(fee.IntoMsg(deps.Querier, config.Collector));
                refund = UnwrapSub(refund, fee.Amount);
            }
            attributes.Add(("protocol_fee", fee.ToString()));
            var refundAsset = Asset.Of(collateralInfo, refund);
            messages.Add(refundAsset.IntoMsg(deps.Querier, sender));
            attributes.Add(("refund_collateral_amount", refundAsset.ToString()));
        }
        else
        {
            if (sender != position.Owner)
            {
                throw MintErrors.Unauthorized();
            }
            var assetPrice = PriceLoader.AssetPrice(deps, config, asset.Info, now);
            var priceInCollateral = MirrorMath.DecimalDivision(assetPrice, collateralPrice);
            var fee = Asset.Of(collateralInfo, Decimal.Mul(Decimal.Mul(burn, priceInCollateral), config.ProtocolFeeRate));
            var collateralLeft = position.Collateral.Amount;
            if (fee.Amount != UInt128.Zero)
            {
                messages.Add(fee.IntoMsg(deps.Querier, config.Collector));
                collateralLeft = Uint128Math.CheckedSub(collateralLeft, fee.Amount);
            }
            attributes.Add(("protocol_fee", fee.ToString()));
            position = position with
            {
                Asset = position.Asset with { Amount = UnwrapSub(position.Asset.Amount, burn) },
                Collateral = position.Collateral with { Amount = collateralLeft },
            };
            MintState.StorePosition(deps.Storage, position);
        }

        var token = assetConfig.Token;
        if (isShort)
        {
            messages.Add(Outgoing.DecreaseShortToken(config.Staking, token, position.Owner, burn));
            if (closed)
            {
                messages.Add(Outgoing.ReleasePositionFunds(config.Lock, positionIdx));
            }
        }

        return new Response()
            .AddMessage(Outgoing.Cw20Burn(token, burn))
            .AddMessages(messages)
            .AddAttribute("action", "burn")
            .AddAttribute("position_idx", positionIdx)
            .AddAttribute("burn_amount", asset.ToString())
            .AddAttributes([.. attributes]);
    }

    /// <summary>
    /// Liquidation through the cw20 hook (anyone). Allowed when ⌊⌊⌊asset × price⌋ × mcr⌋ × multiplier⌋ ≥ collateral.
    /// discount = min(auction_discount, mcr − 1); the liquidator gets ⌊amount × price/(1 − discount)⌋ of collateral
    /// (capped at the position's collateral, the excess mAsset refunded), minus the protocol fee on the liquidated
    /// amount at the undiscounted price. A repaid position's leftover collateral goes to its owner; a position
    /// without collateral closes with its remaining debt written off.
    /// </summary>
    private static Response Auction(Deps deps, Env env, string sender, UInt128 positionIdx, Asset asset)
    {
        var config = MintState.Config.Load(deps.Storage);
        var position = MintState.LoadPosition(deps.Storage, positionIdx);
        AssertAsset(position, asset);
        var assetConfig = MintState.LoadAssetConfig(deps.Storage, position.Asset.Info.ContractAddr!);
        AssertNotDelisted(assetConfig);
        var token = assetConfig.Token;
        var collateralInfo = position.Collateral.Info;
        if (asset.Amount > position.Asset.Amount)
        {
            throw MintErrors.LiquidateTooMuch();
        }

        var now = env.Block.TimeSeconds;
        var assetPrice = PriceLoader.AssetPrice(deps, config, position.Asset.Info, now);
        var (collateralPrice, multiplier, _) = PriceLoader.CollateralInfo(deps, config, collateralInfo, now, env.Block.Height);
        var priceInCollateral = MirrorMath.DecimalDivision(assetPrice, collateralPrice);
        var positionValue = Decimal.Mul(position.Asset.Amount, priceInCollateral);
        if (Decimal.Mul(Decimal.Mul(positionValue, assetConfig.MinCollateralRatio), multiplier) < position.Collateral.Amount)
        {
            throw MintErrors.SafelyCollateralized();
        }

        var discount = MirrorMath.DecimalMin(
            assetConfig.AuctionDiscount, MirrorMath.DecimalSubtraction(assetConfig.MinCollateralRatio, Decimal.One));
        var discountedPrice = MirrorMath.DecimalDivision(priceInCollateral, MirrorMath.DecimalSubtraction(Decimal.One, discount));
        var value = Decimal.Mul(asset.Amount, discountedPrice);

        var messages = new List<CosmosMsg>();
        UInt128 returnCollateral;
        UInt128 refundAsset;
        if (value > position.Collateral.Amount)
        {
            refundAsset = Decimal.Mul(UnwrapSub(value, position.Collateral.Amount), MirrorMath.ReverseDecimal(discountedPrice));
            if (refundAsset != UInt128.Zero)
            {
                messages.Add(Asset.Of(asset.Info, refundAsset).IntoMsg(deps.Querier, sender));
            }
            returnCollateral = position.Collateral.Amount;
        }
        else
        {
            returnCollateral = value;
            refundAsset = UInt128.Zero;
        }

        var liquidated = UnwrapSub(asset.Amount, refundAsset);
        var leftAsset = UnwrapSub(position.Asset.Amount, liquidated);
        var leftCollateral = UnwrapSub(position.Collateral.Amount, returnCollateral);
        var isShort = MintState.IsShort(deps.Storage, positionIdx);
        var closed = false;
        if (leftCollateral == UInt128.Zero)
        {
            closed = true;
            MintState.RemovePosition(deps.Storage, position);
        }
        else if (leftAsset == UInt128.Zero)
        {
            closed = true;
            MintState.RemovePosition(deps.Storage, position);
            messages.Add(Asset.Of(collateralInfo, leftCollateral).IntoMsg(deps.Querier, position.Owner));
        }
        else
        {
            MintState.StorePosition(deps.Storage, position with
            {
                Asset = position.Asset with { Amount = leftAsset },
                Collateral = position.Collateral with { Amount = leftCollateral },
            });
        }

        messages.Add(Outgoing.Cw20Burn(token, liquidated));
        var protocolFee = Decimal.Mul(Decimal.Mul(liquidated, priceInCollateral), config.ProtocolFeeRate);
        var returned = Asset.Of(collateralInfo, UnwrapSub(returnCollateral, protocolFee));
        var tax = returned.ComputeTax(deps.Querier);
        messages.Add(returned.IntoMsg(deps.Querier, sender));
        if (protocolFee != UInt128.Zero)
        {
            messages.Add(Asset.Of(collateralInfo, protocolFee).IntoMsg(deps.Querier, config.Collector));
        }
        if (isShort)
        {
            messages.Add(Outgoing.DecreaseShortToken(config.Staking, token, position.Owner, liquidated));
            if (closed)
            {
                messages.Add(Outgoing.ReleasePositionFunds(config.Lock, positionIdx));
            }
        }

        return new Response()
            .AddMessages(messages)
            .AddAttribute("action", "auction")
            .AddAttribute("position_idx", positionIdx)
            .AddAttribute("owner", position.Owner)
            .AddAttribute("return_collateral_amount", returned.ToString())
            .AddAttribute("liquidated_amount", Asset.Of(asset.Info, liquidated).ToString())
            .AddAttribute("tax_amount", Asset.Of(collateralInfo, tax).ToString())
            .AddAttribute("protocol_fee", Asset.Of(collateralInfo, protocolFee).ToString());
    }

    /// <summary><c>checked_sub(..).unwrap()</c>: an underflow panics and aborts the tx.</summary>
    private static UInt128 UnwrapSub(UInt128 a, UInt128 b) => Uint128Math.Sub(a, b);
}
