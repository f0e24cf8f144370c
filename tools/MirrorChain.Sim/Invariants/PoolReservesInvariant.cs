namespace MirrorChain.Sim.Invariants;

/// <summary>
/// Terraswap: what each pair reports as its pool (the <c>pool</c> query) is what it actually holds — its bank balance
/// of the native side and its cw20 balance of the token side — and total_share is the LP token's total supply.
/// </summary>
public sealed class PoolReservesInvariant : IInvariant
{
    public string Name => "pool reserves = pair holdings";

    public IEnumerable<string> Check(InvariantContext ctx)
    {
        foreach (var pool in ctx.D.Pools)
        {
            var answer = ctx.View.Query(pool.Pair, "{\"pool\":{}}");
            foreach (var asset in answer["assets"]!.AsArray())
            {
                var info = asset!["info"]!;
                var reported = ChainView.U(asset["amount"]);
                var held = info["native_token"] is { } n
                    ? ctx.View.Bank(pool.Pair, n["denom"]!.GetValue<string>())
                    : ctx.View.Cw20(MirrorChain.Core.Address.Parse(info["token"]!["contract_addr"]!.GetValue<string>()), pool.Pair);
                if (reported != held)
                {
                    yield return $"{pool.Symbol} pair {pool.Pair}: pool reports {reported} of {info.ToJsonString()} but holds {held}";
                }
            }
            var share = ChainView.U(answer["total_share"]);
            var lpSupply = ChainView.U(ctx.View.Item(pool.LpToken, "token_info")?["total_supply"]);
            if (share != lpSupply)
            {
                yield return $"{pool.Symbol} pair: total_share {share} != LP token supply {lpSupply}";
            }
            var reserves = answer["assets"]!.AsArray().Select(a => ChainView.U(a!["amount"])).ToList();
            if (share != UInt128.Zero && reserves.Any(r => r == UInt128.Zero))
            {
                yield return $"{pool.Symbol} pair: {share} LP shares outstanding over an empty reserve ({string.Join(", ", reserves)})";
            }
        }
    }
}
