using System.Globalization;
using System.Text.Json;
using MirrorChain.Core;
using MirrorChain.Node;

namespace MirrorChain.Rpc;

/// <summary>
/// The events CometBFT 0.38 fires for one committed block (state/execution.go <c>fireEvents</c>), in its order:
/// NewBlock, NewBlockHeader, NewBlockEvents, then one Tx per tx. Attributes are flattened as the event bus does
/// (types/event_bus.go <c>validateAndStringifyEvents</c>: every attribute, indexed or not, skipping empty types and
/// keys) plus the reserved <c>tm.event</c>, and for txs <c>tx.hash</c> (upper hex) and <c>tx.height</c>.
/// </summary>
internal static class BlockEvents
{
    public const string EventTypeKey = "tm.event";
    public const string NewBlock = "NewBlock";
    public const string NewBlockHeader = "NewBlockHeader";
    public const string NewBlockEvents = "NewBlockEvents";
    public const string Tx = "Tx";

    public static List<RpcEvent> Create(Block block, BlockResults results, ulong appVersion, IReadOnlyList<CommitSignature>? lastCommitSignatures = null)
    {
        var events = new List<RpcEvent>(3 + block.Txs.Count)
        {
            new(NewBlock, Tagged(NewBlock, []), w => WriteNewBlock(w, block, results, appVersion, lastCommitSignatures)),
            new(NewBlockHeader, Tagged(NewBlockHeader, []), w =>
            {
                w.WriteStartObject();
                BlockJson.WriteHeader(w, "header", block.Header, appVersion, BlockJsonFormat.CometBft);
                w.WriteEndObject();
            }),
            new(NewBlockEvents, Tagged(NewBlockEvents, []), w =>
            {
                w.WriteStartObject();
                w.WriteInt64String("height", block.Header.Height);
                TxJson.WriteEvents(w, "events", []);
                w.WriteInt64String("num_txs", block.Txs.Count);
                w.WriteEndObject();
            }),
        };
        for (var i = 0; i < block.Txs.Count; i++)
        {
            var tx = block.Txs[i];
            var result = i < results.TxResults.Count ? results.TxResults[i] : new MirrorChain.Execution.TxResult();
            var attributes = Tagged(Tx, result.Events);
            Add(attributes, TxQuery.HashTag, Hex.Upper(Hashing.TxHash(tx)));
            Add(attributes, TxQuery.HeightTag, block.Header.Height.ToString(CultureInfo.InvariantCulture));
            var index = i;
            events.Add(new RpcEvent(Tx, attributes, w =>
            {
                w.WriteStartObject();
                w.WriteStartObject("TxResult");
                w.WriteInt64String("height", block.Header.Height);
                w.WriteNumber("index", index);
                w.WriteBase64String("tx", tx);
                w.WritePropertyName("result");
                TxJson.WriteExecTxResult(w, result);
                w.WriteEndObject();
                w.WriteEndObject();
            }));
        }
        return events;
    }

    /// <summary>EventDataNewBlock: <c>{block, block_id, result_finalize_block}</c>.</summary>
    private static void WriteNewBlock(Utf8JsonWriter w, Block block, BlockResults results, ulong appVersion, IReadOnlyList<CommitSignature>? lastCommitSignatures)
    {
        w.WriteStartObject();
        BlockJson.WriteBlock(w, "block", block, appVersion, BlockJsonFormat.CometBft, lastCommitSignatures);
        BlockJson.WriteBlockId(w, "block_id", block.Hash, BlockJsonFormat.CometBft);
        w.WriteStartObject("result_finalize_block");
        TxJson.WriteEvents(w, "events", []);
        w.WriteStartArray("tx_results");
        foreach (var r in results.TxResults)
        {
            TxJson.WriteExecTxResult(w, r);
        }
        w.WriteEndArray();
        w.WriteStartArray("validator_updates");
        w.WriteEndArray();
        w.WriteBase64String("app_hash", results.AppHash);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static Dictionary<string, List<string>> Tagged(string name, IReadOnlyList<Event> events)
    {
        var attributes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var ev in events)
        {
            if (ev.Type.Length == 0)
            {
                continue;
            }
            foreach (var a in ev.Attributes)
            {
                if (a.Key.Length > 0)
                {
                    Add(attributes, ev.Type + "." + a.Key, a.Value);
                }
            }
        }
        Add(attributes, EventTypeKey, name);
        return attributes;
    }

    private static void Add(Dictionary<string, List<string>> attributes, string key, string value)
    {
        if (!attributes.TryGetValue(key, out var values))
        {
            values = [];
            attributes[key] = values;
        }
        values.Add(value);
    }
}
