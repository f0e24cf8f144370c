namespace MirrorChain.Sim.Invariants;

/// <summary>cw20: each token's total_supply (token_info) equals the sum of its balances (MIR, mAssets, LP tokens).</summary>
public sealed class Cw20SupplyInvariant : IInvariant
{
    public string Name => "cw20 total_supply = sum of balances";

    public IEnumerable<string> Check(InvariantContext ctx)
    {
        foreach (var token in ctx.D.Cw20s)
        {
            var info = ctx.View.Item(token, "token_info");
            if (info is null)
            {
                yield return $"{token}: no token_info";
                continue;
            }
            var supply = ChainView.U(info["total_supply"]);
            var sum = UInt128.Zero;
            foreach (var (_, v) in ctx.View.Map(token, "balance"))
            {
                sum += ChainView.ParseJsonUint(v);
            }
            if (supply != sum)
            {
                yield return $"{info["symbol"]} {token}: total_supply {supply} != sum of balances {sum}";
            }
        }
    }
}
