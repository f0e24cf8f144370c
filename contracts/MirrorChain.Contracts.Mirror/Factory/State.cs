using MirrorChain.Core;
using MirrorChain.Core.Numerics;

namespace MirrorChain.Contracts.Mirror.Factory;

// contracts/mirror_factory/src/state.rs (v2.1.4). Addresses are kept in their bech32 form; an address that is not set
// yet (before post_initialize) is the empty string, as Rust's default CanonicalAddr.

/// <summary>Singleton <c>config</c>.</summary>
internal sealed record Config
{
    public required string Owner { get; init; }
    public required string MirrorToken { get; init; }
    public required string MintContract { get; init; }
    public required string OracleContract { get; init; }
    public required string TerraswapFactory { get; init; }
    public required string StakingContract { get; init; }
    public required string CommissionCollector { get; init; }
    public required ulong TokenCodeId { get; init; }
    public required string BaseDenom { get; init; }
    public required ulong GenesisTime { get; init; }
    public required IReadOnlyList<ScheduleEntry> DistributionSchedule { get; init; }
}

/// <summary>
/// Storage: singletons <c>config</c>, <c>total_weight</c> (u32), <c>last_distributed</c> (seconds), and the temporaries
/// <c>params</c> (present while a whitelist/migration waits for its token), <c>tmp_oracle_feeder</c> and
/// <c>tmp_asset_token</c> used across the replies; bucket <c>weight</c>: canonical asset token bytes → u32, so weights
/// iterate (and rewards are ordered and chunked) in canonical-address order as on Terra.
/// </summary>
internal static class FactoryState
{
    public static readonly Item<Config> Config = new("config") { TypeName = "mirror_factory::state::Config" };

    public static readonly Item<uint> TotalWeight = new("total_weight") { TypeName = "u32" };

    public static readonly Item<ulong> LastDistributed = new("last_distributed") { TypeName = "u64" };

    public static readonly Item<Params> Params = new("params") { TypeName = "mirror_protocol::factory::Params" };

    public static readonly Item<string> TmpOracleFeeder = new("tmp_oracle_feeder") { TypeName = "cosmwasm_std::addresses::Addr" };

    public static readonly Item<string> TmpAssetToken = new("tmp_asset_token") { TypeName = "cosmwasm_std::addresses::Addr" };

    private static readonly Map<uint> Weights = new("weight") { TypeName = "u32" };

    /// <summary><c>read_weight</c>: "No distribution info stored" when the asset has no weight.</summary>
    public static uint LoadWeight(IReadOnlyContractStorage storage, string asset) =>
        Weights.Has(storage, Key(asset)) ? Weights.Load(storage, Key(asset)) : throw FactoryErrors.NoDistributionInfo();

    public static void SaveWeight(IContractStorage storage, string asset, uint weight) => Weights.Save(storage, Key(asset), weight);

    public static void RemoveWeight(IContractStorage storage, string asset) => Weights.Remove(storage, Key(asset));

    /// <summary>All (asset, weight) in canonical key order.</summary>
    public static List<WeightEntry> AllWeights(IReadOnlyContractStorage storage) =>
        [.. Weights.Range(storage).Select(kv => new WeightEntry(Address.FromBytes(kv.Key).ToString(), kv.Value))];

    /// <summary>total_weight + weight (u32 `+`: panics on overflow).</summary>
    public static void IncreaseTotalWeight(IContractStorage storage, uint weight)
    {
        var total = TotalWeight.Load(storage);
        TotalWeight.Save(storage, total > uint.MaxValue - weight ? throw new PanicException("attempt to add with overflow") : total + weight);
    }

    /// <summary>total_weight − weight (u32 `-`: panics on underflow).</summary>
    public static void DecreaseTotalWeight(IContractStorage storage, uint weight)
    {
        var total = TotalWeight.Load(storage);
        TotalWeight.Save(storage, total < weight ? throw new PanicException("attempt to subtract with overflow") : total - weight);
    }

    /// <summary>
    /// A configured contract address as an <see cref="Address"/>. Before post_initialize the stored address is empty
    /// (Rust's default CanonicalAddr), which cannot be humanized: that is an error, not a crash.
    /// </summary>
    public static Address Humanize(string stored) =>
        stored.Length == 0 ? throw ContractException.Generic("addr_humanize errored: empty canonical address") : Address.Parse(stored);

    private static byte[] Key(string asset) => Address.Parse(asset).ToArray();
}
