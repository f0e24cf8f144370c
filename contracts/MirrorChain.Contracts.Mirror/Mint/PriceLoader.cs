using MirrorChain.Contracts.Terraswap;
using MirrorChain.Core.Numerics;
using MirrorChain.Core;

namespace MirrorChain.Contracts.Mirror.Mint;

/// <summary>
/// v2.1.4 querier.rs: prices come from mirror_oracle and the collateral oracle; the mint itself rejects prices older
/// than <see cref="PriceExpireTime"/> seconds when the caller passes the block time.
/// </summary>
internal static class PriceLoader
{
    public const ulong PriceExpireTime = 60;

    /// <summary>
    /// <c>load_asset_price</c>: a fixed price (end_price / pre_ipo_price) without any query; 1 for base_denom; else
    /// mirror_oracle <c>price{base_asset, quote_asset: base_denom}</c>, both legs age-checked when
    /// <paramref name="now"/> is given ("Price is too old").
    /// </summary>
    public static Decimal AssetPrice(QueryDeps deps, Config config, AssetInfo asset, ulong? now)
    {
        if (MintState.FixedPrice(deps.Storage, asset) is { } fixedPrice)
        {
            return fixedPrice;
        }
        if (asset.IsNativeDenom(config.BaseDenom))
        {
            return Decimal.One;
        }
        var res = Oracle.OracleQueries.Price(deps.Querier, Address.Parse(config.Oracle), asset.ToString(), config.BaseDenom);
        if (now is { } time)
        {
            var oldest = ExpiryFloor(time);
            if (res.LastUpdatedBase < oldest || res.LastUpdatedQuote < oldest)
            {
                throw MintErrors.PriceTooOld();
            }
        }
        return res.Rate;
    }

    /// <summary>
    /// <c>load_collateral_info</c> → (price, multiplier, is_revoked): base_denom is (1, 1, false) with no query; a
    /// delisted mAsset is (end_price, multiplier from an unchecked collateral_price query, true); otherwise the
    /// collateral oracle's <c>collateral_price{asset, block_height}</c>, age-checked when <paramref name="now"/> is
    /// given ("Collateral price is too old").
    /// </summary>
    public static (Decimal Price, Decimal Multiplier, bool IsRevoked) CollateralInfo(
        QueryDeps deps, Config config, AssetInfo collateral, ulong? now, long? blockHeight)
    {
        if (collateral.IsNativeDenom(config.BaseDenom))
        {
            return (Decimal.One, Decimal.One, false);
        }
        if (MintState.FixedPrice(deps.Storage, collateral) is { } endPrice)
        {
            var info = QueryCollateral(deps, config, collateral, blockHeight);
            return (endPrice, info.Multiplier, true);
        }
        var res = QueryCollateral(deps, config, collateral, blockHeight);
        if (now is { } time && res.LastUpdated < ExpiryFloor(time))
        {
            throw MintErrors.CollateralPriceTooOld();
        }
        return (res.Rate, res.Multiplier, res.IsRevoked);
    }

    private static CollateralOracle.CollateralPriceResponse QueryCollateral(QueryDeps deps, Config config, AssetInfo collateral, long? blockHeight) =>
        CollateralOracle.CollateralOracleQueries.CollateralPrice(deps.Querier, Address.Parse(config.CollateralOracle), collateral.ToString(), (ulong?)blockHeight);

    /// <summary><c>now − 60</c> in u64 arithmetic (a block time below 60 would panic in Rust).</summary>
    private static ulong ExpiryFloor(ulong now) =>
        now < PriceExpireTime ? throw new PanicException("attempt to subtract with overflow") : now - PriceExpireTime;
}
