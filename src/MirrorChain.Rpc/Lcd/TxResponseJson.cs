using System.Text.Json;
using MirrorChain.Core;

namespace MirrorChain.Rpc.Lcd;

/// <summary>
/// cosmos.base.abci.v1beta1.TxResponse in the SDK ≥0.50 style: <c>raw_log</c> is the result log ("" on success),
/// <c>logs</c> is always an array (empty), <c>data</c> is upper-case hex, <c>timestamp</c> is the block time.
/// </summary>
internal static class TxResponseJson
{
    /// <summary>A committed tx, with the tx itself as an Any.</summary>
    public static void WriteCommitted(Utf8JsonWriter w, string name, IndexedTx tx, BlockTime? blockTime)
    {
        w.WritePropertyName(name);
        WriteCommittedValue(w, tx, blockTime);
    }

    public static void WriteCommittedValue(Utf8JsonWriter w, IndexedTx tx, BlockTime? blockTime)
    {
        var r = tx.Result;
        w.WriteStartObject();
        LcdJson.WriteInt64(w, "height", tx.Height);
        w.WriteString("txhash", Hex.Upper(tx.Hash));
        w.WriteString("codespace", r.Codespace);
        w.WriteNumber("code", r.Code);
        w.WriteString("data", Hex.Upper(r.Data));
        w.WriteString("raw_log", r.Log);
        w.WriteStartArray("logs");
        w.WriteEndArray();
        w.WriteString("info", r.Info);
        LcdJson.WriteInt64(w, "gas_wanted", r.GasWanted);
        LcdJson.WriteInt64(w, "gas_used", r.GasUsed);
        TxProtoJson.Write(w, "tx", tx.Tx, asAny: true);
        w.WriteString("timestamp", blockTime is { } t ? LcdJson.Rfc3339Seconds(t) : "");
        TxJson.WriteEvents(w, "events", r.Events);
        w.WriteEndObject();
    }

    /// <summary>
    /// The answer of a sync/async broadcast (or a block broadcast that CheckTx refused): height 0, no tx, gas "0" as
    /// the SDK's broadcast response (CheckTx gas is not reported there).
    /// </summary>
    public static void WriteChecked(Utf8JsonWriter w, string name, CheckTxResult check)
    {
        w.WriteStartObject(name);
        LcdJson.WriteInt64(w, "height", 0);
        w.WriteString("txhash", Hex.Upper(check.Hash));
        w.WriteString("codespace", check.Codespace);
        w.WriteNumber("code", check.Code);
        w.WriteString("data", "");
        w.WriteString("raw_log", check.Log);
        w.WriteStartArray("logs");
        w.WriteEndArray();
        w.WriteString("info", "");
        LcdJson.WriteInt64(w, "gas_wanted", 0);
        LcdJson.WriteInt64(w, "gas_used", 0);
        w.WriteNull("tx");
        w.WriteString("timestamp", "");
        w.WriteStartArray("events");
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
