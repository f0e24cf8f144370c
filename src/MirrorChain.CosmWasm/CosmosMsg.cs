using MirrorChain.Core;

namespace MirrorChain.CosmWasm;

/// <summary>A message a contract asks the chain to dispatch on its behalf (sender = the contract).</summary>
public abstract record CosmosMsg;

/// <summary>BankMsg::Send from the contract's balance.</summary>
public sealed record BankSend(Address ToAddress, IReadOnlyList<Coin> Amount) : CosmosMsg;

/// <summary>WasmMsg::Execute: call another contract with a JSON message and optional funds.</summary>
public sealed record WasmExecute(Address ContractAddress, byte[] Msg, IReadOnlyList<Coin> Funds) : CosmosMsg
{
    public static WasmExecute Json(Address contract, string json, IReadOnlyList<Coin>? funds = null) =>
        new(contract, System.Text.Encoding.UTF8.GetBytes(json), funds ?? []);
}

/// <summary>WasmMsg::Instantiate: create a new instance of a registered code.</summary>
public sealed record WasmInstantiate(ulong CodeId, byte[] Msg, IReadOnlyList<Coin> Funds, string Label, Address? Admin) : CosmosMsg;

/// <summary>
/// WasmMsg::Migrate: switch <paramref name="ContractAddress"/> to code <paramref name="NewCodeId"/> and run the new
/// code's migrate entry point with <paramref name="Msg"/>. Only the contract's wasm admin may send it.
/// </summary>
public sealed record WasmMigrate(Address ContractAddress, ulong NewCodeId, byte[] Msg) : CosmosMsg;

/// <summary>WasmMsg::UpdateAdmin: the contract's wasm admin hands the admin role to <paramref name="Admin"/>.</summary>
public sealed record WasmUpdateAdmin(Address ContractAddress, Address Admin) : CosmosMsg;

/// <summary>WasmMsg::ClearAdmin: the contract's wasm admin removes the admin role (the contract becomes immutable).</summary>
public sealed record WasmClearAdmin(Address ContractAddress) : CosmosMsg;

/// <summary>When the sender wants a reply for a sub-message.</summary>
public enum ReplyOn
{
    Never,
    Success,
    Error,
    Always,
}

/// <summary>A message plus its reply settings. With ReplyOn.Error/Always a failure is caught and reverted alone.</summary>
public sealed record SubMsg(ulong Id, CosmosMsg Msg, ReplyOn ReplyOn)
{
    public static SubMsg ReplyOnSuccess(CosmosMsg msg, ulong id) => new(id, msg, ReplyOn.Success);

    public static SubMsg ReplyOnError(CosmosMsg msg, ulong id) => new(id, msg, ReplyOn.Error);

    public static SubMsg ReplyAlways(CosmosMsg msg, ulong id) => new(id, msg, ReplyOn.Always);
}

/// <summary>
/// The result of a sub-message for <see cref="IContract.Reply"/>: on success its events and data (for an
/// instantiate, the protobuf MsgInstantiateContractResponse{address, data}; for an execute,
/// MsgExecuteContractResponse{data}); on failure the error text.
/// </summary>
public sealed record Reply(ulong Id, IReadOnlyList<Event>? Events, byte[]? Data, string? Error)
{
    public bool IsOk => Error is null;
}
