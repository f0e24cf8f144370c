using MirrorChain.Core;
using MirrorChain.Execution;
using MirrorChain.Storage;

namespace MirrorChain.Node;

/// <summary>
/// Deterministic binary encodings of blocks, headers and results, and the header hash.
/// Layout: version byte, then fields in declaration order; strings and byte strings length-prefixed (7-bit varint).
/// Encoded by <see cref="RecordWriter"/> (one pass into a pooled buffer), decoded with a <c>BinaryReader</c>;
/// the bytes are what a <c>BinaryWriter</c> over <c>Encoding.UTF8</c> writes, as every existing home holds them.
/// </summary>
public static class BlockCodec
{
    private const byte Version = 1;

    public static byte[] EncodeHeader(BlockHeader h) => RecordWriter.Encode(h, WriteHeader);

    /// <summary>The block hash: SHA-256 of the header encoding.</summary>
    public static byte[] HeaderHash(BlockHeader h) => Hashing.Sha256(EncodeHeader(h));

    public static byte[] EncodeBlock(Block block) => RecordWriter.Encode(block, WriteBlock);

    /// <summary>Puts <see cref="EncodeBlock"/>'s bytes into <paramref name="batch"/> without an array of their own.</summary>
    internal static void PutBlock(IWriteBatch batch, byte[] key, Block block) => RecordWriter.Put(batch, key, block, WriteBlock);

    public static Block DecodeBlock(byte[] data)
    {
        using var r = new BinaryReader(new MemoryStream(data));
        var header = ReadHeader(r);
        var txs = ReadList(r, ReadBytes);
        return new Block(header, txs, HeaderHash(header));
    }

    /// <summary>A block's results as they are stored: the compact version 2 layout (<see cref="CompactResultsCodec"/>).</summary>
    public static byte[] EncodeResults(BlockResults results) => RecordWriter.Encode(results, CompactResultsCodec.Write);

    /// <summary>
    /// Puts <see cref="EncodeResults"/>'s bytes into <paramref name="batch"/> without an array of their own. True when
    /// <see cref="DecodeResults"/> gives back <paramref name="results"/> exactly (every string valid UTF-16).
    /// </summary>
    internal static bool PutResults(IWriteBatch batch, byte[] key, BlockResults results) =>
        RecordWriter.Put(batch, key, results, CompactResultsCodec.Write);

    /// <summary>
    /// The version 1 layout (every string inline, as a <c>BinaryWriter</c> over UTF-8 writes it): what homes written
    /// before version 2 hold. Only for tests and tools that need such a record.
    /// </summary>
    public static byte[] EncodeResultsVersion1(BlockResults results) => RecordWriter.Encode(results, WriteResults);

    /// <summary>
    /// True when <paramref name="record"/> is exactly what <see cref="EncodeResults"/> writes for
    /// <paramref name="results"/> and that decodes back to them exactly: then <see cref="DecodeResults"/> of the
    /// record equals <paramref name="results"/> field for field (the layout is read back unambiguously). False says
    /// nothing (e.g. a version 1 record, or other results): decode and compare.
    /// </summary>
    internal static bool IsRecordOf(ReadOnlySpan<byte> record, BlockResults results) =>
        record.Length > 0 && record[0] == CompactResultsCodec.Version && RecordWriter.WritesExactly(results, CompactResultsCodec.Write, record);

    /// <summary>Decodes a stored results record of either layout (its first byte: 1 or 2).</summary>
    public static BlockResults DecodeResults(byte[] data)
    {
        if (data.Length > 0 && data[0] == CompactResultsCodec.Version)
        {
            return CompactResultsCodec.Read(data);
        }
        using var r = new BinaryReader(new MemoryStream(data));
        CheckVersion(r.ReadByte());
        var height = r.ReadInt64();
        var appHash = ReadBytes(r);
        var list = ReadList(r, ReadTxResult);
        return new BlockResults(height, list, appHash);
    }

