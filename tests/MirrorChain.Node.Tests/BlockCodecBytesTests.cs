using MirrorChain.Execution;

namespace MirrorChain.Node.Tests;

/// <summary>
/// The block and results encodings are stored in every home and hashed into headers: these pin them to the bytes a
/// <see cref="BinaryWriter"/> over <see cref="Encoding.UTF8"/> writes (the encoder the first homes were written with).
/// Results are stored in the compact version 2 layout since; the version 1 layout pinned here is what older homes
/// hold, and must keep decoding.
/// </summary>
public sealed class BlockCodecBytesTests
{
    // Strings around the one-byte length boundary (127 bytes), multi-byte and unpaired UTF-16.
    private static readonly string[] Strings =
    [
        "", "a", "transfer", new string('x', 42), new string('é', 42), new string('€', 42), new string('€', 43),
        new string('y', 127), new string('y', 128), new string('€', 50) + "\ud800", "\udfff", "a\ud83d\ude00b",
        new string('z', 20_000), "terra1qqqsyqcyq5rqwzqfpg9scrgwpugpzysn6vz3m3",
    ];

    [Fact]
    public void Version_1_results_encoding_is_byte_for_byte_what_a_utf8_binary_writer_writes_and_still_decodes()
    {
        var results = SampleResults();
        var reference = ReferenceResults(results);
        Assert.Equal(reference, BlockCodec.EncodeResultsVersion1(results));
        Assert.Equal(reference, BlockCodec.EncodeResultsVersion1(BlockCodec.DecodeResults(reference)));
    }

    [Fact]
    public void Block_and_header_encodings_are_byte_for_byte_what_a_utf8_binary_writer_writes()
    {
        var block = SampleBlock();
        Assert.Equal(ReferenceBlock(block), BlockCodec.EncodeBlock(block));
        Assert.Equal(Reference(w => WriteHeader(w, block.Header)), BlockCodec.EncodeHeader(block.Header));
    }

    [Fact]
    public void Results_hash_leaves_are_the_binary_writer_encoding_of_code_data_and_gas()
    {
        var results = SampleResults().TxResults;
        var leaves = results.Select(r => Reference(w =>
        {
            w.Write(r.Code);
            w.Write7BitEncodedInt(r.Data.Length);
            w.Write(r.Data);
            w.Write(r.GasWanted);
            w.Write(r.GasUsed);
        })).ToList();
        Assert.Equal(Hashing.MerkleRoot(leaves), BlockCodec.ResultsHash(results));
    }

    [Fact]
    public void Stored_block_and_results_are_the_public_encodings()
    {
        var block = SampleBlock();
        var results = SampleResults();
        using var store = new MemoryKeyValueStore();
        using (var batch = store.CreateBatch())
        {
            BlockStore.Append(batch, block, results, [Hashing.Sha256("tx"u8)]);
            store.Write(batch);
        }
        Assert.Equal(ReferenceBlock(block), store.Get(StoreKeys.BlockKey(block.Header.Height)));
        Assert.Equal(BlockCodec.EncodeResults(results), store.Get(StoreKeys.ResultsKey(block.Header.Height)));
        var back = new BlockStore(store).GetResults(block.Header.Height)!;
        Assert.Equal(ReferenceResults(results), BlockCodec.EncodeResultsVersion1(back));
    }

    private static BlockResults SampleResults()
    {
        var txs = new List<TxResult>();
        for (var i = 0; i < Strings.Length; i++)
        {
            var s = Strings[i];
            txs.Add(new TxResult
            {
                Code = (uint)(i * 1_000_003),
                Codespace = s,
                Log = Strings[(i + 1) % Strings.Length],
                Info = Strings[(i + 2) % Strings.Length],
                Data = Enumerable.Range(0, i * 37).Select(b => (byte)b).ToArray(),
                GasWanted = long.MaxValue - i,
                GasUsed = -i,
                Events =
                [
                    new Event(s, [new EventAttribute(s, Strings[(i + 3) % Strings.Length], i % 2 == 0), new EventAttribute("k", s, false)]),
                    new Event("coin_spent", []),
                ],
            });
        }
        txs.Add(new TxResult());
        return new BlockResults(1_234_567, txs, Hashing.Sha256("app"u8));
    }

    private static Block SampleBlock()
    {
        var header = new BlockHeader
        {
            ChainId = "mirrorchain-€-1",
            Height = 300,
            Time = new BlockTime(1_767_225_600, 999_999_999),
            LastBlockHash = Hashing.Sha256("prev"u8),
            DataHash = Hashing.MerkleRoot([]),
            AppHash = Hashing.Sha256("app"u8),
            LastResultsHash = [],
            ProposerAddress = new byte[20],
        };
        byte[][] txs = [[], [1, 2, 3], Enumerable.Range(0, 300).Select(b => (byte)b).ToArray(), new byte[20_000]];
        return new Block(header, txs, BlockCodec.HeaderHash(header));
    }

    private static byte[] ReferenceResults(BlockResults results) => Reference(w =>
    {
        w.Write((byte)1);
        w.Write(results.Height);
        w.Write7BitEncodedInt(results.AppHash.Length);
        w.Write(results.AppHash);
        w.Write7BitEncodedInt(results.TxResults.Count);
        foreach (var t in results.TxResults)
        {
            w.Write(t.Code);
            w.Write(t.Codespace);
            w.Write(t.Log);
            w.Write(t.Info);
            w.Write7BitEncodedInt(t.Data.Length);
            w.Write(t.Data);
            w.Write(t.GasWanted);
            w.Write(t.GasUsed);
            w.Write7BitEncodedInt(t.Events.Count);
            foreach (var e in t.Events)
            {
                w.Write(e.Type);
                w.Write7BitEncodedInt(e.Attributes.Count);
                foreach (var a in e.Attributes)
                {
                    w.Write(a.Key);
                    w.Write(a.Value);
                    w.Write(a.Index);
                }
            }
        }
    });

    private static byte[] ReferenceBlock(Block block) => Reference(w =>
    {
        WriteHeader(w, block.Header);
        w.Write7BitEncodedInt(block.Txs.Count);
        foreach (var tx in block.Txs)
        {
            w.Write7BitEncodedInt(tx.Length);
            w.Write(tx);
        }
    });

    private static void WriteHeader(BinaryWriter w, BlockHeader h)
    {
        w.Write((byte)1);
        w.Write(h.ChainId);
        w.Write(h.Height);
        w.Write(h.Time.Seconds);
        w.Write(h.Time.Nanos);
        foreach (var b in new[] { h.LastBlockHash, h.DataHash, h.AppHash, h.LastResultsHash, h.ProposerAddress })
        {
            w.Write7BitEncodedInt(b.Length);
            w.Write(b);
        }
    }

    private static byte[] Reference(Action<BinaryWriter> write)
    {
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms, Encoding.UTF8);
        write(w);
        w.Flush();
        return ms.ToArray();
    }
}
