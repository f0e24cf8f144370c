using System.Text.Json.Serialization;
using MirrorChain.Contracts.Terraswap;

namespace MirrorChain.Contracts.Mirror.CollateralOracle;

// v2.1.4:packages/mirror_protocol/src/collateral_oracle.rs.

/// <summary><c>InstantiateMsg {owner, mint_contract, base_denom, mirror_oracle, anchor_oracle, band_oracle}</c>.</summary>
public sealed record InstantiateMsg
{
    public required string Owner { get; init; }

    public required string MintContract { get; init; }

    public required string BaseDenom { get; init; }

    public required string MirrorOracle { get; init; }

    public required string AnchorOracle { get; init; }

    public required string BandOracle { get; init; }
}

/// <summary><c>update_config {owner?, mint_contract?, base_denom?, mirror_oracle?, anchor_oracle?, band_oracle?}</c>.</summary>
public sealed record UpdateConfigMsg
{
    public string? Owner { get; init; }

    public string? MintContract { get; init; }

    public string? BaseDenom { get; init; }

    public string? MirrorOracle { get; init; }

    public string? AnchorOracle { get; init; }

    public string? BandOracle { get; init; }
}

/// <summary><c>register_collateral_asset {asset, price_source, multiplier}</c> (owner or mint).</summary>
public sealed record RegisterCollateralAssetMsg
{
    public required AssetInfo Asset { get; init; }

    public required SourceType PriceSource { get; init; }

    public required Decimal Multiplier { get; init; }
}

/// <summary><c>revoke_collateral_asset {asset}</c> (owner or mint).</summary>
public sealed record RevokeCollateralAssetMsg
{
    public required AssetInfo Asset { get; init; }
}

/// <summary><c>update_collateral_price_source {asset, price_source}</c> (owner).</summary>
public sealed record UpdateCollateralPriceSourceMsg
{
    public required AssetInfo Asset { get; init; }

    public required SourceType PriceSource { get; init; }
}

/// <summary><c>update_collateral_multiplier {asset, multiplier}</c> (owner).</summary>
public sealed record UpdateCollateralMultiplierMsg
{
    public required AssetInfo Asset { get; init; }

    public required Decimal Multiplier { get; init; }
}

/// <summary><c>collateral_price {asset, block_height?}</c>.</summary>
public sealed record CollateralPriceQuery
{
    public required string Asset { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public ulong? BlockHeight { get; init; }
}

/// <summary><c>collateral_asset_info {asset}</c>.</summary>
public sealed record CollateralAssetInfoQuery
{
    public required string Asset { get; init; }
}

/// <summary><c>ConfigResponse {owner, mint_contract, base_denom, mirror_oracle, anchor_oracle, band_oracle}</c>.</summary>
public sealed record ConfigResponse(
    string Owner, string MintContract, string BaseDenom, string MirrorOracle, string AnchorOracle, string BandOracle);

/// <summary><c>CollateralPriceResponse {asset, rate, last_updated, multiplier, is_revoked}</c>.</summary>
public sealed record CollateralPriceResponse(string Asset, Decimal Rate, ulong LastUpdated, Decimal Multiplier, bool IsRevoked);

/// <summary><c>CollateralInfoResponse {asset, multiplier, source_type, is_revoked}</c>.</summary>
public sealed record CollateralInfoResponse(string Asset, Decimal Multiplier, string SourceType, bool IsRevoked);

/// <summary><c>CollateralInfosResponse {collaterals}</c>.</summary>
public sealed record CollateralInfosResponse(IReadOnlyList<CollateralInfoResponse> Collaterals);

// ---- the envelopes other contracts send (CollateralOracleMessages / CollateralOracleQueries) ----

/// <summary><c>ExecuteMsg</c> as other contracts send it: one variant set, the unset ones are not written.</summary>
public sealed record ExecuteMsg
{
    public RegisterCollateralAssetMsg? RegisterCollateralAsset { get; init; }

    public RevokeCollateralAssetMsg? RevokeCollateralAsset { get; init; }
}

/// <summary><c>QueryMsg</c> as other contracts send it: one variant set, the unset ones are not written.</summary>
public sealed record QueryMsg
{
    public CollateralPriceQuery? CollateralPrice { get; init; }
}
