using System.Text;
using System.Text.Json;
using MirrorChain.Core;
using MirrorChain.Core.Numerics;

namespace MirrorChain.Contracts.Cw20;

/// <summary>
/// Builders for <c>Cw20ExecuteMsg</c> calls on a token contract, as other contracts emit them (Terraswap pairs,
/// Mirror mint/staking/gov/collector/factory). Each returns a <see cref="WasmExecute"/> with no funds whose JSON is
/// byte-for-byte serde's (field order as the Rust struct, <c>Option::None</c> written as null). Stable API.
/// </summary>
public static class Cw20Messages
{
    /// <summary><c>{"transfer":{"recipient","amount"}}</c>.</summary>
    public static WasmExecute Transfer(Address token, Address recipient, UInt128 amount) =>
        Transfer(token, recipient.ToString(), amount);

    /// <summary>
    /// <c>{"transfer":{"recipient","amount"}}</c> to a recipient the sender has not validated (Mirror's community
    /// <c>spend</c> leaves that to the token, which refuses a bad address).
    /// </summary>
    public static WasmExecute Transfer(Address token, string recipient, UInt128 amount) =>
        Execute(token, "transfer", w =>
        {
            w.WriteString("recipient", recipient);
            w.Amount(amount);
        });

    /// <summary><c>{"send":{"contract","amount","msg"}}</c>; <paramref name="hookMsgJson"/> is base64-encoded into msg.</summary>
    public static WasmExecute Send(Address token, Address contract, UInt128 amount, byte[] hookMsgJson) =>
        Execute(token, "send", w => w.Str("contract", contract).Amount(amount).Bin("msg", hookMsgJson));

    /// <inheritdoc cref="Send(Address, Address, UInt128, byte[])"/>
    public static WasmExecute Send(Address token, Address contract, UInt128 amount, string hookMsgJson) =>
        Send(token, contract, amount, Encoding.UTF8.GetBytes(hookMsgJson));

    /// <summary><c>{"mint":{"recipient","amount"}}</c> (only the token's minter may send it).</summary>
    public static WasmExecute Mint(Address token, Address recipient, UInt128 amount) =>
        Execute(token, "mint", w => w.Str("recipient", recipient).Amount(amount));

    /// <summary><c>{"burn":{"amount"}}</c>: burns from the calling contract's own balance.</summary>
    public static WasmExecute Burn(Address token, UInt128 amount) => Execute(token, "burn", w => w.Amount(amount));

    /// <summary><c>{"burn_from":{"owner","amount"}}</c>: needs an allowance from owner to the caller.</summary>
    public static WasmExecute BurnFrom(Address token, Address owner, UInt128 amount) =>
        Execute(token, "burn_from", w => w.Str("owner", owner).Amount(amount));

    /// <summary><c>{"transfer_from":{"owner","recipient","amount"}}</c>: needs an allowance from owner to the caller.</summary>
    public static WasmExecute TransferFrom(Address token, Address owner, Address recipient, UInt128 amount) =>
        Execute(token, "transfer_from", w => w.Str("owner", owner).Str("recipient", recipient).Amount(amount));

    /// <summary><c>{"send_from":{"owner","contract","amount","msg"}}</c>.</summary>
    public static WasmExecute SendFrom(Address token, Address owner, Address contract, UInt128 amount, byte[] hookMsgJson) =>
        Execute(token, "send_from", w => w.Str("owner", owner).Str("contract", contract).Amount(amount).Bin("msg", hookMsgJson));

    /// <summary><c>{"increase_allowance":{"spender","amount","expires"}}</c>; expires null keeps the current one (Never for a new allowance).</summary>
    public static WasmExecute IncreaseAllowance(Address token, Address spender, UInt128 amount, Expiration? expires = null) =>
        Execute(token, "increase_allowance", w => w.Str("spender", spender).Amount(amount).Exp(expires));

    /// <summary><c>{"decrease_allowance":{"spender","amount","expires"}}</c>.</summary>
    public static WasmExecute DecreaseAllowance(Address token, Address spender, UInt128 amount, Expiration? expires = null) =>
        Execute(token, "decrease_allowance", w => w.Str("spender", spender).Amount(amount).Exp(expires));

    /// <summary>
    /// The instantiate message of a token, as Terraswap's pair (LP token) and Mirror's factory (mAssets) write it:
    /// <c>{"name","symbol","decimals","initial_balances":[{"address","amount"}],"mint":{"minter","cap"}|null}</c>.
    /// </summary>
    public static byte[] InstantiateMsgJson(
        string name, string symbol, byte decimals, IReadOnlyList<(Address Address, UInt128 Amount)> initialBalances, Address? minter, UInt128? cap = null) =>
        Cw20Json.Write(w =>
        {
            w.WriteString("name", name);
            w.WriteString("symbol", symbol);
            w.WriteNumber("decimals", decimals);
            w.WriteStartArray("initial_balances");
            foreach (var (address, amount) in initialBalances)
            {
                w.WriteStartObject();
                w.Str("address", address).Amount(amount);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (minter is null)
            {
                w.WriteNull("mint");
            }
            else
            {
                w.WriteStartObject("mint");
                w.Str("minter", minter);
                if (cap is { } c)
                {
                    w.WriteString("cap", Uint128Math.Format(c));
                }
                else
                {
                    w.WriteNull("cap");
                }
                w.WriteEndObject();
            }
        });

    /// <summary>A <see cref="WasmInstantiate"/> of <see cref="CodeIds.Cw20Base"/> with <see cref="InstantiateMsgJson"/>.</summary>
    public static WasmInstantiate Instantiate(
        string name, string symbol, byte decimals, IReadOnlyList<(Address Address, UInt128 Amount)> initialBalances, Address? minter, UInt128? cap = null,
        string label = "", Address? admin = null) =>
        new(CodeIds.Cw20Base, InstantiateMsgJson(name, symbol, decimals, initialBalances, minter, cap), [], label, admin);

    private static WasmExecute Execute(Address token, string variant, Action<Utf8JsonWriter> fields) =>
        new(token, Cw20Json.Write(w =>
        {
            w.WriteStartObject(variant);
            fields(w);
            w.WriteEndObject();
        }), []);

    private static Utf8JsonWriter Str(this Utf8JsonWriter w, string name, Address value)
    {
        w.WriteString(name, value.ToString());
        return w;
    }

    private static Utf8JsonWriter Amount(this Utf8JsonWriter w, UInt128 amount)
    {
        w.WriteString("amount", Uint128Math.Format(amount));
        return w;
    }

    private static Utf8JsonWriter Bin(this Utf8JsonWriter w, string name, byte[] value)
    {
        w.WriteString(name, Convert.ToBase64String(value));
        return w;
    }

    private static Utf8JsonWriter Exp(this Utf8JsonWriter w, Expiration? expires)
    {
        w.WritePropertyName("expires");
        if (expires is null)
        {
            w.WriteNullValue();
        }
        else
        {
            JsonSerializer.Serialize(w, expires, ContractJson.Options);
        }
        return w;
    }
}
