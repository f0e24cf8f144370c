namespace MirrorChain.Contracts.Terraswap.Pair;

/// <summary>
/// The pair's only state, <c>PAIR_INFO</c> under "pair_info": its two asset infos, its own address and the LP token
/// (empty until the LP token's instantiate reply arrives). Pools are never stored: they are the pair's live balances.
/// </summary>
internal static class PairState
{
    public static readonly Item<PairInfo> PairInfo = new("pair_info") { TypeName = PairErrors.PairInfoType };
}
