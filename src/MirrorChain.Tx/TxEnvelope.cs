using MirrorChain.Core;

namespace MirrorChain.Tx;

/// <summary>
/// One tx on its way from RPC to commit: its exact bytes, hashed once (<see cref="Hash"/> as a dictionary key,
/// <see cref="HashBytes"/> for stores and answers), and decoded once: <see cref="Decode"/> remembers its answer
/// (the <see cref="DecodedTx"/> or the decode error) for the options it was given, so signature pre-check,
/// CheckTx, recheck and block execution share one decode. Options that differ from the remembered ones (chain
/// params changed, or a simulation) decode again, so a remembered answer is always the one a fresh decode would
/// give. Thread-safe: concurrent first decodes may both run; they give equal answers and one is kept.
/// </summary>
public sealed class TxEnvelope
{
    private Memo? _memo;
    private int _decodes;

    public TxEnvelope(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Bytes = bytes;
        HashBytes = Hashing.TxHash(bytes);
        Hash = Hash32.FromBytes(HashBytes);
    }

    /// <summary>The tx bytes as received (never copied or changed).</summary>
    public byte[] Bytes { get; }

    /// <summary>CometBFT's tx hash: SHA-256 of <see cref="Bytes"/>.</summary>
    public Hash32 Hash { get; }

    /// <summary><see cref="Hash"/> as bytes (the array shared by every user: do not write to it).</summary>
    public byte[] HashBytes { get; }

    /// <summary>How many times the bytes were actually decoded (not answered from memory): 1 on the normal path.</summary>
    public int DecodeCount => Volatile.Read(ref _decodes);

    /// <summary>Envelopes for raw txs (a block given as bytes): one hash each, decoded when first asked.</summary>
    public static IReadOnlyList<TxEnvelope> Wrap(IReadOnlyList<byte[]> txs)
    {
        ArgumentNullException.ThrowIfNull(txs);
        var result = new TxEnvelope[txs.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new TxEnvelope(txs[i]);
        }
        return result;
    }

    /// <summary>
    /// <see cref="TxDecoder.Decode(byte[], DecodeOptions)"/> of <see cref="Bytes"/>: the same result, or the same
    /// <see cref="SdkException"/> (code and log), as a fresh decode with <paramref name="options"/>.
    /// </summary>
    public DecodedTx Decode(DecodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var memo = Volatile.Read(ref _memo);
        if (memo is null || !memo.Options.Equals(options))
        {
            Interlocked.Increment(ref _decodes);
            try
            {
                memo = new Memo(options, TxDecoder.Decode(Bytes, options, HashBytes), null);
            }
            catch (SdkException e)
            {
                memo = new Memo(options, null, e);
            }
            Volatile.Write(ref _memo, memo);
        }
        return memo.Tx ?? throw new SdkException(memo.Error!.Error, memo.Error.Log);
    }

    /// <summary>
    /// The decode remembered for <paramref name="options"/>, or null when none is (never decoded with them, or the
    /// decode failed). Never decodes: for readers that must not add a decode of their own (a prefetch hint).
    /// </summary>
    public DecodedTx? Remembered(DecodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Volatile.Read(ref _memo) is { } memo && memo.Options.Equals(options) ? memo.Tx : null;
    }

    private sealed record Memo(DecodeOptions Options, DecodedTx? Tx, SdkException? Error);
}
