using MirrorChain.Crypto;
using MirrorChain.Execution;
using MirrorChain.State;
using MirrorChain.Tests;
using MirrorChain.Tx;
using MirrorChain.Tx.Messages;

namespace MirrorChain.Node.Tests;

/// <summary>The real application over the devnet genesis (bank only): each tx is decoded once on its way to a block.</summary>
public sealed class TxDecodeOnceTests
{
    private static readonly Address Recipient = Address.FromBytes(Hashing.Sha256("decode once recipient"u8).AsSpan(0, 20));

    private static TxEnvelope Send(ChainNode node, PrivateKey key, ulong sequence) =>
        new(TxBuilder.Sign(new TxSpec
        {
            Messages = [new MsgSend(key.Address, Recipient, [new Coin("uluna", 1)])],
            Fee = [new Coin("uluna", 3000)],
            GasLimit = 100_000,
            ChainId = node.Genesis.ChainId,
            AccountNumber = Accounts.Get(node.State.Committed, key.Address)!.AccountNumber,
            Sequence = sequence,
        }, key).TxBytes);

    private static BlockTime Time(ChainNode node) => node.Genesis.GenesisTime.AddNanoseconds((node.LatestHeight + 1) * 1_000_000_000L);

    [Fact]
    public void A_submitted_tx_is_decoded_once_through_admission_recheck_and_its_block()
    {
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, DevnetBankChain.GenesisWithoutContracts(), new MirrorApplication());
        var key = DevnetBankChain.Test1();
        var first = Send(node, key, 0);
        var second = Send(node, key, 1);
        Assert.Equal(0u, node.Submit(first).Code);   // signature check + CheckTx
        Assert.Equal(0u, node.Submit(second).Code);
        Assert.Same(second, node.Mempool.Snapshot(10)[1].Tx);

        using (var pending = node.PrepareEnvelopes(Time(node), [first])) // executes the admitted envelope
        {
            pending.Commit(); // rechecks the second tx
        }
        Assert.Equal(1, node.Mempool.Count);
        var (block, results) = node.ProduceBlock(Time(node));

        Assert.Equal([second.Bytes], block.Txs);
        Assert.Equal(0u, results.TxResults[0].Code);
        Assert.Equal(1, first.DecodeCount);
        Assert.Equal(1, second.DecodeCount);
    }

    [Fact]
    public void A_block_of_raw_txs_is_decoded_once_for_its_signatures_and_its_execution()
    {
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, DevnetBankChain.GenesisWithoutContracts(), new MirrorApplication());
        IChainApplication app = new MirrorApplication();
        var key = DevnetBankChain.Test1();
        TxEnvelope[] txs = [Send(node, key, 0), Send(node, key, 1), new TxEnvelope([0xff])];

        var signatures = app.VerifyEnvelopeSignatures(txs, node.State.Committed, node.Genesis.ChainId);
        var results = app.ExecuteEnvelopes(new BlockContext(node.Genesis.ChainId, 1, Time(node)), txs, new StateCache(node.State.Committed), signatures);

        Assert.Equal([true, true, false], signatures);
        Assert.Equal([0u, 0u, SdkError.TxDecode.Code], results.Select(r => r.Code));
        Assert.All(txs, t => Assert.Equal(1, t.DecodeCount));
    }

    [Fact]
    public void Envelopes_give_the_same_results_and_app_hash_as_raw_bytes()
    {
        using var db1 = new MemoryKeyValueStore();
        using var db2 = new MemoryKeyValueStore();
        using var viaEnvelopes = ChainNode.Open(db1, DevnetBankChain.GenesisWithoutContracts(), new MirrorApplication());
        using var viaBytes = ChainNode.Open(db2, DevnetBankChain.GenesisWithoutContracts(), new MirrorApplication());
        var key = DevnetBankChain.Test1();
        TxEnvelope[] txs = [Send(viaEnvelopes, key, 0), Send(viaEnvelopes, key, 7), new TxEnvelope([0xff]), Send(viaEnvelopes, key, 1)];
        foreach (var tx in txs)
        {
            viaEnvelopes.Submit(tx); // some are refused; the block below carries them all the same
        }

        using var a = viaEnvelopes.PrepareEnvelopes(Time(viaEnvelopes), txs);
        using var b = viaBytes.PrepareBlock(Time(viaBytes), txs.Select(t => t.Bytes).ToList());

        Assert.Equal(b.Results.AppHash, a.Results.AppHash);
        Assert.Equal(b.Block.Hash, a.Block.Hash);
        Assert.Equal(
            b.Results.TxResults.Select(r => (r.Code, r.Codespace, r.Log, r.GasWanted, r.GasUsed, r.Events.Count)),
            a.Results.TxResults.Select(r => (r.Code, r.Codespace, r.Log, r.GasWanted, r.GasUsed, r.Events.Count)));
    }
}
