using MirrorChain.Execution;

namespace MirrorChain.Node.Tests;

public sealed class BlockCodecTests
{
    private static BlockHeader Header() => new()
    {
        ChainId = "mirrorchain-test-1",
        Height = 7,
        Time = new BlockTime(1_767_225_600, 123_000_000),
        LastBlockHash = Hashing.Sha256("prev"u8),
        DataHash = Hashing.MerkleRoot([]),
        AppHash = Hashing.Sha256("app"u8),
        LastResultsHash = [],
        ProposerAddress = new byte[20],
    };

    [Fact]
    public void Block_round_trips_and_keeps_its_hash()
    {
        var h = Header();
        var block = new Block(h, [[1, 2, 3], []], BlockCodec.HeaderHash(h));
        var back = BlockCodec.DecodeBlock(BlockCodec.EncodeBlock(block));
        Assert.Equal(block.Hash, back.Hash);
        Assert.Equal(h.Time, back.Header.Time);
        Assert.Equal([1, 2, 3], back.Txs[0]);
        Assert.Empty(back.Txs[1]);
    }

    [Fact]
    public void Header_hash_depends_on_every_field()
    {
        var h = Header();
        var hashes = new[]
        {
            BlockCodec.HeaderHash(h),
            BlockCodec.HeaderHash(h with { Height = 8 }),
            BlockCodec.HeaderHash(h with { Time = new BlockTime(1_767_225_600, 123_000_001) }),
            BlockCodec.HeaderHash(h with { AppHash = Hashing.Sha256("x"u8) }),
            BlockCodec.HeaderHash(h with { ChainId = "other-1" }),
            BlockCodec.HeaderHash(h with { ProposerAddress = new byte[20].Select(_ => (byte)1).ToArray() }),
        };
        Assert.Equal(hashes.Length, hashes.Select(h => Hex.Upper(h)).Distinct().Count());
    }

    [Fact]
    public void Results_round_trip_with_events()
    {
        var results = new BlockResults(3,
        [
            new TxResult { Code = 5, Codespace = "sdk", Log = "insufficient funds", GasWanted = 200000, GasUsed = 51234, Data = [9] },
            new TxResult { Events = [new Event("transfer", [new EventAttribute("amount", "5uluna", true), new EventAttribute("memo", "", false)])] },
        ], Hashing.Sha256("root"u8));
        var back = BlockCodec.DecodeResults(BlockCodec.EncodeResults(results));
        Assert.Equal(results.AppHash, back.AppHash);
        Assert.Equal(5u, back.TxResults[0].Code);
        Assert.Equal("insufficient funds", back.TxResults[0].Log);
        Assert.Equal(51234, back.TxResults[0].GasUsed);
        Assert.Equal("transfer", back.TxResults[1].Events[0].Type);
        Assert.False(back.TxResults[1].Events[0].Attributes[1].Index);
        Assert.Equal(BlockCodec.ResultsHash(results.TxResults), BlockCodec.ResultsHash(back.TxResults));
    }

    [Fact]
    public void Result_strings_are_length_prefixed_utf8_with_lone_surrogates_as_replacement_characters()
    {
        var results = new BlockResults(1,
            [new TxResult { Log = "é\ud800", Events = [new Event("t", [new EventAttribute("k", new string('x', 200) + "\udfff")])] }], []);

        var bytes = BlockCodec.EncodeResults(results);
        var back = BlockCodec.DecodeResults(bytes);

        // "é" + U+FFFD: 5 bytes, prefix 5, as Encoding.UTF8.GetBytes gives them
        var log = Encoding.UTF8.GetBytes("é\ufffd");
        Assert.Equal([0xC3, 0xA9, 0xEF, 0xBF, 0xBD], log);
        var prefixed = new byte[] { 5 }.Concat(log).ToArray();
        Assert.True(bytes.AsSpan().IndexOf(prefixed) > 0);
        Assert.Equal("é\ufffd", back.TxResults[0].Log);
        Assert.Equal(new string('x', 200) + "\ufffd", back.TxResults[0].Events[0].Attributes[0].Value);
        Assert.Equal(bytes, BlockCodec.EncodeResults(back));
    }
}
