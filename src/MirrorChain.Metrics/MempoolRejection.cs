using MirrorChain.Core;
using MirrorChain.Execution;

namespace MirrorChain.Metrics;

/// <summary>
/// Why admission refused a tx, as the <c>reason</c> label of <c>mirrorchain_mempool_rejected_txs_total</c>: the node's
/// own refusals carry SDK codes the application never returns at CheckTx (19, 20, 21, see <c>ChainNode.Submit</c>), so
/// the code alone tells them apart; the two kinds of code 20 differ by their log.
/// </summary>
public static class MempoolRejection
{
    /// <summary>The mempool holds its maximum txs or bytes (code 20).</summary>
    public const string Full = "full";

    /// <summary>The sender already has its maximum txs or bytes waiting (code 20, log "sender … already has …").</summary>
    public const string SenderLimit = "sender_limit";

    /// <summary>The tx is larger than a block leaves for txs (code 21).</summary>
    public const string TooLarge = "too_large";

    /// <summary>Seen recently or already committed (code 19, "tx already exists in cache" / "tx already committed").</summary>
    public const string Duplicate = "duplicate";

    /// <summary>The application's CheckTx (or the block gas limit after it) refused it; the codespace and code say why.</summary>
    public const string CheckFailed = "check_failed";

    /// <summary>The reason label of a refused admission (<paramref name="response"/> with a non-zero code).</summary>
    public static string Reason(CheckTxResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Codespace != SdkError.MempoolIsFull.Codespace)
        {
            return CheckFailed;
        }
        if (response.Code == SdkError.MempoolIsFull.Code)
        {
            return response.Log.StartsWith("sender ", StringComparison.Ordinal) ? SenderLimit : Full;
        }
        if (response.Code == SdkError.TxTooLarge.Code)
        {
            return TooLarge;
        }
        return response.Code == SdkError.TxInMempoolCache.Code ? Duplicate : CheckFailed;
    }
}
