namespace MirrorChain.Contracts.Mirror.Community;

// packages/mirror_protocol/src/community.rs (identical in v2.1.4 and HEAD).

/// <summary><c>InstantiateMsg {owner (gov), mirror_token, spend_limit}</c>.</summary>
public sealed record InstantiateMsg
{
    public required string Owner { get; init; }

    public required string MirrorToken { get; init; }

    public required UInt128 SpendLimit { get; init; }
}

/// <summary><c>update_config {owner?, spend_limit?}</c> (owner only).</summary>
public sealed record UpdateConfigMsg
{
    public string? Owner { get; init; }

    public UInt128? SpendLimit { get; init; }
}

/// <summary><c>spend {recipient, amount}</c> (owner only; amount ≤ spend_limit).</summary>
public sealed record SpendMsg
{
    public required string Recipient { get; init; }

    public required UInt128 Amount { get; init; }
}

/// <summary><c>ConfigResponse {owner, mirror_token, spend_limit}</c>.</summary>
public sealed record ConfigResponse(string Owner, string MirrorToken, UInt128 SpendLimit);
