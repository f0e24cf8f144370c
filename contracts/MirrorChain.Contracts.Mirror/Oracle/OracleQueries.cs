using MirrorChain.Core;

namespace MirrorChain.Contracts.Mirror.Oracle;

/// <summary>The queries other contracts make of mirror_oracle (mint, staking, factory), with the oracle's own answer types.</summary>
public static class OracleQueries
{
    /// <summary><c>{"price":{"base_asset","quote_asset"}}</c>.</summary>
    public static PriceResponse Price(Querier querier, Address oracle, string baseAsset, string quoteAsset) =>
        querier.QueryWasmSmart<PriceResponse>(
            oracle, new QueryMsg { Price = new() { BaseAsset = baseAsset, QuoteAsset = quoteAsset } }, ContractJson.Options);

    /// <summary><c>{"feeder":{"asset_token"}}</c>.</summary>
    public static FeederResponse Feeder(Querier querier, Address oracle, string assetToken) =>
        querier.QueryWasmSmart<FeederResponse>(oracle, new QueryMsg { Feeder = new() { AssetToken = assetToken } }, ContractJson.Options);
}
