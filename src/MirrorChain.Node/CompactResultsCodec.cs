using System.Runtime.InteropServices;
using System.Text;
using MirrorChain.Core;
using MirrorChain.Execution;

namespace MirrorChain.Node;

/// <summary>
/// The stored encoding of a block's results since version 2 (<c>docs/block-results-encoding.md</c>): every string
/// (event types, attribute keys and values, codespace, log, info) and every tx's data go through a per-record table
/// built in one pass: the first occurrence is written inline and takes the next table index, later ones are a varint
/// reference to it. A 1000-tx bank-send block repeats "coin_spent", "spender", "3000uluna", the fee collector, each
/// sender's address five times, the MsgSend response type URL…: stored once each instead of each time.
/// Version 1 records (<see cref="BlockCodec"/>, every string inline) stay readable.
/// </summary>
internal static class CompactResultsCodec
{
    public const byte Version = 2;

    // The writer's tables, reused by the next record written on the same thread (cleared first).
    [ThreadStatic]
    private static Tables? ThreadTables;

    /// <summary>
    /// Writes <paramref name="results"/> in the version 2 layout. True when every string round-trips exactly
    /// through UTF-8 (no unpaired surrogate, which the encoding turns into U+FFFD): then the decoded results equal
    /// <paramref name="results"/> field for field.
    /// </summary>
    public static bool Write(RecordWriter w, BlockResults results)
    {
        var tables = ThreadTables ??= new Tables();
        tables.Clear();
        try
        {
            w.Byte(Version);
            w.Int64(results.Height);
            w.Bytes(results.AppHash);
            w.Varint(results.TxResults.Count);
            foreach (var t in results.TxResults)
            {
                w.VarUInt64(t.Code);
                tables.String(w, t.Codespace, 0);
                tables.String(w, t.Log, 0);
                tables.String(w, t.Info, 0);
                tables.Data(w, t.Data);
                w.VarUInt64((ulong)t.GasWanted);
                w.VarUInt64((ulong)t.GasUsed);
                w.Varint(t.Events.Count);
                foreach (var e in t.Events)
                {
                    tables.String(w, e.Type, 0);
                    w.Varint(e.Attributes.Count);
                    foreach (var a in e.Attributes)
                    {
                        tables.String(w, a.Key, a.Index ? 1 : 0, flagged: true);
                        tables.String(w, a.Value, 0);
                    }
                }
            }
            return tables.Exact;
        }
        finally
        {
            tables.Clear();
        }
    }

    /// <summary>Reads a version 2 record (the version byte included).</summary>
    public static BlockResults Read(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        if (r.Byte() != Version)
        {
            throw new InvalidDataException("not a version 2 block results record");
        }
        var height = r.Int64();
        var appHash = r.Bytes().ToArray();
        var count = r.Count();
        var strings = new List<string>(Math.Min(count, 1 << 13) * 8);
        var datas = new List<(int Start, int Length)>();
        var txs = new TxResult[count];
        for (var i = 0; i < txs.Length; i++)
        {
            var code = r.VarUInt64();
            if (code > uint.MaxValue)
            {
                throw new InvalidDataException("corrupt block results record: a tx code out of range");
            }
            var codespace = ReadString(ref r, strings, out _);
            var log = ReadString(ref r, strings, out _);
            var info = ReadString(ref r, strings, out _);
            var txData = ReadData(ref r, datas);
            var gasWanted = (long)r.VarUInt64();
            var gasUsed = (long)r.VarUInt64();
            var events = new Event[r.Count()];
            for (var j = 0; j < events.Length; j++)
            {
                var type = ReadString(ref r, strings, out _);
                var attributes = new EventAttribute[r.Count()];
                for (var k = 0; k < attributes.Length; k++)
                {
                    var key = ReadString(ref r, strings, out var index, flagged: true);
                    attributes[k] = new EventAttribute(key, ReadString(ref r, strings, out _), index);
                }
                events[j] = new Event(type, attributes);
            }
            txs[i] = new TxResult
            {
                Code = (uint)code, Codespace = codespace, Log = log, Info = info, Data = txData,
                GasWanted = gasWanted, GasUsed = gasUsed, Events = events,
            };
        }
        if (!r.AtEnd)
        {
            throw new InvalidDataException("corrupt block results record: bytes after the last tx result");
        }
        return new BlockResults(height, txs, appHash);
    }

    // A reference: (index + 1) << flag bit, or 0 then the string inline (which takes the next index).
    private static string ReadString(ref SpanReader r, List<string> strings, out bool flag, bool flagged = false)
    {
        var reference = r.VarUInt64();
        flag = false;
        if (flagged)
        {
            flag = (reference & 1) != 0;
            reference >>= 1;
        }
        if (reference == 0)
        {
            var s = Encoding.UTF8.GetString(r.Bytes());
            strings.Add(s);
            return s;
        }
        if (reference > (ulong)strings.Count)
        {
            throw new InvalidDataException("corrupt block results record: a string reference past the table");
        }
        return strings[(int)reference - 1];
    }

    // Every tx gets its own array (a caller may keep or change it), as version 1 gives them; the table holds where
    // each distinct value lies in the record.
    private static byte[] ReadData(ref SpanReader r, List<(int Start, int Length)> datas)
    {
        var reference = r.VarUInt64();
        if (reference == 0)
        {
            var d = r.Bytes();
            datas.Add((r.Position - d.Length, d.Length));
            return d.ToArray();
        }
        if (reference > (ulong)datas.Count)
        {
            throw new InvalidDataException("corrupt block results record: a data reference past the table");
        }
        var (at, length) = datas[(int)reference - 1];
        return r.Slice(at, length).ToArray();
    }

    /// <summary>The writer's string and data tables: value → index of its first occurrence, in order of appearance.</summary>
    private sealed class Tables
    {
        private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
        private readonly Dictionary<byte[], int> _datas = new(ByteArrayContent.Instance);

        public bool Exact { get; private set; } = true;

        public void Clear()
        {
            _strings.Clear();
            _datas.Clear();
            Exact = true;
        }

        public void String(RecordWriter w, string s, int flag, bool flagged = false)
        {
            // One lookup: a new string's slot is filled with its index (the count before it was added).
            ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(_strings, s, out var known);
            if (known)
            {
                w.VarUInt64(flagged ? ((ulong)(index + 1) << 1) | (uint)flag : (ulong)(index + 1));
                return;
            }
            index = _strings.Count - 1;
            w.VarUInt64(flagged ? (uint)flag : 0UL);
            w.String(s);
            if (s.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF') && !IsWellFormed(s))
            {
                Exact = false;
            }
        }

        public void Data(RecordWriter w, byte[] data)
        {
            ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(_datas, data, out var known);
            if (known)
            {
                w.VarUInt64((ulong)(index + 1));
                return;
            }
            index = _datas.Count - 1;
            w.VarUInt64(0);
            w.Bytes(data);
        }

        private static bool IsWellFormed(string s)
        {
            var span = s.AsSpan();
            while (!span.IsEmpty)
            {
                if (Rune.DecodeFromUtf16(span, out _, out var used) != System.Buffers.OperationStatus.Done)
                {
                    return false;
                }
                span = span[used..];
            }
            return true;
        }
    }

    /// <summary>Byte arrays compared by content (the per-process randomised <see cref="HashCode"/>).</summary>
    private sealed class ByteArrayContent : IEqualityComparer<byte[]>
    {
        public static readonly ByteArrayContent Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj)
        {
            var h = new HashCode();
            h.AddBytes(obj);
            return h.ToHashCode();
        }
    }
}
