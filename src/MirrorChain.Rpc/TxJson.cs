using System.Text.Json;
using MirrorChain.Core;
using MirrorChain.Execution;

namespace MirrorChain.Rpc;

/// <summary>JSON of tx results in the CometBFT 0.38 shapes: ExecTxResult, CheckTx, events, ResultTx and TxProof.</summary>
internal static class TxJson
{
    /// <summary>ABCI ExecTxResult (<c>tx_result</c>, <c>txs_results[i]</c>).</summary>
    public static void WriteExecTxResult(Utf8JsonWriter w, TxResult r)
    {
        w.WriteStartObject();
        w.WriteNumber("code", r.Code);
        w.WriteBase64OrNull("data", r.Data);
        w.WriteString("log", r.Log);
        w.WriteString("info", r.Info);
        w.WriteInt64String("gas_wanted", r.GasWanted);
        w.WriteInt64String("gas_used", r.GasUsed);
        WriteEvents(w, "events", r.Events);
        w.WriteString("codespace", r.Codespace);
        w.WriteEndObject();
    }

    /// <summary>An ExecTxResult with every field at its zero value (a tx that never executed).</summary>
    public static void WriteEmptyExecTxResult(Utf8JsonWriter w) => WriteExecTxResult(w, new TxResult());

    /// <summary>ABCI ResponseCheckTx as CometBFT 0.38 renders it in <c>broadcast_tx_commit</c>.</summary>
    public static void WriteCheckTx(Utf8JsonWriter w, CheckTxResult r)
    {
        w.WriteStartObject();
        w.WriteNumber("code", r.Code);
        w.WriteNull("data");
        w.WriteString("log", r.Log);
        w.WriteString("info", "");
        w.WriteInt64String("gas_wanted", r.GasWanted);
        w.WriteInt64String("gas_used", r.GasUsed);
        w.WriteStartArray("events");
        w.WriteEndArray();
        w.WriteString("codespace", r.Codespace);
        w.WriteEndObject();
    }

    public static void WriteEvents(Utf8JsonWriter w, string name, IReadOnlyList<Event> events)
    {
        w.WriteStartArray(name);
        foreach (var ev in events)
        {
            w.WriteStartObject();
            w.WriteString("type", ev.Type);
            w.WriteStartArray("attributes");
            foreach (var a in ev.Attributes)
            {
                w.WriteStartObject();
                w.WriteString("key", a.Key);
                w.WriteString("value", a.Value);
                w.WriteBoolean("index", a.Index);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>ResultTx: one element of <c>tx_search.txs</c>, or the <c>tx</c> result. <c>proof</c> only when proven.</summary>
    public static void WriteResultTx(Utf8JsonWriter w, IndexedTx tx, TxProof? proof)
    {
        w.WriteStartObject();
        w.WriteHex("hash", tx.Hash);
        w.WriteInt64String("height", tx.Height);
        w.WriteNumber("index", tx.Index);
        w.WritePropertyName("tx_result");
        WriteExecTxResult(w, tx.Result);
        w.WriteBase64String("tx", tx.Tx);
        if (proof is not null)
        {
            w.WriteStartObject("proof");
            w.WriteHex("root_hash", proof.RootHash);
            w.WriteBase64String("data", proof.Tx);
            w.WriteStartObject("proof");
            w.WriteInt64String("total", proof.Total);
            w.WriteInt64String("index", proof.Index);
            w.WriteBase64String("leaf_hash", proof.LeafHash);
            w.WriteStartArray("aunts");
            foreach (var aunt in proof.Aunts)
            {
                w.WriteBase64StringValue(aunt);
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
