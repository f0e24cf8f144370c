using System.Text.Json.Nodes;

namespace MirrorChain.Sim.Ops;

/// <summary>Provides liquidity to a pool at its current ratio (allowance + provide_liquidity in one tx).</summary>
public sealed class ProvideLiquidityOp : ISimOp
{
    public string Name => "provide_liquidity";

    public int Weight => 6;

    public PlannedTx? Plan(OpContext ctx)
    {
        var pool = ctx.Pick(ctx.D.Pools.ToList());
        var a = pool == ctx.D.Mir ? ctx.AnyAccount() : ctx.FromHint(OpContext.HoldKey(pool.Token), x => ctx.View.Cw20(pool.Token, x.Address) > 0);
        if (a is null)
        {
            return null;
        }
        var tokenBalance = ctx.View.Cw20(pool.Token, a.Address);
        var answer = ctx.View.Query(pool.Pair, "{\"pool\":{}}")["assets"]!.AsArray();
        UInt128 tokenReserve = 0, ustReserve = 0;
        foreach (var x in answer)
        {
            if (x!["info"]!["native_token"] is not null)
            {
                ustReserve = ChainView.U(x["amount"]);
            }
            else
            {
                tokenReserve = ChainView.U(x["amount"]);
            }
        }
        if (tokenReserve == 0 || ustReserve == 0 || tokenBalance == 0)
        {
            return null;
        }
        var tokenAmount = tokenBalance * (UInt128)ctx.Between(5, 50) / 100;
        var ust = tokenAmount * ustReserve / tokenReserve + 1;
        var ustBalance = ctx.View.Bank(a.Address, "uusd");
        if (tokenAmount == 0 || ust + 1_000_000 > ustBalance)
        {
            return null;
        }
        ctx.Hint(OpContext.LpKey(pool.LpToken), a);
        var provide = Msgs.Variant("provide_liquidity", new JsonObject
        {
            ["assets"] = new JsonArray(Msgs.Asset(Msgs.Token(pool.Token), tokenAmount), Msgs.Asset(Msgs.Native("uusd"), ust)),
            ["slippage_tolerance"] = "0.02",
        });
        return new PlannedTx(a,
            [Msgs.IncreaseAllowance(a, pool.Token, pool.Pair, tokenAmount), Msgs.Execute(a, pool.Pair, provide, Msgs.Uusd(ust))],
            Gas.Contract, Name, $"{tokenAmount} {pool.Symbol} + {ust}uusd");
    }
}

/// <summary>Withdraws part of an account's LP tokens from the pair.</summary>
public sealed class WithdrawLiquidityOp : ISimOp
{
    public string Name => "withdraw_liquidity";

    public int Weight => 3;

    public PlannedTx? Plan(OpContext ctx)
    {
        var pool = ctx.Pick(ctx.D.Pools.ToList());
        if (ctx.LpShare(pool, 10) is not (var a, var amount))
        {
            return null;
        }
        ctx.Hint(OpContext.HoldKey(pool.Token), a);
        return new PlannedTx(a, [Msgs.Cw20Send(a, pool.LpToken, pool.Pair, amount, Msgs.Variant("withdraw_liquidity"))], Gas.Contract, Name, $"{amount} LP of {pool.Symbol}");
    }
}
