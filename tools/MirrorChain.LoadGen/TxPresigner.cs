using MirrorChain.Core;
using MirrorChain.Crypto;
using MirrorChain.Tx;
using MirrorChain.Tx.Messages;

namespace MirrorChain.LoadGen;

/// <summary>Builds and signs every bank send up front, so that signing is not part of any timing.</summary>
internal static class TxPresigner
{
    public const ulong GasLimit = 100_000;
    public static readonly Coin FeeCoin = new("uluna", 3000);
    public static readonly Coin SendCoin = new("uluna", 1);

    /// <summary>
    /// Tx i goes to sender i mod K; each sender's sequences count up from its current one. Returns one ordered list
    /// per sender.
    /// </summary>
    public static IReadOnlyList<SignedTx>[] Sign(
        int txCount, IReadOnlyList<SenderAccount> senders, Address recipient, string chainId)
    {
        var perSender = new IReadOnlyList<SignedTx>[senders.Count];
        Parallel.For(0, senders.Count, s =>
        {
            var sender = senders[s];
            var count = txCount / senders.Count + (s < txCount % senders.Count ? 1 : 0);
            var list = new List<SignedTx>(count);
            for (var n = 0; n < count; n++)
            {
                var sequence = sender.Sequence + (ulong)n;
                var built = TxBuilder.Sign(new TxSpec
                {
                    Messages = [new MsgSend(sender.Key.Address, recipient, [SendCoin])],
                    Fee = [FeeCoin],
                    GasLimit = GasLimit,
                    ChainId = chainId,
                    AccountNumber = sender.AccountNumber,
                    Sequence = sequence,
                }, sender.Key);
                list.Add(new SignedTx(s, sequence, Convert.ToBase64String(built.TxBytes), built.HashHex));
            }
            perSender[s] = list;
        });
        return perSender;
    }

    /// <summary>A recipient no devnet account uses: the first 20 bytes of SHA-256("mirrorchain-loadgen recipient").</summary>
    public static Address DefaultRecipient() =>
        Address.FromBytes(Hashing.Sha256("mirrorchain-loadgen recipient"u8).AsSpan(0, 20));
}

/// <summary>A signing account with the numbers read from the node before the run.</summary>
internal sealed record SenderAccount(string Name, PrivateKey Key, ulong AccountNumber, ulong Sequence);
