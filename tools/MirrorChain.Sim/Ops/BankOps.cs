using MirrorChain.Core;
using MirrorChain.Tx.Messages;

namespace MirrorChain.Sim.Ops;

/// <summary>A bank send of UST or LUNA between two generated accounts.</summary>
public sealed class BankSendOp : ISimOp
{
    public string Name => "bank_send";

    public int Weight => 10;

    public PlannedTx? Plan(OpContext ctx)
    {
        var from = ctx.AnyAccount();
        if (from is null)
        {
            return null;
        }
        var to = ctx.Pick(ctx.Sim.Accounts);
        var coin = ctx.Rng.Next(2) == 0 ? new Coin("uusd", ctx.Between(1, 50_000_000)) : new Coin("uluna", ctx.Between(1, 5_000_000));
        return new PlannedTx(from, [new MsgSend(from.Address, to.Address, [coin])], Gas.Bank, Name, $"{coin} to {to.Name}");
    }
}
