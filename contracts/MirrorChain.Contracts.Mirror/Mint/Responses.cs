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
