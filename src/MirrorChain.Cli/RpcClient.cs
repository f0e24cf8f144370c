using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;

namespace MirrorChain.Cli;

/// <summary>A minimal CometBFT JSON-RPC client for the CLI's tx and query commands.</summary>
public sealed class RpcClient(string endpoint) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(Normalize(endpoint)), Timeout = TimeSpan.FromSeconds(90) };
    private readonly Lock _heightsLock = new();
    private long _id;
    private (long Min, long Max)? _queryHeights;

    /// <summary>
    /// The lowest and highest height the node answered <c>abci_query</c> at since the last
    /// <see cref="ResetQueryHeights"/>: equal when every query read the same block's state.
    /// </summary>
    public (long Min, long Max)? QueryHeights
    {
        get
        {
            lock (_heightsLock)
            {
                return _queryHeights;
            }
        }
    }

    public void ResetQueryHeights()
    {
        lock (_heightsLock)
        {
            _queryHeights = null;
        }
    }

    public string Endpoint => _http.BaseAddress!.ToString();

    /// <summary>Calls <paramref name="method"/>; throws <see cref="RpcException"/> with the server's error.</summary>
    public async Task<JsonNode> CallAsync(string method, JsonObject parameters, CancellationToken ct = default)
    {
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = Interlocked.Increment(ref _id),
            ["method"] = method,
            ["params"] = parameters,
        };
        HttpResponseMessage response;
        try
        {
            response = await _http.PostAsync("", JsonContent.Create(request), ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new RpcException($"cannot reach the node at {Endpoint}: {e.Message} (is the devnet running? see --node)");
        }
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw new RpcException($"node answered HTTP {(int)response.StatusCode} with a non-JSON body: {text}");
        }
        if (body?["error"] is JsonObject error)
        {
            var data = error["data"]?.ToString();
            throw new RpcException($"{error["message"]}{(string.IsNullOrEmpty(data) ? "" : ": " + data)}");
        }
        return body?["result"] ?? throw new RpcException("node answered without a result");
    }

    /// <summary>abci_query; returns the response value bytes or throws with the query's log.</summary>
    public async Task<byte[]> QueryAsync(string path, byte[] data, CancellationToken ct = default)
    {
        var result = await CallAsync("abci_query", new JsonObject
        {
            ["path"] = path,
            ["data"] = Convert.ToHexStringLower(data),
            ["prove"] = false,
        }, ct).ConfigureAwait(false);
        var response = result["response"]!;
        if (long.TryParse(response["height"]?.GetValue<string>(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var height))
        {
            lock (_heightsLock)
            {
                _queryHeights = _queryHeights is var (min, max) ? (Math.Min(min, height), Math.Max(max, height)) : (height, height);
            }
        }
        var code = response["code"]?.GetValue<long>() ?? 0;
        if (code != 0)
        {
            throw new RpcException($"query failed with code {code}: {response["log"]}");
        }
        var value = response["value"]?.GetValue<string>();
        return string.IsNullOrEmpty(value) ? [] : Convert.FromBase64String(value);
    }

    /// <summary>A contract smart query (wasmd's SmartContractState): the contract's JSON answer.</summary>
    public async Task<JsonNode> SmartAsync(string contract, string queryJson, CancellationToken ct = default)
    {
        var value = await QueryAsync(MirrorChain.Execution.QueryRouter.SmartContractStatePath, new MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1.QuerySmartContractStateRequest
        {
            Address = contract,
            QueryData = Google.Protobuf.ByteString.CopyFromUtf8(queryJson),
        }.ToByteArray(), ct).ConfigureAwait(false);
        var data = MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1.QuerySmartContractStateResponse.Parser.ParseFrom(value).Data;
        return JsonNode.Parse(data.Span) ?? throw new RpcException($"contract {contract} answered null");
    }

    private static string Normalize(string endpoint)
    {
        var e = endpoint.Contains("://", StringComparison.Ordinal) ? endpoint : "http://" + endpoint;
        e = e.Replace("tcp://", "http://", StringComparison.Ordinal);
        return e.EndsWith('/') ? e : e + "/";
    }

    public void Dispose() => _http.Dispose();
}
