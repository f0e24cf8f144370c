namespace MirrorChain.Abci.Tests;

/// <summary>
/// One executor for both modes, and the crash cases of CometBFT's crash-recovery rules: the app persists only in
/// Commit, so after a crash it is at most one block behind CometBFT, which replays that block; an app that did
/// commit refuses the block again instead of applying it twice.
/// </summary>
public sealed class AbciRecoveryTests
{
    [Fact]
    public async Task The_devnet_producers_blocks_fed_through_FinalizeBlock_give_the_same_app_hashes_and_results()
    {
        // The devnet's own producer: txs admitted by CheckTx, blocks built from the mempool.
        var produced = new MirrorChain.Storage.MemoryKeyValueStore();
        var blocks = new List<(Block Block, BlockResults Results)>();
        using (var node = ChainNode.Open(produced, AbciChain.Genesis, AbciChain.Application()))
        {
            ulong sequence = 0;
            for (var height = 1; height <= 4; height++)
            {
                for (var i = 0; i < height; i++)
                {
                    Assert.Equal(0u, node.SubmitTx(DevnetBankChain.Send(sequence++, (ulong)(100 * height + i))).Code);
                }
                blocks.Add(node.ProduceBlock(DevnetBankChain.T0.AddNanoseconds(height * 1_000_000_000L)));
            }
        }

        await using var chain = AbciChain.Start();
        using var consensus = chain.Connect();
        Assert.Equal(blocks[0].Block.Header.AppHash, consensus.Call(AbciChain.InitChain()).InitChain.AppHash.ToByteArray());
        foreach (var (block, results) in blocks)
        {
            var finalized = consensus.Call(AbciChain.Finalize(block.Header.Height, block.Header.Time, block.Txs, block.Hash)).FinalizeBlock;
            Assert.Equal(results.AppHash, finalized.AppHash.ToByteArray());
            Assert.Equal(results.TxResults.Select(AbciConversions.ToExecTxResult), finalized.TxResults);
            consensus.Call(AbciChain.Commit());
        }
        Assert.Equal(4, chain.Node.LatestHeight);
        Assert.Equal(blocks[^1].Results.AppHash, chain.Node.LatestAppHash);
        Assert.Equal(blocks[^1].Block.Hash, chain.Node.Blocks.GetBlock(4)!.Hash); // stored under CometBFT's block hash
    }

    [Fact]
    public async Task A_crash_between_FinalizeBlock_and_Commit_leaves_the_app_one_block_behind_and_the_replay_gives_the_same_hash()
    {
        var db = new MirrorChain.Storage.MemoryKeyValueStore();
        byte[] finalizedHash;
        await using (var chain = AbciChain.Start(db))
        {
            using var consensus = chain.Connect();
            consensus.Call(AbciChain.InitChain());
            consensus.Call(AbciChain.Finalize(1, DevnetBankChain.T0, [DevnetBankChain.Send(0, 10)]));
            consensus.Call(AbciChain.Commit());
            finalizedHash = consensus.Call(AbciChain.Finalize(2, DevnetBankChain.T0.AddNanoseconds(1_000_000_000), [DevnetBankChain.Send(1, 20)])).FinalizeBlock.AppHash.ToByteArray();
            // the process dies here: the consensus connection drops before Commit
        }

        await using (var restarted = AbciChain.Start(db))
        {
            using var query = restarted.Connect();
            using var consensus = restarted.Connect();
            var info = query.Call(new Request { Info = new RequestInfo() }).Info;
            Assert.Equal(1, info.LastBlockHeight); // block 2 was never committed: CometBFT replays it
            var replayed = consensus.Call(AbciChain.Finalize(2, DevnetBankChain.T0.AddNanoseconds(1_000_000_000), [DevnetBankChain.Send(1, 20)])).FinalizeBlock;
            Assert.Equal(finalizedHash, replayed.AppHash.ToByteArray());
            consensus.Call(AbciChain.Commit());
            Assert.Equal(2, query.Call(new Request { Info = new RequestInfo() }).Info.LastBlockHeight);
        }
    }

    [Fact]
    public async Task A_dropped_consensus_connection_abandons_the_finalized_block_without_restart()
    {
        await using var chain = AbciChain.Start();
        using (var consensus = chain.Connect())
        {
            consensus.Call(AbciChain.InitChain());
            consensus.Call(AbciChain.Finalize(1, DevnetBankChain.T0, [DevnetBankChain.Send(0, 10)]));
        }
        using var again = chain.Connect();
        // CometBFT reconnects after a restart of its own and replays the height; the first execution left nothing behind.
        var finalized = again.Call(AbciChain.Finalize(1, DevnetBankChain.T0, [DevnetBankChain.Send(0, 10)]));
        Assert.Equal(0u, finalized.FinalizeBlock.TxResults[0].Code);
        again.Call(AbciChain.Commit());
        Assert.Equal(1, chain.Node.LatestHeight);
    }

    [Fact]
    public async Task An_app_that_already_committed_a_height_refuses_it_again_and_reports_it_in_Info()
    {
        var db = new MirrorChain.Storage.MemoryKeyValueStore();
        await using (var chain = AbciChain.Start(db))
        {
            using var consensus = chain.Connect();
            consensus.Call(AbciChain.InitChain());
            consensus.Call(AbciChain.Finalize(1, DevnetBankChain.T0, [DevnetBankChain.Send(0, 10)]));
            consensus.Call(AbciChain.Commit());
        }
        // CometBFT crashed after the app's Commit: on restart Info says height 1, so CometBFT moves on to height 2.
        await using var restarted = AbciChain.Start(db);
        using var client = restarted.Connect();
        Assert.Equal(1, client.Call(new Request { Info = new RequestInfo() }).Info.LastBlockHeight);
        var again = client.Call(AbciChain.Finalize(1, DevnetBankChain.T0, [DevnetBankChain.Send(0, 10)]));
        Assert.Contains("expected block 2, got 1", again.Exception.Error, StringComparison.Ordinal);
        Assert.Contains("InitChain on a chain already at height 1", client.Call(AbciChain.InitChain()).Exception.Error, StringComparison.Ordinal);
        Assert.Equal(1, restarted.Node.LatestHeight);
    }
}
