using System.Globalization;
using System.Text.Json;
using MirrorChain.Core;
using MirrorChain.Execution;

namespace MirrorChain.Rpc.Remote;

/// <summary>
/// Reads CometBFT 0.38's JSON-RPC answers (rpc/core/types): int64 as strings, HexBytes as hex, []byte as base64. A
/// field that is missing or of the wrong type is a <see cref="FormatException"/> naming it.
/// </summary>
public static class CometBftJson
{
    /// <summary>ResultTx (<c>tx</c>, an element of <c>tx_search.txs</c>): hash, height, index, tx_result, tx.</summary>
    public static IndexedTx ResultTx(JsonElement e) => new(
        HexBytes(e, "hash"),
        Int64(e, "height"),
        checked((int)Int64(e, "index")),
        Base64(e, "tx"),
        ExecTxResult(Property(e, "tx_result")));

    /// <summary>ABCI ExecTxResult: code, data, log, info, gas_wanted, gas_used, events, codespace.</summary>
    public static TxResult ExecTxResult(JsonElement e) => new()
    {
        Code = checked((uint)OptionalInt64(e, "code")),
        Data = OptionalBase64(e, "data"),
        Log = OptionalString(e, "log"),
        Info = OptionalString(e, "info"),
        GasWanted = OptionalInt64(e, "gas_wanted"),
        GasUsed = OptionalInt64(e, "gas_used"),
        Events = Events(e),
        Codespace = OptionalString(e, "codespace"),
    };

    /// <summary>ResultBroadcastTx (<c>broadcast_tx_sync</c> / <c>_async</c>): code, data, log, codespace, hash.</summary>
    public static CheckTxResult ResultBroadcastTx(JsonElement e) =>
        new(checked((uint)OptionalInt64(e, "code")), OptionalString(e, "codespace"), OptionalString(e, "log"), HexBytes(e, "hash"));

    /// <summary><c>check_tx</c> of ResultBroadcastTxCommit, with the tx's hash.</summary>
    public static CheckTxResult CheckTx(JsonElement e, byte[] hash) => new(
        checked((uint)OptionalInt64(e, "code")), OptionalString(e, "codespace"), OptionalString(e, "log"), hash,
        OptionalInt64(e, "gas_wanted"), OptionalInt64(e, "gas_used"));

    /// <summary><c>status.sync_info.latest_block_height</c>.</summary>
    public static long LatestBlockHeight(JsonElement status) => Int64(Property(status, "sync_info"), "latest_block_height");

    /// <summary><c>status.sync_info.catching_up</c>.</summary>
    public static bool CatchingUp(JsonElement status)
    {
        var v = Property(Property(status, "sync_info"), "catching_up");
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new FormatException("catching_up is not a boolean"),
        };
    }

    /// <summary><c>block.header.time</c> of a ResultBlock.</summary>
    public static BlockTime BlockTime(JsonElement resultBlock) =>
        Time(Property(Property(Property(resultBlock, "block"), "header"), "time"));

    public static BlockTime Time(JsonElement e) => e.ValueKind == JsonValueKind.String
        ? Core.BlockTime.ParseRfc3339(e.GetString()!)
        : throw new FormatException("time is not a string");

    private static List<Event> Events(JsonElement e)
    {
        var list = new List<Event>();
        if (!e.TryGetProperty("events", out var events) || events.ValueKind == JsonValueKind.Null)
        {
            return list;
        }
        foreach (var ev in Array(events, "events"))
        {
            var attributes = new List<EventAttribute>();
            if (ev.TryGetProperty("attributes", out var attrs) && attrs.ValueKind != JsonValueKind.Null)
            {
                foreach (var a in Array(attrs, "attributes"))
                {
                    var index = a.TryGetProperty("index", out var i) && i.ValueKind == JsonValueKind.True;
                    attributes.Add(new EventAttribute(OptionalString(a, "key"), OptionalString(a, "value"), index));
                }
            }
            list.Add(new Event(OptionalString(ev, "type"), attributes));
        }
        return list;
    }

    public static JsonElement Property(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : throw new FormatException($"no \"{name}\" in the answer");

    public static JsonElement.ArrayEnumerator Array(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray() : throw new FormatException($"\"{name}\" is not an array");

    /// <summary>An int64 written as a string (CometBFT's amino JSON) or as a number.</summary>
    public static long Int64(JsonElement e, string name)
    {
        var v = Property(e, name);
        return v.ValueKind switch
        {
            JsonValueKind.String when long.TryParse(v.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
            JsonValueKind.Number when v.TryGetInt64(out var n) => n,
            _ => throw new FormatException($"\"{name}\" is not an integer: {v.GetRawText()}"),
        };
    }

    private static long OptionalInt64(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? Int64(e, name) : 0;

    public static string String(JsonElement e, string name)
    {
        var v = Property(e, name);
        return v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new FormatException($"\"{name}\" is not a string");
    }

    private static string OptionalString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? String(e, name) : "";

    public static byte[] HexBytes(JsonElement e, string name) =>
        Hex.TryDecode(String(e, name), out var bytes) ? bytes : throw new FormatException($"\"{name}\" is not hex");

    private static byte[] Base64(JsonElement e, string name)
    {
        try
        {
            return Convert.FromBase64String(String(e, name));
        }
        catch (FormatException)
        {
            throw new FormatException($"\"{name}\" is not base64");
        }
    }

    private static byte[] OptionalBase64(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? Base64(e, name) : [];
}
