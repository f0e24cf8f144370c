using MirrorChain.Contracts.Cw20;
using MirrorChain.Contracts.Terraswap.Pair;
using MirrorChain.Core;

namespace MirrorChain.Contracts.Terraswap;

/// <summary>
/// Terraswap 2.4's <c>querier.rs</c>: the queries contracts make of cw20 tokens, pairs and the factory (Mirror uses
/// <see cref="QueryPairInfo"/>, <see cref="Simulate"/> and <see cref="QueryTokenBalance"/>).
/// </summary>
public static class TerraswapQuerier
{
    /// <summary><c>query_token_balance</c>: cw20 <c>{"balance":{"address":…}}</c>.</summary>
    public static UInt128 QueryTokenBalance(Querier querier, Address token, Address account) =>
        Cw20Queries.Balance(querier, token, account);

    /// <summary><c>query_supply</c>: the cw20 <c>token_info</c> total supply.</summary>
    public static UInt128 QuerySupply(Querier querier, Address token) =>
        Cw20Queries.TokenInfo(querier, token).TotalSupply;

    /// <summary><c>query_pair_info</c>: the factory's <c>pair {asset_infos}</c>.</summary>
    public static PairInfo QueryPairInfo(Querier querier, Address factory, AssetInfo[] assetInfos) =>
        querier.QueryWasmSmart<PairInfo>(factory, new Factory.QueryMsg { Pair = new() { AssetInfos = assetInfos } }, ContractJson.Options);

    /// <summary><c>query_pair_info_from_pair</c>: a pair's own <c>pair {}</c>.</summary>
    public static PairInfo QueryPairInfoFromPair(Querier querier, Address pair) =>
        querier.QueryWasmSmart<PairInfo>(pair, new QueryMsg { Pair = EmptyMsg.Instance }, ContractJson.Options);

    /// <summary><c>simulate</c>: a pair's <c>simulation {offer_asset}</c>.</summary>
    public static SimulationResponse Simulate(Querier querier, Address pair, Asset offerAsset) =>
        querier.QueryWasmSmart<SimulationResponse>(pair, new QueryMsg { Simulation = new() { OfferAsset = offerAsset } }, ContractJson.Options);

    /// <summary><c>reverse_simulate</c>: a pair's <c>reverse_simulation {ask_asset}</c>.</summary>
    public static ReverseSimulationResponse ReverseSimulate(Querier querier, Address pair, Asset askAsset) =>
        querier.QueryWasmSmart<ReverseSimulationResponse>(pair, new QueryMsg { ReverseSimulation = new() { AskAsset = askAsset } }, ContractJson.Options);

    /// <summary><c>PoolResponse</c> of a pair's <c>pool {}</c>.</summary>
    public static PoolResponse QueryPool(Querier querier, Address pair) =>
        querier.QueryWasmSmart<PoolResponse>(pair, new QueryMsg { Pool = EmptyMsg.Instance }, ContractJson.Options);
}