    /// <summary>
    /// The hash that commits to a block's tx results (the next header's last_results_hash): RFC 6962 Merkle root
    /// over each result's deterministic fields (code, data, gas wanted, gas used), as CometBFT does.
    /// </summary>
    public static byte[] ResultsHash(IReadOnlyList<TxResult> results)
    {
        var leaves = new List<byte[]>(results.Count);
        foreach (var r in results)
        {
            leaves.Add(RecordWriter.Encode(r, static (w, r) =>
            {
                w.UInt32(r.Code);
                w.Bytes(r.Data);
                w.Int64(r.GasWanted);
                w.Int64(r.GasUsed);
            }));
        }
        return Hashing.MerkleRoot(leaves);
    }

    private static void WriteBlock(RecordWriter w, Block block)
    {
        WriteHeader(w, block.Header);
        w.Varint(block.Txs.Count);
        foreach (var tx in block.Txs)
        {
            w.Bytes(tx);
        }
    }

    private static void WriteResults(RecordWriter w, BlockResults results)
    {
        w.Byte(Version);
        w.Int64(results.Height);
        w.Bytes(results.AppHash);
        w.Varint(results.TxResults.Count);
        foreach (var result in results.TxResults)
        {
            WriteTxResult(w, result);
        }
    }

    private static void WriteHeader(RecordWriter w, BlockHeader h)
    {
        w.Byte(Version);
        w.String(h.ChainId);
        w.Int64(h.Height);
        w.Int64(h.Time.Seconds);
        w.Int32(h.Time.Nanos);
        w.Bytes(h.LastBlockHash);
        w.Bytes(h.DataHash);
        w.Bytes(h.AppHash);
        w.Bytes(h.LastResultsHash);
        w.Bytes(h.ProposerAddress);
    }

    private static BlockHeader ReadHeader(BinaryReader r)
    {
        CheckVersion(r.ReadByte());
        return new BlockHeader
        {
            ChainId = ReadString(r),
            Height = r.ReadInt64(),
            Time = new BlockTime(r.ReadInt64(), r.ReadInt32()),
            LastBlockHash = ReadBytes(r),
            DataHash = ReadBytes(r),
            AppHash = ReadBytes(r),
            LastResultsHash = ReadBytes(r),
            ProposerAddress = ReadBytes(r),
        };
    }

    private static void WriteTxResult(RecordWriter w, TxResult t)
    {
        w.UInt32(t.Code);
        w.String(t.Codespace);
        w.String(t.Log);
        w.String(t.Info);
        w.Bytes(t.Data);
        w.Int64(t.GasWanted);
        w.Int64(t.GasUsed);
        w.Varint(t.Events.Count);
        foreach (var e in t.Events)
        {
            w.String(e.Type);
            w.Varint(e.Attributes.Count);
            foreach (var a in e.Attributes)
            {
                w.String(a.Key);
                w.String(a.Value);
                w.Bool(a.Index);
            }
        }
    }

    private static TxResult ReadTxResult(BinaryReader r)
    {
        var code = r.ReadUInt32();
        var codespace = ReadString(r);
        var log = ReadString(r);
        var info = ReadString(r);
        var data = ReadBytes(r);
        var gasWanted = r.ReadInt64();
        var gasUsed = r.ReadInt64();
        var events = ReadList(r, r => new Event(ReadString(r), ReadList(r, r => new EventAttribute(ReadString(r), ReadString(r), r.ReadBoolean()))));
        return new TxResult
        {
            Code = code, Codespace = codespace, Log = log, Info = info, Data = data,
            GasWanted = gasWanted, GasUsed = gasUsed, Events = events,
        };
    }

    private static T[] ReadList<T>(BinaryReader r, Func<BinaryReader, T> read)
    {
        var items = new T[r.Read7BitEncodedInt()];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = read(r);
        }
        return items;
    }

    private static void CheckVersion(byte v)
    {
        if (v != Version)
        {
            throw new InvalidDataException($"unsupported block encoding version {v}");
        }
    }

    private static byte[] ReadBytes(BinaryReader r)
    {
        var n = r.Read7BitEncodedInt();
        var b = r.ReadBytes(n);
        if (b.Length != n)
        {
            throw new InvalidDataException("truncated block record");
        }
        return b;
    }

    private static string ReadString(BinaryReader r) => System.Text.Encoding.UTF8.GetString(ReadBytes(r));
}
