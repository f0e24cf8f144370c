using MirrorChain.Core;
using MirrorChain.Core.Numerics;

namespace MirrorChain.Contracts.Mirror.Staking;

/// <summary>
/// Builders for the messages sent to mirror_staking: by the factory (register_asset, the MIR deposit_reward hook), the
/// mint (short token bonds) and staking itself (auto_stake_hook).
/// </summary>
public static class StakingMessages
{
    /// <summary><c>{"register_asset":{"asset_token","staking_token"}}</c>.</summary>
    public static WasmExecute RegisterAsset(Address staking, string assetToken, string stakingToken) =>
        Execute(staking, new ExecuteMsg { RegisterAsset = new() { AssetToken = assetToken, StakingToken = stakingToken } });

    /// <summary><c>{"increase_short_token":{"asset_token","staker_addr","amount"}}</c>.</summary>
    public static WasmExecute IncreaseShortToken(Address staking, string assetToken, string stakerAddr, UInt128 amount) =>
        Execute(staking, new ExecuteMsg { IncreaseShortToken = ShortToken(assetToken, stakerAddr, amount) });

    /// <summary><c>{"decrease_short_token":{"asset_token","staker_addr","amount"}}</c>.</summary>
    public static WasmExecute DecreaseShortToken(Address staking, string assetToken, string stakerAddr, UInt128 amount) =>
        Execute(staking, new ExecuteMsg { DecreaseShortToken = ShortToken(assetToken, stakerAddr, amount) });

    /// <summary><c>{"auto_stake_hook":{"asset_token","staking_token","staker_addr","prev_staking_token_amount"}}</c>.</summary>
    public static WasmExecute AutoStakeHook(Address staking, string assetToken, string stakingToken, string stakerAddr, UInt128 prevStakingTokenAmount) =>
        Execute(staking, new ExecuteMsg
        {
            AutoStakeHook = new()
            {
                AssetToken = assetToken,
                StakingToken = stakingToken,
                StakerAddr = stakerAddr,
                PrevStakingTokenAmount = prevStakingTokenAmount,
            },
        });

    /// <summary>The cw20 hook <c>{"deposit_reward":{"rewards":[["asset_token","amount"],…]}}</c> (the msg of a MIR <c>send</c>).</summary>
    public static byte[] DepositRewardHook(IEnumerable<(string AssetToken, UInt128 Amount)> rewards) =>
        ContractJson.Serialize(new Cw20HookMsg
        {
            DepositReward = new() { Rewards = [.. rewards.Select(r => (IReadOnlyList<string>)[r.AssetToken, Uint128Math.Format(r.Amount)])] },
        });

    private static ShortTokenMsg ShortToken(string assetToken, string stakerAddr, UInt128 amount) =>
        new() { AssetToken = assetToken, StakerAddr = stakerAddr, Amount = amount };

    private static WasmExecute Execute(Address staking, ExecuteMsg msg) => new(staking, ContractJson.Serialize(msg), []);
}
