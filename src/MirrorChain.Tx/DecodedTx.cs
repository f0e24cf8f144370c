using Google.Protobuf.WellKnownTypes;
using MirrorChain.Core;
using MirrorChain.Tx.Proto.Cosmos.Tx.Signing.V1Beta1;
using MirrorChain.Tx.Proto.Cosmos.Tx.V1Beta1;

namespace MirrorChain.Tx;

/// <summary>
/// A transaction decoded from its TxRaw bytes and checked statelessly (<see cref="TxDecoder"/>). The signed
/// parts, <see cref="BodyBytes"/> and <see cref="AuthInfoBytes"/>, are the exact received bytes.
/// </summary>
public sealed class DecodedTx
{
    /// <summary>The TxRaw bytes as received.</summary>
    public required byte[] Raw { get; init; }

    /// <summary>SHA-256 of <see cref="Raw"/> (the CometBFT tx hash).</summary>
    public required byte[] Hash { get; init; }

    /// <summary>Uppercase hex of <see cref="Hash"/>, as tx_search and explorers show it.</summary>
    public string HashHex => Hex.Upper(Hash);

    public required byte[] BodyBytes { get; init; }

    public required byte[] AuthInfoBytes { get; init; }

    public required TxBody Body { get; init; }

    public required AuthInfo AuthInfo { get; init; }

    public required IReadOnlyList<byte[]> Signatures { get; init; }

    public required IReadOnlyList<ITxMessage> Messages { get; init; }

    public string Memo => Body.Memo;

    /// <summary>The fee coins (valid, sorted; possibly empty).</summary>
    public required IReadOnlyList<Coin> Fee { get; init; }

    public ulong GasLimit => AuthInfo.Fee.GasLimit;

    /// <summary>0 = no timeout; otherwise the last height the tx may be included at.</summary>
    public ulong TimeoutHeight => Body.TimeoutHeight;

    /// <summary>The optional SDK 0.53 timeout timestamp (null when absent).</summary>
    public Timestamp? TimeoutTimestamp => Body.TimeoutTimestamp;

    /// <summary>The single signer of every message; it also pays the fee.</summary>
    public required Address Signer { get; init; }

    /// <summary>The 33-byte compressed secp256k1 key from signer_infos[0], or null when the client omitted it.</summary>
    public required byte[]? PubKey { get; init; }

    /// <summary>signer_infos[0].sequence.</summary>
    public ulong Sequence => AuthInfo.SignerInfos[0].Sequence;

    /// <summary>signer_infos[0].mode_info.single.mode (UNSPECIFIED when absent).</summary>
    public required SignMode SignMode { get; init; }

    /// <summary>signatures[0] (64 bytes r‖s for a real tx; empty in cosmjs simulations).</summary>
    public byte[] Signature => Signatures[0];
}
