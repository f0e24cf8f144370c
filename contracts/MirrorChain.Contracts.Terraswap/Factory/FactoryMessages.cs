using MirrorChain.Core;

namespace MirrorChain.Contracts.Terraswap.Factory;

/// <summary>Builders for the messages other contracts send the Terraswap factory (Mirror's factory creates mAsset pairs).</summary>
public static class FactoryMessages
{
    /// <summary><c>{"create_pair":{"asset_infos":[…,…]}}</c>.</summary>
    public static WasmExecute CreatePair(Address factory, AssetInfo[] assetInfos) =>
        new(factory, ContractJson.Serialize(new ExecuteMsg { CreatePair = new() { AssetInfos = assetInfos } }), []);
}
