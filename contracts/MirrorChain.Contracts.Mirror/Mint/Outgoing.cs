using MirrorChain.Contracts.Cw20;
using MirrorChain.Contracts.Mirror.CollateralOracle;
using MirrorChain.Contracts.Mirror.Lock;
using MirrorChain.Contracts.Mirror.Staking;
using MirrorChain.Contracts.Terraswap;
using MirrorChain.Contracts.Terraswap.Pair;
using MirrorChain.Core;

namespace MirrorChain.Contracts.Mirror.Mint;

/// <summary>
/// The messages the mint sends to cw20 tokens, the Terraswap pair, lock, staking and the collateral oracle: the mint's
/// stored addresses (strings) parsed, then each receiver's own builder (<c>&lt;Target&gt;Messages</c>).
/// </summary>
internal static class Outgoing
{
    public static WasmExecute Cw20Mint(string token, string recipient, UInt128 amount) =>
        Cw20Messages.Mint(Address.Parse(token), Address.Parse(recipient), amount);

    public static WasmExecute Cw20Burn(string token, UInt128 amount) => Cw20Messages.Burn(Address.Parse(token), amount);

    /// <summary>cw20 <c>send</c> of the freshly minted tokens to the pair with a <c>swap</c> hook paying the lock.</summary>
    public static WasmExecute Cw20SendSwap(string token, string pair, UInt128 amount, ShortParams shortParams, string to) =>
        Cw20Messages.Send(Address.Parse(token), Address.Parse(pair), amount, PairMessages.SwapHook(shortParams.BeliefPrice, shortParams.MaxSpread, to));

    public static WasmExecute LockPositionFundsHook(string lockContract, UInt128 positionIdx, string receiver) =>
        LockMessages.LockPositionFundsHook(Address.Parse(lockContract), positionIdx, receiver);

    public static WasmExecute ReleasePositionFunds(string lockContract, UInt128 positionIdx) =>
        LockMessages.ReleasePositionFunds(Address.Parse(lockContract), positionIdx);

    public static WasmExecute IncreaseShortToken(string staking, string assetToken, string staker, UInt128 amount) =>
        StakingMessages.IncreaseShortToken(Address.Parse(staking), assetToken, staker, amount);

    public static WasmExecute DecreaseShortToken(string staking, string assetToken, string staker, UInt128 amount) =>
        StakingMessages.DecreaseShortToken(Address.Parse(staking), assetToken, staker, amount);

    /// <summary>v2.1.4: register an mAsset as collateral priced by mirror_oracle, multiplier 1.</summary>
    public static WasmExecute RegisterCollateralAsset(string collateralOracle, string token) =>
        CollateralOracleMessages.RegisterCollateralAsset(Address.Parse(collateralOracle), AssetInfo.Token(token), new SourceType.MirrorOracle(), Decimal.One);

    public static WasmExecute RevokeCollateralAsset(string collateralOracle, string token) =>
        CollateralOracleMessages.RevokeCollateralAsset(Address.Parse(collateralOracle), AssetInfo.Token(token));
}
