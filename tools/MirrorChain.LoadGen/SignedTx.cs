namespace MirrorChain.LoadGen;

/// <summary>
/// A pre-signed tx ready to broadcast: its sender slot, sequence, upper-case hex hash, and its whole
/// <c>broadcast_tx_sync</c> request object as UTF-8 JSON (JSON-RPC id <see cref="RequestId"/>), built before any timing.
/// </summary>
internal sealed record SignedTx(int Sender, ulong Sequence, string HashHex, long RequestId, byte[] Request);
