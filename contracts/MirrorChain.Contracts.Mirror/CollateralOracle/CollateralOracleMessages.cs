using MirrorChain.Contracts.Terraswap;
using MirrorChain.Core;

namespace MirrorChain.Contracts.Mirror.CollateralOracle;

/// <summary>Builders for the messages the mint sends mirror_collateral_oracle (mAssets as collateral).</summary>
public static class CollateralOracleMessages
{
    /// <summary><c>{"register_collateral_asset":{"asset","price_source","multiplier"}}</c>.</summary>
    public static WasmExecute RegisterCollateralAsset(Address collateralOracle, AssetInfo asset, SourceType priceSource, Decimal multiplier) =>
        Execute(collateralOracle, new ExecuteMsg
        {
            RegisterCollateralAsset = new() { Asset = asset, PriceSource = priceSource, Multiplier = multiplier },
        });

    /// <summary><c>{"revoke_collateral_asset":{"asset"}}</c>.</summary>
    public static WasmExecute RevokeCollateralAsset(Address collateralOracle, AssetInfo asset) =>
        Execute(collateralOracle, new ExecuteMsg { RevokeCollateralAsset = new() { Asset = asset } });

    private static WasmExecute Execute(Address collateralOracle, ExecuteMsg msg) => new(collateralOracle, ContractJson.Serialize(msg), []);
}
