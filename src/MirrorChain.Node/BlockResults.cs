using MirrorChain.Execution;

namespace MirrorChain.Node;

/// <summary>What executing a block produced: one result per tx (same order) and the app hash after the block.</summary>
public sealed record BlockResults(long Height, IReadOnlyList<TxResult> TxResults, byte[] AppHash);
