namespace MirrorChain.CrashTest;

/// <summary>
/// One block as the RPC shows it: its hash, the previous block's hash from its header, and for each tx its hash
/// (upper-case hex of SHA-256 of the bytes) and ExecTxResult JSON.
/// </summary>
internal sealed record ChainBlock(long Height, string Hash, string LastBlockHash, IReadOnlyList<string> TxHashes, IReadOnlyList<string> Results);
