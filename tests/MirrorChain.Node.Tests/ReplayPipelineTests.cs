using MirrorChain.Crypto;
using MirrorChain.Execution;
using MirrorChain.Tx;
using MirrorChain.Tx.Messages;

namespace MirrorChain.Node.Tests;

/// <summary>
/// Replay's read-ahead (signatures checked on another thread, against an older state) against the sequential
/// path, with the real application and real secp256k1 signatures: a tx with a bad signature, and the first tx of
/// an account created one block earlier (not decidable against the older state).
/// </summary>
public sealed class ReplayPipelineTests
{
    private const string ChainId = "mirrorchain-devnet-1";
    private static readonly BlockTime T0 = BlockTime.ParseRfc3339("2026-03-02T15:00:00Z");
    private static readonly PrivateKey Test2 = PrivateKey.FromMnemonic(
        "quality vacuum heart guard buzz spike sight swarm shove special gym robust assume sudden deposit grid alcohol choice devote leader tilt noodle tide penalty");
    private static readonly Address Test3 = Address.Parse("terra1757tkx08n0cqrw7p86ny9lnxsqeth0wgp0em95");
    private static readonly PrivateKey Fresh = PrivateKey.FromBytes(Enumerable.Repeat((byte)0x11, 32).ToArray());

    /// <summary>genesis/devnet.json (accounts, balances, params) without its <c>wasm</c> section.</summary>
    private static GenesisDoc Genesis()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(MirrorChain.Tests.RepoPaths.File("genesis/devnet.json")))!;
        json["app_state"]!.AsObject().Remove("wasm");
        return GenesisDoc.Parse(json.ToJsonString());
    }

    private static byte[] Send(PrivateKey from, ulong accountNumber, ulong sequence, Address to, ulong amount) => TxBuilder.Sign(new TxSpec
    {
        Messages = [new MsgSend(from.Address, to, [new Coin("uluna", amount)])],
        Fee = [new Coin("uluna", 3000)],
        GasLimit = 200_000,
        ChainId = ChainId,
        AccountNumber = accountNumber,
        Sequence = sequence,
    }, from).TxBytes;

    /// <summary>The same tx with the last byte of its signature (the TxRaw's last field) flipped.</summary>
    private static byte[] BadSignature(byte[] tx)
    {
        var bad = (byte[])tx.Clone();
        bad[^1] ^= 0x01;
        return bad;
    }

    [Fact]
    public void CheckTx_on_the_lower_priority_admission_threads_gives_the_answers_of_the_callers_thread()
    {
        var genesis = Genesis();
        var answers = new List<List<(uint Code, string Log)>>();
        foreach (var threads in new[] { 0, 2 })
        {
            using var node = ChainNode.Open(new MemoryKeyValueStore(), genesis, new MirrorApplication(), new NodeOptions { AdmissionVerifyThreads = threads });
            var number = Accounts.Get(node.State.Committed, Test2.Address)!.AccountNumber;
            var txs = new[] { Send(Test2, number, 0, Test3, 1), BadSignature(Send(Test2, number, 1, Test3, 2)), Send(Test2, number, 1, Test3, 3) };
            answers.Add([.. txs.Select(node.SubmitTx).Select(r => (r.Code, r.Log))]);
        }
        Assert.Equal(answers[0], answers[1]);
        Assert.Equal([0u, 4u, 0u], answers[1].Select(a => a.Code));
    }

    /// <summary>
    /// Block 1: test2 funds a fresh account and pays test3. Block 2: the fresh account's first tx, a test2 tx with a
    /// bad signature, test2's next tx. Block 3: test2 again. Blocks go through PrepareBlock (a proposer elsewhere):
    /// the mempool would refuse the bad signature.
    /// </summary>
    private static MemoryKeyValueStore BuildChain(GenesisDoc genesis)
    {
        var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, genesis, new MirrorApplication());
        var test2Number = Accounts.Get(node.State.Committed, Test2.Address)!.AccountNumber;
        Commit(node, 1, [Send(Test2, test2Number, 0, Fresh.Address, 10_000_000), Send(Test2, test2Number, 1, Test3, 1)]);
        var freshNumber = Accounts.Get(node.State.Committed, Fresh.Address)!.AccountNumber;
        Commit(node, 2, [Send(Fresh, freshNumber, 0, Test3, 5), BadSignature(Send(Test2, test2Number, 2, Test3, 2)), Send(Test2, test2Number, 2, Test3, 3)]);
        Commit(node, 3, [Send(Test2, test2Number, 3, Test3, 4)]);
        return db;
    }

    private static void Commit(ChainNode node, int seconds, IReadOnlyList<byte[]> txs)
    {
        using var pending = node.PrepareBlock(T0.AddNanoseconds(seconds * 1_000_000_000L), txs);
        pending.Commit();
    }

    private static List<byte[]> EncodedResults(IKeyValueStore db) =>
        Enumerable.Range(1, (int)new BlockStore(db).LatestHeight).Select(h => BlockCodec.EncodeResults(new BlockStore(db).GetResults(h)!)).ToList();

    [Fact]
    public void The_chain_under_test_has_a_tx_refused_for_its_signature_and_a_first_tx_of_a_new_account()
    {
        using var source = BuildChain(Genesis());
        var block2 = new BlockStore(source).GetResults(2)!.TxResults;
        Assert.Equal([0u, 4u, 0u], block2.Select(r => r.Code));
        Assert.Contains("signature verification failed", block2[1].Log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Pipelined_replay_gives_the_sequential_outcome_and_results(int lookahead)
    {
        var genesis = Genesis();
        using var source = BuildChain(genesis);
        using var sequentialTarget = new MemoryKeyValueStore();
        using var pipelinedTarget = new MemoryKeyValueStore();
        var sequential = new Replayer(source, genesis, () => new MirrorApplication()) { Lookahead = 0, StoreBlocks = true }.Run(sequentialTarget);
        var pipelined = new Replayer(source, genesis, () => new MirrorApplication()) { Lookahead = lookahead, StoreBlocks = true }.Run(pipelinedTarget);
        Assert.True(sequential.Ok, sequential.Mismatch);
        Assert.True(pipelined.Ok, pipelined.Mismatch);
        Assert.Equal(3, pipelined.BlocksReplayed);
        Assert.Equal(EncodedResults(source), EncodedResults(pipelinedTarget));
        Assert.Equal(EncodedResults(sequentialTarget), EncodedResults(pipelinedTarget));
    }

    [Fact]
    public void Signatures_pre_verified_against_an_older_state_reject_the_bad_signature_exactly_as_the_sequential_path()
    {
        var genesis = Genesis();
        using var source = BuildChain(genesis);
        var stored = new BlockStore(source);
        var block2 = stored.GetBlock(2)!;

        // What the read-ahead may see while block 1 still executes: the genesis state, where the fresh account
        // does not exist yet (its tx is not decidable: false) and test2's bad signature is invalid (false).
        using var genesisOnly = new MemoryKeyValueStore();
        using var stale = ChainNode.Open(genesisOnly, genesis, new MirrorApplication());
        var preverified = new MirrorApplication().VerifySignatures(block2.Txs, stale.State.Committed, ChainId);
        Assert.Equal([false, false, true], preverified);
        var checker = new MirrorApplication().EnvelopeSignatureChecker(stale.State.Committed, ChainId); // replay's per-tx form
        Assert.Equal(preverified, TxEnvelope.Wrap(block2.Txs).Select(checker));

        BlockResults Replay2(bool[]? signatures)
        {
            var db = new MemoryKeyValueStore();
            var node = ChainNode.Open(db, genesis, new MirrorApplication());
            using (var first = node.PrepareStoredBlock(stored.GetBlock(1)!))
            {
                first.Commit();
            }
            using var second = node.PrepareStoredBlock(block2, signatures);
            return second.Results;
        }

        var sequential = Replay2(null);
        var pipelined = Replay2(preverified);
        Assert.Equal([0u, 4u, 0u], pipelined.TxResults.Select(r => r.Code));
        Assert.Equal(BlockCodec.EncodeResults(sequential), BlockCodec.EncodeResults(pipelined));
        Assert.Equal(BlockCodec.EncodeResults(stored.GetResults(2)!), BlockCodec.EncodeResults(pipelined));
    }

    [Fact]
    public void Pipelined_and_sequential_replay_name_the_same_first_mismatch_for_a_tampered_signature()
    {
        var genesis = Genesis();
        using var source = BuildChain(genesis);
        // Block 3's only tx gets a bad signature: the stored results (code 0) no longer match what execution gives.
        var block3 = new BlockStore(source).GetBlock(3)!;
        using (var batch = source.CreateBatch())
        {
            batch.Put(StoreKeys.BlockKey(3), BlockCodec.EncodeBlock(block3 with { Txs = [BadSignature(block3.Txs[0])] }));
            source.Write(batch);
        }
        using var sequentialTarget = new MemoryKeyValueStore();
        using var pipelinedTarget = new MemoryKeyValueStore();
        var sequential = new Replayer(source, genesis, () => new MirrorApplication()) { Lookahead = 0, StoreBlocks = true }.Run(sequentialTarget);
        var pipelined = new Replayer(source, genesis, () => new MirrorApplication()) { Lookahead = 4 }.Run(pipelinedTarget);
        Assert.Equal(3, pipelined.FirstMismatchHeight);
        Assert.Equal(2, pipelined.BlocksReplayed);
        Assert.StartsWith("tx 0: replayed code 4 ", pipelined.Mismatch, StringComparison.Ordinal);
        Assert.Equal(sequential, pipelined with { Elapsed = sequential.Elapsed });
    }
}
