using Google.Protobuf;
using MirrorChain.Tx;
using MirrorChain.Tx.Proto.Cosmos.Auth.V1Beta1;
using MirrorChain.Tx.Proto.Cosmos.Bank.V1Beta1;
using MirrorChain.Tx.Proto.Cosmos.Tx.V1Beta1;
using MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1;
using MsgSend = MirrorChain.Tx.Messages.MsgSend;

namespace MirrorChain.Execution.Tests;

public class QueryRouterTests
{
    private readonly QueryRouter _router = new(new TxExecutor());

    private QueryAnswer Query(string path, IMessage request) =>
        _router.Query(path, request.ToByteArray(), TestChain.NewBlockState(), TestChain.Block);

    [Fact]
    public void Routes_bank_and_auth_queries()
    {
        var balance = Query(QueryRouter.BalancePath, new QueryBalanceRequest { Address = TestKeys.Test3.Address.ToString(), Denom = "uluna" });
        Assert.True(balance.IsOk);
        Assert.Equal("5000", QueryBalanceResponse.Parser.ParseFrom(balance.Value).Balance.Amount);

        var account = Query(QueryRouter.AccountPath, new QueryAccountRequest { Address = TestKeys.Test4.Address.ToString() });
        Assert.Equal((22u, "sdk"), (account.Code, account.Codespace));
        Assert.Matches("^rpc error: code = NotFound desc = account terra1[a-z0-9]+ not found: key not found$", account.Log);
    }

    [Fact]
    public void Unknown_path_is_code_6()
    {
        var answer = _router.Query("/cosmos.staking.v1beta1.Query/Validators", [], TestChain.NewBlockState(), TestChain.Block);

        Assert.Equal(6u, answer.Code);
        Assert.Equal("unknown query path: unknown request", answer.Log);
    }

    [Fact]
    public void Garbage_request_is_code_18()
    {
        var answer = _router.Query(QueryRouter.BalancePath, [0xff, 0xff], TestChain.NewBlockState(), TestChain.Block);

        Assert.Equal(18u, answer.Code);
    }

    [Fact]
    public void Simulate_answers_gas_info_or_the_sdk_style_error()
    {
        var key = TestKeys.Test1;
        var ok = Query(QueryRouter.SimulatePath, new SimulateRequest
        {
            TxBytes = ByteString.CopyFrom(TxBuilder.ForSimulation([new MsgSend(key.Address, TestKeys.Test2.Address, [new Core.Coin("uluna", 1000)])], key.PublicKey, 0)),
        });
        Assert.True(ok.IsOk, ok.Log);
        Assert.Equal(31_064UL, SimulateResponse.Parser.ParseFrom(ok.Value).GasInfo.GasUsed);

        var bad = Query(QueryRouter.SimulatePath, new SimulateRequest
        {
            TxBytes = ByteString.CopyFrom(TxBuilder.ForSimulation([new MsgSend(key.Address, TestKeys.Test2.Address, [new Core.Coin("uluna", 1)])], key.PublicKey, 9)),
        });
        Assert.Equal(6u, bad.Code);
        Assert.Equal("rpc error: code = Unknown desc = account sequence mismatch, expected 0, got 9: incorrect account sequence With gas wanted: '0' and gas used: '4232' : unknown request", bad.Log); // 228 bytes + 64 → 2920, account read 1312
    }

    [Fact]
    public void Contract_queries_on_the_empty_runtime_are_wasm_8()
    {
        var address = TestKeys.Test4.Address.ToString();

        var smart = Query(QueryRouter.SmartContractStatePath, new QuerySmartContractStateRequest
        {
            Address = address, QueryData = ByteString.CopyFrom(Encoding.UTF8.GetBytes("{\"config\":{}}")),
        });
        var info = Query(QueryRouter.ContractInfoPath, new QueryContractInfoRequest { Address = address });

        Assert.Equal(("wasm", 8u, $"no such contract: {address}: not found"), (smart.Codespace, smart.Code, smart.Log));
        Assert.Equal(("wasm", 8u), (info.Codespace, info.Code));
    }
}
