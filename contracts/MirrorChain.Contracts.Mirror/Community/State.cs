namespace MirrorChain.Contracts.Mirror.Community;

// contracts/mirror_community/src/state.rs. Addresses are kept in their validated bech32 form.

/// <summary>Singleton <c>config</c>: {owner, mirror_token, spend_limit}.</summary>
public sealed record Config
{
    public required string Owner { get; init; }

    public required string MirrorToken { get; init; }

    public required UInt128 SpendLimit { get; init; }
}

internal static class CommunityState
{
    public static readonly Item<Config> Config = new("config") { TypeName = "mirror_community::state::Config" };
}
