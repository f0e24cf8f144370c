using MirrorChain.Core;
using MirrorChain.Execution;

namespace MirrorChain.Node;

/// <summary>
/// Deterministic binary encodings of blocks, headers and results, and the header hash.
/// Layout: version byte, then fields in declaration order; strings and byte strings length-prefixed (7-bit varint).
/// </summary>
public static class BlockCodec
{
    private const byte Version = 1;

    public static byte[] EncodeHeader(BlockHeader h) => Encode(w => WriteHeader(w, h));

    /// <summary>The block hash: SHA-256 of the header encoding.</summary>
    public static byte[] HeaderHash(BlockHeader h) => Hashing.Sha256(EncodeHeader(h));

    public static byte[] EncodeBlock(Block block) => Encode(w =>
    {
        WriteHeader(w, block.Header);
        WriteList(w, block.Txs, WriteBytes);
    });

    public static Block DecodeBlock(byte[] data)
    {
        using var r = new BinaryReader(new MemoryStream(data));
        var header = ReadHeader(r);
        var txs = ReadList(r, ReadBytes);
        return new Block(header, txs, HeaderHash(header));
    }

    public static byte[] EncodeResults(BlockResults results) => Encode(w =>
    {
        w.Write(Version);
        w.Write(results.Height);
        WriteBytes(w, results.AppHash);
        WriteList(w, results.TxResults, WriteTxResult);
    });

    public static BlockResults DecodeResults(byte[] data)
    {
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
            leaves.Add(Encode(w =>
            {
                w.Write(r.Code);
                WriteBytes(w, r.Data);
                w.Write(r.GasWanted);
                w.Write(r.GasUsed);
            }));
        }
        return Hashing.MerkleRoot(leaves);
    }

    private static void WriteHeader(BinaryWriter w, BlockHeader h)
    {
        w.Write(Version);
        WriteString(w, h.ChainId);
        w.Write(h.Height);
        w.Write(h.Time.Seconds);
        w.Write(h.Time.Nanos);
        WriteBytes(w, h.LastBlockHash);
        WriteBytes(w, h.DataHash);
        WriteBytes(w, h.AppHash);
        WriteBytes(w, h.LastResultsHash);
        WriteBytes(w, h.ProposerAddress);
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

    private static void WriteTxResult(BinaryWriter w, TxResult t)
    {
        w.Write(t.Code);
        WriteString(w, t.Codespace);
        WriteString(w, t.Log);
        WriteString(w, t.Info);
        WriteBytes(w, t.Data);
        w.Write(t.GasWanted);
        w.Write(t.GasUsed);
        WriteList(w, t.Events, (w, e) =>
        {
            WriteString(w, e.Type);
            WriteList(w, e.Attributes, (w, a) =>
            {
                WriteString(w, a.Key);
                WriteString(w, a.Value);
                w.Write(a.Index);
            });
        });
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

    private static byte[] Encode(Action<BinaryWriter> write)
    {
        using var ms = new MemoryStream();
        // Encoding.UTF8 (replacement fallback): Write(string) gives the same bytes as Encoding.UTF8.GetBytes.
        using var w = new BinaryWriter(ms, System.Text.Encoding.UTF8);
        write(w);
        w.Flush();
        return ms.ToArray();
    }

    /// <summary>A count (7-bit varint), then each item.</summary>
    private static void WriteList<T>(BinaryWriter w, IReadOnlyCollection<T> items, Action<BinaryWriter, T> write)
    {
        w.Write7BitEncodedInt(items.Count);
        foreach (var item in items)
        {
            write(w, item);
        }
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

    private static void WriteBytes(BinaryWriter w, byte[] b)
    {
        w.Write7BitEncodedInt(b.Length);
        w.Write(b);
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

    /// <summary>
    /// The UTF-8 byte count (7-bit varint), then the UTF-8 bytes (lone surrogates as U+FFFD, as Encoding.UTF8 does):
    /// BinaryWriter.Write(string) with the writer's Encoding.UTF8 writes exactly that, without a temporary array.
    /// </summary>
    private static void WriteString(BinaryWriter w, string s) => w.Write(s);

    private static string ReadString(BinaryReader r) => System.Text.Encoding.UTF8.GetString(ReadBytes(r));
}
