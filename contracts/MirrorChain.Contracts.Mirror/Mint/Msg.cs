using System.Text.Json.Serialization;
using MirrorChain.Contracts.Terraswap;

namespace MirrorChain.Contracts.Mirror.Mint;

// packages/mirror_protocol/src/mint.rs at v2.1.4 (crate 2.1.1). Required fields are `required`, as serde refuses a
// missing non-Option field; Option fields are nullable.

internal sealed record InstantiateMsg
{
    public required string Owner { get; init; }
    public required string Oracle { get; init; }
    public required string Collector { get; init; }
    public required string CollateralOracle { get; init; }
    public required string Staking { get; init; }
    public required string TerraswapFactory { get; init; }
    public required string Lock { get; init; }
    public required string BaseDenom { get; init; }
    public required ulong TokenCodeId { get; init; }
    public required Decimal ProtocolFeeRate { get; init; }
}

/// <summary>
/// v2.1.4's three-field <c>IPOParams {mint_end, pre_ipo_price, min_collateral_ratio_after_ipo}</c> (no trigger_addr):
/// in register_asset / update_asset (the factory sends it), the asset_config answer and the stored asset config.
/// </summary>
internal sealed record IpoParams
{
    public required ulong MintEnd { get; init; }
    public required Decimal PreIpoPrice { get; init; }
    public required Decimal MinCollateralRatioAfterIpo { get; init; }
}

internal sealed record ShortParams
{
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public Decimal? BeliefPrice { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public Decimal? MaxSpread { get; init; }
}

internal sealed record UpdateConfigMsg
{
    public string? Owner { get; init; }
    public string? Oracle { get; init; }
    public string? Collector { get; init; }
    public string? CollateralOracle { get; init; }
    public string? TerraswapFactory { get; init; }
    public string? Lock { get; init; }
    public ulong? TokenCodeId { get; init; }
    public Decimal? ProtocolFeeRate { get; init; }
    public string? Staking { get; init; }
}

internal sealed record UpdateAssetMsg
{
    public required string AssetToken { get; init; }
    public Decimal? AuctionDiscount { get; init; }
    public Decimal? MinCollateralRatio { get; init; }
    public IpoParams? IpoParams { get; init; }
}

internal sealed record RegisterAssetMsg
{
    public required string AssetToken { get; init; }
    public required Decimal AuctionDiscount { get; init; }
    public required Decimal MinCollateralRatio { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public IpoParams? IpoParams { get; init; }
}

internal sealed record RegisterMigrationMsg
{
    public required string AssetToken { get; init; }
    public required Decimal EndPrice { get; init; }
}

internal sealed record AssetTokenMsg
{
    public required string AssetToken { get; init; }
}

internal sealed record OpenPositionMsg
{
    public required Asset Collateral { get; init; }
    public required AssetInfo AssetInfo { get; init; }
    public required Decimal CollateralRatio { get; init; }
    public ShortParams? ShortParams { get; init; }
}

internal sealed record DepositMsg
{
    public required UInt128 PositionIdx { get; init; }
    public required Asset Collateral { get; init; }
}

internal sealed record WithdrawMsg
{
    public required UInt128 PositionIdx { get; init; }
    public Asset? Collateral { get; init; }
}

internal sealed record MintMsg
{
    public required UInt128 PositionIdx { get; init; }
    public required Asset Asset { get; init; }
    public ShortParams? ShortParams { get; init; }
}

/// <summary>cw20's <c>Cw20ReceiveMsg</c>: <c>msg</c> is base64 JSON of a <see cref="Cw20HookMsg"/>.</summary>
internal sealed record Cw20ReceiveMsg
{
    public required string Sender { get; init; }
    public required UInt128 Amount { get; init; }
    public required byte[] Msg { get; init; }
}

/// <summary>The cw20 hook <c>open_position</c> (collateral = the sent tokens, owner = the cw20 sender).</summary>
internal sealed record HookOpenPosition
{
    public required AssetInfo AssetInfo { get; init; }
    public required Decimal CollateralRatio { get; init; }
    public ShortParams? ShortParams { get; init; }
}

/// <summary>The cw20 hooks <c>deposit</c>, <c>burn</c> and <c>auction</c>.</summary>
internal sealed record HookPositionIdx
{
    public required UInt128 PositionIdx { get; init; }
}

internal sealed record PositionQuery
{
    public required UInt128 PositionIdx { get; init; }
}

internal sealed record PositionsQuery
{
    public string? OwnerAddr { get; init; }
    public string? AssetToken { get; init; }
    public UInt128? StartAfter { get; init; }
    public uint? Limit { get; init; }
    public string? OrderBy { get; init; }
}

// ---- the envelopes other contracts send (MintMessages / MintQueries) ----

/// <summary><c>ExecuteMsg</c> as other contracts send it: one variant set, the unset ones are not written.</summary>
internal sealed record ExecuteMsg
{
    public RegisterAssetMsg? RegisterAsset { get; init; }

    public RegisterMigrationMsg? RegisterMigration { get; init; }
}

/// <summary><c>QueryMsg</c> as other contracts send it: one variant set, the unset ones are not written.</summary>
internal sealed record QueryMsg
{
    public AssetTokenMsg? AssetConfig { get; init; }
}
