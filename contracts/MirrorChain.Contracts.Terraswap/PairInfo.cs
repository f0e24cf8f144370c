namespace MirrorChain.Contracts.Terraswap;

/// <summary>
/// Terraswap 2.4's <c>PairInfo</c>, the pair's <c>pair {}</c> answer and the factory's registry entry:
/// <c>{"asset_infos":[…,…],"contract_addr":"terra1…","liquidity_token":"terra1…"}</c>.
/// </summary>
public sealed record PairInfo
{
    public required AssetInfo[] AssetInfos { get; init; }

    public required string ContractAddr { get; init; }

    public required string LiquidityToken { get; init; }
}
