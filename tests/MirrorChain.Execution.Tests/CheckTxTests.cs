namespace MirrorChain.Execution.Tests;

public class CheckTxTests
{
    private readonly TxExecutor _executor = new();

    [Fact]
    public void Pending_state_lets_one_account_queue_consecutive_sequences()
    {
        var pending = new StateCache(TestChain.NewBlockState());
        var test1 = TestKeys.Test1;

        var first = _executor.CheckTx(TestChain.Send(test1, TestKeys.Test2.Address, "1uluna", 0).TxBytes, pending, TestChain.Block);
        var second = _executor.CheckTx(TestChain.Send(test1, TestKeys.Test2.Address, "1uluna", 1).TxBytes, pending, TestChain.Block);
        var replay = _executor.CheckTx(TestChain.Send(test1, TestKeys.Test2.Address, "1uluna", 0).TxBytes, pending, TestChain.Block);

        // ante only: 311 bytes × 10 + account read 1312 + signature 1000 + fee 9268 + account write 7340
        Assert.Equal(new CheckTxResponse(0, "", "", 200_000, 22_030, test1.Address.ToString()), first);
        Assert.True(second.IsOk);
        Assert.Equal(32u, replay.Code);
        Assert.Equal("account sequence mismatch, expected 2, got 0: incorrect account sequence", replay.Log);
        Assert.Equal(2UL, Accounts.Get(pending, test1.Address)!.Sequence);
        Assert.Equal(UInt128.Parse("999994000"), TestChain.Balance(pending, test1, "uluna"));
        Assert.Equal((UInt128)10, TestChain.Balance(pending, TestKeys.Test2, "uluna")); // messages do not run
    }

    [Fact]
    public void Failing_checks_leave_the_pending_state_untouched()
    {
        var pending = new StateCache(TestChain.NewBlockState());
        var tx = TestChain.Send(TestKeys.Test1, TestKeys.Test2.Address, "1uluna", 0, chainId: "wrong-chain");

        var result = _executor.CheckTx(tx.TxBytes, pending, TestChain.Block);

        Assert.Equal(4u, result.Code);
        Assert.Equal("sdk", result.Codespace);
        Assert.Empty(pending.Changes());
    }

    [Fact]
    public void Decode_errors_have_zero_gas()
    {
        var result = _executor.CheckTx([0xff], new StateCache(TestChain.NewBlockState()), TestChain.Block);

        Assert.Equal(2u, result.Code);
        Assert.Equal(0, result.GasWanted);
    }
}
