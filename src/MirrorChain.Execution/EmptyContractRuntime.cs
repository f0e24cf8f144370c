using MirrorChain.Core;
using MirrorChain.State;
using MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1;

namespace MirrorChain.Execution;

/// <summary>A chain without contracts: every contract address is unknown (wasm code 8 "no such contract: …").</summary>
public sealed class EmptyContractRuntime : IContractRuntime
{
    public static EmptyContractRuntime Instance { get; } = new();

    public static SdkException NoSuchContract(Address contract) => SdkError.WasmNotFound.Wrap($"no such contract: {contract}");

    public ContractExecution Execute(TxContext ctx, Address sender, Address contract, byte[] msgJson, IReadOnlyList<Coin> funds) =>
        throw NoSuchContract(contract);

    public byte[] QuerySmart(IStateReader state, BlockContext block, Address contract, byte[] queryJson) => throw NoSuchContract(contract);

    public ContractInfo? ContractInfo(IStateReader state, Address contract) => null;
}
