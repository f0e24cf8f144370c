using System.Text.Json;
using MirrorChain.Crypto;
using MirrorChain.Execution;
using MirrorChain.State;
using MirrorChain.Tests;
using MirrorChain.Tx;
using MirrorChain.Tx.Messages;

namespace MirrorChain.Node.Tests;

/// <summary>
/// The mempool recheck after a block with the real application's <see cref="MirrorRecheckScope"/>: only senders the
/// block changed are checked again; a tx the block invalidated is evicted, one it did not touch stays (unchecked)
/// and the pending state keeps its sender's pending sequence.
/// </summary>
public sealed class RecheckScopeTests
{
    private static readonly Address Recipient = Address.FromBytes(Hashing.Sha256("recheck scope recipient"u8).AsSpan(0, 20));

    private static PrivateKey Key(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(MirrorChain.Tests.RepoPaths.File("genesis/devnet-accounts.json")));
        var mnemonic = doc.RootElement.GetProperty("accounts").EnumerateArray()
            .First(a => a.GetProperty("name").GetString() == name).GetProperty("mnemonic").GetString()!;
        return PrivateKey.FromMnemonic(mnemonic);
    }

    private static readonly PrivateKey Test1 = Key("test1");
    private static readonly PrivateKey Test2 = Key("test2");
    private static readonly PrivateKey Test3 = Key("test3");

    private static TxEnvelope Send(ChainNode node, PrivateKey key, ulong sequence, Address? to = null, UInt128? amount = null, ulong timeoutHeight = 0) =>
        new(TxBuilder.Sign(new TxSpec
        {
            Messages = [new MsgSend(key.Address, to ?? Recipient, [new Coin("uluna", amount ?? 1)])],
            Fee = [new Coin("uluna", 3000)],
            GasLimit = 100_000,
            ChainId = node.Genesis.ChainId,
            AccountNumber = Accounts.Get(node.State.Committed, key.Address)!.AccountNumber,
            Sequence = sequence,
            TimeoutHeight = timeoutHeight,
        }, key).TxBytes);

    private static BlockTime Time(ChainNode node) => node.Genesis.GenesisTime.AddNanoseconds((node.LatestHeight + 1) * 1_000_000_000L);

    private static void CommitBlock(ChainNode node, params TxEnvelope[] txs)
    {
        using var pending = node.PrepareEnvelopes(Time(node), txs);
        pending.Commit();
    }

    private static ChainNode Open(MemoryKeyValueStore db, IChainApplication? app = null) =>
        ChainNode.Open(db, DevnetBankChain.GenesisWithoutContracts(), app ?? new MirrorApplication());

    [Fact]
    public void A_waiting_tx_whose_sequence_the_block_used_is_evicted()
    {
        using var db = new MemoryKeyValueStore();
        using var node = Open(db);
        var waiting = Send(node, Test1, 0);
        Assert.Equal(0u, node.Submit(waiting).Code);

        CommitBlock(node, Send(node, Test1, 0, amount: 2)); // another tx of test1 with the same sequence, not from the mempool

        Assert.Equal(0, node.Mempool.Count);
        Assert.Equal(1, node.LastRecheckedTxs);
        Assert.Equal(0u, node.Submit(Send(node, Test1, 1)).Code); // the pending state starts from the block's sequence
    }

    [Fact]
    public void A_waiting_tx_of_a_sender_the_block_did_not_touch_stays_and_is_not_checked_again()
    {
        using var db = new MemoryKeyValueStore();
        using var node = Open(db);
        var first = Send(node, Test1, 0);
        var second = Send(node, Test1, 1);
        Assert.Equal(0u, node.Submit(first).Code);
        Assert.Equal(0u, node.Submit(second).Code);

        CommitBlock(node, Send(node, Test2, 0));

        Assert.Equal([first.Hash, second.Hash], node.Mempool.Snapshot(10).Select(t => t.TxHash));
        Assert.Equal(0, node.LastRecheckedTxs);
        // The pending state kept test1's pending sequence (2) and its two fees: a third tx follows on, a replay of
        // sequence 1 is refused.
        Assert.Equal(SdkError.WrongSequence.Code, node.Submit(Send(node, Test1, 1, amount: 5)).Code);
        Assert.Equal(0u, node.Submit(Send(node, Test1, 2)).Code);
        var (block, results) = node.ProduceBlock(Time(node));
        Assert.Equal(3, block.Txs.Count);
        Assert.All(results.TxResults, r => Assert.Equal(0u, r.Code));
    }

    [Fact]
    public void A_waiting_tx_of_a_sender_the_block_credited_is_checked_again_and_stays()
    {
        using var db = new MemoryKeyValueStore();
        using var node = Open(db);
        var waiting = Send(node, Test1, 0);
        Assert.Equal(0u, node.Submit(waiting).Code);

        CommitBlock(node, Send(node, Test2, 0, to: Test1.Address));

        Assert.Equal(1, node.LastRecheckedTxs);
        Assert.Equal([waiting.Hash], node.Mempool.Snapshot(10).Select(t => t.TxHash));
    }

    [Fact]
    public void A_waiting_tx_whose_fee_the_block_left_unpayable_is_evicted()
    {
        using var db = new MemoryKeyValueStore();
        using var node = Open(db);
        var balance = Bank.GetBalance(node.State.Committed, Test1.Address, "uluna");
        var drain = Send(node, Test1, 0, amount: balance - 3000 - 1000); // leaves 1000uluna: less than a fee
        var next = Send(node, Test1, 1);
        Assert.Equal(0u, node.Submit(drain).Code);
        Assert.Equal(0u, node.Submit(next).Code); // CheckTx runs no messages: the drain is not seen yet

        CommitBlock(node, drain);

        Assert.Equal(0, node.Mempool.Count);
        Assert.Equal(1000, (long)Bank.GetBalance(node.State.Committed, Test1.Address, "uluna"));
        Assert.Equal(SdkError.InsufficientFunds.Code, node.Submit(Send(node, Test1, 1, amount: 2)).Code);
    }

    [Fact]
    public void A_waiting_tx_with_a_timeout_height_is_evicted_once_a_block_passes_it_even_if_its_sender_was_not_touched()
    {
        using var db = new MemoryKeyValueStore();
        using var node = Open(db);
        var timed = Send(node, Test1, 0, timeoutHeight: 1);
        var untimed = Send(node, Test2, 0);
        Assert.Equal(0u, node.Submit(timed).Code);
        Assert.Equal(0u, node.Submit(untimed).Code);

        CommitBlock(node); // block 1 leaves it waiting; from height 2 on it has timed out

        Assert.Equal([untimed.Hash], node.Mempool.Snapshot(10).Select(t => t.TxHash));
        Assert.Equal(1, node.LastRecheckedTxs);
    }

    [Fact]
    public void Rechecking_only_touched_senders_keeps_the_same_mempool_and_admissions_as_rechecking_every_tx()
    {
        using var dbScoped = new MemoryKeyValueStore();
        using var dbFull = new MemoryKeyValueStore();
        using var scoped = Open(dbScoped);
        using var full = Open(dbFull, new RecheckEverything(new MirrorApplication()));
        var keys = new[] { Test1, Test2, Test3 };
        var sequences = new ulong[keys.Length];
        var nodes = new[] { scoped, full };
        for (var round = 0; round < 6; round++)
        {
            // Each round: every sender queues two txs (one of them stale every third round); test2 also sends to
            // test1; then a block takes the oldest few, a raw tx of test3 reuses a waiting sequence every other round.
            for (var k = 0; k < keys.Length; k++)
            {
                for (var n = 0; n < 2; n++)
                {
                    var sequence = round % 3 == 2 && n == 1 ? sequences[k] - 1 : sequences[k];
                    var to = k == 1 ? Test1.Address : Recipient;
                    var tx = Send(scoped, keys[k], sequence, to, amount: (UInt128)(round + 1));
                    var codes = nodes.Select(node => node.Submit(new TxEnvelope(tx.Bytes)).Code).ToList();
                    Assert.Equal(codes[1], codes[0]);
                    if (codes[0] == 0)
                    {
                        sequences[k]++;
                    }
                }
            }
            var taken = scoped.Mempool.Snapshot(3).Select(t => t.Tx.Bytes).ToList();
            if (round % 2 == 1)
            {
                taken.Add(Send(scoped, Test3, sequences[2] - 1, amount: 77).Bytes); // makes test3's last waiting tx stale
            }
            foreach (var node in nodes)
            {
                using var pending = node.PrepareEnvelopes(Time(node), TxEnvelope.Wrap(taken));
                pending.Commit();
            }
            Assert.Equal(full.LatestAppHash, scoped.LatestAppHash);
            Assert.Equal(full.Mempool.Snapshot(100).Select(t => t.TxHash), scoped.Mempool.Snapshot(100).Select(t => t.TxHash));
            for (var k = 0; k < keys.Length; k++)
            {
                sequences[k] = Accounts.Get(scoped.State.Committed, keys[k].Address)!.Sequence + (ulong)scoped.Mempool.SenderUsage(keys[k].Address.ToString()).Txs;
            }
        }
    }

    [Fact]
    public void CheckTx_reads_only_keys_the_recheck_scope_attributes_to_the_signer_or_to_everyone()
    {
        using var db = new MemoryKeyValueStore();
        using var node = Open(db);
        var app = new MirrorApplication();
        var scope = app.RecheckScope;
        var recording = new RecordingReader(node.State.Committed);
        var pending = new StateCache(recording);
        var tx = Send(node, Test1, 0);

        Assert.Equal(0u, app.CheckTx(tx, pending, node.NextContext(), signatureOk: false).Code);

        var signer = Test1.Address.ToString();
        var feeCollector = ModuleAccounts.FeeCollectorAddress;
        Assert.NotEmpty(recording.Reads);
        foreach (var key in recording.Reads.Concat(pending.Changes().Select(c => c.Key)))
        {
            var owner = scope.Owner(key);
            var outcomeFree = key.AsSpan().SequenceEqual(StateKeys.Balance(feeCollector, "uluna"));
            Assert.True(owner == signer || owner == "" || outcomeFree, $"CheckTx touched key {Hex.Upper(key)} owned by '{owner}'");
        }
        Assert.Contains(pending.Changes(), c => scope.Owner(c.Key) == signer);
    }

    /// <summary>The real application without a recheck scope: every waiting tx is checked again after each block.</summary>
    private sealed class RecheckEverything(MirrorApplication app) : IChainApplication
    {
        public void InitChain(GenesisDoc genesis, IStateWriter state) => app.InitChain(genesis, state);

        public bool[] VerifySignatures(IReadOnlyList<byte[]> txs, IStateReader state, string chainId) => app.VerifySignatures(txs, state, chainId);

        public IReadOnlyList<TxResult> ExecuteBlock(BlockContext ctx, IReadOnlyList<byte[]> txs, StateCache state, bool[] signaturesOk) =>
            app.ExecuteBlock(ctx, txs, state, signaturesOk);

        public CheckTxResponse CheckTx(byte[] tx, StateCache pending, BlockContext ctx, bool signatureOk) => app.CheckTx(tx, pending, ctx, signatureOk);

        public QueryAnswer Query(string path, byte[] data, IStateReader state, BlockContext ctx) => app.Query(path, data, state, ctx);
    }

    private sealed class RecordingReader(IStateReader inner) : IStateReader
    {
        public List<byte[]> Reads { get; } = [];

        public byte[]? Get(byte[] key)
        {
            Reads.Add(key);
            return inner.Get(key);
        }

        public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start, byte[]? end, bool reverse = false) =>
            throw new InvalidOperationException("CheckTx scanned a range: the recheck scope cannot attribute it");
    }
}
