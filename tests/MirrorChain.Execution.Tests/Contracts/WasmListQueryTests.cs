using Google.Protobuf;
using MirrorChain.Contracts.Testing;
using MirrorChain.Tx.Proto.Cosmos.Base.Query.V1Beta1;
using MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1;

namespace MirrorChain.Execution.Tests.Contracts;

public sealed class WasmListQueryTests
{
    private static ContractTestApp NewApp() => new(new ContractRegistry()
        .Register(CounterContract.CodeId, new CounterContract())
        .Register(CounterV2Contract.CodeId, new CounterV2Contract()));

    [Fact]
    public void Codes_lists_every_registered_code_ascending_with_nobody_may_instantiate()
    {
        var app = NewApp();
        var router = new QueryRouter(new TxExecutor(app.Runtime));

        var answer = router.Query(QueryRouter.CodesPath, new QueryCodesRequest().ToByteArray(), app.State, app.Block);

        Assert.Equal(0u, answer.Code);
        var codes = QueryCodesResponse.Parser.ParseFrom(answer.Value);
        Assert.Equal([CounterContract.CodeId, CounterV2Contract.CodeId], codes.CodeInfos.Select(c => c.CodeId));
        Assert.All(codes.CodeInfos, c => Assert.Equal(AccessType.Nobody, c.InstantiatePermission.Permission));
        Assert.True(codes.Pagination.NextKey.IsEmpty);
    }

    [Fact]
    public void Codes_pages_with_limit_and_next_key()
    {
        var app = NewApp();
        var router = new QueryRouter(new TxExecutor(app.Runtime));
        QueryCodesResponse Page(PageRequest p) => QueryCodesResponse.Parser.ParseFrom(
            router.Query(QueryRouter.CodesPath, new QueryCodesRequest { Pagination = p }.ToByteArray(), app.State, app.Block).Value);

        var first = Page(new PageRequest { Limit = 1, CountTotal = true });
        Assert.Equal([CounterContract.CodeId], first.CodeInfos.Select(c => c.CodeId));
        Assert.Equal(2UL, first.Pagination.Total);
        var second = Page(new PageRequest { Limit = 1, Key = first.Pagination.NextKey });
        Assert.Equal([CounterV2Contract.CodeId], second.CodeInfos.Select(c => c.CodeId));
        Assert.True(second.Pagination.NextKey.IsEmpty);
    }

    [Fact]
    public void Contracts_by_code_lists_only_that_codes_contracts_in_creation_order()
    {
        var app = NewApp();
        var a = app.Instantiate(CounterContract.CodeId, TestAddress.Of("alice"), "{\"count\":1}");
        var other = app.Instantiate(CounterV2Contract.CodeId, TestAddress.Of("alice"), "{\"count\":1}");
        var b = app.Instantiate(CounterContract.CodeId, TestAddress.Of("bob"), "{\"count\":2}");
        var router = new QueryRouter(new TxExecutor(app.Runtime));
        QueryAnswer ByCode(ulong codeId) =>
            router.Query(QueryRouter.ContractsByCodePath, new QueryContractsByCodeRequest { CodeId = codeId }.ToByteArray(), app.State, app.Block);

        var infoA = app.Runtime.ContractInfo(app.State, a)!;
        var infoB = app.Runtime.ContractInfo(app.State, b)!;
        var expected = (infoA.Created.BlockHeight, infoA.Created.TxIndex).CompareTo((infoB.Created.BlockHeight, infoB.Created.TxIndex)) switch
        {
            < 0 => new[] { a, b },
            > 0 => [b, a],
            _ => a.Bytes.SequenceCompareTo(b.Bytes) < 0 ? [a, b] : [b, a],
        };
        Assert.Equal(expected.Select(x => x.ToString()), QueryContractsByCodeResponse.Parser.ParseFrom(ByCode(CounterContract.CodeId).Value).Contracts);
        Assert.Equal([other.ToString()], QueryContractsByCodeResponse.Parser.ParseFrom(ByCode(CounterV2Contract.CodeId).Value).Contracts);
        Assert.Empty(QueryContractsByCodeResponse.Parser.ParseFrom(ByCode(99).Value).Contracts);
        var zero = ByCode(0);
        Assert.Equal((18u, "rpc error: code = InvalidArgument desc = code id cannot be 0: invalid request"), (zero.Code, zero.Log));
    }
}
