using MirrorChain.Core;
using MirrorChain.Core.Numerics;

namespace MirrorChain.Contracts.Cw20;

// cw20-base's allowances.rs: increase/decrease, deduct_allowance, transfer_from, send_from, burn_from.
// The *_from messages accept a zero amount (only transfer/burn/send/mint reject it in 0.8).
public sealed partial class Cw20BaseContract
{
    private static Response IncreaseAllowance(Deps deps, Env env, MessageInfo info, string spender, UInt128 amount, Expiration? expires)
    {
        var spenderAddr = deps.Api.AddrValidate(spender);
        if (spenderAddr == info.Sender)
        {
            throw Cw20Errors.Error(Cw20Errors.CannotSetOwnAccount);
        }
        var key = Cw20State.AllowanceKey(info.Sender, spenderAddr);
        var current = Cw20State.Allowances.May(deps.Storage, key) ?? new AllowanceResponse(UInt128.Zero, Expiration.Never);
        if (expires is not null)
        {
            RejectExpired(expires, env);
            current = current with { Expires = expires };
        }
        current = current with { Allowance = Uint128Math.Add(current.Allowance, amount) }; // `+=` panics on overflow
        Cw20State.Allowances.Save(deps.Storage, key, current);
        return AllowanceChanged("increase_allowance", info, spender, amount);
    }

    /// <summary>Lowers the allowance; at or below zero the entry is deleted (no underflow error). None stored → not found.</summary>
    private static Response DecreaseAllowance(Deps deps, Env env, MessageInfo info, string spender, UInt128 amount, Expiration? expires)
    {
        var spenderAddr = deps.Api.AddrValidate(spender);
        if (spenderAddr == info.Sender)
        {
            throw Cw20Errors.Error(Cw20Errors.CannotSetOwnAccount);
        }
        var key = Cw20State.AllowanceKey(info.Sender, spenderAddr);
        var current = Cw20State.Allowances.Load(deps.Storage, key);
        if (amount < current.Allowance)
        {
            current = current with { Allowance = Uint128Math.CheckedSub(current.Allowance, amount) };
            if (expires is not null)
            {
                RejectExpired(expires, env);
                current = current with { Expires = expires };
            }
            Cw20State.Allowances.Save(deps.Storage, key, current);
        }
        else
        {
            Cw20State.Allowances.Remove(deps.Storage, key);
        }
        return AllowanceChanged("decrease_allowance", info, spender, amount);
    }

    private static Response TransferFrom(Deps deps, Env env, MessageInfo info, string owner, string recipient, UInt128 amount)
    {
        var rcpt = deps.Api.AddrValidate(recipient);
        var ownerAddr = deps.Api.AddrValidate(owner);
        DeductAllowance(deps, ownerAddr, info.Sender, env.Block, amount);
        Move(deps, ownerAddr, rcpt, amount);
        return new Response()
            .AddAttribute("action", "transfer_from")
            .AddAttribute("from", owner)
            .AddAttribute("to", recipient)
            .AddAttribute("by", info.Sender.ToString())
            .AddAttribute("amount", amount);
    }

    private static Response BurnFrom(Deps deps, Env env, MessageInfo info, string owner, UInt128 amount)
    {
        var ownerAddr = deps.Api.AddrValidate(owner);
        DeductAllowance(deps, ownerAddr, info.Sender, env.Block, amount);
        Cw20State.SaveBalance(deps.Storage, ownerAddr, Uint128Math.CheckedSub(Cw20State.Balance(deps.Storage, ownerAddr), amount));
        ReduceSupply(deps, amount);
        return new Response()
            .AddAttribute("action", "burn_from")
            .AddAttribute("from", owner)
            .AddAttribute("by", info.Sender.ToString())
            .AddAttribute("amount", amount);
    }

    /// <summary>Like send, from the owner's balance; the hook's <c>sender</c> is the spender (info.sender), not the owner.</summary>
    private static Response SendFrom(Deps deps, Env env, MessageInfo info, string owner, string contract, UInt128 amount, byte[] hook)
    {
        var rcpt = deps.Api.AddrValidate(contract);
        var ownerAddr = deps.Api.AddrValidate(owner);
        DeductAllowance(deps, ownerAddr, info.Sender, env.Block, amount);
        Move(deps, ownerAddr, rcpt, amount);
        return new Response()
            .AddAttribute("action", "send_from")
            .AddAttribute("from", owner)
            .AddAttribute("to", contract)
            .AddAttribute("by", info.Sender.ToString())
            .AddAttribute("amount", amount)
            .AddMessage(new Cw20ReceiveMsg(info.Sender.ToString(), amount, hook).ToWasmExecute(rcpt));
    }

    /// <summary>
    /// <c>deduct_allowance</c>: none → "No allowance for this account"; expired → "Allowance is expired"; too small →
    /// "Overflow: Cannot Sub with {allowance} and {amount}". A used-up allowance stays stored at 0.
    /// </summary>
    private static void DeductAllowance(Deps deps, Address owner, Address spender, BlockInfo block, UInt128 amount)
    {
        var key = Cw20State.AllowanceKey(owner, spender);
        var current = Cw20State.Allowances.May(deps.Storage, key) ?? throw Cw20Errors.Error(Cw20Errors.NoAllowance);
        if (current.Expires.IsExpired(block))
        {
            throw Cw20Errors.Error(Cw20Errors.Expired);
        }
        Cw20State.Allowances.Save(deps.Storage, key, current with { Allowance = Uint128Math.CheckedSub(current.Allowance, amount) });
    }

    private static void RejectExpired(Expiration expires, Env env)
    {
        if (expires.IsExpired(env.Block))
        {
            throw Cw20Errors.Error(Cw20Errors.InvalidExpiration);
        }
    }

    private static Response AllowanceChanged(string action, MessageInfo info, string spender, UInt128 amount) =>
        new Response()
            .AddAttribute("action", action)
            .AddAttribute("owner", info.Sender.ToString())
            .AddAttribute("spender", spender)
            .AddAttribute("amount", amount);
}
