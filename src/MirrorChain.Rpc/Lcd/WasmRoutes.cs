using System.Text.Json;
using Google.Protobuf;
using MirrorChain.Execution;
using MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1;

namespace MirrorChain.Rpc.Lcd;

/// <summary>
/// <c>/cosmwasm/wasm/v1/…</c> (wasmd's gateway routes): contract smart queries (answer as a JSON value), raw and
/// all state, info and history; codes, one code, and the contracts of a code. Bytes follow wasmd's JSON: HexBytes
/// fields (<c>data_hash</c>, a state model's <c>key</c>) as upper-case hex, other bytes as base64, contract messages
/// as raw JSON; pages as the SDK's <c>pagination.*</c> parameters.
/// </summary>
internal sealed partial class WasmRoutes(IRpcBackend backend)
{
    public IEnumerable<LcdRoute> Routes() =>
    [
        new("GET", "/cosmwasm/wasm/v1/contract/{address}/smart/{query_data*}", Smart),
        new("GET", "/cosmwasm/wasm/v1/contract/{address}/raw/{query_data*}", Raw),
        new("GET", "/cosmwasm/wasm/v1/contract/{address}/state", AllState),
        new("GET", "/cosmwasm/wasm/v1/contract/{address}/history", History),
        new("GET", "/cosmwasm/wasm/v1/contract/{address}", Info),
        new("GET", "/cosmwasm/wasm/v1/code", Codes),
        new("GET", "/cosmwasm/wasm/v1/code/{code_id}/contracts", ContractsByCode),
        new("GET", "/cosmwasm/wasm/v1/code/{code_id}", Code),
    ];

    private ValueTask Smart(LcdRequest request, Utf8JsonWriter w, CancellationToken ct)
    {
        var data = LcdBase64.Decode(request.Path("query_data"), "query_data");
        var query = new QuerySmartContractStateRequest { Address = request.Path("address"), QueryData = ByteString.CopyFrom(data) };
        var answer = LcdQueries.Run(backend, request, QueryRouter.SmartContractStatePath, query, QuerySmartContractStateResponse.Parser);
        w.WriteStartObject();
        LcdJson.WriteRawJson(w, "data", answer.Data.Span);
        w.WriteEndObject();
        return ValueTask.CompletedTask;
    }

    private ValueTask Info(LcdRequest request, Utf8JsonWriter w, CancellationToken ct)
    {
        var query = new QueryContractInfoRequest { Address = request.Path("address") };
        var answer = LcdQueries.Run(backend, request, QueryRouter.ContractInfoPath, query, QueryContractInfoResponse.Parser);
        var info = answer.ContractInfo ?? new ContractInfo();
        w.WriteStartObject();
        w.WriteString("address", answer.Address);
        w.WriteStartObject("contract_info");
        w.WriteUInt64String("code_id", info.CodeId);
        w.WriteString("creator", info.Creator);
        w.WriteString("admin", info.Admin);
        w.WriteString("label", info.Label);
        if (info.Created is null)
        {
            w.WriteNull("created");
        }
        else
        {
            w.WriteStartObject("created");
            w.WriteUInt64String("block_height", info.Created.BlockHeight);
            w.WriteUInt64String("tx_index", info.Created.TxIndex);
            w.WriteEndObject();
        }
        w.WriteString("ibc_port_id", info.IbcPortId);
        if (info.Extension is null)
        {
            w.WriteNull("extension");
        }
        else
        {
            w.WriteStartObject("extension");
            w.WriteString("@type", info.Extension.TypeUrl);
            LcdJson.WriteBytes(w, "value", info.Extension.Value);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
        return ValueTask.CompletedTask;
    }
}
