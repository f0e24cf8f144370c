using MirrorChain.Core;
using MirrorChain.Tx.Messages;

namespace MirrorChain.Tx.Amino;

/// <summary>
/// SIGN_MODE_LEGACY_AMINO_JSON sign bytes: the Cosmos SDK's StdSignDoc (x/auth/migrations/legacytx stdsign.go
/// <c>StdSignBytes</c>, used by x/auth/tx legacy_amino_json.go) as cosmjs builds it (@cosmjs/amino signdoc.ts
/// <c>makeSignDoc</c>) and serializes it (<c>serializeSignDoc</c>, see <see cref="AminoJsonWriter"/>):
/// <code>
/// {"account_number":"N","chain_id":"…","fee":{"amount":[{"amount":"…","denom":"…"}],"gas":"…"},"memo":"…",
///  "msgs":[{"type":"…","value":{…}}],"sequence":"N"}
/// </code>
/// with <c>"timeout_height":"N"</c> only when it is not 0, the fee's <c>payer</c>/<c>granter</c> only when set, and
/// <c>memo</c> always present (<c>""</c> when empty). Integers are decimal strings; coins are
/// <c>{"amount","denom"}</c>. Messages by amino name:
/// <list type="bullet">
/// <item><c>cosmos-sdk/MsgSend</c> (cosmos-sdk x/bank/types codec.go): <c>{from_address, to_address, amount}</c>.</item>
/// <item><c>wasm/MsgExecuteContract</c> (wasmd x/wasm/types codec.go): <c>{sender, contract, msg, funds}</c>, where
/// <c>msg</c> is the contract message as a JSON object, not base64 (wasmd's <c>RawContractMessage</c> marshals as
/// inline JSON), and <c>funds</c> is always present (<c>[]</c> when empty, as cosmjs's converter writes it and
/// wasmd's <c>amino.dont_omitempty</c> asks).</item>
/// </list>
/// Terra classic's <c>/terra.wasm.v1beta1.MsgExecuteContract</c> has no amino form here (code 4): sign it in
/// SIGN_MODE_DIRECT, or send <c>/cosmwasm.wasm.v1.MsgExecuteContract</c>.
/// </summary>
public static class AminoSignDoc
{
    public const string MsgSendName = "cosmos-sdk/MsgSend";
    public const string MsgExecuteContractName = "wasm/MsgExecuteContract";

    /// <summary>The canonical UTF-8 sign bytes; signers sign SHA-256 of them. Code 4 when the tx has no amino form.</summary>
    public static byte[] SignBytes(DecodedTx tx, string chainId, ulong accountNumber) =>
        Build(tx, chainId, accountNumber).ToCanonicalBytes();

    /// <summary>The sign doc as a JSON value (keys in any order; the writer sorts them).</summary>
    public static AminoJson Build(DecodedTx tx, string chainId, ulong accountNumber)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(chainId);
        if (tx.TimeoutTimestamp is not null)
        {
            throw Unsignable("timeout_timestamp has no place in the legacy amino sign doc");
        }
        var fee = tx.AuthInfo.Fee;
        return AminoJson.Obj(
            ("account_number", AminoJson.Uint(accountNumber)),
            ("chain_id", AminoJson.Str(chainId)),
            ("fee", AminoJson.Obj(
                ("amount", CoinsJson(tx.Fee)),
                ("gas", AminoJson.Uint(tx.GasLimit)),
                ("payer", fee.Payer.Length > 0 ? AminoJson.Str(fee.Payer) : null),
                ("granter", fee.Granter.Length > 0 ? AminoJson.Str(fee.Granter) : null))),
            ("memo", AminoJson.Str(tx.Memo)),
            ("msgs", AminoJson.Arr(tx.Messages.Select(Message))),
            ("sequence", AminoJson.Uint(tx.Sequence)),
            ("timeout_height", tx.TimeoutHeight != 0 ? AminoJson.Uint(tx.TimeoutHeight) : null));
    }

    /// <summary>One message as <c>{"type": amino name, "value": amino JSON}</c>.</summary>
    public static AminoJson Message(ITxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message switch
        {
            MsgSend send => Typed(MsgSendName, AminoJson.Obj(
                ("from_address", AminoJson.Str(send.FromAddress.ToString())),
                ("to_address", AminoJson.Str(send.ToAddress.ToString())),
                ("amount", CoinsJson(send.Amount)))),
            MsgExecuteContract { IsLegacy: false } execute => Typed(MsgExecuteContractName, AminoJson.Obj(
                ("sender", AminoJson.Str(execute.Sender.ToString())),
                ("contract", AminoJson.Str(execute.Contract.ToString())),
                ("msg", AminoJsonParser.Parse(execute.Msg)),
                ("funds", CoinsJson(execute.Funds)))),
            _ => throw Unsignable($"message {message.TypeUrl} has no legacy amino JSON form here; "
                + $"amino-signable messages: {TypeUrls.MsgSend} ({MsgSendName}), {TypeUrls.MsgExecuteContract} ({MsgExecuteContractName})"),
        };
    }

    private static AminoJson.Object Typed(string type, AminoJson value) =>
        AminoJson.Obj(("type", AminoJson.Str(type)), ("value", value));

    private static AminoJson.Array CoinsJson(IEnumerable<Coin> coins) =>
        AminoJson.Arr(coins.Select(c => (AminoJson)AminoJson.Obj(("amount", AminoJson.Str(c.AmountString)), ("denom", AminoJson.Str(c.Denom)))));

    private static SdkException Unsignable(string why) =>
        SdkError.Unauthorized.Wrap($"cannot build the SIGN_MODE_LEGACY_AMINO_JSON sign doc: {why}; sign this tx with SIGN_MODE_DIRECT");
}
