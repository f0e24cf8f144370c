using MirrorChain.Core;

namespace MirrorChain.Contracts.Mirror.CollateralOracle;

/// <summary>The query the mint makes of mirror_collateral_oracle.</summary>
public static class CollateralOracleQueries
{
    /// <summary><c>{"collateral_price":{"asset","block_height"}}</c> (block_height written as null when absent).</summary>
    public static CollateralPriceResponse CollateralPrice(Querier querier, Address collateralOracle, string asset, ulong? blockHeight) =>
        querier.QueryWasmSmart<CollateralPriceResponse>(
            collateralOracle, new QueryMsg { CollateralPrice = new() { Asset = asset, BlockHeight = blockHeight } }, ContractJson.Options);
}
