namespace MirrorChain.Contracts.Mirror.Oracle;

// packages/mirror_protocol/src/oracle.rs (identical in v2.1.4 and HEAD).

/// <summary><c>InstantiateMsg {owner, base_asset}</c>.</summary>
public sealed record InstantiateMsg
{
    public required string Owner { get; init; }

    public required string BaseAsset { get; init; }
}

/// <summary><c>update_config {owner?}</c> (owner only).</summary>
public sealed record UpdateConfigMsg
{
    public string? Owner { get; init; }
}

/// <summary><c>register_asset {asset_token, feeder}</c> (owner only).</summary>
public sealed record RegisterAssetMsg
{
    public required string AssetToken { get; init; }

    public required string Feeder { get; init; }
}

/// <summary>One entry of <c>feed_price {prices: [[asset_token, price], …]}</c>.</summary>
public sealed record PriceEntry(string AssetToken, Decimal Price);

/// <summary><c>feeder {asset_token}</c>.</summary>
public sealed record FeederQuery
{
    public required string AssetToken { get; init; }
}

/// <summary><c>price {base_asset, quote_asset}</c>.</summary>
public sealed record PriceQuery
{
    public required string BaseAsset { get; init; }

    public required string QuoteAsset { get; init; }
}

/// <summary><c>prices {start_after?, limit?, order_by?}</c>; default limit 10, max 30, default order desc.</summary>
public sealed record PricesQuery
{
    public string? StartAfter { get; init; }

    public uint? Limit { get; init; }

    public string? OrderBy { get; init; }
}

/// <summary><c>ConfigResponse {owner, base_asset}</c>.</summary>
public sealed record ConfigResponse(string Owner, string BaseAsset);

/// <summary><c>FeederResponse {asset_token, feeder}</c>.</summary>
public sealed record FeederResponse(string AssetToken, string Feeder);

/// <summary>
/// <c>PriceResponse {rate, last_updated_base, last_updated_quote}</c>: rate = decimal_division(base, quote); the leg equal
/// to the base asset reads (1, u64::MAX). Also what the mint, staking, factory and collateral oracle read back.
/// </summary>
public sealed record PriceResponse
{
    public required Decimal Rate { get; init; }

    public required ulong LastUpdatedBase { get; init; }

    public required ulong LastUpdatedQuote { get; init; }
}

/// <summary><c>PricesResponseElem {asset_token, price, last_updated_time}</c>.</summary>
public sealed record PricesResponseElem(string AssetToken, Decimal Price, ulong LastUpdatedTime);

/// <summary><c>PricesResponse {prices}</c>.</summary>
public sealed record PricesResponse(IReadOnlyList<PricesResponseElem> Prices);

// ---- the envelopes other contracts send (OracleMessages / OracleQueries) ----

/// <summary><c>ExecuteMsg</c> as other contracts send it: one variant set, the unset ones are not written.</summary>
public sealed record ExecuteMsg
{
    public RegisterAssetMsg? RegisterAsset { get; init; }
}

/// <summary><c>QueryMsg</c> as other contracts send it: one variant set, the unset ones are not written.</summary>
public sealed record QueryMsg
{
    public FeederQuery? Feeder { get; init; }

    public PriceQuery? Price { get; init; }
}
