using System.Text.Json;
using MirrorChain.Core;
using static MirrorChain.Contracts.Cw20.MsgFields;

namespace MirrorChain.Contracts.Cw20;

// cw20-base's queries (contract.rs, allowances.rs, enumerable.rs). Pagination: limit default 10, max 30, ascending by
// canonical address bytes; start_after is exclusive.
public sealed partial class Cw20BaseContract
{
    public const uint DefaultLimit = 10;
    public const uint MaxLimit = 30;

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg) => QueryRoutes.Dispatch(deps, env, msg);

    private const string QueryT = Cw20Errors.QueryMsgType;

    /// <summary><c>cw20_base::msg::QueryMsg</c> (0.8), in the enum's declaration order.</summary>
    internal static readonly MessageRoutes<QueryHandler> QueryRoutes = new(QueryT,
        ("balance", (deps, env, body) =>
        {
            var address = deps.Api.AddrValidate(Required(ContractJson.Deserialize<BalanceQuery>(body, QueryT).Address, "address", QueryT));
            return ContractJson.Serialize(new BalanceResponse(Cw20State.Balance(deps.Storage, address)));
        }),
        ("token_info", (deps, env, body) =>
        {
            var t = Cw20State.TokenInfo.Load(deps.Storage);
            return ContractJson.Serialize(new TokenInfoResponse(t.Name, t.Symbol, t.Decimals, t.TotalSupply));
        }),
        ("minter", (deps, env, body) =>
        {
            var mint = Cw20State.TokenInfo.Load(deps.Storage).Mint;
            return mint is null ? "null"u8.ToArray() : ContractJson.Serialize(new MinterResponse(mint.Minter, mint.Cap));
        }),
        ("allowance", (deps, env, body) =>
        {
            var q = ContractJson.Deserialize<AllowanceQuery>(body, QueryT);
            var owner = deps.Api.AddrValidate(Required(q.Owner, "owner", QueryT));
            var spender = deps.Api.AddrValidate(Required(q.Spender, "spender", QueryT));
            var allowance = Cw20State.Allowances.May(deps.Storage, Cw20State.AllowanceKey(owner, spender)) ?? new AllowanceResponse(UInt128.Zero, Expiration.Never);
            return ContractJson.Serialize(allowance);
        }),
        ("all_allowances", (deps, env, body) =>
        {
            var q = ContractJson.Deserialize<AllAllowancesQuery>(body, QueryT);
            return ContractJson.Serialize(AllAllowances(deps, Required(q.Owner, "owner", QueryT), q.StartAfter, q.Limit));
        }),
        ("all_accounts", (deps, env, body) =>
        {
            var q = ContractJson.Deserialize<AllAccountsQuery>(body, QueryT);
            return ContractJson.Serialize(AllAccounts(deps, q.StartAfter, q.Limit));
        }));

    private static AllAllowancesResponse AllAllowances(QueryDeps deps, string owner, string? startAfter, uint? limit)
    {
        var prefix = Cw20State.OwnerPrefix(deps.Api.AddrValidate(owner));
        var start = StartAfter(deps, startAfter);
        var rows = Cw20State.Allowances
            .Range(deps.Storage, start is null ? prefix : [.. prefix, .. start], KeyRanges.PrefixEnd(prefix))
            .Take(Limit(limit))
            .Select(e => new AllowanceInfo(Address.FromBytes(e.Key.AsSpan(prefix.Length)).ToString(), e.Value.Allowance, e.Value.Expires))
            .ToList();
        return new AllAllowancesResponse(rows);
    }

    private static AllAccountsResponse AllAccounts(QueryDeps deps, string? startAfter, uint? limit)
    {
        var accounts = Cw20State.Balances
            .Range(deps.Storage, StartAfter(deps, startAfter))
            .Take(Limit(limit))
            .Select(e => Address.FromBytes(e.Key).ToString())
            .ToList();
        return new AllAccountsResponse(accounts);
    }

    private static int Limit(uint? limit) => (int)Math.Min(limit ?? DefaultLimit, MaxLimit);

    /// <summary>
    /// <c>calc_range_start_human</c>: the exclusive bound canonical(start_after) ‖ 0x00, i.e. the first key strictly
    /// after it, canonical ‖ 0x00 ‖ 0x00, as an inclusive start.
    /// </summary>
    private static byte[]? StartAfter(QueryDeps deps, string? startAfter) =>
        startAfter is null ? null : [.. deps.Api.AddrValidate(startAfter).Bytes, 0, 0];
}
