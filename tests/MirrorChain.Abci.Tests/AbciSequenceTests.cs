using MirrorChain.Tx.Proto.Cosmos.Bank.V1Beta1;

namespace MirrorChain.Abci.Tests;

/// <summary>
/// The server driven the way CometBFT 0.38 drives an application (its expected call sequence): Info handshake,
/// InitChain, then per height PrepareProposal, ProcessProposal, ExtendVote, VerifyVoteExtension, FinalizeBlock and
/// Commit on the consensus connection, CheckTx (new, then recheck after each commit) on the mempool connection and
/// Info/Query on the query connection.
/// </summary>
public sealed class AbciSequenceTests
{
    [Fact]
    public async Task A_fresh_app_answers_height_0_and_an_empty_app_hash_then_InitChain_gives_the_genesis_app_hash()
    {
        await using var chain = AbciChain.Start();
        using var query = chain.Connect();
        using var consensus = chain.Connect();

        Assert.Equal("ping", query.Call(new Request { Echo = new RequestEcho { Message = "ping" } }).Echo.Message);
        var info = query.Call(new Request { Info = new RequestInfo { Version = "0.38.25", AbciVersion = "2.0.0" } }).Info;
        Assert.Equal(0, info.LastBlockHeight);
        Assert.True(info.LastBlockAppHash.IsEmpty);
        Assert.Equal(MirrorAbciApplication.Version, info.Version);

        var init = consensus.Call(AbciChain.InitChain()).InitChain;
        Assert.Equal(chain.Node.LatestAppHash, init.AppHash.ToByteArray());
        Assert.Equal(32, init.AppHash.Length);
        Assert.Empty(init.Validators);
    }

