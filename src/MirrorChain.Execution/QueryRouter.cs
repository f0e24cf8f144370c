using Google.Protobuf;
using MirrorChain.Core;
using MirrorChain.State;
using MirrorChain.Tx.Messages;
using MirrorChain.Tx.Proto.Cosmos.Auth.V1Beta1;
using MirrorChain.Tx.Proto.Cosmos.Bank.V1Beta1;
using MirrorChain.Tx.Proto.Cosmos.Tx.V1Beta1;
using MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1;

using ContractKeys = MirrorChain.Execution.Contracts.ContractKeys;

namespace MirrorChain.Execution;

/// <summary>
/// Answers abci_query paths (the gRPC method paths cosmjs 0.38 sends, e.g. <c>/cosmos.bank.v1beta1.Query/Balance</c>)
/// over a state view: auth Account/Params, bank Balance/AllBalances/SupplyOf/TotalSupply, tx Simulate, wasm
/// SmartContractState/ContractInfo/RawContractState/AllContractState/Code/Codes/ContractsByCode/ContractHistory.
/// Unknown path: code 6 "unknown query path".
/// </summary>
public sealed class QueryRouter(TxExecutor executor)
{
    public const string AccountPath = "/cosmos.auth.v1beta1.Query/Account";
    public const string AuthParamsPath = "/cosmos.auth.v1beta1.Query/Params";
    public const string BalancePath = "/cosmos.bank.v1beta1.Query/Balance";
    public const string AllBalancesPath = "/cosmos.bank.v1beta1.Query/AllBalances";
    public const string SupplyOfPath = "/cosmos.bank.v1beta1.Query/SupplyOf";
    public const string SimulatePath = "/cosmos.tx.v1beta1.Service/Simulate";
    public const string SmartContractStatePath = "/cosmwasm.wasm.v1.Query/SmartContractState";
    public const string ContractInfoPath = "/cosmwasm.wasm.v1.Query/ContractInfo";
    public const string RawContractStatePath = "/cosmwasm.wasm.v1.Query/RawContractState";
    public const string CodesPath = "/cosmwasm.wasm.v1.Query/Codes";
    public const string ContractsByCodePath = "/cosmwasm.wasm.v1.Query/ContractsByCode";
    public const string CodePath = "/cosmwasm.wasm.v1.Query/Code";
    public const string ContractHistoryPath = "/cosmwasm.wasm.v1.Query/ContractHistory";
    public const string AllContractStatePath = "/cosmwasm.wasm.v1.Query/AllContractState";
    public const string TotalSupplyPath = "/cosmos.bank.v1beta1.Query/TotalSupply";

    public TxExecutor Executor { get; } = executor;

    private IContractRuntime Contracts => Executor.Router.Contracts;

    public QueryAnswer Query(string path, byte[] data, IStateReader state, BlockContext block)
    {
        try
        {
            var value = path switch
            {
                AccountPath => Accounts.QueryAccount(state, Parse(QueryAccountRequest.Parser, data)).ToByteArray(),
                AuthParamsPath => Accounts.QueryParams(state, Executor.GasConfig).ToByteArray(),
                BalancePath => Bank.QueryBalance(state, Parse(QueryBalanceRequest.Parser, data)).ToByteArray(),
                AllBalancesPath => Bank.QueryAllBalances(state, Parse(QueryAllBalancesRequest.Parser, data)).ToByteArray(),
                SupplyOfPath => Bank.QuerySupplyOf(state, Parse(QuerySupplyOfRequest.Parser, data)).ToByteArray(),
                SimulatePath => Simulate(Parse(SimulateRequest.Parser, data), state, block).ToByteArray(),
                SmartContractStatePath => SmartQuery(Parse(QuerySmartContractStateRequest.Parser, data), state, block).ToByteArray(),
                ContractInfoPath => ContractInfoQuery(Parse(QueryContractInfoRequest.Parser, data), state).ToByteArray(),
                RawContractStatePath => RawQuery(Parse(QueryRawContractStateRequest.Parser, data), state).ToByteArray(),
                TotalSupplyPath => Bank.QueryTotalSupply(state, Parse(QueryTotalSupplyRequest.Parser, data)).ToByteArray(),
                CodesPath => WasmListQueries.Codes(Contracts, Parse(QueryCodesRequest.Parser, data)).ToByteArray(),
                CodePath => WasmCodeQueries.Code(Contracts, Parse(QueryCodeRequest.Parser, data)).ToByteArray(),
                ContractHistoryPath => WasmCodeQueries.History(Contracts, state, Parse(QueryContractHistoryRequest.Parser, data)).ToByteArray(),
                AllContractStatePath => WasmCodeQueries.AllState(Contracts, state, Parse(QueryAllContractStateRequest.Parser, data)).ToByteArray(),
                ContractsByCodePath => WasmListQueries.ContractsByCode(state, Parse(QueryContractsByCodeRequest.Parser, data)).ToByteArray(),
                _ => throw SdkError.UnknownRequest.Wrap("unknown query path"),
            };
            return QueryAnswer.Ok(value);
        }
        catch (SdkException e)
        {
            return new QueryAnswer(e.Error.Code, e.Error.Codespace, e.Log, []);
        }
    }

