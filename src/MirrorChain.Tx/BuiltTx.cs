using MirrorChain.Core;

namespace MirrorChain.Tx;

/// <summary>A signed tx and its parts: the TxRaw bytes to broadcast plus what went into the signature.</summary>
public sealed record BuiltTx(byte[] BodyBytes, byte[] AuthInfoBytes, byte[] SignBytes, byte[] Signature, byte[] TxBytes)
{
    public byte[] Hash => Hashing.TxHash(TxBytes);

    public string HashHex => Hex.Upper(Hash);
}
