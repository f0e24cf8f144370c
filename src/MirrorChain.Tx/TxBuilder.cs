using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using MirrorChain.Core;
using MirrorChain.Crypto;
using MirrorChain.Tx.Messages;
using MirrorChain.Tx.Proto.Cosmos.Tx.Signing.V1Beta1;
using MirrorChain.Tx.Proto.Cosmos.Tx.V1Beta1;
using PubKeyProto = MirrorChain.Tx.Proto.Cosmos.Crypto.Secp256k1.PubKey;

namespace MirrorChain.Tx;

/// <summary>
/// Builds TxRaw bytes the way cosmjs's DirectSecp256k1 wallet does: TxBody with the messages and memo, AuthInfo
/// with one signer (secp256k1 key, SIGN_MODE_DIRECT, sequence) and the fee, signature over SHA-256(SignDoc).
/// </summary>
public static class TxBuilder
{
    public static byte[] BodyBytes(IEnumerable<ITxMessage> messages, string memo = "", ulong timeoutHeight = 0)
    {
        var body = new TxBody { Memo = memo, TimeoutHeight = timeoutHeight };
        foreach (var m in messages)
        {
            body.Messages.Add(m.ToAny());
        }
        return body.ToByteArray();
    }

    /// <summary>AuthInfo with one signer. A null <paramref name="pubKey"/> leaves public_key out.</summary>
    public static byte[] AuthInfoBytes(byte[]? pubKey, ulong sequence, IReadOnlyList<Coin> fee, ulong gasLimit, SignMode mode = SignMode.Direct)
    {
        var signer = new SignerInfo
        {
            ModeInfo = new ModeInfo { Single = new ModeInfo.Types.Single { Mode = mode } },
            Sequence = sequence,
        };
        if (pubKey is not null)
        {
            signer.PublicKey = PubKeyAny(pubKey);
        }
        var feeProto = new Fee { GasLimit = gasLimit };
        CoinConversion.AddTo(feeProto.Amount, fee);
        var authInfo = new AuthInfo { Fee = feeProto };
        authInfo.SignerInfos.Add(signer);
        return authInfo.ToByteArray();
    }

    public static Any PubKeyAny(byte[] pubKey33) =>
        new() { TypeUrl = TypeUrls.Secp256k1PubKey, Value = new PubKeyProto { Key = ByteString.CopyFrom(pubKey33) }.ToByteString() };

    public static byte[] RawBytes(byte[] bodyBytes, byte[] authInfoBytes, params byte[][] signatures)
    {
        var raw = new TxRaw { BodyBytes = ByteString.CopyFrom(bodyBytes), AuthInfoBytes = ByteString.CopyFrom(authInfoBytes) };
        foreach (var s in signatures)
        {
            raw.Signatures.Add(ByteString.CopyFrom(s));
        }
        return raw.ToByteArray();
    }

    /// <summary>Builds and signs a tx with <paramref name="key"/> (deterministic RFC 6979 signature, low-S).</summary>
    public static BuiltTx Sign(TxSpec spec, PrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(key);
        var body = BodyBytes(spec.Messages, spec.Memo, spec.TimeoutHeight);
        var authInfo = AuthInfoBytes(key.PublicKey, spec.Sequence, spec.Fee, spec.GasLimit);
        var signBytes = SignDocBuilder.SignBytes(body, authInfo, spec.ChainId, spec.AccountNumber);
        var signature = key.SignSha256(signBytes);
        return new BuiltTx(body, authInfo, signBytes, signature, RawBytes(body, authInfo, signature));
    }

    /// <summary>
    /// The tx cosmjs sends to Simulate: the real key and sequence, mode UNSPECIFIED, an empty fee (gas 0) and one
    /// empty signature.
    /// </summary>
    public static byte[] ForSimulation(IReadOnlyList<ITxMessage> messages, byte[] pubKey, ulong sequence, string memo = "")
    {
        var body = BodyBytes(messages, memo);
        var signer = new SignerInfo
        {
            PublicKey = PubKeyAny(pubKey),
            ModeInfo = new ModeInfo { Single = new ModeInfo.Types.Single { Mode = SignMode.Unspecified } },
            Sequence = sequence,
        };
        var authInfo = new AuthInfo { Fee = new Fee() };
        authInfo.SignerInfos.Add(signer);
        return RawBytes(body, authInfo.ToByteArray(), Array.Empty<byte>());
    }
}
