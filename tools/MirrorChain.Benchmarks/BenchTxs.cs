using MirrorChain.Core;
using MirrorChain.Crypto;
using MirrorChain.Tx;
using MirrorChain.Tx.Messages;

namespace MirrorChain.Benchmarks;

/// <summary>Deterministic keys and signed bank sends shaped like the load generator's (1 uluna, fee 3000uluna, gas 100000).</summary>
internal static class BenchTxs
{
    public const string ChainId = "mirrorchain-bench-1";

    /// <summary>Key i: the secret is SHA-256("mirrorchain bench key i").</summary>
    public static PrivateKey Key(int i) =>
        PrivateKey.FromBytes(Hashing.Sha256(System.Text.Encoding.UTF8.GetBytes($"mirrorchain bench key {i}")));

    public static Address Recipient { get; } =
        Address.FromBytes(Hashing.Sha256("mirrorchain bench recipient"u8).AsSpan(0, 20));

    public static BuiltTx BankSend(PrivateKey from, Address to, string chainId, ulong accountNumber, ulong sequence) =>
        TxBuilder.Sign(new TxSpec
        {
            Messages = [new MsgSend(from.Address, to, [new Coin("uluna", 1)])],
            Fee = [new Coin("uluna", 3000)],
            GasLimit = 100_000,
            ChainId = chainId,
            AccountNumber = accountNumber,
            Sequence = sequence,
        }, from);
}
