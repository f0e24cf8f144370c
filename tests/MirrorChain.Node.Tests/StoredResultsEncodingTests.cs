using MirrorChain.Crypto;
using MirrorChain.Execution;
using MirrorChain.Tests;
using MirrorChain.Tx;
using MirrorChain.Tx.Messages;

namespace MirrorChain.Node.Tests;

/// <summary>
/// The stored block results record (version 2, a per-record string and data table): it gives back every field of
/// real and synthetic results, version 1 records (every string inline) written by earlier builds still decode to the
/// same results, and a damaged record is a clear <see cref="InvalidDataException"/>.
/// </summary>
public sealed class StoredResultsEncodingTests
{
    private const string ChainId = "mirrorchain-devnet-1";
    private static readonly BlockTime T0 = DevnetBankChain.T0;
    private static readonly PrivateKey Test2 = DevnetBankChain.Test2;
    private static readonly Address Test3 = DevnetBankChain.Test3;

    /// <summary>Every field, in the version 1 layout: equal bytes = equal results (height and app hash included).</summary>
    private static byte[] Fields(BlockResults r) => BlockCodec.EncodeResultsVersion1(r);

    private static BlockResults RoundTrip(BlockResults r) => BlockCodec.DecodeResults(BlockCodec.EncodeResults(r));

    [Fact]
    public void Bank_blocks_with_failed_txs_and_an_empty_block_round_trip_field_for_field()
    {
        var genesis = DevnetGenesis();
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, genesis, new MirrorApplication());
        var number = Accounts.Get(node.State.Committed, Test2.Address)!.AccountNumber;
        var blocks = new List<BlockResults>();
        // block 1: three sends; block 2: a send, a bad signature, a send of more than the balance, a replayed
        // sequence; block 3: empty
        blocks.Add(Commit(node, 1, [Send(number, 0, 1), Send(number, 1, 2), Send(number, 2, 3)]));
        var bad = Send(number, 4, 5);
        bad[^1] ^= 1;
        blocks.Add(Commit(node, 2, [Send(number, 3, 4), bad, Send(number, 4, ulong.MaxValue / 2), Send(number, 3, 6)]));
        blocks.Add(Commit(node, 3, []));
        Assert.Contains(blocks[1].TxResults, r => r.Code != 0);
        Assert.Contains(blocks[1].TxResults, r => r.Code == 0 && r.Events.Count > 10);
        Assert.Empty(blocks[2].TxResults);

