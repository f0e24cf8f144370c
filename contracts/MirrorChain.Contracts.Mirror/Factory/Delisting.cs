using MirrorChain.Core;
using MirrorChain.Core.Numerics;

namespace MirrorChain.Contracts.Mirror.Factory;

/// <summary>
/// Delisting: <c>revoke_asset</c> (an end price for the mint, the asset leaves the MIR rewards) and
/// <c>migrate_asset</c> (the same plus a new token that takes over the weight, mint parameters and feeder).
/// v2.1.4: the asset's mirror_oracle feeder drives both; the owner may revoke only without an end price.
/// </summary>
public sealed partial class MirrorFactoryContract
{
    /// <summary>
    /// With end_price (feeder path): feeder lookup ("Failed to fetch the oracle feeder"), then sender == feeder
    /// ("unauthorized"; the owner is not accepted). Without end_price (owner path): sender == owner, then the mint's
    /// asset config ("Failed to fetch the mint asset config"); end_price = pre_ipo_price if pre-IPO, else the mirror_oracle
    /// rate (queried eagerly in both cases, no age check). Then the weight is removed ("No distribution info stored")
    /// and the mint gets <c>register_migration {asset_token, end_price}</c>. The staking pool stays.
    /// </summary>
    private static Response RevokeAsset(Deps deps, string sender, RevokeAssetMsg m)
    {
        var config = FactoryState.Config.Load(deps.Storage);
        var asset = Addr(deps, m.AssetToken);
        Decimal endPrice;
        if (m.EndPrice is { } given)
        {
            if (FeederOf(deps, config, asset) != sender)
            {
                throw FactoryErrors.Unauthorized();
            }
            endPrice = given;
        }
        else
        {
            if (sender != config.Owner)
            {
                throw FactoryErrors.Unauthorized();
            }
            var mintConfig = MintAssetConfig(deps, config, asset);
            var oraclePrice = OraclePrice(deps, config, asset);
            endPrice = mintConfig.IpoParams?.PreIpoPrice ?? oraclePrice;
        }

        var weight = FactoryState.LoadWeight(deps.Storage, asset);
        FactoryState.RemoveWeight(deps.Storage, asset);
        FactoryState.DecreaseTotalWeight(deps.Storage, weight);
        return new Response()
            .AddMessage(Outgoing.MintRegisterMigration(config, asset, endPrice))
            .AddAttribute("action", "revoke_asset")
            .AddAttribute("end_price", endPrice.ToString())
            .AddAttribute("asset_token", m.AssetToken);
    }

    /// <summary>
    /// Feeder only. Order: feeder lookup and check, the old weight removed ("No distribution info stored"), the mint's
    /// asset config read ("Failed to fetch the mint asset config"); params = {old auction_discount, old
    /// min_collateral_ratio, weight: old weight} and the same feeder are stored for reply 1. No "in progress" check and no
    /// pre-IPO guard. Messages: mint register_migration {from_token, end_price}, then the new token's instantiate (reply 1).
    /// </summary>
    private static Response MigrateAsset(Deps deps, string sender, MigrateAssetMsg m)
    {
        var config = FactoryState.Config.Load(deps.Storage);
        var from = Addr(deps, m.FromToken);
        var feeder = FeederOf(deps, config, from);
        if (feeder != sender)
        {
            throw FactoryErrors.Unauthorized();
        }

        var weight = FactoryState.LoadWeight(deps.Storage, from);
        FactoryState.RemoveWeight(deps.Storage, from);
        FactoryState.DecreaseTotalWeight(deps.Storage, weight);

        var mintConfig = MintAssetConfig(deps, config, from);
        FactoryState.Params.Save(deps.Storage, new Params
        {
            AuctionDiscount = mintConfig.AuctionDiscount,
            MinCollateralRatio = mintConfig.MinCollateralRatio,
            Weight = weight,
        });
        FactoryState.TmpOracleFeeder.Save(deps.Storage, feeder);

        return new Response()
            .AddMessage(Outgoing.MintRegisterMigration(config, from, m.EndPrice))
            .AddSubMessage(Outgoing.CreateToken(config, m.Name, m.Symbol))
            .AddAttribute("action", "migration")
            .AddAttribute("end_price", m.EndPrice.ToString())
            .AddAttribute("asset_token", m.FromToken);
    }

    /// <summary>The asset's mirror_oracle feeder; any failure reads "Failed to fetch the oracle feeder".</summary>
    private static string FeederOf(Deps deps, Config config, string asset)
    {
        try
        {
            var answer = Oracle.OracleQueries.Feeder(deps.Querier, FactoryState.Humanize(config.OracleContract), asset);
            return deps.Api.AddrValidate(answer.Feeder).ToString();
        }
        catch (Exception e) when (e is ContractException or StdException)
        {
            throw FactoryErrors.FeederFetch();
        }
    }

    /// <summary>The mint's asset config; any failure reads "Failed to fetch the mint asset config".</summary>
    private static Mint.AssetConfigResponse MintAssetConfig(Deps deps, Config config, string asset)
    {
        try
        {
            return Mint.MintQueries.AssetConfig(deps.Querier, FactoryState.Humanize(config.MintContract), asset);
        }
        catch (Exception e) when (e is ContractException or StdException)
        {
            throw FactoryErrors.MintAssetConfigFetch();
        }
    }

    /// <summary>mirror_oracle <c>price {base_asset: asset, quote_asset: base_denom}</c>.rate through decimal_division(·, 1) (9 dp).</summary>
    private static Decimal OraclePrice(Deps deps, Config config, string asset)
    {
        var answer = Oracle.OracleQueries.Price(deps.Querier, FactoryState.Humanize(config.OracleContract), asset, config.BaseDenom);
        return MirrorMath.DecimalDivision(answer.Rate, Decimal.One);
    }
}
