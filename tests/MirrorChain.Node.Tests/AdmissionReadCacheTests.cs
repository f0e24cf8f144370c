using MirrorChain.Crypto;
using MirrorChain.Execution;
using MirrorChain.State;
using MirrorChain.Tests;
using MirrorChain.Tx;
using MirrorChain.Tx.Messages;

namespace MirrorChain.Node.Tests;

/// <summary>
/// Admission reads the chain params and the signer's account from the committed state once per committed state (a
/// read cache dropped at each block): what it answers must stay what the latest committed state and the pending
/// state say.
/// </summary>
public sealed class AdmissionReadCacheTests
{
    private static readonly Address Recipient = Address.FromBytes(Hashing.Sha256("admission cache recipient"u8).AsSpan(0, 20));

    private static TxEnvelope Send(ChainNode node, PrivateKey key, ulong accountNumber, ulong sequence, Address? to = null,
        ulong amount = 1, ulong fee = 3000) =>
        new(TxBuilder.Sign(new TxSpec
        {
            Messages = [new MsgSend(key.Address, to ?? Recipient, [new Coin("uluna", amount)])],
            Fee = [new Coin("uluna", fee)],
            GasLimit = 100_000,
            ChainId = node.Genesis.ChainId,
            AccountNumber = accountNumber,
            Sequence = sequence,
        }, key).TxBytes);

    private static ulong AccountNumber(ChainNode node, Address address) => Accounts.Get(node.State.Committed, address)!.AccountNumber;

    private static BlockTime Time(ChainNode node) => node.Genesis.GenesisTime.AddNanoseconds((node.LatestHeight + 1) * 1_000_000_000L);

    [Fact]
    public void A_block_that_raises_the_minimum_gas_price_refuses_the_next_admission_at_the_old_fee()
    {
        using var db = new MemoryKeyValueStore();
        var app = new ParamsChangingApplication();
        using var node = ChainNode.Open(db, DevnetBankChain.GenesisWithoutContracts(), app);
        var key = DevnetBankChain.Test1();
        var number = AccountNumber(node, key.Address);
        Assert.Equal(0u, node.Submit(Send(node, key, number, 0)).Code); // 3000 uluna for 100,000 gas: 0.03 ≥ 0.015
        Assert.Equal(0u, node.Submit(Send(node, key, number, 1)).Code); // params now cached for this committed state

        app.NextMinGasPrices = "0.05uluna"; // the next block changes the params (as a governance proposal would)
        var (_, results) = node.ProduceBlock(Time(node));
        Assert.All(results.TxResults, r => Assert.Equal(0u, r.Code));

        var refused = node.Submit(Send(node, key, number, 2));
        Assert.Equal(SdkError.InsufficientFee.Code, refused.Code);
        Assert.Contains("insufficient fees", refused.Log, StringComparison.Ordinal);
        Assert.Equal(0u, node.Submit(Send(node, key, number, 2, fee: 5000)).Code);
    }

    [Fact]
    public void An_account_created_by_a_block_can_send_right_after_it_although_admission_found_none_before()
    {
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, DevnetBankChain.GenesisWithoutContracts(), new MirrorApplication());
        var funder = DevnetBankChain.Test1();
        var fresh = PrivateKey.FromBytes(Hashing.Sha256("admission cache fresh account"u8));
        var early = node.Submit(Send(node, fresh, 0, 0, to: funder.Address));
        Assert.Equal(SdkError.UnknownAddress.Code, early.Code); // the committed state has no such account (read and cached)

        Assert.Equal(0u, node.Submit(Send(node, funder, AccountNumber(node, funder.Address), 0, to: fresh.Address, amount: 1_000_000)).Code);
        node.ProduceBlock(Time(node));

