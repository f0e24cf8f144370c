using System.Text.Json;
using Google.Protobuf;
using MirrorChain.Core;
using MirrorChain.Core.Numerics;
using MirrorChain.CosmWasm;
using MirrorChain.State;
using MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1;

namespace MirrorChain.Execution.Contracts;

/// <summary>
/// Runs native contract codes with CosmWasm semantics: an entry point's writes land first, then its sub-messages
/// are dispatched in order, depth first, each in its own branch; a failing message without a reply fails the whole
/// call (and so the tx), one with ReplyOn.Error/Always is reverted alone and reported to the caller's reply entry
/// point. Events: <c>wasm</c> (the contract's attributes, <c>_contract_address</c> first), <c>wasm-&lt;type&gt;</c>,
/// <c>execute</c>/<c>instantiate</c> for sub-calls, bank events for transfers.
/// </summary>
public sealed class ContractRuntime(ContractRegistry registry, int maxCallDepth = ContractRuntime.DefaultMaxCallDepth) : IContractRuntime
{
    public const int DefaultMaxCallDepth = 32;

    /// <summary>Flat gas charged per contract entry-point call, on top of metered storage.</summary>
    public const ulong CallGas = 5_000;

    public ContractRegistry Registry { get; } = registry;

    // ---- IContractRuntime (top level: called by the router for MsgExecuteContract) ----

    public ContractExecution Execute(TxContext ctx, Address sender, Address contract, byte[] msgJson, IReadOnlyList<Coin> funds)
    {
        var (data, events) = ExecuteContract(ctx, 0, sender, contract, msgJson, funds);
        return new ContractExecution(data ?? [], events);
    }

    /// <summary>A top-level smart query (abci_query) at <paramref name="block"/>: read-only, errors as wasm code 9.</summary>
    public byte[] QuerySmart(IStateReader state, BlockContext block, Address contract, byte[] queryJson)
    {
        if (LoadInfo(state, contract) is null)
        {
            throw SdkError.WasmNotFound.Wrap($"no such contract: {contract}");
        }
        return Guard(SdkError.WasmQueryFailed, () => QueryContract(state, new BlockInfo(block.Height, block.Time, block.ChainId), contract, queryJson, 0));
    }

    public ContractInfo? ContractInfo(IStateReader state, Address contract) => LoadInfo(state, contract);

    /// <inheritdoc/>
    public IReadOnlyList<ulong> CodeIds => [.. Registry.Codes.Select(c => c.Key)];

    /// <inheritdoc/>
    public string? CodeName(ulong codeId) => Registry.Get(codeId)?.Name;

    // ---- instantiate (genesis deployment and WasmMsg::Instantiate) ----

    /// <summary>Creates an instance of <paramref name="codeId"/>; funds move from <paramref name="sender"/> first.</summary>
    public (Address Address, byte[]? Data, IReadOnlyList<Event> Events) Instantiate(
        TxContext ctx, Address sender, ulong codeId, byte[] msgJson, IReadOnlyList<Coin> funds, string label, Address? admin) =>
        InstantiateContract(ctx, 0, sender, codeId, msgJson, funds, label, admin);

    /// <summary>
    /// Migrates <paramref name="contract"/> to <paramref name="newCodeId"/> on behalf of <paramref name="sender"/>
    /// (MsgMigrateContract / genesis); see <see cref="WasmMigrate"/>.
    /// </summary>
    public (byte[]? Data, IReadOnlyList<Event> Events) Migrate(TxContext ctx, Address sender, Address contract, ulong newCodeId, byte[] msgJson) =>
        MigrateContract(ctx, 0, sender, contract, newCodeId, msgJson);

    /// <summary>Sets (or, with null, clears) the wasm admin of <paramref name="contract"/>; only its admin may.</summary>
    public IReadOnlyList<Event> UpdateAdmin(TxContext ctx, Address sender, Address contract, Address? newAdmin) =>
        SetAdmin(ctx, sender, contract, newAdmin);

    internal ContractInfo? LoadInfo(IStateReader state, Address contract) =>
        state.Get(ContractKeys.Info(contract)) is { } bytes ? Tx.Proto.Cosmwasm.Wasm.V1.ContractInfo.Parser.ParseFrom(bytes) : null;

