using System.Text;
using MirrorChain.Core;
using MirrorChain.Tx.Messages;
using MirrorChain.Tx.Proto.Cosmos.Tx.Signing.V1Beta1;
using MirrorChain.Tx.Proto.Cosmos.Tx.V1Beta1;
using PubKeyProto = MirrorChain.Tx.Proto.Cosmos.Crypto.Secp256k1.PubKey;

namespace MirrorChain.Tx;

/// <summary>
/// TxRaw bytes → <see cref="DecodedTx"/>, with the stateless checks the Cosmos SDK runs before the ante handler
/// (x/auth/tx decoder and <c>ValidateBasic</c>). Every failure is an <see cref="SdkException"/> carrying the SDK code
/// (2 parse, 4 signer/signature counts, 6 unknown message type, 7 address, 8 pubkey, 10 coins, 12 memo, 13 fee amount,
/// 15 no signatures, 18 request, 21 size, 31 extension options, 37 unsupported feature, 41 gas limit; wasm 14/21 for
/// contract payloads); nothing else escapes.
/// </summary>
public static class TxDecoder
{
    /// <summary>The SDK's MaxGasWanted: gas limits must fit an int64.</summary>
    public const ulong MaxGasWanted = long.MaxValue;

    public static DecodedTx Decode(byte[] raw, int maxTxBytes) =>
        Decode(raw, new DecodeOptions { MaxTxBytes = maxTxBytes });

    public static DecodedTx Decode(byte[] raw, DecodeOptions options) => Decode(raw, options, hash: null);

    /// <summary>The decode with the tx hash already computed (<see cref="TxEnvelope"/>: one SHA-256 per tx).</summary>
    internal static DecodedTx Decode(byte[] raw, DecodeOptions options, byte[]? hash)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(options);
        if (raw.Length == 0)
        {
            throw SdkError.TxDecode.Wrap("tx bytes are empty");
        }
        if (raw.Length > options.MaxTxBytes)
        {
            throw SdkError.TxTooLarge.Wrap($"tx size {raw.Length} bytes exceeds the maximum of {options.MaxTxBytes} bytes");
        }
        return FastTxDecoder.TryDecode(raw, options, hash) ?? DecodeReference(raw, options, hash);
    }

    /// <summary>
    /// The reference decode over Google.Protobuf (after the size checks): it decides every tx the fast decoder does
    /// not answer for, and the differential tests hold the fast decoder to it.
    /// </summary>
    internal static DecodedTx DecodeReference(byte[] raw, DecodeOptions options, byte[]? hash)
    {
        var txRaw = StrictProto.Parse(TxRaw.Parser, raw, "TxRaw");
        var bodyBytes = txRaw.BodyBytes.ToByteArray();
        var authInfoBytes = txRaw.AuthInfoBytes.ToByteArray();
        var body = StrictProto.Parse(TxBody.Parser, bodyBytes, "TxBody");
        var authInfo = StrictProto.Parse(AuthInfo.Parser, authInfoBytes, "AuthInfo");
        authInfo.Fee ??= new Fee();

        CheckBodyOptions(body);
        var messages = UnpackMessages(body);
        var signer = SingleSigner(messages, txRaw.Signatures.Count, authInfo.SignerInfos.Count);
        var fee = CheckFee(authInfo.Fee, signer, options.Simulate);
        CheckMemo(body.Memo, options.MaxMemoCharacters);
        CheckNoTip(authInfo);
        var signerInfo = authInfo.SignerInfos[0];

        return new DecodedTx(bodyBytes, authInfoBytes, body, authInfo)
        {
            Raw = raw,
            Hash = hash ?? Hashing.TxHash(raw),
            Signatures = txRaw.Signatures.Select(s => s.ToByteArray()).ToList(),
            Messages = messages,
            Fee = fee,
            Signer = signer,
            PubKey = ReadPubKey(signerInfo),
            SignMode = ReadSignMode(signerInfo),
            Memo = body.Memo,
            GasLimit = authInfo.Fee.GasLimit,
            TimeoutHeight = body.TimeoutHeight,
            TimeoutTimestamp = body.TimeoutTimestamp,
            Sequence = signerInfo.Sequence,
        };
    }

    private static void CheckBodyOptions(TxBody body)
    {
        if (body.ExtensionOptions.Count > 0)
        {
            throw SdkError.UnknownExtensionOptions.Exception();
        }
        if (body.Unordered)
        {
            throw SdkError.NotSupported.Wrap("unordered transactions are not supported");
        }
    }

    private static List<ITxMessage> UnpackMessages(TxBody body)
    {
        if (body.Messages.Count == 0)
        {
            throw SdkError.InvalidRequest.Wrap("must contain at least one message");
        }
        var messages = new List<ITxMessage>(body.Messages.Count);
        foreach (var any in body.Messages)
        {
            var message = MessageRegistry.Unpack(any);
            message.ValidateBasic();
            messages.Add(message);
        }
        return messages;
    }

    private static Address SingleSigner(List<ITxMessage> messages, int signatureCount, int signerInfoCount)
    {
        var signers = new List<Address>();
        foreach (var m in messages)
        {
            if (!signers.Contains(m.Signer))
            {
                signers.Add(m.Signer);
            }
        }
        if (signatureCount == 0)
        {
            throw SdkError.NoSignatures.Exception();
        }
        if (signatureCount != signers.Count)
        {
            throw SdkError.Unauthorized.Wrap($"wrong number of signers; expected {signers.Count}, got {signatureCount}");
        }
        if (signers.Count > 1)
        {
            throw SdkError.NotSupported.Wrap($"transactions with more than one signer are not supported; got {signers.Count}");
        }
        if (signerInfoCount != signatureCount)
        {
            throw SdkError.Unauthorized.Wrap($"invalid number of signer infos; expected: {signatureCount}, got {signerInfoCount}");
        }
        return signers[0];
    }

    private static IReadOnlyList<Coin> CheckFee(Fee fee, Address signer, bool simulate)
    {
        var coins = CoinConversion.FromProto(fee.Amount, "fee");
        if (Coins.Validate(coins) is { } reason)
        {
            throw SdkError.InsufficientFee.Wrap($"invalid fee amount: {Coins.Format(coins)}: {reason}");
        }
        if (fee.GasLimit > MaxGasWanted)
        {
            throw SdkError.InvalidRequest.Wrap($"invalid gas supplied; {fee.GasLimit} > {MaxGasWanted}");
        }
        if (fee.GasLimit == 0 && !simulate)
        {
            throw SdkError.InvalidGasLimit.Wrap("must provide positive gas");
        }
        if (fee.Payer.Length > 0)
        {
            var payer = MessageAddresses.Parse(fee.Payer, "fee payer");
            if (payer != signer)
            {
                throw SdkError.Unauthorized.Wrap($"fee payer {payer} must be the signer {signer}");
            }
        }
        if (fee.Granter.Length > 0)
        {
            throw SdkError.InvalidRequest.Wrap("fee grants are not enabled");
        }
        return coins;
    }

    private static void CheckMemo(string memo, int max)
    {
        var length = Encoding.UTF8.GetByteCount(memo);
        if (length > max)
        {
            throw SdkError.MemoTooLarge.Wrap($"maximum number of characters is {max} but received {length} characters");
        }
    }

