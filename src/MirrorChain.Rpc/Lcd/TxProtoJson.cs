using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using MirrorChain.Tx;
using MirrorChain.Tx.Proto.Cosmos.Tx.Signing.V1Beta1;
using MirrorChain.Tx.Proto.Cosmos.Tx.V1Beta1;
using LegacyExecute = MirrorChain.Tx.Proto.Terra.Wasm.V1Beta1.MsgExecuteContract;
using ProtoMsgSend = MirrorChain.Tx.Proto.Cosmos.Bank.V1Beta1.MsgSend;
using WasmExecute = MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1.MsgExecuteContract;
using WasmInstantiate = MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1.MsgInstantiateContract;

namespace MirrorChain.Rpc.Lcd;

/// <summary>
/// The proto3 JSON of a stored tx (cosmos.tx.v1beta1.Tx) rendered from its TxRaw bytes, as feather.js/terra.js
/// parse it back: messages as Any with <c>@type</c>, contract messages (<c>msg</c>) as raw JSON objects.
/// </summary>
internal static class TxProtoJson
{
    private const string MsgInstantiateContract = "/cosmwasm.wasm.v1.MsgInstantiateContract";

    /// <summary>Writes the tx (with <c>@type</c> when <paramref name="asAny"/>), or null when the bytes are not a Tx.</summary>
    public static void Write(Utf8JsonWriter w, string name, byte[] raw, bool asAny)
    {
        w.WritePropertyName(name);
        WriteValue(w, raw, asAny);
    }

