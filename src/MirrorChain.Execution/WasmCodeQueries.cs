using System.Text;
using Google.Protobuf;
using MirrorChain.Core;
using MirrorChain.State;
using MirrorChain.Tx.Proto.Cosmos.Base.Query.V1Beta1;
using MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1;

using ContractKeys = MirrorChain.Execution.Contracts.ContractKeys;

namespace MirrorChain.Execution;

/// <summary>
/// wasmd's Code, ContractHistory and AllContractState queries (x/wasm/keeper/querier.go) over native codes.
/// <list type="bullet">
/// <item>A code has no wasm: its "bytes" (Code's <c>data</c>) are the crate name in UTF-8 (<c>IContract.Name</c>, e.g.
/// "mirror_mint") and its checksum (<c>data_hash</c>) is their SHA-256, so checksum = SHA-256(data) holds as in wasmd.
/// The creator is the wasm module's address (nobody uploaded the code); no tx may instantiate a code (Nobody).</item>
/// <item>The chain keeps no code-history store (wasmd's history keys would change the state root), so a contract's
/// history is its creation entry, derived from the contract info: GENESIS for a contract created at height 0 (the
/// genesis <c>wasm.steps</c>), INIT otherwise, with the contract's code id and creation position; <c>msg</c> is
/// <c>{}</c> because the instantiate message is not stored. The node adds the migrations from its event index
/// (<c>NodeRpcBackend</c>).</item>
/// </list>
/// </summary>
public static class WasmCodeQueries
{
    /// <summary>The SDK's default page size (types/query/pagination.go <c>DefaultLimit</c>).</summary>
    public const ulong DefaultLimit = 100;

    /// <summary>The creator every native code reports: the wasm module's address.</summary>
    public static Address CodeCreator { get; } = ModuleAccounts.AddressOf("wasm");

    /// <summary>The <c>msg</c> of history entries: the instantiate and migrate messages are not stored.</summary>
    public static ReadOnlySpan<byte> UnknownMsg => "{}"u8;

    /// <summary>The code info of native code <paramref name="codeId"/> named <paramref name="name"/>.</summary>
    public static CodeInfoResponse InfoOf(ulong codeId, string name) => new()
    {
        CodeId = codeId,
        Creator = CodeCreator.ToString(),
        DataHash = ByteString.CopyFrom(Hashing.Sha256(Encoding.UTF8.GetBytes(name))),
        InstantiatePermission = new AccessConfig { Permission = AccessType.Nobody },
    };

