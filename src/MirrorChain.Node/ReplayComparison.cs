using MirrorChain.Core;

namespace MirrorChain.Node;

/// <summary>Replay's check of a re-executed block against the stored results: every field of every tx result, then the app hash.</summary>
internal static class ReplayComparison
{
    /// <summary>
    /// <see cref="Compare"/> against a stored results record: when the replayed results encode to exactly the
    /// record's bytes they are identical to what it decodes to (<see cref="BlockCodec.IsRecordOf"/>), so the record
    /// is not decoded (a 1000-tx bank-send block's ~30,000 event strings); otherwise it is decoded and compared field
    /// by field, which names the first difference (or finds none, e.g. for a version 1 record).
    /// </summary>
    public static string? CompareWithRecord(byte[] stored, BlockResults actual) =>
        BlockCodec.IsRecordOf(stored, actual) ? null : Compare(BlockCodec.DecodeResults(stored), actual);

    /// <summary>null when identical; otherwise what differs first.</summary>
    public static string? Compare(BlockResults expected, BlockResults actual)
    {
        if (expected.TxResults.Count != actual.TxResults.Count)
        {
            return $"tx count {actual.TxResults.Count} != stored {expected.TxResults.Count}";
        }
        for (var i = 0; i < expected.TxResults.Count; i++)
        {
            var e = expected.TxResults[i];
            var a = actual.TxResults[i];
            if (e.Code != a.Code || e.GasUsed != a.GasUsed || !e.Data.AsSpan().SequenceEqual(a.Data) || e.Log != a.Log)
            {
                return $"tx {i}: replayed code {a.Code} gas {a.GasUsed} log '{a.Log}' != stored code {e.Code} gas {e.GasUsed} log '{e.Log}'";
            }
            if (e.Codespace != a.Codespace || e.Info != a.Info || e.GasWanted != a.GasWanted)
            {
                return $"tx {i}: replayed codespace '{a.Codespace}' info '{a.Info}' gas wanted {a.GasWanted} != stored codespace '{e.Codespace}' info '{e.Info}' gas wanted {e.GasWanted}";
            }
            if (CompareEvents(e.Events, a.Events) is { } events)
            {
                return $"tx {i}: {events}";
            }
        }
        if (!expected.AppHash.AsSpan().SequenceEqual(actual.AppHash))
        {
            return $"app hash {Hex.Upper(actual.AppHash)} != stored {Hex.Upper(expected.AppHash)}";
        }
        return null;
    }

    private static string? CompareEvents(IReadOnlyList<Event> expected, IReadOnlyList<Event> actual)
    {
        if (expected.Count != actual.Count)
        {
            return $"replayed {actual.Count} events != stored {expected.Count}";
        }
        for (var j = 0; j < expected.Count; j++)
        {
            var e = expected[j];
            var a = actual[j];
            var same = e.Type == a.Type && e.Attributes.Count == a.Attributes.Count;
            for (var k = 0; same && k < e.Attributes.Count; k++)
            {
                same = e.Attributes[k] == a.Attributes[k]; // record equality: key, value, index flag
            }
            if (!same)
            {
                return $"event {j}: replayed {Describe(a)} != stored {Describe(e)}";
            }
        }
        return null;
    }

    private static string Describe(Event e) =>
        e.Type + "{" + string.Join(", ", e.Attributes.Select(x => $"{x.Key}={x.Value}{(x.Index ? "" : " (not indexed)")}")) + "}";
}
