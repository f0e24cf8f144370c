using MirrorChain.Core;

namespace MirrorChain.Execution;

/// <summary>
/// A contract's answer to an execute: the response data (becomes MsgExecuteContractResponse.data) and the events
/// it produced (wasm, wasm-*, and those of any dispatched sub-messages), in emission order.
/// </summary>
public sealed record ContractExecution(byte[] Data, IReadOnlyList<Event> Events)
{
    public static ContractExecution Empty { get; } = new([], []);
}