    private static T Parse<T>(MessageParser<T> parser, byte[] data)
        where T : IMessage<T>
    {
        try
        {
            return parser.ParseFrom(data);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw QueryErrors.InvalidArgument($"failed to decode request: {e.Message}");
        }
    }

    /// <summary>
    /// A failed simulation answers as the SDK's tx service does: code 6 with
    /// "rpc error: code = Unknown desc = &lt;log&gt; With gas wanted: 'w' and gas used: 'u' : unknown request".
    /// </summary>
    private SimulateResponse Simulate(SimulateRequest request, IStateReader state, BlockContext block)
    {
        var txBytes = request.TxBytes.ToByteArray();
#pragma warning disable CS0612 // SimulateRequest.tx is deprecated; older clients still send it
        if (txBytes.Length == 0 && request.Tx is not null)
        {
            txBytes = request.Tx.ToByteArray();
        }
#pragma warning restore CS0612
        if (txBytes.Length == 0)
        {
            throw QueryErrors.InvalidArgument("empty txBytes is not allowed");
        }
        var result = Executor.Simulate(txBytes, state, block);
        if (!result.IsOk)
        {
            throw new SdkException(SdkError.UnknownRequest,
                $"rpc error: code = Unknown desc = {result.Log} With gas wanted: '{result.GasWanted}' and gas used: '{result.GasUsed}' : {SdkError.UnknownRequest.Description}");
        }
        return result.ToProto();
    }

    private QuerySmartContractStateResponse SmartQuery(QuerySmartContractStateRequest request, IStateReader state, BlockContext block)
    {
        var contract = QueryErrors.ParseAddress(request.Address);
        if (!JsonPayload.IsObject(request.QueryData.Span, out _))
        {
            throw QueryErrors.InvalidArgument("invalid query data");
        }
        var answer = Contracts.QuerySmart(state, block, contract, request.QueryData.ToByteArray());
        return new QuerySmartContractStateResponse { Data = ByteString.CopyFrom(answer) };
    }

    /// <summary>A contract's raw storage value under <c>query_data</c> (empty when absent, as wasmd).</summary>
    private QueryRawContractStateResponse RawQuery(QueryRawContractStateRequest request, IStateReader state)
    {
        var contract = QueryErrors.ParseAddress(request.Address);
        if (Contracts.ContractInfo(state, contract) is null)
        {
            throw EmptyContractRuntime.NoSuchContract(contract);
        }
        var value = state.Get([.. ContractKeys.StoragePrefix(contract), .. request.QueryData.Span]);
        return new QueryRawContractStateResponse { Data = ByteString.CopyFrom(value ?? []) };
    }

    private QueryContractInfoResponse ContractInfoQuery(QueryContractInfoRequest request, IStateReader state)
    {
        var contract = QueryErrors.ParseAddress(request.Address);
        var info = Contracts.ContractInfo(state, contract) ?? throw EmptyContractRuntime.NoSuchContract(contract);
        return new QueryContractInfoResponse { Address = request.Address, ContractInfo = info };
    }
}