        var number = AccountNumber(node, fresh.Address);
        Assert.Equal(0u, node.Submit(Send(node, fresh, number, 0, to: funder.Address)).Code);
    }

    [Fact]
    public void Admission_checks_sequences_against_the_pending_state_not_the_committed_account()
    {
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, DevnetBankChain.GenesisWithoutContracts(), new MirrorApplication());
        var key = DevnetBankChain.Test1();
        var number = AccountNumber(node, key.Address);

        Assert.Equal(0u, node.Submit(Send(node, key, number, 0)).Code);
        var replayed = node.Submit(Send(node, key, number, 0, amount: 2)); // committed sequence 0, pending 1
        Assert.Equal(SdkError.WrongSequence.Code, replayed.Code);
        Assert.Contains("expected 1, got 0", replayed.Log, StringComparison.Ordinal);
        Assert.Equal(0u, node.Submit(Send(node, key, number, 1)).Code);

        using (var pending = node.PrepareEnvelopes(Time(node), [node.Mempool.Snapshot(1)[0].Tx]))
        {
            pending.Commit(); // committed sequence 1; the waiting tx (sequence 1) rechecked: pending 2
        }
        Assert.Equal(1, node.Mempool.Count);
        var stale = node.Submit(Send(node, key, number, 1, amount: 3));
        Assert.Equal(SdkError.WrongSequence.Code, stale.Code);
        Assert.Contains("expected 2, got 1", stale.Log, StringComparison.Ordinal);
        Assert.Equal(0u, node.Submit(Send(node, key, number, 2)).Code);
    }

    [Fact]
    public void Admitting_a_tx_reads_each_committed_state_key_from_the_store_once_per_committed_state()
    {
        using var store = new ReadCountingStore(new MemoryKeyValueStore());
        using var node = ChainNode.Open(store, DevnetBankChain.GenesisWithoutContracts(), new MirrorApplication());
        var key = DevnetBankChain.Test1();
        var number = AccountNumber(node, key.Address);
        var first = Send(node, key, number, 0);
        var second = Send(node, key, number, 1);

        store.Counting = true;
        Assert.Equal(0u, node.Submit(first).Code);
        var firstReads = store.FlatReads;
        store.Reset();
        Assert.Equal(0u, node.Submit(second).Code);
        var secondReads = store.FlatReads;

        // signature check and CheckTx share the chain params and the signer's account, each read once
        Assert.All(firstReads, r => Assert.Equal(1, r.Value));
        Assert.Contains(StateKeys.ChainParams(), firstReads.Keys, ByteArrayComparer.Instance);
        Assert.Contains(StateKeys.Account(key.Address), firstReads.Keys, ByteArrayComparer.Instance);
        Assert.Empty(secondReads); // the same committed state: all from the cache or the pending state

        node.ProduceBlock(Time(node));
        store.Reset();
        Assert.Equal(0u, node.Submit(Send(node, key, number, 2)).Code);
        Assert.Contains(StateKeys.ChainParams(), store.FlatReads.Keys, ByteArrayComparer.Instance); // read again from the new state
    }

    /// <summary>The Mirror application, whose blocks also store new minimum gas prices when told to.</summary>
    private sealed class ParamsChangingApplication : IChainApplication
    {
        private readonly MirrorApplication _inner = new();

        public string? NextMinGasPrices { get; set; }

        public IRecheckScope? RecheckScope => _inner.RecheckScope;

        public void InitChain(GenesisDoc genesis, IStateWriter state) => _inner.InitChain(genesis, state);

        public bool[] VerifySignatures(IReadOnlyList<byte[]> txs, IStateReader state, string chainId) =>
            _inner.VerifySignatures(txs, state, chainId);

        public bool[] VerifyEnvelopeSignatures(IReadOnlyList<TxEnvelope> txs, IStateReader state, string chainId) =>
            _inner.VerifyEnvelopeSignatures(txs, state, chainId);

        public IReadOnlyList<TxResult> ExecuteBlock(BlockContext ctx, IReadOnlyList<byte[]> txs, StateCache state, bool[] signaturesOk) =>
            ChangeParams(_inner.ExecuteBlock(ctx, txs, state, signaturesOk), state);

        public IReadOnlyList<TxResult> ExecuteEnvelopes(BlockContext ctx, IReadOnlyList<TxEnvelope> txs, StateCache state, bool[] signaturesOk) =>
            ChangeParams(_inner.ExecuteEnvelopes(ctx, txs, state, signaturesOk), state);

        public CheckTxResponse CheckTx(byte[] tx, StateCache pending, BlockContext ctx, bool signatureOk) =>
            _inner.CheckTx(tx, pending, ctx, signatureOk);

        public CheckTxResponse CheckTx(TxEnvelope tx, StateCache pending, BlockContext ctx, bool signatureOk) =>
            _inner.CheckTx(tx, pending, ctx, signatureOk);

        public QueryAnswer Query(string path, byte[] data, IStateReader state, BlockContext ctx) => _inner.Query(path, data, state, ctx);

        private IReadOnlyList<TxResult> ChangeParams(IReadOnlyList<TxResult> results, StateCache state)
        {
            if (NextMinGasPrices is { } prices)
            {
                (ChainParams.Load(state) with { MinGasPrices = GasPrice.ParseList(prices) }).Store(state);
                NextMinGasPrices = null;
            }
            return results;
        }
    }
}
