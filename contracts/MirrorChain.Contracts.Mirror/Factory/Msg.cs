namespace MirrorChain.Contracts.Mirror.Factory;

// packages/mirror_protocol/src/factory.rs at v2.1.4 (crate 2.1.1). Required fields are `required` (serde refuses a
// missing non-Option field); Option fields are nullable. Tuples are JSON arrays (see Tuples.cs).

/// <summary><c>InstantiateMsg {token_code_id, base_denom, distribution_schedule: [[start, end, "amount"], …]}</c>.</summary>
internal sealed record InstantiateMsg
{
    public required ulong TokenCodeId { get; init; }
    public required string BaseDenom { get; init; }
    public required IReadOnlyList<ScheduleEntry> DistributionSchedule { get; init; }
}

/// <summary><c>post_initialize {owner, terraswap_factory, mirror_token, staking_contract, oracle_contract, mint_contract, commission_collector}</c>.</summary>
internal sealed record PostInitializeMsg
{
    public required string Owner { get; init; }
    public required string TerraswapFactory { get; init; }
    public required string MirrorToken { get; init; }
    public required string StakingContract { get; init; }
    public required string OracleContract { get; init; }
    public required string MintContract { get; init; }
    public required string CommissionCollector { get; init; }
}

/// <summary><c>update_config {owner?, token_code_id?, distribution_schedule?}</c>.</summary>
internal sealed record UpdateConfigMsg
{
    public string? Owner { get; init; }
    public ulong? TokenCodeId { get; init; }
    public IReadOnlyList<ScheduleEntry>? DistributionSchedule { get; init; }
}

/// <summary><c>update_weight {asset_token, weight: u32}</c>.</summary>
internal sealed record UpdateWeightMsg
{
    public required string AssetToken { get; init; }
    public required uint Weight { get; init; }
}

/// <summary>
/// v2.1.4's six-field <c>Params</c> (no ipo_trigger_addr). Pre-IPO when mint_period, min_collateral_ratio_after_ipo
/// and pre_ipo_price are all given. Also what the factory stores while a whitelist is in progress.
/// </summary>
internal sealed record Params
{
    public required Decimal AuctionDiscount { get; init; }
    public required Decimal MinCollateralRatio { get; init; }
    public uint? Weight { get; init; }
    public ulong? MintPeriod { get; init; }
    public Decimal? MinCollateralRatioAfterIpo { get; init; }
    public Decimal? PreIpoPrice { get; init; }
}

/// <summary><c>whitelist {name, symbol, oracle_feeder, params}</c> (v2.1.4: oracle_feeder, symbol verbatim).</summary>
internal sealed record WhitelistMsg
{
    public required string Name { get; init; }
    public required string Symbol { get; init; }
    public required string OracleFeeder { get; init; }
    public required Params Params { get; init; }
}

/// <summary><c>pass_command {contract_addr, msg: Binary}</c>.</summary>
internal sealed record PassCommandMsg
{
    public required string ContractAddr { get; init; }
    public required string Msg { get; init; }
}

/// <summary><c>revoke_asset {asset_token, end_price?}</c>: with end_price the feeder path, without it the owner path.</summary>
internal sealed record RevokeAssetMsg
{
    public required string AssetToken { get; init; }
    public Decimal? EndPrice { get; init; }
}

/// <summary><c>migrate_asset {name, symbol, from_token, end_price}</c> (feeder only).</summary>
internal sealed record MigrateAssetMsg
{
    public required string Name { get; init; }
    public required string Symbol { get; init; }
    public required string FromToken { get; init; }
    public required Decimal EndPrice { get; init; }
}

/// <summary>The query <c>config {}</c>'s answer, fields in the Rust struct's order.</summary>
internal sealed record ConfigResponse(
    string Owner,
    string MirrorToken,
    string MintContract,
    string StakingContract,
    string CommissionCollector,
    string OracleContract,
    string TerraswapFactory,
    ulong TokenCodeId,
    string BaseDenom,
    ulong GenesisTime,
    IReadOnlyList<ScheduleEntry> DistributionSchedule);

/// <summary>The query <c>distribution_info {}</c>'s answer: <c>{"weights":[["terra1…",300]],"last_distributed":…}</c>.</summary>
internal sealed record DistributionInfoResponse(IReadOnlyList<WeightEntry> Weights, ulong LastDistributed);
