using MirrorChain.Tx;

namespace MirrorChain.Sim.Ops;

/// <summary>A tx the sim will sign and submit: who signs, the messages, the gas limit, and what it is for the report.</summary>
public sealed record PlannedTx(SimAccount Signer, IReadOnlyList<ITxMessage> Messages, ulong Gas, string Op, string Detail);

/// <summary>
/// One kind of tx in the mix. <see cref="Plan"/> looks at the committed state (and the sim's hints) and returns a tx
/// that should succeed, or null when there is nothing sensible to do this time (counted as "skipped").
/// </summary>
public interface ISimOp
{
    string Name { get; }

    /// <summary>Relative weight in the per-block mix.</summary>
    int Weight { get; }

    PlannedTx? Plan(OpContext ctx);
}
