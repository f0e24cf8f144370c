using Google.Protobuf;
using MirrorChain.Contracts.Testing;
using MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1;

namespace MirrorChain.Execution.Tests.Contracts;

public sealed class RawStateQueryTests
{
    [Fact]
    public void Raw_contract_state_reads_a_storage_key_and_unknown_contracts_are_not_found()
    {
        var app = new ContractTestApp(new ContractRegistry().Register(CounterContract.CodeId, new CounterContract()));
        var counter = app.Instantiate(CounterContract.CodeId, TestAddress.Of("alice"), "{\"count\":12}");
        var router = new QueryRouter(new TxExecutor(app.Runtime));
        QueryAnswer Raw(Address contract, string key) => router.Query(QueryRouter.RawContractStatePath,
            new QueryRawContractStateRequest { Address = contract.ToString(), QueryData = ByteString.CopyFromUtf8(key) }.ToByteArray(), app.State, app.Block);

        var hit = Raw(counter, "count");
        Assert.Equal(0u, hit.Code);
        Assert.Equal("12", QueryRawContractStateResponse.Parser.ParseFrom(hit.Value).Data.ToStringUtf8());
        Assert.True(QueryRawContractStateResponse.Parser.ParseFrom(Raw(counter, "absent").Value).Data.IsEmpty);

        var missing = ContractKeys.ContractAddress(99, 1);
        var miss = Raw(missing, "count");
        Assert.Equal((8u, "wasm", $"no such contract: {missing}: not found"), (miss.Code, miss.Codespace, miss.Log));
    }
}
