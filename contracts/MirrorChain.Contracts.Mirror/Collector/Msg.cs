using System.Text.Json.Serialization;

namespace MirrorChain.Contracts.Mirror.Collector;

// packages/mirror_protocol/src/collector.rs (identical in v2.1.4 and HEAD).

/// <summary>
/// <c>InstantiateMsg {owner, distribution_contract (gov), terraswap_factory, mirror_token, base_denom, aust_token,
/// anchor_market, bluna_token, lunax_token, mir_ust_pair?}</c>.
/// </summary>
public sealed record InstantiateMsg
{
    public required string Owner { get; init; }

    public required string DistributionContract { get; init; }

    public required string TerraswapFactory { get; init; }

    public required string MirrorToken { get; init; }

    public required string BaseDenom { get; init; }

    public required string AustToken { get; init; }

    public required string AnchorMarket { get; init; }

    public required string BlunaToken { get; init; }

    public required string LunaxToken { get; init; }

    /// <summary>When set, the UST→MIR swap uses this pair instead of the Terraswap factory's lookup.</summary>
    public string? MirUstPair { get; init; }
}

/// <summary>
/// <c>update_config {owner?, distribution_contract?, terraswap_factory?, mirror_token?, base_denom?, aust_token?,
/// anchor_market?, bluna_token?, mir_ust_pair?, lunax_token?}</c> (owner only). mir_ust_pair can be set, not cleared.
/// </summary>
public sealed record UpdateConfigMsg
{
    public string? Owner { get; init; }

    public string? DistributionContract { get; init; }

    public string? TerraswapFactory { get; init; }

    public string? MirrorToken { get; init; }

    public string? BaseDenom { get; init; }

    public string? AustToken { get; init; }

    public string? AnchorMarket { get; init; }

    public string? BlunaToken { get; init; }

    public string? MirUstPair { get; init; }

    public string? LunaxToken { get; init; }
}

/// <summary><c>convert {asset_token}</c> (anyone).</summary>
public sealed record ConvertMsg
{
    public required string AssetToken { get; init; }
}

/// <summary>
/// <c>ConfigResponse {owner, distribution_contract, terraswap_factory, mirror_token, base_denom, aust_token,
/// anchor_market, bluna_token, lunax_token, mir_ust_pair}</c>; an unset mir_ust_pair is written as <c>null</c>.
/// </summary>
public sealed record ConfigResponse(
    string Owner,
    string DistributionContract,
    string TerraswapFactory,
    string MirrorToken,
    string BaseDenom,
    string AustToken,
    string AnchorMarket,
    string BlunaToken,
    string LunaxToken,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? MirUstPair);

/// <summary><c>ExecuteMsg</c> as the collector sends it to itself: one variant set, the unset ones are not written.</summary>
public sealed record ExecuteMsg
{
    public EmptyMsg? LunaSwapHook { get; init; }
}
