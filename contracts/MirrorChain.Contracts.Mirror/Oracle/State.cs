using MirrorChain.Core;

namespace MirrorChain.Contracts.Mirror.Oracle;

// contracts/mirror_oracle/src/state.rs. Addresses are kept in their bech32 form (Rust keeps canonical bytes);
// bucket keys are the canonical address bytes, so `prices` iterates in the same order as on Terra.

/// <summary>Singleton <c>config</c>: {owner, base_asset}.</summary>
public sealed record Config
{
    public required string Owner { get; init; }

    public required string BaseAsset { get; init; }
}

/// <summary>Bucket <c>price</c> value: {price, last_updated_time (block seconds; 0 = never fed)}.</summary>
public sealed record PriceInfo
{
    public required Decimal Price { get; init; }

    public required ulong LastUpdatedTime { get; init; }
}

internal static class OracleState
{
    public static readonly Item<Config> Config = new("config") { TypeName = "mirror_oracle::state::Config" };

    /// <summary>Bucket <c>feeder</c>: canonical asset token → feeder address.</summary>
    public static readonly Map<string> Feeders = new("feeder") { TypeName = "cosmwasm_std::addresses::CanonicalAddr" };

    /// <summary>Bucket <c>price</c>: canonical asset token → <see cref="PriceInfo"/>.</summary>
    public static readonly Map<PriceInfo> Prices = new("price") { TypeName = "mirror_oracle::state::PriceInfo" };

    public static byte[] Key(Address asset) => asset.ToArray();
}
