using MirrorChain.Crypto;
using MirrorChain.Execution;
using MirrorChain.Tests;
using MirrorChain.Tx;
using MirrorChain.Tx.Messages;

namespace MirrorChain.Node.Tests;

/// <summary>The real application over the devnet genesis (bank only) with the state prefetcher and its read hints.</summary>
public sealed class StatePrefetchBankTests
{
    private static Address Fresh(int i) => Address.FromBytes(Hashing.Sha256(Encoding.UTF8.GetBytes($"prefetch recipient {i}")).AsSpan(0, 20));

    private static byte[] Send(ChainNode node, PrivateKey key, ulong sequence, Address to, ulong amount) =>
        TxBuilder.Sign(new TxSpec
        {
            Messages = [new MsgSend(key.Address, to, [new Coin("uluna", amount)])],
            Fee = [new Coin("uluna", 3000)],
            GasLimit = 100_000,
            ChainId = node.Genesis.ChainId,
            AccountNumber = Accounts.Get(node.State.Committed, key.Address)!.AccountNumber,
            Sequence = sequence,
        }, key).TxBytes;

    // Block b: test1 and test2 each send to two new accounts and to test3; one tx with a wrong sequence fails.
    private static List<byte[]> Block(ChainNode node, int b)
    {
        var test1 = DevnetBankChain.Test1();
        var test2 = DevnetBankChain.Test2;
        var s = (ulong)b * 3;
        return
        [
            Send(node, test1, s, Fresh(4 * b), 1000 + (ulong)b),
            Send(node, test2, s, Fresh((4 * b) + 1), 7),
            Send(node, test1, s + 1, DevnetBankChain.Test3, 5),
            Send(node, test2, s + 1, Fresh((4 * b) + 2), 9),
            Send(node, test1, s + 2, Fresh((4 * b) + 3), 11),
            Send(node, test2, s + 2, DevnetBankChain.Test3, 13),
            Send(node, test2, s + 9, DevnetBankChain.Test3, 1), // wrong sequence: fails in the ante handler
        ];
    }

    private static NodeOptions Options(bool prefetch) =>
        new() { PrefetchState = prefetch, PrefetchDrainsAtBlockEnd = prefetch, IndexEvents = false };

    private static string Describe(BlockResults r) =>
        Convert.ToHexString(r.AppHash) + ":" + string.Join(",", r.TxResults.Select(t => $"{t.Code}/{t.GasUsed}/{t.Log}"));

    [Fact]
    public void Bank_blocks_have_the_same_app_hashes_and_results_with_the_prefetcher_on_and_off()
    {
        var outcomes = new Dictionary<bool, List<string>>();
        foreach (var prefetch in new[] { true, false })
        {
            using var db = new MemoryKeyValueStore();
            using var node = ChainNode.Open(db, DevnetBankChain.GenesisWithoutContracts(), new MirrorApplication(), Options(prefetch));
            outcomes[prefetch] = [];
            for (var b = 0; b < 4; b++)
            {
                using var pending = node.PrepareBlock(DevnetBankChain.T0.AddNanoseconds(b * 1_000_000_000L), Block(node, b));
                pending.Commit();
                outcomes[prefetch].Add(Describe(pending.Results));
                Assert.Equal([0u, 0u, 0u, 0u, 0u, 0u, 32u], pending.Results.TxResults.Select(r => r.Code));
            }
        }
        Assert.Equal(outcomes[false], outcomes[true]);
    }

    [Fact]
    public void With_read_hints_the_block_thread_reads_no_tree_node()
    {
        // A node reopened over a chain of 3 blocks (empty node cache) runs block 4: the prefetcher reads the chain
        // params and the hinted keys of its 7 txs from the flat state, and walks every path the block changes.
        using var db = new PrefetchReadCountingStore(new MemoryKeyValueStore());
        var genesis = DevnetBankChain.GenesisWithoutContracts();
        using (var node = ChainNode.Open(db, genesis, new MirrorApplication(), Options(prefetch: false)))
        {
            for (var b = 0; b < 3; b++)
            {
                node.PrepareBlock(DevnetBankChain.T0.AddNanoseconds(b * 1_000_000_000L), Block(node, b)).Commit();
            }
        }
        using (var node = ChainNode.Open(db, genesis, new MirrorApplication(), Options(prefetch: true)))
        {
            var txs = Block(node, 3);
            db.Reset();
            using var pending = node.PrepareBlock(DevnetBankChain.T0.AddNanoseconds(3_000_000_000L), txs);

            // How many hinted keys the prefetcher reads before execution does depends on the race (a key execution
            // read first is not read again); the chain params it needs to decode are always read.
            Assert.InRange(db.Reads(prefetchThread: true, nodes: false), 1, 1 + (5 * 7));
            Assert.Equal(0, db.Reads(prefetchThread: false, nodes: true));
            Assert.True(db.Reads(prefetchThread: true, nodes: true) > 0);
        }
    }

    [Fact]
    public void Read_hints_of_a_bank_send_are_the_signer_account_and_balances_and_the_recipient_account()
    {
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, DevnetBankChain.GenesisWithoutContracts(), new MirrorApplication(), Options(prefetch: false));
        var test1 = DevnetBankChain.Test1();
        var to = Fresh(99);
        TxEnvelope[] txs = [new(Send(node, test1, 0, to, 5)), new([0xff])]; // the second does not decode: no hints

        var hints = BlockReadHints.Of(txs, node.State.Committed).Select(Convert.ToHexString).ToList();

        Assert.Equal(
            new[]
            {
                StateKeys.Account(test1.Address), StateKeys.Balance(test1.Address, "uluna"),
                StateKeys.Balance(test1.Address, "uluna"), StateKeys.Balance(to, "uluna"), StateKeys.Account(to),
            }.Select(Convert.ToHexString),
            hints);
        Assert.All(txs, t => Assert.Equal(0, t.DecodeCount)); // decoded on their own: the envelopes' decodes are untouched
    }
}
