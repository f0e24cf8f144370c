using System.Text.Json;
using MirrorChain.Contracts.Terraswap;

namespace MirrorChain.Contracts.Mirror.CollateralOracle;

/// <summary>
/// mirror_collateral_oracle v2.1.4: registry of collateral assets (price source, multiplier, revoked flag) and their
/// prices. No execute returns attributes. A revoked collateral is still priced. See <see cref="PriceSources"/> for the
/// sources and MirrorChain's native-rate substitute.
/// </summary>
public sealed class CollateralOracleContract : IContract
{
    private const string ExecuteMsgType = "mirror_protocol::collateral_oracle::ExecuteMsg";
    private const string QueryMsgType = "mirror_protocol::collateral_oracle::QueryMsg";

    public string Name => "mirror_collateral_oracle";

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        var m = ContractJson.Deserialize<InstantiateMsg>(msg, "mirror_protocol::collateral_oracle::InstantiateMsg");
        CollateralOracleState.Config.Save(deps.Storage, new Config
        {
            Owner = Validate(deps, m.Owner),
            MintContract = Validate(deps, m.MintContract),
            BaseDenom = m.BaseDenom,
            MirrorOracle = Validate(deps, m.MirrorOracle),
            AnchorOracle = Validate(deps, m.AnchorOracle),
            BandOracle = Validate(deps, m.BandOracle),
        });
        return new Response();
    }

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg) => ExecuteRoutes.Dispatch(deps, env, info, msg);

    /// <summary>The <c>ExecuteMsg</c> variants, in the Rust enum's declaration order.</summary>
    internal static readonly MessageRoutes<ExecuteHandler> ExecuteRoutes = new(ExecuteMsgType,
        ("update_config", (deps, env, info, body) => UpdateConfig(deps, info, ContractJson.Deserialize<UpdateConfigMsg>(body, ExecuteMsgType))),
        ("register_collateral_asset", (deps, env, info, body) => RegisterCollateral(deps, info, ContractJson.Deserialize<RegisterCollateralAssetMsg>(body, ExecuteMsgType))),
        ("revoke_collateral_asset", (deps, env, info, body) => RevokeCollateral(deps, info, ContractJson.Deserialize<RevokeCollateralAssetMsg>(body, ExecuteMsgType))),
        ("update_collateral_price_source", (deps, env, info, body) => UpdateCollateralPriceSource(deps, info, ContractJson.Deserialize<UpdateCollateralPriceSourceMsg>(body, ExecuteMsgType))),
        ("update_collateral_multiplier", (deps, env, info, body) => UpdateCollateralMultiplier(deps, info, ContractJson.Deserialize<UpdateCollateralMultiplierMsg>(body, ExecuteMsgType))));

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg) => QueryRoutes.Dispatch(deps, env, msg);

    /// <summary>The <c>QueryMsg</c> variants, in the Rust enum's declaration order.</summary>
    internal static readonly MessageRoutes<QueryHandler> QueryRoutes = new(QueryMsgType,
        ("config", (deps, env, body) => ContractJson.Serialize(QueryConfig(deps))),
        ("collateral_price", (deps, env, body) => ContractJson.Serialize(QueryCollateralPrice(deps, ContractJson.Deserialize<CollateralPriceQuery>(body, QueryMsgType)))),
        ("collateral_asset_info", (deps, env, body) => ContractJson.Serialize(QueryCollateralInfo(deps, ContractJson.Deserialize<CollateralAssetInfoQuery>(body, QueryMsgType)))),
        ("collateral_asset_infos", (deps, env, body) => ContractJson.Serialize(QueryCollateralInfos(deps))));

    /// <summary>Owner only; each given field replaces the stored one (addresses validated).</summary>
    private static Response UpdateConfig(Deps deps, MessageInfo info, UpdateConfigMsg msg)
    {
        var config = CollateralOracleState.Config.Load(deps.Storage);
        if (info.Sender.ToString() != config.Owner)
        {
            throw CollateralOracleErrors.Unauthorized();
        }
        config = config with
        {
            Owner = msg.Owner is null ? config.Owner : Validate(deps, msg.Owner),
            MintContract = msg.MintContract is null ? config.MintContract : Validate(deps, msg.MintContract),
            BaseDenom = msg.BaseDenom ?? config.BaseDenom,
            MirrorOracle = msg.MirrorOracle is null ? config.MirrorOracle : Validate(deps, msg.MirrorOracle),
            AnchorOracle = msg.AnchorOracle is null ? config.AnchorOracle : Validate(deps, msg.AnchorOracle),
            BandOracle = msg.BandOracle is null ? config.BandOracle : Validate(deps, msg.BandOracle),
        };
        CollateralOracleState.Config.Save(deps.Storage, config);
        return new Response();
    }

    /// <summary>Owner or mint; then "Collateral was already registered"; then "Multiplier must be bigger than 0".</summary>
    private static Response RegisterCollateral(Deps deps, MessageInfo info, RegisterCollateralAssetMsg msg)
    {
        var config = CollateralOracleState.Config.Load(deps.Storage);
        AssertOwnerOrMint(config, info);
        var asset = msg.Asset.ToString();
        if (CollateralOracleState.Collaterals.Has(deps.Storage, CollateralOracleState.Key(asset)))
        {
            throw CollateralOracleErrors.AlreadyRegistered();
        }
        if (msg.Multiplier.IsZero)
        {
            throw CollateralOracleErrors.ZeroMultiplier();
        }
        CollateralOracleState.Collaterals.Save(deps.Storage, CollateralOracleState.Key(asset), new CollateralAssetInfo
        {
            Asset = asset,
            PriceSource = msg.PriceSource,
            Multiplier = msg.Multiplier,
            IsRevoked = false,
        });
        return new Response();
    }

    /// <summary>Owner or mint; "Collateral not found" for an unknown asset; sets is_revoked (prices stay available).</summary>
    private static Response RevokeCollateral(Deps deps, MessageInfo info, RevokeCollateralAssetMsg msg)
    {
        var config = CollateralOracleState.Config.Load(deps.Storage);
        AssertOwnerOrMint(config, info);
        var collateral = LoadForUpdate(deps, msg.Asset);
        CollateralOracleState.Collaterals.Save(deps.Storage, CollateralOracleState.Key(collateral.Asset), collateral with { IsRevoked = true });
        return new Response();
    }

    /// <summary>Owner only; "Collateral not found".</summary>
    private static Response UpdateCollateralPriceSource(Deps deps, MessageInfo info, UpdateCollateralPriceSourceMsg msg)
    {
        var config = CollateralOracleState.Config.Load(deps.Storage);
        AssertOwner(config, info);
        var collateral = LoadForUpdate(deps, msg.Asset);
        CollateralOracleState.Collaterals.Save(deps.Storage, CollateralOracleState.Key(collateral.Asset), collateral with { PriceSource = msg.PriceSource });
        return new Response();
    }

    /// <summary>Owner only; then "Collateral not found"; then "Multiplier must be bigger than 0".</summary>
    private static Response UpdateCollateralMultiplier(Deps deps, MessageInfo info, UpdateCollateralMultiplierMsg msg)
    {
        var config = CollateralOracleState.Config.Load(deps.Storage);
        AssertOwner(config, info);
        var collateral = LoadForUpdate(deps, msg.Asset);
        if (msg.Multiplier.IsZero)
        {
            throw CollateralOracleErrors.ZeroMultiplier();
        }
        CollateralOracleState.Collaterals.Save(deps.Storage, CollateralOracleState.Key(collateral.Asset), collateral with { Multiplier = msg.Multiplier });
        return new Response();
    }

    private static ConfigResponse QueryConfig(QueryDeps deps)
    {
        var c = CollateralOracleState.Config.Load(deps.Storage);
        return new ConfigResponse(c.Owner, c.MintContract, c.BaseDenom, c.MirrorOracle, c.AnchorOracle, c.BandOracle);
    }

    /// <summary>"Collateral asset not found" for an unknown asset; otherwise the source's (rate, last_updated).</summary>
    private static CollateralPriceResponse QueryCollateralPrice(QueryDeps deps, CollateralPriceQuery msg)
    {
        var config = CollateralOracleState.Config.Load(deps.Storage);
        var collateral = CollateralOracleState.Collaterals.May(deps.Storage, CollateralOracleState.Key(msg.Asset)) ?? throw CollateralOracleErrors.AssetNotFound();
        var (rate, lastUpdated) = PriceSources.Query(deps, config, collateral.Asset, msg.BlockHeight, collateral.PriceSource);
        return new CollateralPriceResponse(collateral.Asset, rate, lastUpdated, collateral.Multiplier, collateral.IsRevoked);
    }

    private static CollateralInfoResponse QueryCollateralInfo(QueryDeps deps, CollateralAssetInfoQuery msg)
    {
        var collateral = CollateralOracleState.Collaterals.May(deps.Storage, CollateralOracleState.Key(msg.Asset)) ?? throw CollateralOracleErrors.AssetNotFound();
        return Info(collateral);
    }

    /// <summary>All collaterals, ascending by asset string bytes.</summary>
    private static CollateralInfosResponse QueryCollateralInfos(QueryDeps deps) =>
        new(CollateralOracleState.Collaterals.Range(deps.Storage).Select(kv => Info(kv.Value)).ToList());

    private static CollateralInfoResponse Info(CollateralAssetInfo c) =>
        new(c.Asset, c.Multiplier, c.PriceSource.Tag, c.IsRevoked);

    private static CollateralAssetInfo LoadForUpdate(Deps deps, AssetInfo asset) =>
        CollateralOracleState.Collaterals.May(deps.Storage, CollateralOracleState.Key(asset.ToString())) ?? throw CollateralOracleErrors.CollateralNotFound();

    private static void AssertOwnerOrMint(Config config, MessageInfo info)
    {
        var sender = info.Sender.ToString();
        if (sender != config.Owner && sender != config.MintContract)
        {
            throw CollateralOracleErrors.Unauthorized();
        }
    }

    private static void AssertOwner(Config config, MessageInfo info)
    {
        if (info.Sender.ToString() != config.Owner)
        {
            throw CollateralOracleErrors.Unauthorized();
        }
    }

    private static string Validate(Deps deps, string address) => deps.Api.AddrValidate(address).ToString();
}