    internal byte[] QueryContract(IStateReader state, BlockInfo block, Address contract, byte[] msg, int depth)
    {
        CheckDepth(depth);
        var code = CodeOf(LoadInfo(state, contract) ?? throw ContractException.Generic($"Querier system error: No such contract: {contract}"));
        var deps = new QueryDeps(new ContractStorage(state, contract, readOnly: true), ContractApi.Instance, new Querier(new ContractQuerier(this, state, block, depth)));
        return ContractFailures.Contain(() =>
        {
            using var doc = ParseJson(msg, code, "Query");
            return code.Query(deps, new Env(block, contract), doc.RootElement);
        });
    }

    private (byte[]? Data, List<Event> Events) ExecuteContract(TxContext ctx, int depth, Address sender, Address contract, byte[] msg, IReadOnlyList<Coin> funds)
    {
        CheckDepth(depth);
        var info = LoadInfo(ctx.State, contract) ?? throw SdkError.WasmNotFound.Wrap($"no such contract: {contract}");
        var code = CodeOf(info);
        ctx.GasMeter.Consume(CallGas, "wasm contract call");
        var env = EnvFor(ctx, contract);
        var response = Guard(SdkError.WasmExecuteFailed, () =>
        {
            using var doc = ParseJson(msg, code, "Execute");
            return code.Execute(DepsFor(ctx, contract, depth), env, new MessageInfo(sender, funds), doc.RootElement);
        });
        return Finish(ctx, depth, contract, code, response);
    }

