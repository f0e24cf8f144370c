using MirrorChain.Core;
using MirrorChain.State;
using MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1;

namespace MirrorChain.Execution;

/// <summary>
/// The contract layer as execution sees it. Errors are <see cref="SdkException"/>s with wasm codes: 8 not found,
/// 5 execute failed, 9 query failed. Out-of-gas (sdk 11) from the meter must be let through, never swallowed.
/// </summary>
public interface IContractRuntime
{
    /// <summary>
    /// Runs <paramref name="msgJson"/> on <paramref name="contract"/>. The router has already moved
    /// <paramref name="funds"/> from <paramref name="sender"/> to the contract and emitted the execute event; the
    /// returned events follow it. Writes go to <see cref="TxContext.State"/>.
    /// </summary>
    ContractExecution Execute(TxContext ctx, Address sender, Address contract, byte[] msgJson, IReadOnlyList<Coin> funds);

    /// <summary>A smart query: UTF-8 JSON in, UTF-8 JSON out (read-only, unmetered).</summary>
    byte[] QuerySmart(IStateReader state, BlockContext block, Address contract, byte[] queryJson);

    /// <summary>The contract's info, or null when no contract lives at <paramref name="contract"/>.</summary>
    ContractInfo? ContractInfo(IStateReader state, Address contract);

    /// <summary>The code ids the chain can instantiate, ascending (wasmd's <c>Codes</c> query lists them).</summary>
    IReadOnlyList<ulong> CodeIds => [];

    /// <summary>
    /// The crate name of a registered code (<c>IContract.Name</c>, e.g. "mirror_mint"), or null for an unknown id. The
    /// Code query serves it as the code's bytes, as there is no wasm (see <c>WasmCodeQueries</c>).
    /// </summary>
    string? CodeName(ulong codeId) => null;
}
