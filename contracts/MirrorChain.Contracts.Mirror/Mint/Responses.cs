using System.Text.Json.Serialization;
using MirrorChain.Contracts.Terraswap;

namespace MirrorChain.Contracts.Mirror.Mint;

// Query responses, fields in the Rust structs' order; Option fields serialise as null (serde), not omitted.

internal sealed record ConfigResponse(
    string Owner,
    string Oracle,
    string Collector,
    string CollateralOracle,
    string Staking,
    string TerraswapFactory,
    string Lock,
    string BaseDenom,
    ulong TokenCodeId,
    Decimal ProtocolFeeRate);

internal sealed record AssetConfigResponse(
    string Token,
    Decimal AuctionDiscount,
    Decimal MinCollateralRatio,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] Decimal? EndPrice,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] IpoParams? IpoParams);

internal sealed record PositionResponse(UInt128 Idx, string Owner, Asset Collateral, Asset Asset, bool IsShort);

internal sealed record PositionsResponse(IReadOnlyList<PositionResponse> Positions);

internal sealed record NextPositionIdxResponse(UInt128 NextPositionIdx);

// Answers of other contracts that the mint reads.

/// <summary>mirror_oracle <c>price</c>.</summary>
internal sealed record OraclePriceResponse(Decimal Rate, ulong LastUpdatedBase, ulong LastUpdatedQuote);

/// <summary>mirror_oracle <c>feeder</c>.</summary>
internal sealed record OracleFeederResponse(string AssetToken, string Feeder);

/// <summary>mirror_collateral_oracle <c>collateral_price</c>.</summary>
internal sealed record CollateralPriceResponse(string Asset, Decimal Rate, ulong LastUpdated, Decimal Multiplier, bool IsRevoked);

/// <summary>terraswap factory <c>pair</c> (only the pair address is used).</summary>
internal sealed record PairInfoResponse(string ContractAddr);
