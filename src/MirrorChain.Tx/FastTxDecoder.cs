using System.Text;
using MirrorChain.Core;
using MirrorChain.Tx.Messages;
using MirrorChain.Tx.Proto.Cosmos.Tx.Signing.V1Beta1;

namespace MirrorChain.Tx;

/// <summary>
/// The fast path of <see cref="TxDecoder"/>: reads TxRaw → TxBody, AuthInfo, SignerInfo, Fee, Coin, PubKey, MsgSend
/// and MsgExecuteContract straight from the wire bytes (no Google.Protobuf objects, no copies of the body), and
/// answers only for a tx the reference decoder accepts: every field known, each singular field at most once, ASCII
/// text, one signer, and every stateless check passed. Anything else (unknown or repeated singular fields, packed
/// or odd encodings, timeouts by timestamp, extension options, non-ASCII text, a failing check) answers null and the
/// reference decoder (<see cref="TxDecoder.DecodeReference"/>) decides, so accept/reject decisions, error codes and
/// logs are the reference's by construction. What it returns equals the reference's <see cref="DecodedTx"/> field
/// for field (<c>FastTxDecoderDifferentialTests</c>); <see cref="DecodedTx.Body"/> and
/// <see cref="DecodedTx.AuthInfo"/> are parsed from the signed bytes on first use.
/// </summary>
internal static class FastTxDecoder
{
    private const int Bytes = WireReader.LengthDelimited;
    private const int Varint = WireReader.Varint;

