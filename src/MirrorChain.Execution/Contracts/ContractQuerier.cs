using MirrorChain.Core;
using MirrorChain.Core.Numerics;
using MirrorChain.CosmWasm;
using MirrorChain.State;

namespace MirrorChain.Execution.Contracts;

/// <summary>
/// The chain's answers to a contract's queries (<see cref="IQuerier"/>), over the state the calling contract runs in.
/// A smart query runs the target's query entry point one call deeper; failures read like cosmwasm-std 0.16:
/// "Generic error: Querier contract error: …" / "Generic error: Querier system error: No such contract: …".
/// </summary>
public sealed class ContractQuerier(ContractRuntime runtime, IStateReader state, BlockInfo block, int depth) : IQuerier
{
    public byte[] QueryWasmSmart(Address contract, byte[] msg)
    {
        if (runtime.LoadInfo(state, contract) is null)
        {
            throw ContractException.Generic($"Querier system error: No such contract: {contract}");
        }
        try
        {
            return runtime.QueryContract(state, block, contract, msg, depth + 1);
        }
        catch (Exception e) when (e is ContractException or StdException)
        {
            throw ContractException.Generic($"Querier contract error: {e.Message}");
        }
    }

    public UInt128 QueryBalance(Address address, string denom) => Bank.GetBalance(state, address, denom);

    public IReadOnlyList<Coin> QueryAllBalances(Address address) => Bank.GetAllBalances(state, address);

    public ulong? ContractCodeId(Address contract) => runtime.LoadInfo(state, contract)?.CodeId;
}