#pragma warning disable CS0612 // AuthInfo.tip is deprecated on the wire; it is read only to reject it.
    private static void CheckNoTip(AuthInfo authInfo)
    {
        if (authInfo.Tip is not null)
        {
            throw SdkError.NotSupported.Wrap("tips are not supported");
        }
    }
#pragma warning restore CS0612

    private static byte[]? ReadPubKey(SignerInfo info)
    {
        if (info.PublicKey is null)
        {
            return null;
        }
        if (info.PublicKey.TypeUrl != TypeUrls.Secp256k1PubKey)
        {
            throw SdkError.InvalidPubKey.Wrap($"unsupported public key type {info.PublicKey.TypeUrl}; expected {TypeUrls.Secp256k1PubKey}");
        }
        var key = StrictProto.Parse(PubKeyProto.Parser, info.PublicKey.Value.Span, "PubKey").Key.ToByteArray();
        if (key.Length != 33 || (key[0] != 0x02 && key[0] != 0x03))
        {
            throw SdkError.InvalidPubKey.Wrap($"secp256k1 public key must be 33 bytes starting 0x02 or 0x03, got {key.Length} bytes");
        }
        return key;
    }

    private static SignMode ReadSignMode(SignerInfo info)
    {
        if (info.ModeInfo is null)
        {
            return SignMode.Unspecified;
        }
        if (info.ModeInfo.SumCase == ModeInfo.SumOneofCase.Multi)
        {
            throw SdkError.Unauthorized.Wrap("multisig signer infos are not supported");
        }
        return info.ModeInfo.Single?.Mode ?? SignMode.Unspecified;
    }
}
