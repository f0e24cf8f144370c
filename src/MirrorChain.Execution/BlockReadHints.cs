using MirrorChain.Core;
using MirrorChain.State;
using MirrorChain.Tx;
using MirrorChain.Tx.Messages;

namespace MirrorChain.Execution;

/// <summary>
/// The state keys a block's txs will read, as far as the txs say so without executing them: for every tx its
/// signer's account and fee balances (the ante handler), and for a bank send the sender's and recipient's balances
/// of the sent denoms and the recipient's account. Other messages add nothing. These are hints for a prefetcher
/// that loads them ahead of execution (geth's core/state_prefetcher.go does the same by running the block's txs
/// ahead): only speed depends on them, a key missing or not read changes nothing.
/// </summary>
public static class BlockReadHints
{
    /// <summary>
    /// The keys of <paramref name="txs"/> in tx order (duplicates left in), decoded with the chain params of
    /// <paramref name="committed"/>. A tx the envelope has not decoded yet is decoded here on its own (the envelope's
    /// remembered decode is left alone); a tx that does not decode gives no keys.
    /// </summary>
    public static IEnumerable<byte[]> Of(IReadOnlyList<TxEnvelope> txs, IStateReader committed)
    {
        ArgumentNullException.ThrowIfNull(txs);
        ArgumentNullException.ThrowIfNull(committed);
        var options = ChainParams.Load(committed).DecodeOptions(simulate: false);
        foreach (var envelope in txs)
        {
            var tx = envelope.Remembered(options) ?? TryDecode(envelope, options);
            if (tx is null)
            {
                continue;
            }
            yield return StateKeys.Account(tx.Signer);
            foreach (var coin in tx.Fee)
            {
                yield return StateKeys.Balance(tx.Signer, coin.Denom);
            }
            foreach (var message in tx.Messages)
            {
                if (message is MsgSend send)
                {
                    foreach (var coin in send.Amount)
                    {
                        yield return StateKeys.Balance(send.FromAddress, coin.Denom);
                        yield return StateKeys.Balance(send.ToAddress, coin.Denom);
                    }
                    yield return StateKeys.Account(send.ToAddress);
                }
            }
        }
    }

    private static DecodedTx? TryDecode(TxEnvelope envelope, DecodeOptions options)
    {
        try
        {
            return TxDecoder.Decode(envelope.Bytes, options);
        }
        catch (SdkException)
        {
            return null;
        }
    }
}
