using MirrorChain.Tx.Proto.Cosmos.Base.Abci.V1Beta1;

namespace MirrorChain.Execution.Tests;

public class BankSendTests
{
    private readonly BlockExecutor _executor = new();

    [Fact]
    public void Send_succeeds_with_exact_balances_fee_events_and_gas()
    {
        var test1 = TestKeys.Test1;
        var test2 = TestKeys.Test2.Address;
        var tx = TestChain.Send(test1, test2, "1000uluna", sequence: 0);

        var (result, state) = TestChain.ExecuteAlone(tx.TxBytes);

        Assert.Equal(0u, result.Code);
        Assert.Equal("", result.Codespace);
        Assert.Equal("", result.Log);
        Assert.Equal(200_000, result.GasWanted);
        // 314 tx bytes × 10 = 3140; account read 1000 + 3×(22+82) = 1312 (key 22 bytes, Any(BaseAccount) 82 bytes); signature 1000;
        // fee 3000uluna: read 1114 + write 3110 + collector read 1084 + write 2960 + collector Has 1000 = 9268;
        // account write (pubkey, sequence 1) 2000 + 30×(22+156) = 7340;
        // send 1000uluna: read 1111 + write 3110 + test2 read 1090 + write 2960 + Has 1000 = 9271.
        Assert.Equal(314, tx.TxBytes.Length);
        Assert.Equal(3140 + 1312 + 1000 + 9268 + 7340 + 9271, result.GasUsed);
        Assert.Equal(31_331, result.GasUsed);

        Assert.Equal(UInt128.Parse("999996000"), TestChain.Balance(state, test1, "uluna"));
        Assert.Equal((UInt128)1010, Bank.GetBalance(state, test2, "uluna"));
        Assert.Equal((UInt128)3000, Bank.GetBalance(state, TestChain.FeeCollector, "uluna"));
        Assert.Equal(UInt128.Parse("1000000000"), TestChain.Balance(state, test1, "uusd"));
        Assert.Equal(UInt128.Parse("1000005010"), Bank.GetSupply(state, "uluna"));
        var account = Accounts.Get(state, test1.Address)!;
        Assert.Equal(1UL, account.Sequence);
        Assert.Equal(0UL, account.AccountNumber);
        Assert.Equal(test1.PublicKey, account.PubKey);

        var t1 = test1.Address.ToString();
        var t2 = test2.ToString();
        var fc = TestChain.FeeCollector.ToString();
        Assert.Equal("terra17xpfvakm2amg962yls6f84z3kell8c5lkaeqfa", fc);
        Assert.Equal(
        [
            $"coin_spent{{spender={t1},amount=3000uluna}}",
            $"coin_received{{receiver={fc},amount=3000uluna}}",
            $"transfer{{recipient={fc},sender={t1},amount=3000uluna}}",
            $"message{{sender={t1}}}",
            $"tx{{fee=3000uluna,fee_payer={t1}}}",
            $"tx{{acc_seq={t1}/0}}",
            $"tx{{signature={Convert.ToBase64String(tx.Signature)}}}",
            $"message{{action=/cosmos.bank.v1beta1.MsgSend,sender={t1},module=bank,msg_index=0}}",
            $"coin_spent{{spender={t1},amount=1000uluna,msg_index=0}}",
            $"coin_received{{receiver={t2},amount=1000uluna,msg_index=0}}",
            $"transfer{{recipient={t2},sender={t1},amount=1000uluna,msg_index=0}}",
            $"message{{sender={t1},msg_index=0}}",
        ], EventText.Of(result.Events));
        Assert.All(result.Events.SelectMany(e => e.Attributes), a => Assert.True(a.Index));

        var data = TxMsgData.Parser.ParseFrom(result.Data);
        var response = Assert.Single(data.MsgResponses);
        Assert.Equal("/cosmos.bank.v1beta1.MsgSendResponse", response.TypeUrl);
        Assert.True(response.Value.IsEmpty);
        Assert.Equal("12260a242f636f736d6f732e62616e6b2e763162657461312e4d736753656e64526573706f6e7365", Hex.Lower(result.Data));
    }

