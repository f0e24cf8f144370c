using System.Text.Json.Serialization;

namespace MirrorChain.Contracts.Terraswap.Pair;

// terraswap 2.4 packages/terraswap/src/pair.rs: the pair's messages, exactly as their JSON. The pair reads them; other
// contracts send them (through PairMessages / TerraswapQuerier) in the envelopes below. Option fields are written as
// null (serde has no skip_serializing_if on them).

/// <summary><c>ExecuteMsg</c> as other contracts send it: one variant set, the unset ones are not written.</summary>
public sealed record ExecuteMsg
{
    public ProvideLiquidityMsg? ProvideLiquidity { get; init; }

    public SwapMsg? Swap { get; init; }
}

/// <summary><c>Cw20HookMsg</c> (the <c>msg</c> of a cw20 <c>send</c> to the pair) as other contracts write it.</summary>
public sealed record Cw20HookMsg
{
    public SwapHookMsg? Swap { get; init; }
}

/// <summary><c>QueryMsg</c> as other contracts send it: one variant set, the unset ones are not written.</summary>
public sealed record QueryMsg
{
    public EmptyMsg? Pair { get; init; }

    public EmptyMsg? Pool { get; init; }

    public SimulationQuery? Simulation { get; init; }

    public ReverseSimulationQuery? ReverseSimulation { get; init; }
}

/// <summary><c>{"asset_infos":[…,…],"token_code_id":1}</c>.</summary>
public sealed record InstantiateMsg
{
    public required AssetInfo[] AssetInfos { get; init; }

    public required ulong TokenCodeId { get; init; }
}

/// <summary>ExecuteMsg::ProvideLiquidity <c>{"assets":[…,…],"slippage_tolerance":"0.01"?,"receiver":"terra1…"?}</c>.</summary>
public sealed record ProvideLiquidityMsg
{
    public required Asset[] Assets { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public Decimal? SlippageTolerance { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Receiver { get; init; }
}

/// <summary>ExecuteMsg::Swap <c>{"offer_asset":…,"belief_price"?,"max_spread"?,"to"?}</c> (native offers only).</summary>
public sealed record SwapMsg
{
    public required Asset OfferAsset { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public Decimal? BeliefPrice { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public Decimal? MaxSpread { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? To { get; init; }
}

/// <summary>Cw20HookMsg::Swap <c>{"belief_price"?,"max_spread"?,"to"?}</c>.</summary>
public sealed record SwapHookMsg
{
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public Decimal? BeliefPrice { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public Decimal? MaxSpread { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? To { get; init; }
}

/// <summary>QueryMsg::Simulation <c>{"offer_asset":…}</c>.</summary>
public sealed record SimulationQuery
{
    public required Asset OfferAsset { get; init; }
}

/// <summary>QueryMsg::ReverseSimulation <c>{"ask_asset":…}</c>.</summary>
public sealed record ReverseSimulationQuery
{
    public required Asset AskAsset { get; init; }
}

/// <summary><c>{"assets":[…,…],"total_share":"111"}</c>: live balances and the LP supply.</summary>
public sealed record PoolResponse
{
    public required Asset[] Assets { get; init; }

    public required UInt128 TotalShare { get; init; }
}

/// <summary><c>{"return_amount":"…","spread_amount":"…","commission_amount":"…"}</c>.</summary>
public sealed record SimulationResponse
{
    public required UInt128 ReturnAmount { get; init; }

    public required UInt128 SpreadAmount { get; init; }

    public required UInt128 CommissionAmount { get; init; }
}

/// <summary><c>{"offer_amount":"…","spread_amount":"…","commission_amount":"…"}</c>.</summary>
public sealed record ReverseSimulationResponse
{
    public required UInt128 OfferAmount { get; init; }

    public required UInt128 SpreadAmount { get; init; }

    public required UInt128 CommissionAmount { get; init; }
}
