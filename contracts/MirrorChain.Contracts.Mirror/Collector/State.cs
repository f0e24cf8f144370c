namespace MirrorChain.Contracts.Mirror.Collector;

// contracts/mirror_collector/src/state.rs. Addresses are kept in their validated bech32 form.

/// <summary>Singleton <c>config</c>.</summary>
public sealed record Config
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

    public string? MirUstPair { get; init; }
}

internal static class CollectorState
{
    public static readonly Item<Config> Config = new("config") { TypeName = "mirror_collector::state::Config" };
}
