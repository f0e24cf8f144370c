using MirrorChain.Core;

namespace MirrorChain.Contracts.Mirror.Lock;

/// <summary>Builders for the messages the mint sends mirror_lock (short sale proceeds).</summary>
public static class LockMessages
{
    /// <summary><c>{"lock_position_funds_hook":{"position_idx","receiver"}}</c>.</summary>
    public static WasmExecute LockPositionFundsHook(Address lockContract, UInt128 positionIdx, string receiver) =>
        Execute(lockContract, new ExecuteMsg { LockPositionFundsHook = new() { PositionIdx = positionIdx, Receiver = receiver } });

    /// <summary><c>{"release_position_funds":{"position_idx"}}</c>.</summary>
    public static WasmExecute ReleasePositionFunds(Address lockContract, UInt128 positionIdx) =>
        Execute(lockContract, new ExecuteMsg { ReleasePositionFunds = new() { PositionIdx = positionIdx } });

    private static WasmExecute Execute(Address lockContract, ExecuteMsg msg) => new(lockContract, ContractJson.Serialize(msg), []);
}
