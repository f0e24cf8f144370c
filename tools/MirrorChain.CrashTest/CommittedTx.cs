namespace MirrorChain.CrashTest;

/// <summary>
/// A tx a client saw committed: at <see cref="Height"/>, position <see cref="Index"/> (-1 until the first chain read
/// finds it: broadcast_tx_commit does not return the index), with <see cref="ResultJson"/> the ExecTxResult exactly
/// as the node rendered it.
/// </summary>
internal sealed record CommittedTx(string Hash, string Sender, ulong Sequence, long Height, int Index, string ResultJson, int Cycle);

/// <summary>A tx whose broadcast got no answer (in flight when the node was killed): committed or not is unknown.</summary>
internal sealed record InFlightTx(string Hash, string Sender, ulong Sequence, int Cycle);