    [Fact]
    public async Task A_height_goes_through_proposal_votes_finalize_commit_and_recheck()
    {
        await using var chain = AbciChain.Start();
        using var consensus = chain.Connect();
        using var mempool = chain.Connect();
        using var query = chain.Connect();
        consensus.Call(AbciChain.InitChain());
        var balance = new QueryBalanceRequest { Address = DevnetBankChain.Test3.ToString(), Denom = "uluna" }.ToByteArray();
        var before = UInt128.Parse(QueryBalanceResponse.Parser.ParseFrom(chain.Backend.Query("/cosmos.bank.v1beta1.Query/Balance", balance, 0, false).Value).Balance.Amount);

        var tx0 = DevnetBankChain.Send(0, 1_000);
        var tx1 = DevnetBankChain.Send(1, 2_000);
        byte[] garbage = [0x0A, 0x03, 0x01, 0x02];
        Assert.Equal(0u, mempool.Call(CheckTx(tx0, CheckTxType.New)).CheckTx.Code);
        Assert.Equal(0u, mempool.Call(CheckTx(tx1, CheckTxType.New)).CheckTx.Code);
        var refused = mempool.Call(CheckTx(garbage, CheckTxType.New)).CheckTx;
        Assert.NotEqual(0u, refused.Code);
        Assert.Equal("sdk", refused.Codespace);
        // The pending state took tx0: the same sequence again is refused.
        Assert.Equal(32u, mempool.Call(CheckTx(DevnetBankChain.Send(0, 5), CheckTxType.New)).CheckTx.Code);

        var prepare = new RequestPrepareProposal { Height = 1, MaxTxBytes = 1_000_000, Time = AbciConversions.ToTimestamp(DevnetBankChain.T0) };
        prepare.Txs.AddRange([ByteString.CopyFrom(tx0), ByteString.CopyFrom(garbage), ByteString.CopyFrom(tx1)]);
        var proposed = consensus.Call(new Request { PrepareProposal = prepare }).PrepareProposal.Txs;
        Assert.Equal([tx0, tx1], proposed.Select(t => t.ToByteArray()));

        var process = new RequestProcessProposal { Height = 1, Time = prepare.Time };
        process.Txs.AddRange(proposed);
        Assert.Equal(ResponseProcessProposal.Types.ProposalStatus.Accept, consensus.Call(new Request { ProcessProposal = process }).ProcessProposal.Status);

        Assert.True(consensus.Call(new Request { ExtendVote = new RequestExtendVote { Height = 1 } }).ExtendVote.VoteExtension.IsEmpty);
        Assert.Equal(ResponseVerifyVoteExtension.Types.VerifyStatus.Accept,
            consensus.Call(new Request { VerifyVoteExtension = new RequestVerifyVoteExtension { Height = 1 } }).VerifyVoteExtension.Status);
        Assert.Equal(ResponseVerifyVoteExtension.Types.VerifyStatus.Reject,
            consensus.Call(new Request { VerifyVoteExtension = new RequestVerifyVoteExtension { Height = 1, VoteExtension = ByteString.CopyFrom(1) } }).VerifyVoteExtension.Status);

        var finalized = consensus.Call(AbciChain.Finalize(1, DevnetBankChain.T0, [tx0, tx1])).FinalizeBlock;
        Assert.Equal(2, finalized.TxResults.Count);
        Assert.All(finalized.TxResults, r => Assert.Equal(0u, r.Code));
        Assert.Contains(finalized.TxResults[0].Events, e => e.Type == "transfer");
        Assert.Equal(0, chain.Node.LatestHeight); // nothing written before Commit

        Assert.Equal(0, consensus.Call(AbciChain.Commit()).Commit.RetainHeight);
        Assert.Equal(1, chain.Node.LatestHeight);
        var info = query.Call(new Request { Info = new RequestInfo() }).Info;
        Assert.Equal(1, info.LastBlockHeight);
        Assert.Equal(finalized.AppHash, info.LastBlockAppHash);

        // CometBFT rechecks what is left in its mempool against the new state: a committed sequence fails now.
        Assert.Equal(32u, mempool.Call(CheckTx(tx0, CheckTxType.Recheck)).CheckTx.Code);
        Assert.Equal(0u, mempool.Call(CheckTx(DevnetBankChain.Send(2, 7), CheckTxType.New)).CheckTx.Code);

        var answer = query.Call(new Request { Query = new RequestQuery { Path = "/cosmos.bank.v1beta1.Query/Balance", Data = ByteString.CopyFrom(balance) } }).Query;
        var expected = chain.Backend.Query("/cosmos.bank.v1beta1.Query/Balance", balance, 0, false);
        Assert.Equal(0u, answer.Code);
        Assert.Equal(1, answer.Height);
        Assert.Equal(expected.Value, answer.Value.ToByteArray());
        Assert.Equal(before + 3_000, UInt128.Parse(QueryBalanceResponse.Parser.ParseFrom(answer.Value).Balance.Amount));
    }

