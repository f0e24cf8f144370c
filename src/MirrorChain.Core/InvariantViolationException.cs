namespace MirrorChain.Core;

/// <summary>
/// A broken invariant of the node or the state machine (e.g. the producer built a block outside the consensus
/// limits, or a committed block could not be applied to the node's in-memory view). Never a tx failure: the tx
/// executor lets it through and block production halts without committing the block in progress.
/// </summary>
public sealed class InvariantViolationException(string message, Exception? inner = null) : Exception(message, inner);
