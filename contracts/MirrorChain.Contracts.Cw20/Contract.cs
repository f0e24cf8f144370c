using System.Text.Json;
using MirrorChain.Core;
using MirrorChain.Core.Numerics;
using static MirrorChain.Contracts.Cw20.MsgFields;

namespace MirrorChain.Contracts.Cw20;

/// <summary>
/// cw20-base, as the 0.8-era contract that Mirror v2.1.4 and Terraswap 2.4 deploy for MIR, every mAsset and every LP
/// token (terraswap_token = cw20-base 0.8 with canonical-address keys). Checks run in the Rust order; amounts are
/// Uint128 with cosmwasm's checked subtraction (an error) and unchecked addition (a panic on overflow).
/// Two rules of later cw20-base releases are kept beyond the 0.8 code: duplicate initial balance addresses and an
/// already-expired <c>expires</c> on an allowance change are rejected.
/// </summary>
public sealed partial class Cw20BaseContract : IContract
{
    public string Name => "cw20_base";

    // ---- instantiate ----

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        const string T = Cw20Errors.InstantiateMsgType;
        var m = ContractJson.Deserialize<InstantiateMsg>(msg, T);
        var name = Required(m.Name, "name", T);
        var symbol = Required(m.Symbol, "symbol", T);
        var decimals = Required(m.Decimals, "decimals", T);
        var rows = Required(m.InitialBalances, "initial_balances", T);
        var accounts = rows.Select(r => (Address: Required(r.Address, "address", T), Amount: Required(r.Amount, "amount", T))).ToList();
        var minter = m.Mint is null ? null : Required(m.Mint.Minter, "minter", T);

        Validate(name, symbol, decimals);
        var totalSupply = CreateAccounts(deps, accounts);

        if (m.Mint?.Cap is { } cap && totalSupply > cap)
        {
            throw Cw20Errors.Generic(Cw20Errors.InitialSupplyOverCap);
        }