    public static void WriteValue(Utf8JsonWriter w, byte[] raw, bool asAny)
    {
        if (!TryDecode(raw, out var body, out var authInfo, out var signatures))
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartObject();
        if (asAny)
        {
            w.WriteString("@type", TypeUrls.Tx);
        }
        WriteBody(w, body);
        WriteAuthInfo(w, authInfo);
        w.WriteStartArray("signatures");
        foreach (var s in signatures)
        {
            w.WriteBase64StringValue(s.Span);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The number of messages in a TxRaw's body; 0 when it does not decode.</summary>
    public static int MessageCount(byte[] raw) => TryDecode(raw, out var body, out _, out _) ? body.Messages.Count : 0;

    private static bool TryDecode(byte[] raw, out TxBody body, out AuthInfo authInfo, out IReadOnlyList<ByteString> signatures)
    {
        body = new TxBody();
        authInfo = new AuthInfo();
        signatures = [];
        try
        {
            var txRaw = TxRaw.Parser.ParseFrom(raw);
            body = TxBody.Parser.ParseFrom(txRaw.BodyBytes);
            authInfo = AuthInfo.Parser.ParseFrom(txRaw.AuthInfoBytes);
            signatures = txRaw.Signatures;
            return true;
        }
        catch (InvalidProtocolBufferException)
        {
            return false;
        }
    }

    private static void WriteBody(Utf8JsonWriter w, TxBody body)
    {
        w.WriteStartObject("body");
        w.WriteStartArray("messages");
        foreach (var m in body.Messages)
        {
            WriteMessage(w, m);
        }
        w.WriteEndArray();
        w.WriteString("memo", body.Memo);
        w.WriteUInt64String("timeout_height", body.TimeoutHeight);
        WriteAnys(w, "extension_options", body.ExtensionOptions);
        WriteAnys(w, "non_critical_extension_options", body.NonCriticalExtensionOptions);
        w.WriteEndObject();
    }

    private static void WriteAnys(Utf8JsonWriter w, string name, IEnumerable<Any> anys)
    {
        w.WriteStartArray(name);
        foreach (var a in anys)
        {
            WriteOpaqueAny(w, a);
        }
        w.WriteEndArray();
    }

    /// <summary>Any message the chain accepts, with its fields; anything else as <c>{"@type", "value": b64}</c>.</summary>
    public static void WriteMessage(Utf8JsonWriter w, Any any)
    {
        switch (any.TypeUrl)
        {
            case TypeUrls.MsgSend when LcdJson.TryParse(ProtoMsgSend.Parser, any.Value, out var send):
                w.WriteStartObject();
                w.WriteString("@type", any.TypeUrl);
                w.WriteString("from_address", send.FromAddress);
                w.WriteString("to_address", send.ToAddress);
                LcdJson.WriteCoins(w, "amount", send.Amount);
                w.WriteEndObject();
                break;
            case TypeUrls.MsgExecuteContract when LcdJson.TryParse(WasmExecute.Parser, any.Value, out var exec):
                w.WriteStartObject();
                w.WriteString("@type", any.TypeUrl);
                w.WriteString("sender", exec.Sender);
                w.WriteString("contract", exec.Contract);
                LcdJson.WriteRawJson(w, "msg", exec.Msg.Span);
                LcdJson.WriteCoins(w, "funds", exec.Funds);
                w.WriteEndObject();
                break;
            case TypeUrls.LegacyMsgExecuteContract when LcdJson.TryParse(LegacyExecute.Parser, any.Value, out var legacy):
                w.WriteStartObject();
                w.WriteString("@type", any.TypeUrl);
                w.WriteString("sender", legacy.Sender);
                w.WriteString("contract", legacy.Contract);
                LcdJson.WriteRawJson(w, "execute_msg", legacy.ExecuteMsg.Span);
                LcdJson.WriteCoins(w, "coins", legacy.Coins);
                w.WriteEndObject();
                break;
            case MsgInstantiateContract when LcdJson.TryParse(WasmInstantiate.Parser, any.Value, out var inst):
                w.WriteStartObject();
                w.WriteString("@type", any.TypeUrl);
                w.WriteString("sender", inst.Sender);
                w.WriteString("admin", inst.Admin);
                w.WriteUInt64String("code_id", inst.CodeId);
                w.WriteString("label", inst.Label);
                LcdJson.WriteRawJson(w, "msg", inst.Msg.Span);
                LcdJson.WriteCoins(w, "funds", inst.Funds);
                w.WriteEndObject();
                break;
            default:
                WriteOpaqueAny(w, any);
                break;
        }
    }

    private static void WriteOpaqueAny(Utf8JsonWriter w, Any any)
    {
        w.WriteStartObject();
        w.WriteString("@type", any.TypeUrl);
        LcdJson.WriteBytes(w, "value", any.Value);
        w.WriteEndObject();
    }

    private static void WriteAuthInfo(Utf8JsonWriter w, AuthInfo authInfo)
    {
        w.WriteStartObject("auth_info");
        w.WriteStartArray("signer_infos");
        foreach (var s in authInfo.SignerInfos)
        {
            w.WriteStartObject();
            LcdJson.WritePubKey(w, "public_key", s.PublicKey);
            w.WritePropertyName("mode_info");
            WriteModeInfo(w, s.ModeInfo);
            w.WriteUInt64String("sequence", s.Sequence);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        var fee = authInfo.Fee ?? new Fee();
        w.WriteStartObject("fee");
        LcdJson.WriteCoins(w, "amount", fee.Amount);
        w.WriteUInt64String("gas_limit", fee.GasLimit);
        w.WriteString("payer", fee.Payer);
        w.WriteString("granter", fee.Granter);
        w.WriteEndObject();
        w.WriteNull("tip");
        w.WriteEndObject();
    }

    private static void WriteModeInfo(Utf8JsonWriter w, ModeInfo? mode)
    {
        if (mode is null)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartObject();
        if (mode.SumCase == ModeInfo.SumOneofCase.Multi)
        {
            w.WriteStartObject("multi");
            w.WriteNull("bitarray");
            w.WriteStartArray("mode_infos");
            foreach (var m in mode.Multi.ModeInfos)
            {
                WriteModeInfo(w, m);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        else
        {
            w.WriteStartObject("single");
            w.WriteString("mode", SignModeName(mode.Single?.Mode ?? SignMode.Unspecified));
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    public static string SignModeName(SignMode mode) => mode switch
    {
        SignMode.Unspecified => "SIGN_MODE_UNSPECIFIED",
        SignMode.Direct => "SIGN_MODE_DIRECT",
        SignMode.Textual => "SIGN_MODE_TEXTUAL",
        SignMode.DirectAux => "SIGN_MODE_DIRECT_AUX",
        SignMode.LegacyAminoJson => "SIGN_MODE_LEGACY_AMINO_JSON",
        SignMode.Eip191 => "SIGN_MODE_EIP_191",
        _ => ((int)mode).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