    [Fact]
    public void Insufficient_funds_is_code_5_and_keeps_fee_and_sequence()
    {
        var test2 = TestKeys.Test2;
        var tx = TestChain.Send(test2, TestKeys.Test3.Address, "20uluna", sequence: 0, fee: "30000uusd");

        var (result, state) = TestChain.ExecuteAlone(tx.TxBytes);

        Assert.Equal(5u, result.Code);
        Assert.Equal("sdk", result.Codespace);
        Assert.Equal("failed to execute message; message index: 0: spendable balance 10uluna is smaller than 20uluna: insufficient funds", result.Log);
        Assert.Empty(result.Data);
        Assert.Equal((UInt128)10, TestChain.Balance(state, test2, "uluna"));
        Assert.Equal((UInt128)970_000, TestChain.Balance(state, test2, "uusd"));
        Assert.Equal((UInt128)30_000, Bank.GetBalance(state, TestChain.FeeCollector, "uusd"));
        Assert.Equal((UInt128)5000, TestChain.Balance(state, TestKeys.Test3, "uluna"));
        Assert.Equal(1UL, Accounts.Get(state, test2.Address)!.Sequence);
        var t2 = test2.Address.ToString();
        Assert.Equal(
        [
            $"coin_spent{{spender={t2},amount=30000uusd}}",
            $"coin_received{{receiver={TestChain.FeeCollector},amount=30000uusd}}",
            $"transfer{{recipient={TestChain.FeeCollector},sender={t2},amount=30000uusd}}",
            $"message{{sender={t2}}}",
            $"tx{{fee=30000uusd,fee_payer={t2}}}",
            $"tx{{acc_seq={t2}/0}}",
            $"tx{{signature={Convert.ToBase64String(tx.Signature)}}}",
        ], EventText.Of(result.Events));
    }

    [Fact]
    public void A_zero_balance_prints_empty_like_the_sdk()
    {
        var tx = TestChain.Send(TestKeys.Test3, TestKeys.Test2.Address, "1uusd", sequence: 0, fee: "3000uluna");

        var result = TestChain.ExecuteAlone(tx.TxBytes).Result;

        TestChain.AssertFailed(result, 5, "failed to execute message; message index: 0: spendable balance  is smaller than 1uusd: insufficient funds");
    }

    [Fact]
    public void Fee_larger_than_the_balance_is_code_5_with_no_state_change()
    {
        var tx = TestChain.Send(TestKeys.Test3, TestKeys.Test2.Address, "1uluna", sequence: 0, fee: "6000uluna");

        var (result, state) = TestChain.ExecuteAlone(tx.TxBytes);

        TestChain.AssertFailed(result, 5, "spendable balance 5000uluna is smaller than 6000uluna: insufficient funds: insufficient funds");
        Assert.Empty(state.Changes());
        Assert.Empty(result.Events);
    }

    [Fact]
    public void Sending_to_the_fee_collector_is_unauthorized()
    {
        var tx = TestChain.Send(TestKeys.Test1, TestChain.FeeCollector, "1uluna", sequence: 0);

        var result = TestChain.ExecuteAlone(tx.TxBytes).Result;

        TestChain.AssertFailed(result, 4, $"failed to execute message; message index: 0: {TestChain.FeeCollector} is not allowed to receive funds: unauthorized");
    }

    [Fact]
    public void First_receipt_creates_the_account_with_the_next_number()
    {
        var state = TestChain.NewBlockState();
        var fresh = TestKeys.Test4.Address;
        var tx = TestChain.Send(TestKeys.Test1, fresh, "5uluna", sequence: 0);

        Assert.Equal(0u, Assert.Single(_executor.ExecuteBlock(TestChain.Block, [tx.TxBytes], state)).Code);

        var account = Accounts.Get(state, fresh)!;
        Assert.Equal(4UL, account.AccountNumber);
        Assert.Equal(0UL, account.Sequence);
        Assert.Null(account.PubKey);
        Assert.Null(account.ModuleName);
    }
}
