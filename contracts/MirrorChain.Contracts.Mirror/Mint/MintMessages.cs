using MirrorChain.Core;

namespace MirrorChain.Contracts.Mirror.Mint;

/// <summary>Builders for the messages the factory sends mirror_mint (new mAssets, migrations).</summary>
internal static class MintMessages
{
    /// <summary><c>{"register_asset":{"asset_token","auction_discount","min_collateral_ratio","ipo_params"}}</c> (None as null).</summary>
    public static WasmExecute RegisterAsset(Address mint, string assetToken, Decimal auctionDiscount, Decimal minCollateralRatio, IpoParams? ipoParams) =>
        Execute(mint, new ExecuteMsg
        {
            RegisterAsset = new()
            {
                AssetToken = assetToken,
                AuctionDiscount = auctionDiscount,
                MinCollateralRatio = minCollateralRatio,
                IpoParams = ipoParams,
            },
        });

    /// <summary><c>{"register_migration":{"asset_token","end_price"}}</c>.</summary>
    public static WasmExecute RegisterMigration(Address mint, string assetToken, Decimal endPrice) =>
        Execute(mint, new ExecuteMsg { RegisterMigration = new() { AssetToken = assetToken, EndPrice = endPrice } });

    private static WasmExecute Execute(Address mint, ExecuteMsg msg) => new(mint, ContractJson.Serialize(msg), []);
}
