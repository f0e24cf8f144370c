namespace MirrorChain.Sim.Invariants;

/// <summary>
/// Gov: total_deposit + the staked MIR (every staker's share at the current share price) + pending voting rewards
/// ≤ gov's MIR balance; the stakers' shares sum to total_share; total_deposit is the deposits of the polls in progress.
/// </summary>
public sealed class GovBalanceInvariant : IInvariant
{
    public string Name => "gov deposits + stakes <= gov MIR";

    public IEnumerable<string> Check(InvariantContext ctx)
    {
        var state = ctx.View.Item(ctx.D.Gov, "state");
        if (state is null)
        {
            yield return "gov has no state";
            yield break;
        }
        var totalShare = ChainView.U(state["total_share"]);
        var totalDeposit = ChainView.U(state["total_deposit"]);
        var pending = ChainView.U(state["pending_voting_rewards"]);
        var balance = ctx.View.Cw20(ctx.D.MirrorToken, ctx.D.Gov);
        if (totalDeposit + pending > balance)
        {
            yield return $"total_deposit {totalDeposit} + pending_voting_rewards {pending} > gov MIR balance {balance}";
            yield break;
        }
        var stakeable = balance - totalDeposit - pending;
        var shares = UInt128.Zero;
        var staked = System.Numerics.BigInteger.Zero;
        foreach (var (_, v) in ctx.View.Map(ctx.D.Gov, "bank"))
        {
            var share = ChainView.U(System.Text.Json.Nodes.JsonNode.Parse(v)!["share"]);
            shares += share;
            if (totalShare != UInt128.Zero)
            {
                staked += (System.Numerics.BigInteger)share * (System.Numerics.BigInteger)stakeable / (System.Numerics.BigInteger)totalShare;
            }
        }
        if (shares != totalShare)
        {
            yield return $"sum of staker shares {shares} != total_share {totalShare}";
        }
        if ((System.Numerics.BigInteger)totalDeposit + staked + (System.Numerics.BigInteger)pending > (System.Numerics.BigInteger)balance)
        {
            yield return $"total_deposit {totalDeposit} + staked {staked} + pending {pending} > gov MIR balance {balance}";
        }
        var deposits = UInt128.Zero;
        foreach (var (_, v) in ctx.View.Map(ctx.D.Gov, "poll"))
        {
            var poll = System.Text.Json.Nodes.JsonNode.Parse(v)!;
            if (poll["status"]?.GetValue<string>() == "in_progress")
            {
                deposits += ChainView.U(poll["deposit_amount"]);
            }
        }
        if (deposits != totalDeposit)
        {
            yield return $"total_deposit {totalDeposit} != deposits of the polls in progress {deposits}";
        }
    }
}