        var mint = minter is null ? null : new MinterData(deps.Api.AddrValidate(minter).ToString(), m.Mint!.Cap);
        Cw20State.TokenInfo.Save(deps.Storage, new TokenInfo(name, symbol, decimals, totalSupply, mint));
        return new Response();
    }

    /// <summary><c>InstantiateMsg::validate</c>: name 3–50 UTF-8 bytes, symbol 3–12 of [a-zA-Z-], decimals ≤ 18.</summary>
    private static void Validate(string name, string symbol, byte decimals)
    {
        var nameBytes = System.Text.Encoding.UTF8.GetByteCount(name);
        if (nameBytes < 3 || nameBytes > 50)
        {
            throw Cw20Errors.Generic(Cw20Errors.NameFormat);
        }
        if (!IsValidSymbol(symbol))
        {
            throw Cw20Errors.Generic(Cw20Errors.SymbolFormat);
        }
        if (decimals > 18)
        {
            throw Cw20Errors.Generic(Cw20Errors.DecimalsTooLarge);
        }
    }

    private static bool IsValidSymbol(string symbol)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(symbol);
        return bytes.Length is >= 3 and <= 12 && bytes.All(b => b == (byte)'-' || b is >= (byte)'A' and <= (byte)'Z' || b is >= (byte)'a' and <= (byte)'z');
    }

    /// <summary>Duplicate addresses (as given) are rejected first; then each row is validated and stored in order.</summary>
    private static UInt128 CreateAccounts(Deps deps, List<(string Address, UInt128 Amount)> accounts)
    {
        if (accounts.Select(a => a.Address).Distinct(StringComparer.Ordinal).Count() != accounts.Count)
        {
            throw Cw20Errors.Error(Cw20Errors.DuplicateInitialBalanceAddresses);
        }
        var total = UInt128.Zero;
        foreach (var (address, amount) in accounts)
        {
            var holder = deps.Api.AddrValidate(address);
            Cw20State.SaveBalance(deps.Storage, holder, amount);
            total = Uint128Math.Add(total, amount);
        }
        return total;
    }

    // ---- execute ----

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg) => ExecuteRoutes.Dispatch(deps, env, info, msg);

    /// <summary><c>cw20::Cw20ExecuteMsg</c> as cw20-base 0.8 handles it, in the enum's declaration order.</summary>
    internal static readonly MessageRoutes<ExecuteHandler> ExecuteRoutes = new(Cw20Errors.ExecuteMsgType,
        ("transfer", (deps, env, info, body) =>
        {
            var b = Body<TransferBody>(body);
            return Transfer(deps, info, Required(b.Recipient, "recipient", ExecT), Required(b.Amount, "amount", ExecT));
        }),
        ("burn", (deps, env, info, body) => Burn(deps, info, Required(Body<BurnBody>(body).Amount, "amount", ExecT))),
        ("send", (deps, env, info, body) =>
        {
            var b = Body<SendBody>(body);
            return Send(deps, info, Required(b.Contract, "contract", ExecT), Required(b.Amount, "amount", ExecT), Binary(b.Msg, "msg", ExecT));
        }),
        ("mint", (deps, env, info, body) =>
        {
            var b = Body<MintBody>(body);
            return Mint(deps, info, Required(b.Recipient, "recipient", ExecT), Required(b.Amount, "amount", ExecT));
        }),
        ("increase_allowance", (deps, env, info, body) =>
        {
            var b = Body<AllowanceChangeBody>(body);
            return IncreaseAllowance(deps, env, info, Required(b.Spender, "spender", ExecT), Required(b.Amount, "amount", ExecT), b.Expires);
        }),
        ("decrease_allowance", (deps, env, info, body) =>
        {
            var b = Body<AllowanceChangeBody>(body);
            return DecreaseAllowance(deps, env, info, Required(b.Spender, "spender", ExecT), Required(b.Amount, "amount", ExecT), b.Expires);
        }),
        ("transfer_from", (deps, env, info, body) =>
        {
            var b = Body<TransferFromBody>(body);
            return TransferFrom(deps, env, info, Required(b.Owner, "owner", ExecT), Required(b.Recipient, "recipient", ExecT), Required(b.Amount, "amount", ExecT));
        }),
        ("send_from", (deps, env, info, body) =>
        {
            var b = Body<SendFromBody>(body);
            return SendFrom(deps, env, info, Required(b.Owner, "owner", ExecT), Required(b.Contract, "contract", ExecT), Required(b.Amount, "amount", ExecT), Binary(b.Msg, "msg", ExecT));
        }),
        ("burn_from", (deps, env, info, body) =>
        {
            var b = Body<BurnFromBody>(body);
            return BurnFrom(deps, env, info, Required(b.Owner, "owner", ExecT), Required(b.Amount, "amount", ExecT));
        }));

    private const string ExecT = Cw20Errors.ExecuteMsgType;

    private static TBody Body<TBody>(JsonElement body) => ContractJson.Deserialize<TBody>(body, ExecT);

    private static Response Transfer(Deps deps, MessageInfo info, string recipient, UInt128 amount)
    {
        RejectZero(amount);
        var rcpt = deps.Api.AddrValidate(recipient);
        Move(deps, info.Sender, rcpt, amount);
        return new Response()
            .AddAttribute("action", "transfer")
            .AddAttribute("from", info.Sender.ToString())
            .AddAttribute("to", recipient)
            .AddAttribute("amount", amount);
    }

    private static Response Burn(Deps deps, MessageInfo info, UInt128 amount)
    {
        RejectZero(amount);
        Cw20State.SaveBalance(deps.Storage, info.Sender, Uint128Math.CheckedSub(Cw20State.Balance(deps.Storage, info.Sender), amount));
        ReduceSupply(deps, amount);
        return new Response()
            .AddAttribute("action", "burn")
            .AddAttribute("from", info.Sender.ToString())
            .AddAttribute("amount", amount);
    }

    private static Response Send(Deps deps, MessageInfo info, string contract, UInt128 amount, byte[] hook)
    {
        RejectZero(amount);
        var rcpt = deps.Api.AddrValidate(contract);
        Move(deps, info.Sender, rcpt, amount);
        return new Response()
            .AddAttribute("action", "send")
            .AddAttribute("from", info.Sender.ToString())
            .AddAttribute("to", contract)
            .AddAttribute("amount", amount)
            .AddMessage(new Cw20ReceiveMsg(info.Sender.ToString(), amount, hook).ToWasmExecute(rcpt));
    }

    private static Response Mint(Deps deps, MessageInfo info, string recipient, UInt128 amount)
    {
        RejectZero(amount);
        var config = Cw20State.TokenInfo.Load(deps.Storage);
        if (config.Mint is null || config.Mint.Minter != info.Sender.ToString())
        {
            throw Cw20Errors.Error(Cw20Errors.Unauthorized);
        }
        var supply = Uint128Math.Add(config.TotalSupply, amount); // `total_supply += amount` panics on overflow
        if (config.GetCap() is { } cap && supply > cap)
        {
            throw Cw20Errors.Error(Cw20Errors.CannotExceedCap);
        }
        Cw20State.TokenInfo.Save(deps.Storage, config with { TotalSupply = supply });
        var rcpt = deps.Api.AddrValidate(recipient);
        Cw20State.SaveBalance(deps.Storage, rcpt, Uint128Math.Add(Cw20State.Balance(deps.Storage, rcpt), amount));
        return new Response()
            .AddAttribute("action", "mint")
            .AddAttribute("to", recipient)
            .AddAttribute("amount", amount);
    }

    // ---- shared steps ----

    private static void RejectZero(UInt128 amount)
    {
        if (amount == UInt128.Zero)
        {
            throw Cw20Errors.Error(Cw20Errors.InvalidZeroAmount);
        }
    }

    /// <summary>from −= amount (checked: "Overflow: Cannot Sub with …"), then to += amount (panics on overflow).</summary>
    private static void Move(Deps deps, Address from, Address to, UInt128 amount)
    {
        Cw20State.SaveBalance(deps.Storage, from, Uint128Math.CheckedSub(Cw20State.Balance(deps.Storage, from), amount));
        Cw20State.SaveBalance(deps.Storage, to, Uint128Math.Add(Cw20State.Balance(deps.Storage, to), amount));
    }

    private static void ReduceSupply(Deps deps, UInt128 amount)
    {
        var config = Cw20State.TokenInfo.Load(deps.Storage);
        Cw20State.TokenInfo.Save(deps.Storage, config with { TotalSupply = Uint128Math.CheckedSub(config.TotalSupply, amount) });
    }
}
