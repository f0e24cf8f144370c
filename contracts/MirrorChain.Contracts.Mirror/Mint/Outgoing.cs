using System.Text.Json.Serialization;
using MirrorChain.Contracts.Terraswap;
using MirrorChain.Core;

namespace MirrorChain.Contracts.Mirror.Mint;

/// <summary>The messages the mint sends to cw20 tokens, the Terraswap pair, lock, staking and the collateral oracle.</summary>
internal static class Outgoing
{
    private static WasmExecute Execute(string contract, object msg) =>
        new(Address.Parse(contract), ContractJson.Serialize(msg), []);

    public static WasmExecute Cw20Mint(string token, string recipient, UInt128 amount) =>
        Execute(token, new { mint = new { recipient, amount } });

    public static WasmExecute Cw20Burn(string token, UInt128 amount) => Execute(token, new { burn = new { amount } });

    /// <summary>cw20 <c>send</c> of the freshly minted tokens to the pair with a <c>swap</c> hook paying the lock.</summary>
    public static WasmExecute Cw20SendSwap(string token, string pair, UInt128 amount, ShortParams shortParams, string to)
    {
        var hook = ContractJson.Serialize(new { swap = new SwapHook(shortParams.BeliefPrice, shortParams.MaxSpread, to) });
        return Execute(token, new { send = new { contract = pair, amount, msg = hook } });
    }

    public static WasmExecute LockPositionFundsHook(string lockContract, UInt128 positionIdx, string receiver) =>
        Execute(lockContract, new { lock_position_funds_hook = new { position_idx = positionIdx, receiver } });

    public static WasmExecute ReleasePositionFunds(string lockContract, UInt128 positionIdx) =>
        Execute(lockContract, new { release_position_funds = new { position_idx = positionIdx } });

    public static WasmExecute IncreaseShortToken(string staking, string assetToken, string staker, UInt128 amount) =>
        Execute(staking, new { increase_short_token = new { asset_token = assetToken, staker_addr = staker, amount } });

    public static WasmExecute DecreaseShortToken(string staking, string assetToken, string staker, UInt128 amount) =>
        Execute(staking, new { decrease_short_token = new { asset_token = assetToken, staker_addr = staker, amount } });

    /// <summary>v2.1.4: register an mAsset as collateral priced by mirror_oracle, multiplier 1.</summary>
    public static WasmExecute RegisterCollateralAsset(string collateralOracle, string token) =>
        Execute(collateralOracle, new
        {
            register_collateral_asset = new
            {
                asset = AssetInfo.Token(token),
                price_source = new { mirror_oracle = new { } },
                multiplier = Decimal.One,
            },
        });

    public static WasmExecute RevokeCollateralAsset(string collateralOracle, string token) =>
        Execute(collateralOracle, new { revoke_collateral_asset = new { asset = AssetInfo.Token(token) } });

    /// <summary>Terraswap's pair hook <c>swap{belief_price, max_spread, to}</c>; None serialises as null.</summary>
    private sealed record SwapHook(
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] Decimal? BeliefPrice,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] Decimal? MaxSpread,
        string To);
}
