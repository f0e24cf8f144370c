using MirrorChain.Tx.Proto.Cosmos.Base.Abci.V1Beta1;
using MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1;
using MsgExecuteContract = MirrorChain.Tx.Messages.MsgExecuteContract;

namespace MirrorChain.Execution.Tests;

public class ContractRoutingTests
{
    private static readonly Address Contract = Address.FromBytes(Hashing.Sha256("stub contract"u8));

    /// <summary>Writes a key per call, answers "ok" data and a wasm event; {"fail":{}} fails after writing.</summary>
    private sealed class StubRuntime : IContractRuntime
    {
        public ContractExecution Execute(TxContext ctx, Address sender, Address contract, byte[] msgJson, IReadOnlyList<Coin> funds)
        {
            ctx.State.Set([StateKeys.Wasm, 0x01, .. contract.Bytes], msgJson);
            var child = ctx.Branch();
            child.State.Set([StateKeys.Wasm, 0x02], [1]);
            if (Encoding.UTF8.GetString(msgJson).Contains("drop", StringComparison.Ordinal))
            {
                // child dropped: its write never reaches the tx
            }
            else
            {
                child.Commit();
            }
            if (Encoding.UTF8.GetString(msgJson).Contains("fail", StringComparison.Ordinal))
            {
                throw SdkError.WasmExecuteFailed.Wrap("stub says no");
            }
            return new ContractExecution("ok"u8.ToArray(),
                [Event.Of("wasm", ("_contract_address", contract.ToString()), ("action", "stub"), ("funds", Coins.Format(funds)))]);
        }

        public byte[] QuerySmart(IStateReader state, BlockContext block, Address contract, byte[] queryJson) => "{}"u8.ToArray();

        public ContractInfo? ContractInfo(IStateReader state, Address contract) =>
            contract == Contract ? new ContractInfo { CodeId = 1, Creator = contract.ToString(), Label = "stub" } : null;
    }

    private static byte[] ExecuteTx(string json, string funds, ulong sequence = 0) =>
        TestChain.Sign(TestKeys.Test1, [new MsgExecuteContract(TestKeys.Test1.Address, Contract, Encoding.UTF8.GetBytes(json), Coins.Parse(funds))], sequence).TxBytes;

    [Fact]
    public void Funds_move_first_then_the_contract_runs_and_its_data_and_events_are_recorded()
    {
        var state = TestChain.NewBlockState();

        var result = Assert.Single(new BlockExecutor(new StubRuntime()).ExecuteBlock(TestChain.Block, [ExecuteTx("{\"go\":{}}", "1000uusd")], state));

        Assert.Equal(0u, result.Code);
        Assert.Equal((UInt128)1000, Bank.GetBalance(state, Contract, "uusd"));
        Assert.Equal(4UL, Accounts.Get(state, Contract)!.AccountNumber);
        Assert.Equal("{\"go\":{}}", Encoding.UTF8.GetString(state.Get([StateKeys.Wasm, 0x01, .. Contract.Bytes])!));
        Assert.Equal([1], state.Get([StateKeys.Wasm, 0x02]));
        var t1 = TestKeys.Test1.Address.ToString();
        Assert.Equal(
        [
            $"message{{action=/cosmwasm.wasm.v1.MsgExecuteContract,sender={t1},module=wasm,msg_index=0}}",
            $"coin_spent{{spender={t1},amount=1000uusd,msg_index=0}}",
            $"coin_received{{receiver={Contract},amount=1000uusd,msg_index=0}}",
            $"transfer{{recipient={Contract},sender={t1},amount=1000uusd,msg_index=0}}",
            $"message{{sender={t1},msg_index=0}}",
            $"execute{{_contract_address={Contract},msg_index=0}}",
            $"wasm{{_contract_address={Contract},action=stub,funds=1000uusd,msg_index=0}}",
        ], EventText.Of(result.Events).Skip(7));
        var response = Assert.Single(TxMsgData.Parser.ParseFrom(result.Data).MsgResponses);
        Assert.Equal("/cosmwasm.wasm.v1.MsgExecuteContractResponse", response.TypeUrl);
        Assert.Equal("ok", MsgExecuteContractResponse.Parser.ParseFrom(response.Value).Data.ToStringUtf8());
    }

    [Fact]
    public void A_failing_contract_reverts_its_writes_and_the_funds()
    {
        var state = TestChain.NewBlockState();

        var result = Assert.Single(new BlockExecutor(new StubRuntime()).ExecuteBlock(TestChain.Block, [ExecuteTx("{\"fail\":{}}", "1000uusd")], state));

        Assert.Equal((5u, "wasm"), (result.Code, result.Codespace));
        Assert.Equal("failed to execute message; message index: 0: stub says no: execute wasm contract failed", result.Log);
        Assert.Equal(UInt128.Zero, Bank.GetBalance(state, Contract, "uusd"));
        Assert.Null(state.Get([StateKeys.Wasm, 0x01, .. Contract.Bytes]));
        Assert.Null(Accounts.Get(state, Contract));
        Assert.Equal(1UL, Accounts.Get(state, TestKeys.Test1.Address)!.Sequence);
    }

    [Fact]
    public void A_dropped_branch_leaves_no_trace()
    {
        var state = TestChain.NewBlockState();

        var result = Assert.Single(new BlockExecutor(new StubRuntime()).ExecuteBlock(TestChain.Block, [ExecuteTx("{\"drop\":{}}", "")], state));

        Assert.Equal(0u, result.Code);
        Assert.NotNull(state.Get([StateKeys.Wasm, 0x01, .. Contract.Bytes]));
        Assert.Null(state.Get([StateKeys.Wasm, 0x02]));
    }
}