    public static DecodedTx? TryDecode(byte[] raw, DecodeOptions options, byte[]? hash)
    {
        var reader = new WireReader(raw);
        ReadOnlySpan<byte> body = default;
        ReadOnlySpan<byte> authInfo = default;
        bool hasBody = false, hasAuthInfo = false;
        var signatures = new List<byte[]>(1);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out var field, out var wire) || wire != Bytes || !reader.TryReadBytes(out var bytes))
            {
                return null;
            }
            switch (field)
            {
                case 1 when !hasBody:
                    body = bytes;
                    hasBody = true;
                    break;
                case 2 when !hasAuthInfo:
                    authInfo = bytes;
                    hasAuthInfo = true;
                    break;
                case 3:
                    signatures.Add(bytes.ToArray());
                    break;
                default:
                    return null;
            }
        }
        if (signatures.Count != 1 || !TryReadBody(body, out var messages, out var memo, out var timeoutHeight)
            || !TryReadAuthInfo(authInfo, out var signerInfo, out var fee))
        {
            return null;
        }

        // TxDecoder.SingleSigner: one signature, one signer info, every message signed by the same account.
        var signer = messages[0].Signer;
        for (var i = 1; i < messages.Count; i++)
        {
            if (messages[i].Signer != signer)
            {
                return null;
            }
        }
        // TxDecoder.CheckFee and CheckMemo (ASCII: the UTF-8 byte count is the length).
        if (Coins.Validate(fee.Coins) is not null || fee.GasLimit > TxDecoder.MaxGasWanted
            || (fee.GasLimit == 0 && !options.Simulate) || fee.Granter.Length > 0 || memo.Length > options.MaxMemoCharacters)
        {
            return null;
        }
        if (fee.Payer.Length > 0 && (!Address.TryParse(fee.Payer, out var payer, out _) || payer != signer))
        {
            return null;
        }

        var bodyBytes = body.ToArray();
        var authInfoBytes = authInfo.ToArray();
        return new DecodedTx(bodyBytes, authInfoBytes)
        {
            Raw = raw,
            Hash = hash ?? Hashing.TxHash(raw),
            Signatures = signatures,
            Messages = messages,
            Fee = fee.Coins,
            Signer = signer,
            PubKey = signerInfo.PubKey,
            SignMode = signerInfo.Mode,
            Memo = memo,
            GasLimit = fee.GasLimit,
            TimeoutHeight = timeoutHeight,
            TimeoutTimestamp = null,
            Sequence = signerInfo.Sequence,
        };
    }

    private static bool TryReadBody(ReadOnlySpan<byte> data, out List<ITxMessage> messages, out string memo, out ulong timeoutHeight)
    {
        messages = new List<ITxMessage>(1);
        memo = "";
        timeoutHeight = 0;
        bool hasMemo = false, hasTimeout = false, hasUnordered = false;
        var reader = new WireReader(data);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out var field, out var wire))
            {
                return false;
            }
            switch (field)
            {
                case 1 when wire == Bytes:
                    if (!reader.TryReadBytes(out var any) || TryReadMessage(any) is not { } message)
                    {
                        return false;
                    }
                    messages.Add(message);
                    break;
                case 2 when wire == Bytes && !hasMemo:
                    if (!reader.TryReadAscii(out memo))
                    {
                        return false;
                    }
                    hasMemo = true;
                    break;
                case 3 when wire == Varint && !hasTimeout:
                    if (!reader.TryReadUInt64(out timeoutHeight))
                    {
                        return false;
                    }
                    hasTimeout = true;
                    break;
                case 4 when wire == Varint && !hasUnordered:
                    if (!reader.TryReadUInt64(out var unordered) || unordered != 0)
                    {
                        return false; // unordered txs are rejected: the reference says how
                    }
                    hasUnordered = true;
                    break;
                default:
                    return false; // timeout_timestamp, extension options, anything unknown
            }
        }
        return messages.Count > 0;
    }

    /// <summary>An Any of the body: a known type URL, its value read and checked as MessageRegistry.Unpack + ValidateBasic.</summary>
    private static ITxMessage? TryReadMessage(ReadOnlySpan<byte> data)
    {
        if (!TryReadAny(data, out var typeUrl, out var value))
        {
            return null;
        }
        if (typeUrl.SequenceEqual("/cosmos.bank.v1beta1.MsgSend"u8))
        {
            return TryReadMsgSend(value);
        }
        if (typeUrl.SequenceEqual("/cosmwasm.wasm.v1.MsgExecuteContract"u8))
        {
            return TryReadExecute(value, isLegacy: false);
        }
        if (typeUrl.SequenceEqual("/terra.wasm.v1beta1.MsgExecuteContract"u8))
        {
            return TryReadExecute(value, isLegacy: true);
        }
        return null;
    }

    private static bool TryReadAny(ReadOnlySpan<byte> data, out ReadOnlySpan<byte> typeUrl, out ReadOnlySpan<byte> value)
    {
        typeUrl = default;
        value = default;
        bool hasTypeUrl = false, hasValue = false;
        var reader = new WireReader(data);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out var field, out var wire) || wire != Bytes)
            {
                return false;
            }
            switch (field)
            {
                case 1 when !hasTypeUrl:
                    if (!reader.TryReadBytes(out typeUrl))
                    {
                        return false;
                    }
                    hasTypeUrl = true;
                    break;
                case 2 when !hasValue:
                    if (!reader.TryReadBytes(out value))
                    {
                        return false;
                    }
                    hasValue = true;
                    break;
                default:
                    return false;
            }
        }
        return true;
    }

    private static MsgSend? TryReadMsgSend(ReadOnlySpan<byte> data)
    {
        string? from = null, to = null;
        var amount = new List<Coin>(1);
        var reader = new WireReader(data);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out var field, out var wire) || wire != Bytes)
            {
                return null;
            }
            switch (field)
            {
                case 1 when from is null:
                    if (!reader.TryReadAscii(out from))
                    {
                        return null;
                    }
                    break;
                case 2 when to is null:
                    if (!reader.TryReadAscii(out to))
                    {
                        return null;
                    }
                    break;
                case 3:
                    if (!reader.TryReadBytes(out var coin) || !TryReadCoin(coin, out var c))
                    {
                        return null;
                    }
                    amount.Add(c);
                    break;
                default:
                    return null;
            }
        }
        if (!Address.TryParse(from, out var fromAddress, out _) || !Address.TryParse(to, out var toAddress, out _)
            || amount.Count == 0 || Coins.Validate(amount) is not null)
        {
            return null;
        }
        return new MsgSend(fromAddress!, toAddress!, amount);
    }

    private static MsgExecuteContract? TryReadExecute(ReadOnlySpan<byte> data, bool isLegacy)
    {
        string? sender = null, contract = null;
        byte[]? msg = null;
        var funds = new List<Coin>();
        var reader = new WireReader(data);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out var field, out var wire) || wire != Bytes)
            {
                return null;
            }
            switch (field)
            {
                case 1 when sender is null:
                    if (!reader.TryReadAscii(out sender))
                    {
                        return null;
                    }
                    break;
                case 2 when contract is null:
                    if (!reader.TryReadAscii(out contract))
                    {
                        return null;
                    }
                    break;
                case 3 when msg is null:
                    if (!reader.TryReadBytes(out var bytes))
                    {
                        return null;
                    }
                    msg = bytes.ToArray();
                    break;
                case 5:
                    if (!reader.TryReadBytes(out var coin) || !TryReadCoin(coin, out var c))
                    {
                        return null;
                    }
                    funds.Add(c);
                    break;
                default:
                    return null;
            }
        }
        if (!Address.TryParse(sender, out var senderAddress, out _) || !Address.TryParse(contract, out var contractAddress, out _)
            || Coins.Validate(funds) is not null || msg is null || msg.Length == 0 || !JsonPayload.IsObject(msg, out _))
        {
            return null;
        }
        return new MsgExecuteContract(senderAddress!, contractAddress!, msg, funds, isLegacy);
    }

    /// <summary>A Coin whose amount parses (CoinConversion.FromProto); denom validity is left to Coins.Validate.</summary>
    private static bool TryReadCoin(ReadOnlySpan<byte> data, out Coin coin)
    {
        coin = default;
        string? denom = null, amountText = null;
        var reader = new WireReader(data);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out var field, out var wire) || wire != Bytes)
            {
                return false;
            }
            switch (field)
            {
                case 1 when denom is null:
                    if (!reader.TryReadBytes(out var denomBytes) || !TryReadDenom(denomBytes, out denom))
                    {
                        return false;
                    }
                    break;
                case 2 when amountText is null:
                    if (!reader.TryReadAscii(out amountText))
                    {
                        return false;
                    }
                    break;
                default:
                    return false;
            }
        }
        if (!Coin.TryParseAmount(amountText ?? "", out var amount))
        {
            return false;
        }
        coin = new Coin(denom ?? "", amount);
        return true;
    }

    /// <summary>The chain's own denoms without a new string each time; others as read.</summary>
    private static bool TryReadDenom(ReadOnlySpan<byte> bytes, out string denom)
    {
        if (bytes.SequenceEqual("uluna"u8))
        {
            denom = "uluna";
            return true;
        }
        if (bytes.SequenceEqual("uusd"u8))
        {
            denom = "uusd";
            return true;
        }
        denom = "";
        if (!Ascii.IsValid(bytes))
        {
            return false;
        }
        denom = bytes.Length == 0 ? "" : Encoding.ASCII.GetString(bytes);
        return true;
    }

    private readonly record struct FeeFields(List<Coin> Coins, ulong GasLimit, string Payer, string Granter);

    private readonly record struct SignerFields(byte[]? PubKey, SignMode Mode, ulong Sequence);

    private static bool TryReadAuthInfo(ReadOnlySpan<byte> data, out SignerFields signer, out FeeFields fee)
    {
        signer = default;
        fee = new FeeFields([], 0, "", "");
        bool hasSigner = false, hasFee = false;
        var reader = new WireReader(data);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out var field, out var wire) || wire != Bytes || !reader.TryReadBytes(out var bytes))
            {
                return false;
            }
            switch (field)
            {
                case 1 when !hasSigner: // a second signer info is an error (one signature): the reference says which
                    if (!TryReadSignerInfo(bytes, out signer))
                    {
                        return false;
                    }
                    hasSigner = true;
                    break;
                case 2 when !hasFee:
                    if (!TryReadFee(bytes, out fee))
                    {
                        return false;
                    }
                    hasFee = true;
                    break;
                default:
                    return false; // tip, anything unknown
            }
        }
        return hasSigner;
    }

    private static bool TryReadSignerInfo(ReadOnlySpan<byte> data, out SignerFields signer)
    {
        signer = default;
        byte[]? pubKey = null;
        var mode = SignMode.Unspecified;
        ulong sequence = 0;
        bool hasPubKey = false, hasMode = false, hasSequence = false;
        var reader = new WireReader(data);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out var field, out var wire))
            {
                return false;
            }
            switch (field)
            {
                case 1 when wire == Bytes && !hasPubKey:
                    if (!reader.TryReadBytes(out var any) || !TryReadPubKey(any, out pubKey))
                    {
                        return false;
                    }
                    hasPubKey = true;
                    break;
                case 2 when wire == Bytes && !hasMode:
                    if (!reader.TryReadBytes(out var modeInfo) || !TryReadModeInfo(modeInfo, out mode))
                    {
                        return false;
                    }
                    hasMode = true;
                    break;
                case 3 when wire == Varint && !hasSequence:
                    if (!reader.TryReadUInt64(out sequence))
                    {
                        return false;
                    }
                    hasSequence = true;
                    break;
                default:
                    return false;
            }
        }
        signer = new SignerFields(pubKey, mode, sequence);
        return true;
    }

    /// <summary>A public key Any: the secp256k1 type URL and a 33-byte compressed key (TxDecoder.ReadPubKey).</summary>
    private static bool TryReadPubKey(ReadOnlySpan<byte> data, out byte[]? key)
    {
        key = null;
        if (!TryReadAny(data, out var typeUrl, out var value) || !typeUrl.SequenceEqual("/cosmos.crypto.secp256k1.PubKey"u8))
        {
            return false;
        }
        var reader = new WireReader(value);
        var found = false;
        ReadOnlySpan<byte> keyBytes = default;
        while (!reader.AtEnd)
        {
            if (found || !reader.TryReadTag(out var field, out var wire) || field != 1 || wire != Bytes || !reader.TryReadBytes(out keyBytes))
            {
                return false;
            }
            found = true;
        }
        if (keyBytes.Length != 33 || (keyBytes[0] != 0x02 && keyBytes[0] != 0x03))
        {
            return false;
        }
        key = keyBytes.ToArray();
        return true;
    }

    /// <summary>ModeInfo with at most a Single (multisig is rejected by the reference).</summary>
    private static bool TryReadModeInfo(ReadOnlySpan<byte> data, out SignMode mode)
    {
        mode = SignMode.Unspecified;
        var reader = new WireReader(data);
        var hasSingle = false;
        while (!reader.AtEnd)
        {
            if (hasSingle || !reader.TryReadTag(out var field, out var wire) || field != 1 || wire != Bytes || !reader.TryReadBytes(out var single))
            {
                return false;
            }
            hasSingle = true;
            var inner = new WireReader(single);
            var hasMode = false;
            while (!inner.AtEnd)
            {
                if (hasMode || !inner.TryReadTag(out var f, out var w) || f != 1 || w != Varint
                    || !inner.TryReadUInt64(out var value) || value > int.MaxValue)
                {
                    return false;
                }
                mode = (SignMode)(int)value;
                hasMode = true;
            }
        }
        return true;
    }

    private static bool TryReadFee(ReadOnlySpan<byte> data, out FeeFields fee)
    {
        fee = default;
        var coins = new List<Coin>(1);
        ulong gas = 0;
        string? payer = null, granter = null;
        var hasGas = false;
        var reader = new WireReader(data);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out var field, out var wire))
            {
                return false;
            }
            switch (field)
            {
                case 1 when wire == Bytes:
                    if (!reader.TryReadBytes(out var coin) || !TryReadCoin(coin, out var c))
                    {
                        return false;
                    }
                    coins.Add(c);
                    break;
                case 2 when wire == Varint && !hasGas:
                    if (!reader.TryReadUInt64(out gas))
                    {
                        return false;
                    }
                    hasGas = true;
                    break;
                case 3 when wire == Bytes && payer is null:
                    if (!reader.TryReadAscii(out payer))
                    {
                        return false;
                    }
                    break;
                case 4 when wire == Bytes && granter is null:
                    if (!reader.TryReadAscii(out granter))
                    {
                        return false;
                    }
                    break;
                default:
                    return false;
            }
        }
        fee = new FeeFields(coins, gas, payer ?? "", granter ?? "");
        return true;
    }
}
