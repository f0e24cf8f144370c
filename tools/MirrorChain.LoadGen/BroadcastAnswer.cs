using System.Globalization;
using System.Text.Json;

namespace MirrorChain.LoadGen;

/// <summary>
/// One <c>broadcast_tx_sync</c> answer, read with <see cref="Utf8JsonReader"/> for just the fields the accept phase
/// needs: the id, a JSON-RPC error (its raw text), and the result's code, hash, codespace and log.
/// </summary>
internal readonly record struct BroadcastAnswer(long? Id, string? Error, bool HasResult, uint Code, string? Hash, string Codespace, string Log)
{
    /// <summary>null when CheckTx accepted <paramref name="tx"/>; otherwise why not (the texts the accept phase always gave).</summary>
    public string? Rejection(SignedTx tx)
    {
        if (Error is not null)
        {
            return $"request failed: {BroadcastRequest.Method}: {JsonRpcClient.Truncate(Error)}";
        }
        if (!HasResult)
        {
            return $"request failed: {BroadcastRequest.Method}: reply has no result";
        }
        if (Code == 0)
        {
            return Hash is null || string.Equals(Hash, tx.HashHex, StringComparison.OrdinalIgnoreCase)
                ? null
                : $"node reported hash {Hash}, expected {tx.HashHex}";
        }
        return $"code {Code} ({Codespace}): {Log}";
    }

    /// <summary>
    /// The answers in a reply: one for a JSON object, one per element for an array (a batch answer, in whatever order
    /// the node wrote it).
    /// </summary>
    /// <exception cref="JsonException">The reply is not JSON, or neither an object nor an array of objects.</exception>
    public static List<BroadcastAnswer> ParseReply(ReadOnlySpan<byte> json)
    {
        var r = new Utf8JsonReader(json);
        if (!r.Read())
        {
            throw new JsonException("empty reply");
        }
        var answers = new List<BroadcastAnswer>();
        if (r.TokenType == JsonTokenType.StartArray)
        {
            while (r.Read() && r.TokenType != JsonTokenType.EndArray)
            {
                answers.Add(ParseObject(ref r, json));
            }
        }
        else
        {
            answers.Add(ParseObject(ref r, json));
        }
        return answers;
    }

    /// <summary>
    /// Each tx's answer from a reply to <paramref name="txs"/>: a lone tx takes the reply object whatever its id (as
    /// a single request always did); batch elements match by id; a reply object to a batch (the node refused the whole
    /// batch) is every tx's answer; a tx without an answer gets an error.
    /// </summary>
    public static BroadcastAnswer[] Match(IReadOnlyList<SignedTx> txs, List<BroadcastAnswer> answers, bool batch)
    {
        var matched = new BroadcastAnswer[txs.Count];
        if (!batch || (answers.Count == 1 && answers[0].Id is null))
        {
            var only = answers.Count > 0 ? answers[0] : Missing("the reply is empty");
            Array.Fill(matched, only);
            return matched;
        }
        var byId = new Dictionary<long, BroadcastAnswer>(answers.Count);
        foreach (var a in answers)
        {
            if (a.Id is { } id)
            {
                byId.TryAdd(id, a);
            }
        }
        for (var i = 0; i < txs.Count; i++)
        {
            matched[i] = byId.TryGetValue(txs[i].RequestId, out var a) ? a : Missing($"the batch answer has no element with id {txs[i].RequestId}");
        }
        return matched;
    }

    private static BroadcastAnswer Missing(string why) => new(null, why, false, 0, null, "", "");

    private static BroadcastAnswer ParseObject(ref Utf8JsonReader r, ReadOnlySpan<byte> json)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"expected a JSON-RPC response object, got a JSON {r.TokenType}");
        }
        long? id = null;
        string? error = null;
        var hasResult = false;
        uint code = 0;
        string? hash = null;
        var codespace = "";
        var log = "";
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("id"u8))
            {
                r.Read();
                id = r.TokenType switch
                {
                    JsonTokenType.Number when r.TryGetInt64(out var n) => n,
                    JsonTokenType.String when long.TryParse(r.GetString(), NumberStyles.AllowLeadingSign,
                        CultureInfo.InvariantCulture, out var n) => n,
                    _ => null,
                };
                r.Skip();
            }
            else if (r.ValueTextEquals("error"u8))
            {
                r.Read();
                if (r.TokenType == JsonTokenType.Null)
                {
                    continue;
                }
                error = RpcJson.RawValue(ref r, json);
            }
            else if (r.ValueTextEquals("result"u8))
            {
                r.Read();
                hasResult = true;
                if (r.TokenType != JsonTokenType.StartObject)
                {
                    r.Skip();
                    continue;
                }
                while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
                {
                    if (r.ValueTextEquals("code"u8))
                    {
                        r.Read();
                        if (r.TokenType == JsonTokenType.Number)
                        {
                            code = r.GetUInt32();
                        }
                        else
                        {
                            r.Skip();
                        }
                    }
                    else if (r.ValueTextEquals("hash"u8))
                    {
                        r.Read();
                        hash = RpcJson.String(ref r);
                    }
                    else if (r.ValueTextEquals("codespace"u8))
                    {
                        r.Read();
                        codespace = RpcJson.String(ref r) ?? "";
                    }
                    else if (r.ValueTextEquals("log"u8))
                    {
                        r.Read();
                        log = RpcJson.String(ref r) ?? "";
                    }
                    else
                    {
                        r.Read();
                        r.Skip();
                    }
                }
            }
            else
            {
                r.Read();
                r.Skip();
            }
        }
        return new BroadcastAnswer(id, error, hasResult, code, hash, codespace, log);
    }
}
