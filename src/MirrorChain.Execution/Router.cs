using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using MirrorChain.Core;
using MirrorChain.Tx;
using MirrorChain.Tx.Messages;
using LegacyExecuteResponse = MirrorChain.Tx.Proto.Terra.Wasm.V1Beta1.MsgExecuteContractResponse;
using MsgSend = MirrorChain.Tx.Messages.MsgSend;
using WasmExecuteResponse = MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1.MsgExecuteContractResponse;

namespace MirrorChain.Execution;

/// <summary>Sends each message to its module: MsgSend → bank, MsgExecuteContract (both type URLs) → contracts.</summary>
public sealed class Router(IContractRuntime contracts)
{
    public IContractRuntime Contracts { get; } = contracts;

    public MessageOutcome Dispatch(TxContext ctx, ITxMessage message) => message switch
    {
        MsgSend send => Send(ctx, send),
        MsgExecuteContract execute => Execute(ctx, execute),
        _ => throw SdkError.UnknownRequest.Wrap($"unrecognized message type: {message.TypeUrl}"),
    };

    private static MessageOutcome Send(TxContext ctx, MsgSend msg)
    {
        if (ModuleAccounts.NameOf(msg.ToAddress) is not null)
        {
            throw SdkError.Unauthorized.Wrap($"{msg.ToAddress} is not allowed to receive funds");
        }
        var events = Bank.Send(ctx.State, msg.FromAddress, msg.ToAddress, msg.Amount);
        return new MessageOutcome(new Any { TypeUrl = TypeUrls.MsgSendResponse, Value = ByteString.Empty }, events); // MsgSendResponse has no fields
    }

    /// <summary>
    /// wasmd's order: the contract must exist (wasm 8), funds move sender → contract, then the contract runs.
    /// Events: the funds transfer's, execute{_contract_address}, then the contract's.
    /// </summary>
    private MessageOutcome Execute(TxContext ctx, MsgExecuteContract msg)
    {
        if (Contracts.ContractInfo(ctx.State, msg.Contract) is null)
        {
            throw EmptyContractRuntime.NoSuchContract(msg.Contract);
        }
        var events = new List<Event>();
        if (msg.Funds.Count > 0)
        {
            events.AddRange(Bank.Send(ctx.State, msg.Sender, msg.Contract, msg.Funds));
        }
        events.Add(Event.Of("execute", ("_contract_address", msg.Contract.ToString())));
        var result = Contracts.Execute(ctx, msg.Sender, msg.Contract, msg.Msg, msg.Funds);
        events.AddRange(result.Events);
        var data = ByteString.CopyFrom(result.Data);
        var response = msg.IsLegacy
            ? new LegacyExecuteResponse { Data = data }.ToByteString()
            : new WasmExecuteResponse { Data = data }.ToByteString();
        return new MessageOutcome(new Any { TypeUrl = msg.ResponseTypeUrl, Value = response }, events);
    }
}
