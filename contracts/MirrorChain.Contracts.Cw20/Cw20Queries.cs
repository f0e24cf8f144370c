using System.Text;
using MirrorChain.Core;

namespace MirrorChain.Contracts.Cw20;

/// <summary>
/// Smart queries to a cw20 token from another contract (through <see cref="Querier"/>, so they see this tx's writes).
/// A failing query throws <see cref="ContractException"/> "Generic error: Querier contract error: …" /
/// "Generic error: Querier system error: No such contract: …" as cosmwasm does. Stable API.
/// </summary>
public static class Cw20Queries
{
    /// <summary><c>{"balance":{"address"}}</c> → the balance (0 for an unknown holder).</summary>
    public static UInt128 Balance(Querier querier, Address token, Address address)
    {
        ArgumentNullException.ThrowIfNull(querier);
        var json = Query(querier, token, new QueryMsg { Balance = new(address.ToString()) });
        return ContractJson.Deserialize<BalanceResponse>(json, "cw20::query::BalanceResponse").Balance;
    }

    /// <summary><c>{"token_info":{}}</c> → name, symbol, decimals, total_supply.</summary>
    public static TokenInfoResponse TokenInfo(Querier querier, Address token)
    {
        ArgumentNullException.ThrowIfNull(querier);
        return ContractJson.Deserialize<TokenInfoResponse>(Query(querier, token, new QueryMsg { TokenInfo = EmptyMsg.Instance }), "cw20::query::TokenInfoResponse");
    }

    /// <summary><c>{"minter":{}}</c> → the minter and cap, or null if the token is not mintable.</summary>
    public static MinterResponse? Minter(Querier querier, Address token)
    {
        ArgumentNullException.ThrowIfNull(querier);
        var json = Query(querier, token, new QueryMsg { Minter = EmptyMsg.Instance });
        return Encoding.UTF8.GetString(json) == "null" ? null : ContractJson.Deserialize<MinterResponse>(json, "cw20::query::MinterResponse");
    }

    /// <summary><c>{"allowance":{"owner","spender"}}</c> → allowance and expiry (0 / never if none).</summary>
    public static AllowanceResponse Allowance(Querier querier, Address token, Address owner, Address spender)
    {
        ArgumentNullException.ThrowIfNull(querier);
        var json = Query(querier, token, new QueryMsg { Allowance = new(owner.ToString(), spender.ToString()) });
        return ContractJson.Deserialize<AllowanceResponse>(json, "cw20::query::AllowanceResponse");
    }

    private static byte[] Query(Querier querier, Address token, QueryMsg msg) => querier.QueryWasmSmartRaw(token, ContractJson.Serialize(msg));
}
