using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace MirrorChain.LoadGen;

/// <summary>
/// What the commit watcher reads from <c>block</c> and <c>block_results</c> answers, with <see cref="Utf8JsonReader"/>:
/// the hashes of the block's txs, and per tx result its code, gas used and (failed txs only) log. Everything else,
/// the events above all (most of a block_results answer), is skipped unread unless events are asked for.
/// </summary>
internal static class BlockReplies
{
    /// <summary>The upper-case hex SHA-256 of each tx of a <c>block</c> answer's <c>block.data.txs</c>, in block order.</summary>
    /// <exception cref="JsonRpcException">An error answer or one without a result.</exception>
    public static List<string> TxHashes(ReadOnlySpan<byte> json)
    {
        var r = new Utf8JsonReader(json);
        RpcJson.EnterResult(ref r, json, "block");
        var hashes = new List<string>();
        if (!RpcJson.FindProperty(ref r, "block"u8) || !RpcJson.FindProperty(ref r, "data"u8)
            || !RpcJson.FindProperty(ref r, "txs"u8) || r.TokenType != JsonTokenType.StartArray)
        {
            return hashes;
        }
        Span<byte> hash = stackalloc byte[32];
        byte[]? rented = null;
        try
        {
            while (r.Read() && r.TokenType == JsonTokenType.String)
            {
                if (r.ValueIsEscaped)
                {
                    SHA256.HashData(r.GetBytesFromBase64(), hash);
                }
                else
                {
                    var b64 = r.ValueSpan;
                    var max = Base64.GetMaxDecodedFromUtf8Length(b64.Length);
                    if (rented is null || rented.Length < max)
                    {
                        if (rented is not null)
                        {
                            ArrayPool<byte>.Shared.Return(rented);
                        }
                        rented = ArrayPool<byte>.Shared.Rent(max);
                    }
                    if (Base64.DecodeFromUtf8(b64, rented, out _, out var written) != OperationStatus.Done)
                    {
                        throw new JsonRpcException("block: a tx is not valid base64");
                    }
                    SHA256.HashData(rented.AsSpan(0, written), hash);
                }
                hashes.Add(Convert.ToHexString(hash));
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
        return hashes;
    }

    /// <summary>
    /// Each element of a <c>block_results</c> answer's <c>txs_results</c>: code, log when the code is not 0 (else ""),
    /// gas used, and the events when <paramref name="keepEvents"/> (else null, and they are skipped unread).
    /// </summary>
    /// <exception cref="JsonRpcException">An error answer or one without a result.</exception>
    public static List<TxOutcome> TxResults(ReadOnlySpan<byte> json, bool keepEvents)
    {
        var r = new Utf8JsonReader(json);
        RpcJson.EnterResult(ref r, json, "block_results");
        var outcomes = new List<TxOutcome>();
        if (!RpcJson.FindProperty(ref r, "txs_results"u8) || r.TokenType != JsonTokenType.StartArray)
        {
            return outcomes;
        }
        while (r.Read() && r.TokenType == JsonTokenType.StartObject)
        {
            outcomes.Add(ReadOutcome(ref r, json, keepEvents));
        }
        return outcomes;
    }

    /// <summary>One ExecTxResult object, the reader on its <c>StartObject</c>; leaves it on the <c>EndObject</c>.</summary>
    private static TxOutcome ReadOutcome(ref Utf8JsonReader r, ReadOnlySpan<byte> json, bool keepEvents)
    {
        uint code = 0;
        var codeSeen = false;
        string? log = null;
        long gas = 0;
        JsonElement? events = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("code"u8))
            {
                r.Read();
                if (r.TokenType == JsonTokenType.Number)
                {
                    code = r.GetUInt32();
                }
                codeSeen = true;
                r.Skip();
            }
            else if (r.ValueTextEquals("log"u8))
            {
                r.Read();
                // The code comes first in CometBFT's ExecTxResult: a successful tx's log is never decoded.
                if (!codeSeen || code != 0)
                {
                    log = r.TokenType == JsonTokenType.String ? r.GetString() : null;
                }
                r.Skip();
            }
            else if (r.ValueTextEquals("gas_used"u8))
            {
                r.Read();
                gas = r.TokenType is JsonTokenType.String or JsonTokenType.Number ? RpcJson.Int64(ref r) : 0;
                r.Skip();
            }
            else if (keepEvents && r.ValueTextEquals("events"u8))
            {
                r.Read();
                var start = (int)r.TokenStartIndex;
                r.Skip();
                using var doc = JsonDocument.Parse(json[start..(int)r.BytesConsumed].ToArray());
                events = doc.RootElement.Clone();
            }
            else
            {
                r.Read();
                r.Skip();
            }
        }
        return new TxOutcome(code, code == 0 ? "" : log ?? "", gas, events);
    }
}
