namespace MirrorChain.Node;

/// <summary>
/// CometBFT 0.38's block size arithmetic (types/block.go): how many bytes of txs a block of
/// <c>consensus_params.block.max_bytes</c> may carry once the header, the commit and the encoding overhead are
/// set aside, and how much one tx counts (its protobuf encoding inside <c>Data</c>).
/// </summary>
public static class BlockLimits
{
    /// <summary>CometBFT <c>types.MaxBlockSizeBytes</c>: the largest max_bytes (100 MiB); max_bytes -1 means this.</summary>
    public const long MaxBlockSizeBytes = 104_857_600;

    /// <summary>CometBFT <c>types.MaxHeaderBytes</c>.</summary>
    public const long MaxHeaderBytes = 626;

    /// <summary>CometBFT <c>types.MaxOverheadForBlock</c>.</summary>
    public const long MaxOverheadForBlock = 11;

    /// <summary>CometBFT <c>types.MaxCommitOverheadBytes</c>.</summary>
    public const long MaxCommitOverheadBytes = 94;

    /// <summary>CometBFT <c>types.MaxCommitSigBytes</c> plus the 2 bytes of its repeated-field encoding.</summary>
    public const long MaxCommitSigBytesEncoded = 109 + 2;

    /// <summary>
    /// CometBFT <c>types.MaxDataBytes(maxBytes, evidenceBytes: 0, valsCount)</c>: the bytes left for txs
    /// (max_bytes -1 counts as <see cref="MaxBlockSizeBytes"/>). Negative when max_bytes cannot hold the rest.
    /// </summary>
    public static long MaxDataBytes(long maxBytes, int validators) =>
        (maxBytes == -1 ? MaxBlockSizeBytes : maxBytes)
        - MaxOverheadForBlock - MaxHeaderBytes - (MaxCommitOverheadBytes + MaxCommitSigBytesEncoded * validators);

    /// <summary>CometBFT <c>types.ComputeProtoSizeForTxs</c> for one tx: field tag + length varint + bytes.</summary>
    public static long TxSize(int length) => 1 + VarintSize((ulong)length) + length;

    public static long TxsSize(IEnumerable<byte[]> txs) => txs.Sum(t => TxSize(t.Length));

    private static int VarintSize(ulong value)
    {
        var n = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            n++;
        }
        return n;
    }
}