    /// <summary>/cosmwasm.wasm.v1.Query/Code: id 0 is invalid, an unknown id is wasm 22 "no such code".</summary>
    public static QueryCodeResponse Code(IContractRuntime contracts, QueryCodeRequest request)
    {
        if (request.CodeId == 0)
        {
            throw QueryErrors.InvalidArgument("code id cannot be 0");
        }
        var name = contracts.CodeName(request.CodeId)
            ?? throw SdkError.WasmNoSuchCode.Wrap($"code id {request.CodeId.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        return new QueryCodeResponse { CodeInfo = InfoOf(request.CodeId, name), Data = ByteString.CopyFromUtf8(name) };
    }

    /// <summary>/cosmwasm.wasm.v1.Query/ContractHistory from the state alone: the creation entry (see the class summary).</summary>
    public static QueryContractHistoryResponse History(IContractRuntime contracts, IStateReader state, QueryContractHistoryRequest request) =>
        History(contracts, state, request, []);

    /// <summary>
    /// The history with <paramref name="migrations"/> (position and new code id of each, in order) after the creation
    /// entry; when there are migrations the creation entry's code id is <paramref name="originalCodeId"/>.
    /// Paginated by entry number (8 bytes big-endian from 1, as wasmd's history keys).
    /// </summary>
    public static QueryContractHistoryResponse History(IContractRuntime contracts, IStateReader state, QueryContractHistoryRequest request,
        IReadOnlyList<(AbsoluteTxPosition Position, ulong CodeId)> migrations, ulong? originalCodeId = null)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(migrations);
        var contract = QueryErrors.ParseAddress(request.Address);
        var info = contracts.ContractInfo(state, contract) ?? throw EmptyContractRuntime.NoSuchContract(contract);
        var created = info.Created ?? new AbsoluteTxPosition();
        var entries = new List<(byte[] Key, ContractCodeHistoryEntry Entry)>
        {
            (ContractKeys.EncodeU64(1), new ContractCodeHistoryEntry
            {
                Operation = created.BlockHeight == 0
                    ? ContractCodeHistoryOperationType.Genesis
                    : ContractCodeHistoryOperationType.Init,
                CodeId = migrations.Count > 0 && originalCodeId is { } original ? original : info.CodeId,
                Updated = created,
                Msg = ByteString.CopyFrom(UnknownMsg),
            }),
        };
        foreach (var (position, codeId) in migrations)
        {
            entries.Add((ContractKeys.EncodeU64((ulong)entries.Count + 1), new ContractCodeHistoryEntry
            {
                Operation = ContractCodeHistoryOperationType.Migrate,
                CodeId = codeId,
                Updated = position,
                Msg = ByteString.CopyFrom(UnknownMsg),
            }));
        }
        var (page, pagination) = Bank.Paginate(entries, e => e.Key, request.Pagination);
        var response = new QueryContractHistoryResponse { Pagination = pagination };
        response.Entries.AddRange(page.Select(e => e.Entry));
        return response;
    }

    /// <summary>
    /// /cosmwasm.wasm.v1.Query/AllContractState: the contract's raw storage (key without the contract prefix, value)
    /// in key order, paginated as the SDK's <c>query.Paginate</c> over the contract's prefix store: by key or offset,
    /// limit 100 (and the total counted) when none is given; only the page is kept in memory.
    /// </summary>
    public static QueryAllContractStateResponse AllState(IContractRuntime contracts, IStateReader state, QueryAllContractStateRequest request)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(request);
        var contract = QueryErrors.ParseAddress(request.Address);
        if (contracts.ContractInfo(state, contract) is null)
        {
            throw EmptyContractRuntime.NoSuchContract(contract);
        }
        var page = request.Pagination ?? new PageRequest();
        var key = page.Key.ToByteArray();
        if (key.Length > 0 && page.Offset > 0)
        {
            throw QueryErrors.InvalidArgument("paginate: invalid request, either offset or key is expected, got both");
        }
        var limit = page.Limit;
        var countTotal = page.CountTotal;
        if (limit == 0)
        {
            limit = DefaultLimit;
            countTotal = true;
        }
        var prefix = ContractKeys.StoragePrefix(contract);
        var end = KeyRanges.PrefixEnd(prefix);
        var range = key.Length == 0
            ? state.Range(prefix, end, page.Reverse)
            : page.Reverse
                ? state.Range(prefix, [.. prefix, .. key, 0], reverse: true)
                : state.Range([.. prefix, .. key], end);

        var response = new QueryAllContractStateResponse { Pagination = new PageResponse() };
        var skip = key.Length == 0 ? page.Offset : 0;
        ulong seen = 0;
        foreach (var (k, v) in range)
        {
            seen++;
            if (seen <= skip)
            {
                continue;
            }
            if ((ulong)response.Models.Count < limit)
            {
                response.Models.Add(new Model { Key = ByteString.CopyFrom(k.AsSpan(prefix.Length)), Value = ByteString.CopyFrom(v) });
                continue;
            }
            if (response.Pagination.NextKey.IsEmpty)
            {
                response.Pagination.NextKey = ByteString.CopyFrom(k.AsSpan(prefix.Length));
            }
            if (!(countTotal && key.Length == 0))
            {
                break;
            }
        }
        if (countTotal && key.Length == 0)
        {
            response.Pagination.Total = seen;
        }
        return response;
    }
}
