using System.Text.Json.Nodes;
using MirrorChain.Core;

namespace MirrorChain.Sim.Ops;

/// <summary>Bonds part of an account's LP tokens in mirror staking (cw20 send, bond hook).</summary>
public sealed class StakingBondOp : ISimOp
{
    public string Name => "staking_bond";

    public int Weight => 5;

    public PlannedTx? Plan(OpContext ctx)
    {
        var pool = ctx.Pick(ctx.D.Pools.ToList());
        if (ctx.LpShare(pool, 20) is not (var a, var amount))
        {
            return null;
        }
        ctx.Hint("bond:" + pool.Token, a);
        var hook = Msgs.Variant("bond", new JsonObject { ["asset_token"] = pool.Token.ToString() });
        return new PlannedTx(a, [Msgs.Cw20Send(a, pool.LpToken, ctx.D.Staking, amount, hook)], Gas.Contract, Name, $"{amount} LP of {pool.Symbol}");
    }
}

/// <summary>Unbonds part of an LP bond (the LP tokens return to the staker).</summary>
public sealed class StakingUnbondOp : ISimOp
{
    public string Name => "staking_unbond";

    public int Weight => 3;

    public PlannedTx? Plan(OpContext ctx)
    {
        var pool = ctx.Pick(ctx.D.Pools.ToList());
        UInt128 bonded = 0;
        var a = ctx.FromHint("bond:" + pool.Token, x =>
        {
            bonded = LpBond(ctx, x.Address, pool.Token);
            return bonded > 0;
        });
        if (a is null)
        {
            return null;
        }
        var amount = bonded * (UInt128)ctx.Between(10, 100) / 100;
        if (amount == 0)
        {
            return null;
        }
        ctx.Hint(OpContext.LpKey(pool.LpToken), a);
        var msg = Msgs.Variant("unbond", new JsonObject { ["asset_token"] = pool.Token.ToString(), ["amount"] = Dec.U(amount) });
        return new PlannedTx(a, [Msgs.Execute(a, ctx.D.Staking, msg)], Gas.Contract, Name, $"{amount} LP of {pool.Symbol}");
    }

    public static UInt128 LpBond(OpContext ctx, Address staker, Address asset)
    {
        var r = ctx.View.TryQuery(ctx.D.Staking, $"{{\"reward_info\":{{\"staker_addr\":\"{staker}\",\"asset_token\":\"{asset}\"}}}}");
        return r?["reward_infos"]?.AsArray().Where(i => i!["is_short"]?.GetValue<bool>() == false).Select(i => ChainView.U(i!["bond_amount"])).FirstOrDefault() ?? 0;
    }
}

/// <summary>Withdraws a staker's MIR rewards (LP and sLP) for one pool or all.</summary>
public sealed class StakingWithdrawOp : ISimOp
{
    public string Name => "staking_withdraw";

    public int Weight => 3;

    public PlannedTx? Plan(OpContext ctx)
    {
        var pool = ctx.Pick(ctx.D.Pools.ToList());
        // only with something to pay: a zero reward transfer fails in cw20 ("Invalid zero amount"), as on Terra
        var a = ctx.FromHint("bond:" + pool.Token, x =>
            ctx.View.TryQuery(ctx.D.Staking, $"{{\"reward_info\":{{\"staker_addr\":\"{x.Address}\"}}}}")?["reward_infos"]?.AsArray()
                .Any(i => ChainView.U(i!["pending_reward"]) > 0) ?? false);
        if (a is null)
        {
            return null;
        }
        var body = new JsonObject();
        return new PlannedTx(a, [Msgs.Execute(a, ctx.D.Staking, Msgs.Variant("withdraw", body))], Gas.Contract, Name, "all pools");
    }
}
