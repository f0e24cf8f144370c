using MirrorChain.Execution;
using MirrorChain.Tx.Proto.Cosmos.Tx.V1Beta1;

namespace MirrorChain.Rpc.Tests.Lcd;

/// <summary>Spells expected LCD JSON independently of the server's writers.</summary>
internal static class LcdGolden
{
    private static readonly JsonSerializerOptions Relaxed =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Str(string s) => JsonSerializer.Serialize(s, Relaxed);

    public static string Events(IReadOnlyList<Event> events)
    {
        var sb = new StringBuilder("[");
        for (var i = 0; i < events.Count; i++)
        {
            var ev = events[i];
            sb.Append(i > 0 ? "," : "").Append("{\"type\":").Append(Str(ev.Type)).Append(",\"attributes\":[");
            for (var j = 0; j < ev.Attributes.Count; j++)
            {
                var a = ev.Attributes[j];
                sb.Append(j > 0 ? "," : "").Append("{\"key\":").Append(Str(a.Key)).Append(",\"value\":").Append(Str(a.Value))
                    .Append(",\"index\":").Append(a.Index ? "true" : "false").Append('}');
            }
            sb.Append("]}");
        }
        return sb.Append(']').ToString();
    }

    /// <summary>The body/auth_info/signatures fields of a single-signer tx signed by <paramref name="pubKey"/> with fee 3000uluna, gas 200000.</summary>
    public static string TxFields(byte[] txBytes, byte[] pubKey, string messagesJson, string memo, ulong sequence)
    {
        var signature = Convert.ToBase64String(TxRaw.Parser.ParseFrom(txBytes).Signatures[0].ToByteArray());
        return $$$$"""
            "body":{"messages":[{{{{messagesJson}}}}],"memo":{{{{Str(memo)}}}},"timeout_height":"0","extension_options":[],"non_critical_extension_options":[]},
            "auth_info":{"signer_infos":[{"public_key":{"@type":"/cosmos.crypto.secp256k1.PubKey","key":"{{{{Convert.ToBase64String(pubKey)}}}}"},
            "mode_info":{"single":{"mode":"SIGN_MODE_DIRECT"}},"sequence":"{{{{sequence}}}}"}],
            "fee":{"amount":[{"denom":"uluna","amount":"3000"}],"gas_limit":"200000","payer":"","granter":""},"tip":null},
            "signatures":["{{{{signature}}}}"]
            """.ReplaceLineEndings("");
    }

    /// <summary>
    /// SDK ≤0.47 <c>logs</c> of a successful single-message tx: its events (the ones ending in <c>msg_index</c>=0),
    /// without that attribute, one entry per event type in ordinal order with the attributes concatenated.
    /// </summary>
    public static string MessageLogs(TxResult r)
    {
        if (r.Code != 0)
        {
            return "[]";
        }
        var groups = r.Events
            .Where(e => e.Attributes.Count > 0 && e.Attributes[^1] is { Key: "msg_index", Value: "0" })
            .GroupBy(e => e.Type)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => "{\"type\":" + Str(g.Key) + ",\"attributes\":[" + string.Join(",", g.SelectMany(e => e.Attributes.SkipLast(1))
                .Select(a => "{\"key\":" + Str(a.Key) + ",\"value\":" + Str(a.Value) + "}")) + "]}");
        return "[{\"msg_index\":0,\"log\":\"\",\"events\":[" + string.Join(",", groups) + "]}]";
    }

    public static string TxResponse(IndexedTx tx, string txFields, string timestamp)
    {
        var r = tx.Result;
        return $$$$"""
            {"height":"{{{{tx.Height}}}}","txhash":"{{{{Hex.Upper(tx.Hash)}}}}","codespace":{{{{Str(r.Codespace)}}}},"code":{{{{r.Code}}}},
            "data":"{{{{Hex.Upper(r.Data)}}}}","raw_log":{{{{Str(r.Log)}}}},"logs":{{{{MessageLogs(r)}}}},"info":"","gas_wanted":"{{{{r.GasWanted}}}}","gas_used":"{{{{r.GasUsed}}}}",
            "tx":{"@type":"/cosmos.tx.v1beta1.Tx",{{{{txFields}}}}},"timestamp":"{{{{timestamp}}}}","events":{{{{Events(r.Events)}}}}}
            """.ReplaceLineEndings("");
    }
}