        var stored = new BlockStore(db); // nothing kept in memory: every height decoded from its record
        for (var h = 1; h <= 3; h++)
        {
            var record = db.Get(StoreKeys.ResultsKey(h))!;
            Assert.Equal(CompactResultsCodec.Version, record[0]);
            Assert.Equal(Fields(blocks[h - 1]), Fields(stored.GetResults(h)!));
            Assert.Equal(BlockCodec.ResultsHash(blocks[h - 1].TxResults), BlockCodec.ResultsHash(stored.GetResults(h)!.TxResults));
        }
    }

    [Fact]
    public void A_bank_block_record_is_less_than_half_the_version_1_size()
    {
        var genesis = DevnetGenesis();
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, genesis, new MirrorApplication());
        var number = Accounts.Get(node.State.Committed, Test2.Address)!.AccountNumber;
        var results = Commit(node, 1, [.. Enumerable.Range(0, 20).Select(i => Send(number, (ulong)i, 1))]);
        Assert.True(db.Get(StoreKeys.ResultsKey(1))!.Length * 2 < BlockCodec.EncodeResultsVersion1(results).Length);
    }

    [Fact]
    public void Contract_like_results_with_many_events_round_trip_field_for_field()
    {
        var results = new BlockResults(42, [.. Enumerable.Range(0, 30).Select(ContractLikeResult)], Hashing.Sha256("app"u8));
        Assert.Equal(Fields(results), Fields(RoundTrip(results)));
    }

    [Fact]
    public void Random_results_over_a_small_alphabet_round_trip_field_for_field()
    {
        string[] words = ["", "a", "amount", "3000uluna", "terra1qqqsyqcyq5rqwzqfpg9scrgwpugpzysn6vz3m3", "é€😀", new string('y', 128), new string('z', 20_000)];
        var random = new Random(20261203);
        for (var round = 0; round < 40; round++)
        {
            string Word() => random.Next(4) == 0 ? words[random.Next(words.Length)] + random.Next(3) : words[random.Next(words.Length)];
            var txs = Enumerable.Range(0, random.Next(0, 12)).Select(_ => new TxResult
            {
                Code = (uint)random.Next(3) switch { 0 => 0u, 1 => (uint)random.Next(), _ => uint.MaxValue },
                Codespace = Word(),
                Log = Word(),
                Info = Word(),
                Data = [.. Enumerable.Range(0, random.Next(3) * 7).Select(b => (byte)(b % 3))],
                GasWanted = random.Next(3) == 0 ? long.MinValue : random.NextInt64(),
                GasUsed = -random.NextInt64(2),
                Events = [.. Enumerable.Range(0, random.Next(5)).Select(_ => new Event(Word(),
                    [.. Enumerable.Range(0, random.Next(6)).Select(_ => new EventAttribute(Word(), Word(), random.Next(2) == 0))]))],
            }).ToList();
            var results = new BlockResults(random.NextInt64(), txs, [.. Enumerable.Range(0, random.Next(3) * 16).Select(b => (byte)b)]);
            Assert.Equal(Fields(results), Fields(RoundTrip(results)));
        }
    }

    [Fact]
    public void Version_1_records_of_earlier_builds_still_decode_to_the_same_results()
    {
        var genesis = DevnetGenesis();
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, genesis, new MirrorApplication());
        var number = Accounts.Get(node.State.Committed, Test2.Address)!.AccountNumber;
        var bank = Commit(node, 1, [Send(number, 0, 1), Send(number, 0, 2)]);
        var contract = new BlockResults(9, [.. Enumerable.Range(0, 5).Select(ContractLikeResult)], []);
        foreach (var results in new[] { bank, contract })
        {
            var version1 = BlockCodec.EncodeResultsVersion1(results);
            Assert.Equal(1, version1[0]);
            var decoded = BlockCodec.DecodeResults(version1);
            Assert.Equal(version1, Fields(decoded));
            Assert.Equal(Fields(RoundTrip(results)), Fields(decoded));
        }
    }

    [Fact]
    public void A_version_1_record_in_a_store_is_served_as_before()
    {
        using var db = new MemoryKeyValueStore();
        var results = new BlockResults(3, [ContractLikeResult(1), new TxResult { Code = 5, Codespace = "sdk", Log = "insufficient funds" }], Hashing.Sha256("x"u8));
        using (var batch = db.CreateBatch())
        {
            batch.Put(StoreKeys.ResultsKey(3), BlockCodec.EncodeResultsVersion1(results));
            db.Write(batch);
        }
        Assert.Equal(Fields(results), Fields(new BlockStore(db).GetResults(3)!));
    }

    [Fact]
    public void Unpaired_surrogates_are_stored_as_replacement_characters_and_reported_as_not_exact()
    {
        var results = new BlockResults(1,
            [new TxResult { Log = "é\ud800", Events = [new Event("t", [new EventAttribute("k", "\udfff"), new EventAttribute("k", "ok")])] }], []);
        using var db = new MemoryKeyValueStore();
        using var batch = db.CreateBatch();
        Assert.False(BlockCodec.PutResults(batch, StoreKeys.ResultsKey(1), results));
        var back = RoundTrip(results);
        Assert.Equal("é\ufffd", back.TxResults[0].Log);
        Assert.Equal("\ufffd", back.TxResults[0].Events[0].Attributes[0].Value);
        Assert.True(BlockCodec.PutResults(batch, StoreKeys.ResultsKey(1), back));
        Assert.True(BlockCodec.PutResults(batch, StoreKeys.ResultsKey(2), new BlockResults(2, [ContractLikeResult(3)], [])));
    }

    [Fact]
    public void Every_truncation_of_a_record_and_a_reference_past_the_table_are_invalid_data()
    {
        var record = BlockCodec.EncodeResults(new BlockResults(5, [ContractLikeResult(0), ContractLikeResult(1)], Hashing.Sha256("a"u8)));
        for (var n = 1; n < record.Length; n++)
        {
            Assert.Throws<InvalidDataException>(() => BlockCodec.DecodeResults(record[..n]));
        }
        Assert.Throws<InvalidDataException>(() => BlockCodec.DecodeResults([.. record, 0]));

        // version, height, app hash (empty), one tx: code 0, codespace = reference 5 of an empty table
        byte[] forged = [2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 5];
        Assert.Throws<InvalidDataException>(() => BlockCodec.DecodeResults(forged));
    }

    /// <summary>A wasm-style result: many events with repeated and distinct attributes, some not indexed.</summary>
    private static TxResult ContractLikeResult(int i) => new()
    {
        Code = i % 7 == 3 ? 5u : 0u,
        Codespace = i % 7 == 3 ? "wasm" : "",
        Log = i % 7 == 3 ? $"failed to execute message; message index: 0: Generic error: {i}" : "",
        Data = i % 7 == 3 ? [] : [10, 36, .. "/cosmwasm.wasm.v1.MsgExecuteContractResponse"u8],
        GasWanted = 500_000,
        GasUsed = 123_456 + i,
        Events =
        [
            Event.Of("message", ("action", "/cosmwasm.wasm.v1.MsgExecuteContract"), ("sender", "terra1sender" + i), ("module", "wasm")),
            Event.Of("execute", ("_contract_address", "terra1mint")),
            new Event("wasm", [.. Enumerable.Range(0, 15).Select(k => new EventAttribute(k % 5 == 0 ? "_contract_address" : "key" + k, k % 3 == 0 ? "terra1mint" : $"{i * k}uusd", k % 4 != 1))]),
            new Event("wasm-open_position", [new EventAttribute("position_idx", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), new EventAttribute("memo", "€ " + new string('m', 200), false)]),
            Event.Of("transfer", ("recipient", "terra1mint"), ("sender", "terra1sender" + i), ("amount", "1000uusd")),
        ],
    };

    internal static GenesisDoc DevnetGenesis() => DevnetBankChain.GenesisWithoutContracts();

    internal static byte[] Send(ulong accountNumber, ulong sequence, ulong amount) => TxBuilder.Sign(new TxSpec
    {
        Messages = [new MsgSend(Test2.Address, Test3, [new Coin("uluna", amount)])],
        Fee = [new Coin("uluna", 3000)],
        GasLimit = 200_000,
        ChainId = ChainId,
        AccountNumber = accountNumber,
        Sequence = sequence,
    }, Test2).TxBytes;

    internal static ulong Test2AccountNumber(ChainNode node) => Accounts.Get(node.State.Committed, Test2.Address)!.AccountNumber;

    internal static BlockResults Commit(ChainNode node, int seconds, IReadOnlyList<byte[]> txs)
    {
        using var pending = node.PrepareBlock(T0.AddNanoseconds(seconds * 1_000_000_000L), txs);
        pending.Commit();
        return pending.Results;
    }
}
