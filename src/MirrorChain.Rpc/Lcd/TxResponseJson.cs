using System.Text.Json;
using MirrorChain.Core;

namespace MirrorChain.Rpc.Lcd;

/// <summary>
/// cosmos.base.abci.v1beta1.TxResponse in the SDK ≥0.50 style: <c>raw_log</c> is the result log ("" on success),
/// <c>data</c> is upper-case hex, <c>timestamp</c> is the block time. <c>logs</c> is always an array: for a committed
/// successful tx it also carries the SDK ≤0.47 per-message logs (<see cref="WriteMessageLogs"/>), the only place
/// terra.js 3.x (and so mirror.js) reads a tx's events from; otherwise it is empty.
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
        w.WriteInt64String("height", tx.Height);
        w.WriteString("txhash", Hex.Upper(tx.Hash));
        w.WriteString("codespace", r.Codespace);
        w.WriteNumber("code", r.Code);
        w.WriteString("data", Hex.Upper(r.Data));
        w.WriteString("raw_log", r.Log);
        WriteMessageLogs(w, tx);
        w.WriteString("info", r.Info);
        w.WriteInt64String("gas_wanted", r.GasWanted);
        w.WriteInt64String("gas_used", r.GasUsed);
        TxProtoJson.Write(w, "tx", tx.Tx, asAny: true);
        w.WriteString("timestamp", blockTime is { } t ? LcdJson.Rfc3339Seconds(t) : "");
        TxJson.WriteEvents(w, "events", r.Events);
        w.WriteEndObject();
    }

    /// <summary>
    /// <c>logs</c>: one cosmos.base.abci.v1beta1.ABCIMessageLog per message of a successful tx,
    /// <c>{"msg_index":i,"log":"","events":[StringEvent…]}</c>, as SDK ≤0.47 built them: the message's events
    /// (those whose last attribute is the <c>msg_index</c> = i that baseapp appends; tx-level fee/ante events belong to
    /// no message) without that attribute, flattened like <c>sdk.StringifyEvents</c> — one event per type, types in
    /// ordinal order, attributes concatenated in emission order, no <c>index</c> flag. Failed txs: <c>[]</c>.
    /// </summary>
    private static void WriteMessageLogs(Utf8JsonWriter w, IndexedTx tx)
    {
        w.WriteStartArray("logs");
        var count = tx.Result.Code == 0 ? TxProtoJson.MessageCount(tx.Tx) : 0;
        for (var i = 0; i < count; i++)
        {
            var index = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var byType = new SortedDictionary<string, List<EventAttribute>>(StringComparer.Ordinal);
            foreach (var ev in tx.Result.Events)
            {
                var attrs = ev.Attributes;
                if (attrs.Count == 0 || attrs[^1].Key != "msg_index" || attrs[^1].Value != index)
                {
                    continue;
                }
                if (!byType.TryGetValue(ev.Type, out var list))
                {
                    byType[ev.Type] = list = [];
                }
                list.AddRange(attrs.Take(attrs.Count - 1));
            }
            w.WriteStartObject();
            w.WriteNumber("msg_index", i);
            w.WriteString("log", "");
            w.WriteStartArray("events");
            foreach (var (type, attrs) in byType)
            {
                w.WriteStartObject();
                w.WriteString("type", type);
                w.WriteStartArray("attributes");
                foreach (var a in attrs)
                {
                    w.WriteStartObject();
                    w.WriteString("key", a.Key);
                    w.WriteString("value", a.Value);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>
    /// The answer of a sync/async broadcast (or a block broadcast that CheckTx refused): height 0, no tx, gas "0" as
    /// the SDK's broadcast response (CheckTx gas is not reported there).
    /// </summary>
    public static void WriteChecked(Utf8JsonWriter w, string name, CheckTxResult check)
    {
        w.WriteStartObject(name);
        w.WriteInt64String("height", 0);
        w.WriteString("txhash", Hex.Upper(check.Hash));
        w.WriteString("codespace", check.Codespace);
        w.WriteNumber("code", check.Code);
        w.WriteString("data", "");
        w.WriteString("raw_log", check.Log);
        w.WriteStartArray("logs");
        w.WriteEndArray();
        w.WriteString("info", "");
        w.WriteInt64String("gas_wanted", 0);
        w.WriteInt64String("gas_used", 0);
        w.WriteNull("tx");
        w.WriteString("timestamp", "");
        w.WriteStartArray("events");
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
