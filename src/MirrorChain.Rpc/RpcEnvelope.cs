using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MirrorChain.Rpc;

/// <summary>Writes JSON-RPC 2.0 response objects: <c>{"jsonrpc":"2.0","id":…,"result":…}</c> or <c>…"error":{code,message,data}</c>.</summary>
internal static class RpcEnvelope
{
    /// <summary>Compact output; non-ASCII text stays UTF-8 (JSON-only responses, never embedded in HTML).</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Success(RpcId? id, ReadOnlySpan<byte> result)
    {
        var buffer = new ArrayBufferWriter<byte>(result.Length + 64);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("jsonrpc", "2.0");
            id?.Write(w);
            w.WritePropertyName("result");
            w.WriteRawValue(result, skipInputValidation: true);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>An error answer; <paramref name="id"/> null omits the id (unknown), and an empty <paramref name="data"/> is omitted.</summary>
    public static byte[] Error(RpcId? id, int code, string data)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("jsonrpc", "2.0");
            id?.Write(w);
            w.WriteStartObject("error");
            w.WriteNumber("code", code);
            w.WriteString("message", RpcErrorCodes.MessageFor(code));
            if (data.Length > 0)
            {
                w.WriteString("data", data);
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Error(RpcId? id, RpcException e) => Error(id, e.Code, e.ErrorData);

    /// <summary>Joins already-written response objects into a batch answer array.</summary>
    public static byte[] Batch(IReadOnlyList<byte[]> responses)
    {
        var buffer = new ArrayBufferWriter<byte>(responses.Sum(r => r.Length + 1) + 1);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartArray();
            foreach (var r in responses)
            {
                w.WriteRawValue(r, skipInputValidation: true);
            }
            w.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
