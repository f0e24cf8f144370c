namespace MirrorChain.Abci;

/// <summary>
/// Which of CometBFT's four connections a socket turned out to be, learnt from the first request that only one of
/// them sends (CometBFT does not announce it): consensus (InitChain, Prepare/ProcessProposal, FinalizeBlock,
/// Commit…), mempool (CheckTx), query (Info, Query) or snapshot (snapshot methods).
/// </summary>
public enum AbciConnectionKind
{
    Unknown,
    Consensus,
    Mempool,
    Query,
    Snapshot,
}
