namespace MirrorChain.Contracts.Terraswap.Factory;

// terraswap 2.4 packages/terraswap/src/factory.rs: the factory's messages, exactly as their JSON. The factory reads them;
// other contracts send them (through FactoryMessages / TerraswapQuerier) in the envelopes below.

/// <summary><c>ExecuteMsg</c> as other contracts send it: one variant set, the unset ones are not written.</summary>
public sealed record ExecuteMsg
{
    public CreatePairMsg? CreatePair { get; init; }
}

/// <summary><c>QueryMsg</c> as other contracts send it: one variant set, the unset ones are not written.</summary>
public sealed record QueryMsg
{
    public PairQuery? Pair { get; init; }
}

/// <summary><c>{"pair_code_id":2,"token_code_id":1}</c>.</summary>
public sealed record InstantiateMsg
{
    public required ulong PairCodeId { get; init; }

    public required ulong TokenCodeId { get; init; }
}

/// <summary>ExecuteMsg::UpdateConfig <c>{"owner"?,"token_code_id"?,"pair_code_id"?}</c> (owner only).</summary>
public sealed record UpdateConfigMsg
{
    public string? Owner { get; init; }

    public ulong? TokenCodeId { get; init; }

    public ulong? PairCodeId { get; init; }
}

/// <summary>ExecuteMsg::CreatePair <c>{"asset_infos":[…,…]}</c> (anyone).</summary>
public sealed record CreatePairMsg
{
    public required AssetInfo[] AssetInfos { get; init; }
}

/// <summary>QueryMsg::Pair <c>{"asset_infos":[…,…]}</c>.</summary>
public sealed record PairQuery
{
    public required AssetInfo[] AssetInfos { get; init; }
}

/// <summary>QueryMsg::Pairs <c>{"start_after":[…,…]?,"limit":10?}</c>.</summary>
public sealed record PairsQuery
{
    public AssetInfo[]? StartAfter { get; init; }

    public uint? Limit { get; init; }
}

/// <summary><c>{"owner":"terra1…","pair_code_id":2,"token_code_id":1}</c>.</summary>
public sealed record ConfigResponse
{
    public required string Owner { get; init; }

    public required ulong PairCodeId { get; init; }

    public required ulong TokenCodeId { get; init; }
}

/// <summary><c>{"pairs":[PairInfo, …]}</c>.</summary>
public sealed record PairsResponse
{
    public required PairInfo[] Pairs { get; init; }
}
