using MirrorChain.Core;

namespace MirrorChain.Contracts.Mirror.Oracle;

/// <summary>Builders for the messages other contracts send mirror_oracle (the factory registers each new mAsset's feeder).</summary>
public static class OracleMessages
{
    /// <summary><c>{"register_asset":{"asset_token","feeder"}}</c>.</summary>
    public static WasmExecute RegisterAsset(Address oracle, string assetToken, string feeder) =>
        new(oracle, ContractJson.Serialize(new ExecuteMsg { RegisterAsset = new() { AssetToken = assetToken, Feeder = feeder } }), []);
}