    [Fact]
    public async Task ProcessProposal_rejects_a_block_with_an_undecodable_or_oversized_tx()
    {
        await using var chain = AbciChain.Start();
        using var consensus = chain.Connect();
        consensus.Call(AbciChain.InitChain());

        Assert.Equal(ResponseProcessProposal.Types.ProposalStatus.Reject, Process(consensus, [DevnetBankChain.Send(0, 1), [0xFF, 0x01]]));
        Assert.Equal(ResponseProcessProposal.Types.ProposalStatus.Reject, Process(consensus, [new byte[1_048_577]]));
        Assert.Equal(ResponseProcessProposal.Types.ProposalStatus.Accept, Process(consensus, [DevnetBankChain.Send(0, 1)]));
        Assert.Equal(ResponseProcessProposal.Types.ProposalStatus.Accept, Process(consensus, []));
        lock (chain.Log)
        {
            Assert.Contains(chain.Log, l => l.Contains("rejecting the proposal for height 1: tx 1 cannot be decoded", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Snapshots_are_refused_as_documented()
    {
        await using var chain = AbciChain.Start();
        using var snapshots = chain.Connect();
        Assert.Empty(snapshots.Call(new Request { ListSnapshots = new RequestListSnapshots() }).ListSnapshots.Snapshots);
        Assert.Equal(ResponseOfferSnapshot.Types.Result.Reject,
            snapshots.Call(new Request { OfferSnapshot = new RequestOfferSnapshot { Snapshot = new Snapshot { Height = 5, Chunks = 1 } } }).OfferSnapshot.Result);
        Assert.True(snapshots.Call(new Request { LoadSnapshotChunk = new RequestLoadSnapshotChunk { Height = 5 } }).LoadSnapshotChunk.Chunk.IsEmpty);
        Assert.Equal(ResponseApplySnapshotChunk.Types.Result.Abort,
            snapshots.Call(new Request { ApplySnapshotChunk = new RequestApplySnapshotChunk { Index = 0 } }).ApplySnapshotChunk.Result);
    }

    [Fact]
    public async Task InitChain_with_another_chain_id_or_app_state_is_an_exception_naming_the_difference()
    {
        await using var chain = AbciChain.Start();
        using var consensus = chain.Connect();
        var wrongId = AbciChain.InitChain();
        wrongId.InitChain.ChainId = "other-1";
        Assert.Contains("chain_id 'other-1'", consensus.Call(wrongId).Exception.Error, StringComparison.Ordinal);
        var wrongState = AbciChain.InitChain();
        wrongState.InitChain.AppStateBytes = ByteString.CopyFromUtf8("{}");
        Assert.Contains("app_state differs", consensus.Call(wrongState).Exception.Error, StringComparison.Ordinal);
        var wrongGas = AbciChain.InitChain();
        wrongGas.InitChain.ConsensusParams.Block.MaxGas = 5;
        Assert.Contains("max_gas 5", consensus.Call(wrongGas).Exception.Error, StringComparison.Ordinal);
        // The same app_state written with other whitespace and key order is the same genesis.
        var reformatted = AbciChain.InitChain();
        var node = System.Text.Json.Nodes.JsonNode.Parse(AbciChain.Genesis.AppState.GetRawText())!;
        reformatted.InitChain.AppStateBytes = ByteString.CopyFromUtf8(node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        Assert.Equal(Response.ValueOneofCase.InitChain, consensus.Call(reformatted).ValueCase);
    }

    [Fact]
    public async Task An_undecodable_request_gets_an_exception_answer_and_the_connection_closes()
    {
        await using var chain = AbciChain.Start();
        using var client = chain.Connect();
        client.SendRaw([0x02, 0xFF, 0xFF]);
        Assert.Contains("undecodable ABCI request", client.Read().Exception.Error, StringComparison.Ordinal);
        Assert.True(client.ServerClosed());
        using var next = chain.Connect(); // the server itself keeps serving
        Assert.Equal("still", next.Call(new Request { Echo = new RequestEcho { Message = "still" } }).Echo.Message);
    }

    [Fact]
    public async Task Commit_without_FinalizeBlock_is_an_exception()
    {
        await using var chain = AbciChain.Start();
        using var consensus = chain.Connect();
        Assert.Contains("Commit without a finalized block", consensus.Call(AbciChain.Commit()).Exception.Error, StringComparison.Ordinal);
    }

    private static ResponseProcessProposal.Types.ProposalStatus Process(AbciTestClient client, IEnumerable<byte[]> txs)
    {
        var request = new RequestProcessProposal { Height = 1, Time = AbciConversions.ToTimestamp(DevnetBankChain.T0) };
        request.Txs.AddRange(txs.Select(ByteString.CopyFrom));
        return client.Call(new Request { ProcessProposal = request }).ProcessProposal.Status;
    }

    private static Request CheckTx(byte[] tx, CheckTxType type) => new() { CheckTx = new RequestCheckTx { Tx = ByteString.CopyFrom(tx), Type = type } };
}
