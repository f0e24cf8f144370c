using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using MirrorChain.Core;
using MirrorChain.Execution;
using MirrorChain.Tx.Proto.Cosmos.Base.Query.V1Beta1;
using MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1;

namespace MirrorChain.Cli;

/// <summary>
/// mirrorchain query wasm contract-state smart|contract|list-code|list-contract-by-code: wasmd's CLI queries over the
/// node's abci_query paths, printed as wasmd's JSON (or its YAML in text mode).
/// </summary>
public static class WasmQueryCommands
{
    /// <summary>wasmd's <c>--limit</c>, <c>--page-key</c>, <c>--offset</c>, <c>--count-total</c>, <c>--reverse</c>.</summary>
    public sealed record Page(ulong Limit = 0, string? PageKey = null, ulong Offset = 0, bool CountTotal = false, bool Reverse = false)
    {
        public PageRequest ToProto()
        {
            var p = new PageRequest { Limit = Limit, Offset = Offset, CountTotal = CountTotal, Reverse = Reverse };
            if (!string.IsNullOrEmpty(PageKey))
            {
                try
                {
                    p.Key = ByteString.FromBase64(PageKey);
                }
                catch (FormatException)
                {
                    throw new FormatException($"--page-key must be base64 (the next_key of the previous page), got {PageKey}");
                }
            }
            return p;
        }
    }

    public static async Task<int> SmartAsync(string node, string contract, string queryJson, OutputFormat format, TextWriter output, CancellationToken ct)
    {
        var address = ParseAddress(contract, "contract");
        try
        {
            using var _ = JsonDocument.Parse(queryJson);
        }
        catch (JsonException e)
        {
            throw new FormatException($"the query is not valid JSON: {e.Message}");
        }
        using var rpc = new RpcClient(node);
        var data = await rpc.SmartAsync(address.ToString(), queryJson, ct).ConfigureAwait(false);
        Output.Print(output, new JsonObject { ["data"] = data }, format);
        return 0;
    }

    public static async Task<int> ContractAsync(string node, string contract, OutputFormat format, TextWriter output, CancellationToken ct)
    {
        var address = ParseAddress(contract, "contract");
        using var rpc = new RpcClient(node);
        var answer = QueryContractInfoResponse.Parser.ParseFrom(await rpc.QueryAsync(QueryRouter.ContractInfoPath,
            new QueryContractInfoRequest { Address = address.ToString() }.ToByteArray(), ct).ConfigureAwait(false));
        Output.Print(output, ContractInfoJson(answer), format);
        return 0;
    }

    public static async Task<int> ListCodeAsync(string node, Page page, OutputFormat format, TextWriter output, CancellationToken ct)
    {
        using var rpc = new RpcClient(node);
        var answer = QueryCodesResponse.Parser.ParseFrom(await rpc.QueryAsync(QueryRouter.CodesPath,
            new QueryCodesRequest { Pagination = page.ToProto() }.ToByteArray(), ct).ConfigureAwait(false));
        Output.Print(output, CodesJson(answer), format);
        return 0;
    }

    public static async Task<int> ListContractByCodeAsync(string node, string codeId, Page page, OutputFormat format, TextWriter output, CancellationToken ct)
    {
        if (!ulong.TryParse(codeId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id == 0)
        {
            throw new FormatException($"code id must be a positive integer, got {codeId}");
        }
        using var rpc = new RpcClient(node);
        var answer = QueryContractsByCodeResponse.Parser.ParseFrom(await rpc.QueryAsync(QueryRouter.ContractsByCodePath,
            new QueryContractsByCodeRequest { CodeId = id, Pagination = page.ToProto() }.ToByteArray(), ct).ConfigureAwait(false));
        var contracts = new JsonArray();
        foreach (var c in answer.Contracts)
        {
            contracts.Add(c);
        }
        Output.Print(output, new JsonObject { ["contracts"] = contracts, ["pagination"] = PaginationJson(answer.Pagination) }, format);
        return 0;
    }

    /// <summary>wasmd's JSON of QueryContractInfoResponse (the LCD's shape: numbers as strings, created as an object).</summary>
    public static JsonObject ContractInfoJson(QueryContractInfoResponse answer)
    {
        var info = answer.ContractInfo ?? new ContractInfo();
        return new JsonObject
        {
            ["address"] = answer.Address,
            ["contract_info"] = new JsonObject
            {
                ["code_id"] = info.CodeId.ToString(CultureInfo.InvariantCulture),
                ["creator"] = info.Creator,
                ["admin"] = info.Admin,
                ["label"] = info.Label,
                ["created"] = info.Created is null ? null : new JsonObject
                {
                    ["block_height"] = info.Created.BlockHeight.ToString(CultureInfo.InvariantCulture),
                    ["tx_index"] = info.Created.TxIndex.ToString(CultureInfo.InvariantCulture),
                },
                ["ibc_port_id"] = info.IbcPortId,
                ["extension"] = null,
            },
        };
    }

    /// <summary>wasmd's JSON of QueryCodesResponse (data_hash as upper-case hex, permission by name).</summary>
    public static JsonObject CodesJson(QueryCodesResponse answer)
    {
        var codes = new JsonArray();
        foreach (var c in answer.CodeInfos)
        {
            var addresses = new JsonArray();
            foreach (var a in c.InstantiatePermission?.Addresses ?? [])
            {
                addresses.Add(a);
            }
            codes.Add(new JsonObject
            {
                ["code_id"] = c.CodeId.ToString(CultureInfo.InvariantCulture),
                ["creator"] = c.Creator,
                ["data_hash"] = Convert.ToHexString(c.DataHash.Span),
                ["instantiate_permission"] = new JsonObject
                {
                    ["permission"] = PermissionName(c.InstantiatePermission?.Permission ?? AccessType.Unspecified),
                    ["addresses"] = addresses,
                },
            });
        }
        return new JsonObject { ["code_infos"] = codes, ["pagination"] = PaginationJson(answer.Pagination) };
    }

    private static string PermissionName(AccessType t) => t switch
    {
        AccessType.Nobody => "Nobody",
        AccessType.Everybody => "Everybody",
        AccessType.AnyOfAddresses => "AnyOfAddresses",
        _ => "Unspecified",
    };

    private static JsonObject PaginationJson(PageResponse? p) => new()
    {
        ["next_key"] = p is null || p.NextKey.IsEmpty ? null : p.NextKey.ToBase64(),
        ["total"] = (p?.Total ?? 0).ToString(CultureInfo.InvariantCulture),
    };

    private static Address ParseAddress(string text, string what) =>
        Address.TryParse(text, out var a, out var error) ? a! : throw new FormatException($"invalid {what} address {text}: {error}");
}
