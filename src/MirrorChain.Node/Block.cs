namespace MirrorChain.Node;

/// <summary>A block: header plus the raw txs (TxRaw bytes exactly as broadcast). <see cref="Hash"/> is the header hash.</summary>
public sealed record Block(BlockHeader Header, IReadOnlyList<byte[]> Txs, byte[] Hash);
