using System.Globalization;
using System.Text.Json;
using Google.Protobuf;
using MirrorChain.Core;
using MirrorChain.Execution;
using MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1;

namespace MirrorChain.Rpc.Lcd;

/// <summary>The routes over codes, raw state and history (wasmd x/wasm/keeper/querier.go, through the gateway).</summary>
internal sealed partial class WasmRoutes
{
    private ValueTask Raw(LcdRequest request, Utf8JsonWriter w, CancellationToken ct)
    {
        var key = LcdBase64.Decode(request.Path("query_data"), "query_data");
        var query = new QueryRawContractStateRequest { Address = request.Path("address"), QueryData = ByteString.CopyFrom(key) };
        var answer = LcdQueries.Run(backend, request, QueryRouter.RawContractStatePath, query, QueryRawContractStateResponse.Parser);
        w.WriteStartObject();
        WriteBytesOrNull(w, "data", answer.Data);
        w.WriteEndObject();
        return ValueTask.CompletedTask;
    }

    private ValueTask AllState(LcdRequest request, Utf8JsonWriter w, CancellationToken ct)
    {
        var query = new QueryAllContractStateRequest { Address = request.Path("address"), Pagination = BankRoutes.PageRequestOf(request) };
        var answer = LcdQueries.Run(backend, request, QueryRouter.AllContractStatePath, query, QueryAllContractStateResponse.Parser);
        w.WriteStartObject();
        w.WriteStartArray("models");
        foreach (var m in answer.Models)
        {
            w.WriteStartObject();
            w.WriteString("key", Hex.Upper(m.Key.Span));
            LcdJson.WriteBytes(w, "value", m.Value);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        BankRoutes.WritePagination(w, answer.Pagination);
        w.WriteEndObject();
        return ValueTask.CompletedTask;
    }

    private ValueTask History(LcdRequest request, Utf8JsonWriter w, CancellationToken ct)
    {
        var query = new QueryContractHistoryRequest { Address = request.Path("address"), Pagination = BankRoutes.PageRequestOf(request) };
        var answer = LcdQueries.Run(backend, request, QueryRouter.ContractHistoryPath, query, QueryContractHistoryResponse.Parser);
        w.WriteStartObject();
        w.WriteStartArray("entries");
        foreach (var e in answer.Entries)
        {
            w.WriteStartObject();
            w.WriteString("operation", OperationName(e.Operation));
            w.WriteUInt64String("code_id", e.CodeId);
            if (e.Updated is null)
            {
                w.WriteNull("updated");
            }
            else
            {
                w.WriteStartObject("updated");
                w.WriteUInt64String("block_height", e.Updated.BlockHeight);
                w.WriteUInt64String("tx_index", e.Updated.TxIndex);
                w.WriteEndObject();
            }
            LcdJson.WriteRawJson(w, "msg", e.Msg.Span);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        BankRoutes.WritePagination(w, answer.Pagination);
        w.WriteEndObject();
        return ValueTask.CompletedTask;
    }

    private ValueTask Codes(LcdRequest request, Utf8JsonWriter w, CancellationToken ct)
    {
        var query = new QueryCodesRequest { Pagination = BankRoutes.PageRequestOf(request) };
        var answer = LcdQueries.Run(backend, request, QueryRouter.CodesPath, query, QueryCodesResponse.Parser);
        w.WriteStartObject();
        w.WriteStartArray("code_infos");
        foreach (var c in answer.CodeInfos)
        {
            WriteCodeInfo(w, c);
        }
        w.WriteEndArray();
        BankRoutes.WritePagination(w, answer.Pagination);
        w.WriteEndObject();
        return ValueTask.CompletedTask;
    }

    private ValueTask Code(LcdRequest request, Utf8JsonWriter w, CancellationToken ct)
    {
        var query = new QueryCodeRequest { CodeId = CodeId(request) };
        var answer = LcdQueries.Run(backend, request, QueryRouter.CodePath, query, QueryCodeResponse.Parser);
        w.WriteStartObject();
        w.WritePropertyName("code_info");
        WriteCodeInfo(w, answer.CodeInfo ?? new CodeInfoResponse());
        LcdJson.WriteBytes(w, "data", answer.Data);
        w.WriteEndObject();
        return ValueTask.CompletedTask;
    }

    private ValueTask ContractsByCode(LcdRequest request, Utf8JsonWriter w, CancellationToken ct)
    {
        var query = new QueryContractsByCodeRequest { CodeId = CodeId(request), Pagination = BankRoutes.PageRequestOf(request) };
        var answer = LcdQueries.Run(backend, request, QueryRouter.ContractsByCodePath, query, QueryContractsByCodeResponse.Parser);
        w.WriteStartObject();
        w.WriteStartArray("contracts");
        foreach (var c in answer.Contracts)
        {
            w.WriteStringValue(c);
        }
        w.WriteEndArray();
        BankRoutes.WritePagination(w, answer.Pagination);
        w.WriteEndObject();
        return ValueTask.CompletedTask;
    }

    private static ulong CodeId(LcdRequest request)
    {
        var text = request.Path("code_id");
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw LcdException.TypeMismatch("code_id", $"strconv.ParseUint: parsing \"{text}\": invalid syntax");
    }

    private static void WriteCodeInfo(Utf8JsonWriter w, CodeInfoResponse c)
    {
        w.WriteStartObject();
        w.WriteUInt64String("code_id", c.CodeId);
        w.WriteString("creator", c.Creator);
        w.WriteString("data_hash", Hex.Upper(c.DataHash.Span));
        w.WriteStartObject("instantiate_permission");
        w.WriteString("permission", PermissionName(c.InstantiatePermission?.Permission ?? AccessType.Unspecified));
        w.WriteStartArray("addresses");
        foreach (var a in c.InstantiatePermission?.Addresses ?? [])
        {
            w.WriteStringValue(a);
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>wasmd's <c>AccessType.String()</c>, which its JSON uses.</summary>
    private static string PermissionName(AccessType t) => t switch
    {
        AccessType.Nobody => "Nobody",
        AccessType.Everybody => "Everybody",
        AccessType.AnyOfAddresses => "AnyOfAddresses",
        _ => "Unspecified",
    };

    private static string OperationName(ContractCodeHistoryOperationType t) => t switch
    {
        ContractCodeHistoryOperationType.Init => "CONTRACT_CODE_HISTORY_OPERATION_TYPE_INIT",
        ContractCodeHistoryOperationType.Migrate => "CONTRACT_CODE_HISTORY_OPERATION_TYPE_MIGRATE",
        ContractCodeHistoryOperationType.Genesis => "CONTRACT_CODE_HISTORY_OPERATION_TYPE_GENESIS",
        _ => "CONTRACT_CODE_HISTORY_OPERATION_TYPE_UNSPECIFIED",
    };

    /// <summary>A bytes field as proto3 JSON: base64, null when empty (a raw key with no value).</summary>
    private static void WriteBytesOrNull(Utf8JsonWriter w, string name, ByteString bytes)
    {
        if (bytes.IsEmpty)
        {
            w.WriteNull(name);
        }
        else
        {
            LcdJson.WriteBytes(w, name, bytes);
        }
    }
}
