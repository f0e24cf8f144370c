using MirrorChain.Core;

namespace MirrorChain.Contracts.Mirror.Mint;

/// <summary>The query the factory makes of mirror_mint.</summary>
internal static class MintQueries
{
    /// <summary><c>{"asset_config":{"asset_token"}}</c>.</summary>
    public static AssetConfigResponse AssetConfig(Querier querier, Address mint, string assetToken) =>
        querier.QueryWasmSmart<AssetConfigResponse>(mint, new QueryMsg { AssetConfig = new() { AssetToken = assetToken } }, ContractJson.Options);
}