    private (Address Address, byte[]? Data, List<Event> Events) InstantiateContract(
        TxContext ctx, int depth, Address sender, ulong codeId, byte[] msg, IReadOnlyList<Coin> funds, string label, Address? admin)
    {
        CheckDepth(depth);
        var code = Registry.Get(codeId) ?? throw SdkError.WasmNotFound.Wrap($"no such code: {codeId}");
        ctx.GasMeter.Consume(CallGas, "wasm contract instantiate");
        var instanceId = (ctx.State.Get(ContractKeys.LastInstanceId()) is { } last ? System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(last) : 0) + 1;
        ctx.State.Set(ContractKeys.LastInstanceId(), ContractKeys.EncodeU64(instanceId));
        var contract = ContractKeys.ContractAddress(codeId, instanceId);
        if (ctx.State.Get(ContractKeys.Info(contract)) is not null)
        {
            throw SdkError.WasmInstantiateFailed.Wrap($"contract address {contract} already exists");
        }
        var info = new ContractInfo
        {
            CodeId = codeId,
            Creator = sender.ToString(),
            Admin = admin?.ToString() ?? "",
            Label = label,
            Created = new AbsoluteTxPosition { BlockHeight = (ulong)ctx.Block.Height, TxIndex = (ulong)ctx.TxIndex },
        };
        ctx.State.Set(ContractKeys.Info(contract), info.ToByteArray());
        Accounts.EnsureExists(ctx.State, contract);
        var events = new List<Event>();
        if (funds.Count > 0)
        {
            events.AddRange(Bank.Send(ctx.State, sender, contract, funds));
        }
        events.Add(Event.Of("instantiate", ("_contract_address", contract.ToString()), ("code_id", codeId.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var response = Guard(SdkError.WasmInstantiateFailed, () =>
        {
            using var doc = ParseJson(msg, code, "Instantiate");
            return code.Instantiate(DepsFor(ctx, contract, depth), EnvFor(ctx, contract), new MessageInfo(sender, funds), doc.RootElement);
        });
        var (data, more) = Finish(ctx, depth, contract, code, response);
        events.AddRange(more);
        return (contract, data, events);
    }

    /// <summary>
    /// wasmd's migrate: the contract must exist (wasm 8) and <paramref name="sender"/> must be its admin ("can not
    /// migrate: unauthorized", sdk 4; a contract without admin cannot be migrated), the new code must exist; the
    /// contract info switches to the new code, then the new code's migrate entry point runs with the contract's own
    /// storage (its failure, or a missing entry point, is wasm 11 and reverts everything). Event
    /// <c>migrate{code_id, _contract_address}</c>, then the entry point's events and messages.
    /// </summary>
    private (byte[]? Data, List<Event> Events) MigrateContract(TxContext ctx, int depth, Address sender, Address contract, ulong newCodeId, byte[] msg)
    {
        CheckDepth(depth);
        var info = LoadInfo(ctx.State, contract) ?? throw SdkError.WasmNotFound.Wrap($"no such contract: {contract}");
        if (info.Admin.Length == 0 || info.Admin != sender.ToString())
        {
            throw SdkError.Unauthorized.Wrap("can not migrate");
        }
        var code = Registry.Get(newCodeId) ?? throw SdkError.WasmNotFound.Wrap($"no such code: {newCodeId}");
        ctx.GasMeter.Consume(CallGas, "wasm contract migrate");
        info.CodeId = newCodeId;
        ctx.State.Set(ContractKeys.Info(contract), info.ToByteArray());
        var response = Guard(SdkError.WasmMigrationFailed, () =>
        {
            using var doc = ParseJson(msg, code, "Migrate");
            try
            {
                return code.Migrate(DepsFor(ctx, contract, depth), EnvFor(ctx, contract), doc.RootElement);
            }
            catch (MissingExportException e)
            {
                throw new ContractException($"Error calling the VM: Error resolving Wasm function: {e.Message}");
            }
        });
        var events = new List<Event>
        {
            Event.Of("migrate", ("code_id", newCodeId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("_contract_address", contract.ToString())),
        };
        var (data, more) = Finish(ctx, depth, contract, code, response);
        events.AddRange(more);
        return (data, events);
    }

    /// <summary>
    /// wasmd's UpdateAdmin / ClearAdmin: only the current admin ("can not modify contract: unauthorized", sdk 4).
    /// Event <c>update_contract_admin{_contract_address, new_admin_address}</c> ("" when cleared).
    /// </summary>
    private List<Event> SetAdmin(TxContext ctx, Address sender, Address contract, Address? newAdmin)
    {
        var info = LoadInfo(ctx.State, contract) ?? throw SdkError.WasmNotFound.Wrap($"no such contract: {contract}");
        if (info.Admin.Length == 0 || info.Admin != sender.ToString())
        {
            throw SdkError.Unauthorized.Wrap("can not modify contract");
        }
        info.Admin = newAdmin?.ToString() ?? "";
        ctx.State.Set(ContractKeys.Info(contract), info.ToByteArray());
        return [Event.Of("update_contract_admin", ("_contract_address", contract.ToString()), ("new_admin_address", info.Admin))];
    }

    /// <summary>Emits the entry point's events, then dispatches its messages in order; replies may replace the data.</summary>
    private (byte[]? Data, List<Event> Events) Finish(TxContext ctx, int depth, Address contract, IContract code, Response response)
    {
        var events = ContractEvents(contract, response);
        var data = response.Data;
        foreach (var sub in response.Messages)
        {
            var (replyData, subEvents) = Dispatch(ctx, depth, contract, code, sub);
            events.AddRange(subEvents);
            if (replyData is not null)
            {
                data = replyData;
            }
        }
        return (data, events);
    }

    private (byte[]? ReplyData, List<Event> Events) Dispatch(TxContext ctx, int depth, Address contract, IContract code, SubMsg sub)
    {
        var branch = ctx.Branch();
        List<Event> events;
        byte[] resultData;
        try
        {
            (resultData, events) = Run(branch, depth + 1, contract, sub.Msg);
            branch.Commit();
        }
        catch (SdkException e) when (sub.ReplyOn is ReplyOn.Error or ReplyOn.Always && e.Error != SdkError.OutOfGas)
        {
            // the failed message's writes are dropped with the branch; the caller decides in its reply
            return CallReply(ctx, depth, contract, code, new Reply(sub.Id, null, null, e.Log));
        }
        if (sub.ReplyOn is ReplyOn.Success or ReplyOn.Always)
        {
            var (replyData, replyEvents) = CallReply(ctx, depth, contract, code, new Reply(sub.Id, events, resultData, null));
            events.AddRange(replyEvents);
            return (replyData, events);
        }
        return (null, events);
    }

    private (byte[]? Data, List<Event> Events) CallReply(TxContext ctx, int depth, Address contract, IContract code, Reply reply)
    {
        ctx.GasMeter.Consume(CallGas, "wasm contract reply");
        var response = Guard(SdkError.WasmExecuteFailed, () => code.Reply(DepsFor(ctx, contract, depth), EnvFor(ctx, contract), reply));
        return Finish(ctx, depth, contract, code, response);
    }

    /// <summary>Runs one message sent by <paramref name="sender"/> (a contract); returns its result data and events.</summary>
    private (byte[] Data, List<Event> Events) Run(TxContext ctx, int depth, Address sender, CosmosMsg msg)
    {
        switch (msg)
        {
            case BankSend send:
                return ([], [.. Bank.Send(ctx.State, sender, send.ToAddress, send.Amount)]);
            case WasmExecute exec:
            {
                if (LoadInfo(ctx.State, exec.ContractAddress) is null)
                {
                    throw SdkError.WasmNotFound.Wrap($"no such contract: {exec.ContractAddress}");
                }
                var events = new List<Event>();
                if (exec.Funds.Count > 0)
                {
                    events.AddRange(Bank.Send(ctx.State, sender, exec.ContractAddress, exec.Funds));
                }
                events.Add(Event.Of("execute", ("_contract_address", exec.ContractAddress.ToString())));
                var (data, more) = ExecuteContract(ctx, depth, sender, exec.ContractAddress, exec.Msg, exec.Funds);
                events.AddRange(more);
                return (new MsgExecuteContractResponse { Data = ByteString.CopyFrom(data ?? []) }.ToByteArray(), events);
            }
            case WasmInstantiate inst:
            {
                var (address, data, events) = InstantiateContract(ctx, depth, sender, inst.CodeId, inst.Msg, inst.Funds, inst.Label, inst.Admin);
                var response = new MsgInstantiateContractResponse { Address = address.ToString(), Data = ByteString.CopyFrom(data ?? []) };
                return (response.ToByteArray(), events);
            }
            case WasmMigrate migrate:
            {
                // MsgMigrateContractResponse{data} has MsgExecuteContractResponse's wire shape (field 1, bytes)
                var (data, events) = MigrateContract(ctx, depth, sender, migrate.ContractAddress, migrate.NewCodeId, migrate.Msg);
                return (new MsgExecuteContractResponse { Data = ByteString.CopyFrom(data ?? []) }.ToByteArray(), events);
            }
            case WasmUpdateAdmin update:
                return ([], SetAdmin(ctx, sender, update.ContractAddress, update.Admin));
            case WasmClearAdmin clear:
                return ([], SetAdmin(ctx, sender, clear.ContractAddress, null));
            default:
                throw SdkError.WasmInvalidMsg.Wrap($"unsupported message {msg.GetType().Name}");
        }
    }

    /// <summary>
    /// Runs an entry point and maps its failures to the wasm error <paramref name="error"/>: a contract error value
    /// (<see cref="ContractException"/>, cosmwasm's <see cref="StdException"/>) keeps its exact text; a Rust panic
    /// (<see cref="PanicException"/>) reads like wasmd's VM abort; any other exception a contract raises is contained
    /// the same way (<see cref="ContractFailures"/>), so nothing but an <see cref="SdkException"/> (out of gas, call
    /// depth) or a host fault (<see cref="HostFaults"/>) leaves a contract call.
    /// </summary>
    internal static T Guard<T>(SdkError error, Func<T> entryPoint)
    {
        try
        {
            return ContractFailures.Contain(entryPoint);
        }
        catch (Exception e) when (e is ContractException or StdException)
        {
            throw error.Wrap(e.Message);
        }
        catch (PanicException e)
        {
            throw error.Wrap(ContractFailures.AbortText(e.Message));
        }
    }

    private static List<Event> ContractEvents(Address contract, Response response)
    {
        var events = new List<Event>();
        var address = new EventAttribute("_contract_address", contract.ToString());
        if (response.Attributes.Count > 0)
        {
            events.Add(new Event("wasm", [address, .. response.Attributes.Select(a => new EventAttribute(a.Key, a.Value))]));
        }
        foreach (var e in response.Events)
        {
            events.Add(new Event("wasm-" + e.Type, [address, .. e.Attributes]));
        }
        return events;
    }

    private Deps DepsFor(TxContext ctx, Address contract, int depth) =>
        new(new ContractStorage(ctx.State, contract, readOnly: false), ContractApi.Instance, new Querier(new ContractQuerier(this, ctx.State, BlockOf(ctx), depth)));

    private static Env EnvFor(TxContext ctx, Address contract) => new(BlockOf(ctx), contract);

    private static BlockInfo BlockOf(TxContext ctx) => new(ctx.Block.Height, ctx.Block.Time, ctx.Block.ChainId);

    private IContract CodeOf(ContractInfo info) =>
        Registry.Get(info.CodeId) ?? throw SdkError.WasmNotFound.Wrap($"no code registered for code id {info.CodeId}");

    private void CheckDepth(int depth)
    {
        if (depth > maxCallDepth)
        {
            throw SdkError.WasmMaxCallDepth.Wrap($"call depth {depth} exceeds {maxCallDepth}");
        }
    }

    /// <summary>An entry point's message must be one JSON value; a failure reads like cosmwasm's <c>from_slice</c> error.</summary>
    private static JsonDocument ParseJson(byte[] msg, IContract code, string entryPoint) =>
        ContractJson.ParseDocument(msg, code.MessageTypeName(entryPoint));
}
