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
    private TxBody? _body;
    private AuthInfo? _authInfo;

    /// <summary>
    /// A decoded tx over its signed parts; <paramref name="body"/> and <paramref name="authInfo"/> may be left out
    /// (the fast decoder) and are then parsed from the bytes on first use, giving the objects the reference decoder
    /// builds (the bytes hold no unknown fields: the fast decoder accepts no others).
    /// </summary>
    internal DecodedTx(byte[] bodyBytes, byte[] authInfoBytes, TxBody? body = null, AuthInfo? authInfo = null)
    {
        BodyBytes = bodyBytes;
        AuthInfoBytes = authInfoBytes;
        _body = body;
        _authInfo = authInfo;
    }

    /// <summary>The TxRaw bytes as received.</summary>
    public required byte[] Raw { get; init; }

    /// <summary>SHA-256 of <see cref="Raw"/> (the CometBFT tx hash).</summary>
    public required byte[] Hash { get; init; }

    /// <summary>Uppercase hex of <see cref="Hash"/>, as tx_search and explorers show it.</summary>
    public string HashHex => Hex.Upper(Hash);

    public byte[] BodyBytes { get; }

    public byte[] AuthInfoBytes { get; }

    /// <summary>The parsed body (parsed on first use when the fast decoder read the tx).</summary>
    public TxBody Body => Volatile.Read(ref _body) ?? ParseBody();

    /// <summary>The parsed auth info, with an empty <see cref="AuthInfo.Fee"/> when the tx had none.</summary>
    public AuthInfo AuthInfo => Volatile.Read(ref _authInfo) ?? ParseAuthInfo();

    public required IReadOnlyList<byte[]> Signatures { get; init; }

    public required IReadOnlyList<ITxMessage> Messages { get; init; }

    public required string Memo { get; init; }

    /// <summary>The fee coins (valid, sorted; possibly empty).</summary>
    public required IReadOnlyList<Coin> Fee { get; init; }

    public required ulong GasLimit { get; init; }

    /// <summary>0 = no timeout; otherwise the last height the tx may be included at.</summary>
    public required ulong TimeoutHeight { get; init; }

    /// <summary>The optional SDK 0.53 timeout timestamp (null when absent).</summary>
    public required Timestamp? TimeoutTimestamp { get; init; }

    /// <summary>The single signer of every message; it also pays the fee.</summary>
    public required Address Signer { get; init; }

    /// <summary>The 33-byte compressed secp256k1 key from signer_infos[0], or null when the client omitted it.</summary>
    public required byte[]? PubKey { get; init; }

    /// <summary>signer_infos[0].sequence.</summary>
    public required ulong Sequence { get; init; }

    /// <summary>signer_infos[0].mode_info.single.mode (UNSPECIFIED when absent).</summary>
    public required SignMode SignMode { get; init; }

    /// <summary>signatures[0] (64 bytes r‖s for a real tx; empty in cosmjs simulations).</summary>
    public byte[] Signature => Signatures[0];

    private TxBody ParseBody()
    {
        var parsed = TxBody.Parser.ParseFrom(BodyBytes);
        return Interlocked.CompareExchange(ref _body, parsed, null) ?? parsed;
    }

    private AuthInfo ParseAuthInfo()
    {
        var parsed = AuthInfo.Parser.ParseFrom(AuthInfoBytes);
        parsed.Fee ??= new Fee();
        return Interlocked.CompareExchange(ref _authInfo, parsed, null) ?? parsed;
    }
}
