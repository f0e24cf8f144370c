using System.Text;

namespace MirrorChain.Contracts.Mirror.CollateralOracle;

// v2.1.4:contracts/mirror_collateral_oracle/src/state.rs. Addresses are kept in bech32 form.

/// <summary>Singleton <c>config</c>.</summary>
public sealed record Config
{
    public required string Owner { get; init; }

    public required string MintContract { get; init; }

    public required string BaseDenom { get; init; }

    public required string MirrorOracle { get; init; }

    public required string AnchorOracle { get; init; }

    public required string BandOracle { get; init; }
}

/// <summary>Bucket <c>collateral_asset_info</c> value, keyed by the asset string (denom or token address).</summary>
public sealed record CollateralAssetInfo
{
    public required string Asset { get; init; }

    public required SourceType PriceSource { get; init; }

    public required Decimal Multiplier { get; init; }

    public required bool IsRevoked { get; init; }
}

internal static class CollateralOracleState
{
    public static readonly Item<Config> Config = new("config") { TypeName = "mirror_collateral_oracle::state::Config" };

    public static readonly Map<CollateralAssetInfo> Collaterals =
        new("collateral_asset_info") { TypeName = "mirror_collateral_oracle::state::CollateralAssetInfo" };

    public static byte[] Key(string asset) => Encoding.UTF8.GetBytes(asset);
}
