using System.Globalization;
using System.Text.Json;
using Google.Protobuf;
using MirrorChain.Core;
using MirrorChain.Tx.Proto.Cosmos.Auth.V1Beta1;

namespace MirrorChain.LoadGen;

/// <summary>The few reads the load generator needs: chain id, height, account number and sequence.</summary>
internal static class NodeQueries
{
    public const string AccountPath = "/cosmos.auth.v1beta1.Query/Account";

    public static async Task<(string ChainId, long Height)> StatusAsync(JsonRpcClient rpc, CancellationToken ct = default)
    {
        var status = await rpc.CallAsync("status", ct).ConfigureAwait(false);
        var chainId = status.GetProperty("node_info").GetProperty("network").GetString();
        if (string.IsNullOrEmpty(chainId))
        {
            throw new JsonRpcException("status: node_info.network is empty");
        }
        return (chainId, Int64(status.GetProperty("sync_info").GetProperty("latest_block_height")));
    }

    /// <summary>Retries <c>status</c> until the node answers with a height ≥ 1 or <paramref name="wait"/> has passed.</summary>
    public static async Task WaitReadyAsync(JsonRpcClient rpc, TimeSpan wait, CancellationToken ct = default)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            string problem;
            try
            {
                var (_, height) = await StatusAsync(rpc, ct).ConfigureAwait(false);
                if (height >= 1)
                {
                    return;
                }
                problem = "the node is still at height 0";
            }
            catch (Exception e) when (e is HttpRequestException or JsonRpcException or JsonException or KeyNotFoundException
                or TaskCanceledException && !ct.IsCancellationRequested)
            {
                problem = e.Message;
            }
            if (DateTime.UtcNow >= deadline)
            {
                throw new JsonRpcException($"the node did not become ready within {wait.TotalSeconds:F0} s: {problem}");
            }
            await Task.Delay(200, ct).ConfigureAwait(false);
        }
    }

    /// <summary>account_number and sequence of a BaseAccount.</summary>
    /// <exception cref="JsonRpcException">The query failed (e.g. the account does not exist).</exception>
    public static async Task<(ulong AccountNumber, ulong Sequence)> AccountAsync(JsonRpcClient rpc, Address address, CancellationToken ct = default)
    {
        var request = new QueryAccountRequest { Address = address.ToString() }.ToByteArray();
        var value = await AbciQueryAsync(rpc, AccountPath, request, $"account query for {address}", ct).ConfigureAwait(false);
        var any = QueryAccountResponse.Parser.ParseFrom(value).Account
            ?? throw new JsonRpcException($"account query for {address} returned no account");
        var account = BaseAccount.Parser.ParseFrom(any.Value);
        return (account.AccountNumber, account.Sequence);
    }

    /// <summary><c>abci_query</c> of <paramref name="path"/> with a protobuf request; the answer's value bytes.</summary>
    /// <exception cref="JsonRpcException">The query answered a non-zero code; the message starts with <paramref name="what"/>.</exception>
    public static async Task<byte[]> AbciQueryAsync(JsonRpcClient rpc, string path, byte[] request, string what, CancellationToken ct)
    {
        var paramsJson = $$"""{"path":"{{path}}","data":"{{Hex.Lower(request)}}","prove":false}""";
        var result = await rpc.CallAsync("abci_query", paramsJson, ct).ConfigureAwait(false);
        var response = result.GetProperty("response");
        var code = response.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetUInt32() : 0;
        if (code != 0)
        {
            var log = response.TryGetProperty("log", out var l) ? l.GetString() : "";
            throw new JsonRpcException($"{what} failed with code {code}: {log}");
        }
        return response.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetBytesFromBase64() : [];
    }

    /// <summary>A CometBFT integer: a decimal string (int64 fields) or a JSON number.</summary>
    public static long Int64(JsonElement e) => e.ValueKind == JsonValueKind.Number
        ? e.GetInt64()
        : long.Parse(e.GetString() ?? "", NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}
