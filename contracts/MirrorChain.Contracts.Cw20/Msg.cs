using System.Text.Json.Serialization;

namespace MirrorChain.Contracts.Cw20;

// The wire shapes of cw20 0.8 / cw20-base 0.8 (as terraswap 2.4's token, which Mirror v2.1.4 deploys, speaks them).
// Request bodies have nullable members so a missing field reads like serde's "missing field `x`" (see MsgFields).

/// <summary><c>{"name","symbol","decimals","initial_balances":[Cw20Coin],"mint":MinterResponse|null}</c>.</summary>
internal sealed record InstantiateMsg(string? Name, string? Symbol, byte? Decimals, IReadOnlyList<Cw20Coin>? InitialBalances, MinterResponse? Mint);

/// <summary><c>{"address": "terra1…", "amount": "100"}</c>.</summary>
internal sealed record Cw20Coin(string? Address, UInt128? Amount);

/// <summary>
/// The <c>mint</c> field of the instantiate message and the answer to <c>{"minter":{}}</c>:
/// <c>{"minter": "terra1…", "cap": "1000" | null}</c> (cap is written as null, as serde does for None).
/// </summary>
public sealed record MinterResponse(
    string? Minter,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] UInt128? Cap);

// ---- execute bodies ({"variant": body}) ----

internal sealed record TransferBody(string? Recipient, UInt128? Amount);

internal sealed record BurnBody(UInt128? Amount);

internal sealed record SendBody(string? Contract, UInt128? Amount, string? Msg);

internal sealed record MintBody(string? Recipient, UInt128? Amount);

internal sealed record AllowanceChangeBody(string? Spender, UInt128? Amount, Expiration? Expires);

internal sealed record TransferFromBody(string? Owner, string? Recipient, UInt128? Amount);

internal sealed record SendFromBody(string? Owner, string? Contract, UInt128? Amount, string? Msg);

internal sealed record BurnFromBody(string? Owner, UInt128? Amount);

// ---- query bodies ----

internal sealed record BalanceQuery(string? Address);

internal sealed record AllowanceQuery(string? Owner, string? Spender);

internal sealed record AllAllowancesQuery(string? Owner, string? StartAfter, uint? Limit);

internal sealed record AllAccountsQuery(string? StartAfter, uint? Limit);

// ---- query responses (field order = the Rust structs') ----

/// <summary><c>{"balance": "100"}</c>.</summary>
public sealed record BalanceResponse(UInt128 Balance);

/// <summary><c>{"name","symbol","decimals","total_supply"}</c>.</summary>
public sealed record TokenInfoResponse(string Name, string Symbol, byte Decimals, UInt128 TotalSupply);

/// <summary><c>{"allowance": "100", "expires": Expiration}</c> (also what the allowance map stores).</summary>
public sealed record AllowanceResponse(UInt128 Allowance, Expiration Expires);

/// <summary>One row of <c>all_allowances</c>: <c>{"spender","allowance","expires"}</c>.</summary>
public sealed record AllowanceInfo(string Spender, UInt128 Allowance, Expiration Expires);

/// <summary><c>{"allowances": [AllowanceInfo]}</c>.</summary>
public sealed record AllAllowancesResponse(IReadOnlyList<AllowanceInfo> Allowances);

/// <summary><c>{"accounts": ["terra1…"]}</c>.</summary>
public sealed record AllAccountsResponse(IReadOnlyList<string> Accounts);

/// <summary><c>QueryMsg</c> as other contracts send it (<see cref="Cw20Queries"/>): one variant set, the unset ones are not written.</summary>
internal sealed record QueryMsg
{
    public BalanceQuery? Balance { get; init; }

    public EmptyMsg? TokenInfo { get; init; }

    public EmptyMsg? Minter { get; init; }

    public AllowanceQuery? Allowance { get; init; }
}
