using Google.Protobuf;
using MirrorChain.Crypto;
using MirrorChain.State;
using MirrorChain.Storage;
using ExecKeys = MirrorChain.Execution.StateKeys;

namespace MirrorChain.Rpc.Tests;

/// <summary>The RPC backend over a real node with the real application and the devnet genesis.</summary>
public sealed class NodeRpcBackendTests : IDisposable
{
    private static readonly Address Test3 = DevnetBankChain.Test3;
    private static readonly BlockTime T0 = DevnetBankChain.T0;

    private readonly DevnetBankNode<MemoryKeyValueStore> _chain = new(new MemoryKeyValueStore());
    private readonly PrivateKey _test2 = DevnetBankChain.Test2;

    private ChainNode Node => _chain.Node;

    private NodeRpcBackend Backend => _chain.Backend;

    public void Dispose() => _chain.Dispose();

    private static byte[] Send(ulong sequence, ulong amount) => DevnetBankChain.Send(sequence, amount);

    [Fact]
    public void Committed_txs_are_found_by_hash_height_and_indexed_events()
    {
        var tx0 = Send(0, 5);
        var tx1 = Send(1, 7);
        Assert.Equal(0u, Backend.BroadcastTx(tx0).Code);
        Assert.Equal(0u, Backend.BroadcastTx(tx1).Code);   // sequence 1 queues behind 0 in the pending state
        Assert.Equal(2, Backend.UnconfirmedTxCount);
        Node.ProduceBlock(T0);

        var found = Backend.GetTx(Hashing.TxHash(tx1))!;
        Assert.Equal((1L, 1), (found.Height, found.Index));
        Assert.Equal(0u, found.Result.Code);
        Assert.Equal(0, Backend.UnconfirmedTxCount);

        var byHash = Backend.SearchTxs($"tx.hash='{Hex.Upper(Hashing.TxHash(tx0))}'", 1, 30, false);
        Assert.Equal(1, byHash.TotalCount);
        var bySender = Backend.SearchTxs($"message.sender='{_test2.Address}'", 1, 30, false);
        Assert.Equal(2, bySender.TotalCount);
        Assert.Equal([0, 1], bySender.Txs.Select(t => t.Index));
        var desc = Backend.SearchTxs($"message.sender='{_test2.Address}'", 1, 30, true);
        Assert.Equal([1, 0], desc.Txs.Select(t => t.Index));
        var byHeight = Backend.SearchTxs("tx.height=1", 1, 1, false);
        Assert.Equal((2, 1), (byHeight.TotalCount, byHeight.Txs.Count));
        Assert.Equal(0, Backend.SearchTxs("tx.height=2", 1, 30, false).TotalCount);
        Assert.Equal(1, Backend.SearchTxs($"transfer.amount='7uluna' AND transfer.recipient='{Test3}'", 1, 30, false).TotalCount);
    }

    [Fact]
    public async Task Broadcast_commit_returns_once_the_block_is_committed()
    {
        var tx = Send(0, 11);
        var pending = Backend.BroadcastTxCommitAsync(tx, TimeSpan.FromSeconds(30), CancellationToken.None);
        while (Node.Mempool.Count == 0)
        {
            await Task.Delay(5);
        }
        Node.ProduceBlock(T0);
        var (check, committed) = await pending;
        Assert.Equal(0u, check.Code);
        Assert.NotNull(committed);
        Assert.Equal(1, committed!.Height);
        Assert.Equal(0u, committed.Result.Code);
    }

    [Fact]
    public async Task Broadcast_commit_of_a_rejected_tx_returns_the_check_error_at_once()
    {
        var tx = Send(5, 1); // wrong sequence
        var (check, committed) = await Backend.BroadcastTxCommitAsync(tx, TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Equal(32u, check.Code);
        Assert.Equal("account sequence mismatch, expected 0, got 5: incorrect account sequence", check.Log);
        Assert.Null(committed);
    }

    [Fact]
    public void Store_query_with_prove_returns_a_proof_that_verifies_against_the_app_hash()
    {
        Backend.BroadcastTx(Send(0, 1_000));
        Node.ProduceBlock(T0);
        var key = ExecKeys.Balance(Test3, "uluna");
        var result = Backend.Query(NodeRpcBackend.StoreKeyPath, key, 0, prove: true);

        Assert.Equal(0u, result.Code);
        Assert.Equal(1, result.Height);
        Assert.Equal("1000000000001000", System.Text.Encoding.ASCII.GetString(result.Value));
        var op = Assert.Single(result.ProofOps!);
        Assert.Equal(MerkleProof.OpType, op.Type);
        Assert.True(MerkleProof.Verify(op.Data, Backend.LatestAppHash, key, result.Value));
        Assert.False(MerkleProof.Verify(op.Data, Backend.LatestAppHash, key, "1"u8.ToArray()));

        // absence is provable too
        var missing = ExecKeys.Balance(Test3, "umnt");
        var absent = Backend.Query(NodeRpcBackend.StoreKeyPath, missing, 0, prove: true);
        Assert.Empty(absent.Value);
        Assert.True(MerkleProof.Verify(absent.ProofOps![0].Data, Backend.LatestAppHash, missing, null));

        // and the previous version still answers with the genesis balance
        var old = Backend.Query(NodeRpcBackend.StoreKeyPath, key, 0, prove: false);
        Assert.Null(old.ProofOps);
        Assert.Equal("1000000000000000", System.Text.Encoding.ASCII.GetString(Node.State.GetAt(0, key)!));
    }

    [Fact]
    public void Grpc_queries_answer_at_the_latest_height_and_refuse_other_heights_with_a_clear_log()
    {
        Node.ProduceBlock(T0);
        var request = new MirrorChain.Tx.Proto.Cosmos.Bank.V1Beta1.QueryBalanceRequest { Address = Test3.ToString(), Denom = "uusd" };
        var ok = Backend.Query("/cosmos.bank.v1beta1.Query/Balance", request.ToByteArray(), 0, false);
        Assert.Equal((0u, 1L), (ok.Code, ok.Height));
        var balance = MirrorChain.Tx.Proto.Cosmos.Bank.V1Beta1.QueryBalanceResponse.Parser.ParseFrom(ok.Value).Balance;
        Assert.Equal(("uusd", "1000000000000000"), (balance.Denom, balance.Amount));

        var future = Backend.Query("/cosmos.bank.v1beta1.Query/Balance", request.ToByteArray(), 9, false);
        Assert.Equal((18u, "sdk"), (future.Code, future.Codespace));
        Assert.Equal("cannot query with height 9; the latest height is 1: invalid request", future.Log);

        var unknown = Backend.Query("/cosmos.nothing.v1/Query", [], 0, false);
        Assert.Equal(6u, unknown.Code);
    }
}
