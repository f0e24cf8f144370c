using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using MirrorChain.Core;
using MirrorChain.Tx;
using ProtoCoin = MirrorChain.Tx.Proto.Cosmos.Base.V1Beta1.Coin;
using PubKeyProto = MirrorChain.Tx.Proto.Cosmos.Crypto.Secp256k1.PubKey;

namespace MirrorChain.Rpc.Lcd;

/// <summary>
/// proto3 JSON as the Cosmos gateway writes it (original field names, defaults emitted): 64-bit integers as strings
/// (<see cref="JsonWriterExtensions.WriteInt64String"/>, shared with the JSON-RPC),
/// bytes as base64, enums by name, Any as <c>{"@type": …, fields…}</c>.
/// </summary>
internal static class LcdJson
{
    public static byte[] Render(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, RpcEnvelope.WriterOptions))
        {
            write(w);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>grpc-gateway's error body.</summary>
    public static byte[] Error(GrpcCode code, string message) => Render(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("code", (int)code);
        w.WriteString("message", message);
        w.WriteStartArray("details");
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static void WriteCoin(Utf8JsonWriter w, ProtoCoin coin)
    {
        w.WriteStartObject();
        w.WriteString("denom", coin.Denom);
        w.WriteString("amount", coin.Amount);
        w.WriteEndObject();
    }

    public static void WriteCoins(Utf8JsonWriter w, string name, RepeatedField<ProtoCoin> coins)
    {
        w.WriteStartArray(name);
        foreach (var c in coins)
        {
            WriteCoin(w, c);
        }
        w.WriteEndArray();
    }

    /// <summary>A bytes field: base64 (proto3 JSON writes "" for empty bytes).</summary>
    public static void WriteBytes(Utf8JsonWriter w, string name, ByteString bytes) => w.WriteBase64String(name, bytes.Span);

    /// <summary>A public key Any: null when absent, else <c>{"@type": "/cosmos.crypto.secp256k1.PubKey", "key": b64}</c>.</summary>
    public static void WritePubKey(Utf8JsonWriter w, string name, Any? any)
    {
        if (any is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        w.WriteString("@type", any.TypeUrl);
        if (any.TypeUrl == TypeUrls.Secp256k1PubKey && TryParse(PubKeyProto.Parser, any.Value, out var key))
        {
            WriteBytes(w, "key", key.Key);
        }
        else
        {
            WriteBytes(w, "value", any.Value);
        }
        w.WriteEndObject();
    }

    /// <summary>A JSON payload (contract msg or answer) as a raw JSON value; base64 when it is not valid JSON.</summary>
    public static void WriteRawJson(Utf8JsonWriter w, string name, ReadOnlySpan<byte> json)
    {
        w.WritePropertyName(name);
        WriteRawJsonValue(w, json);
    }

    public static void WriteRawJsonValue(Utf8JsonWriter w, ReadOnlySpan<byte> json)
    {
        if (IsJson(json))
        {
            w.WriteRawValue(json, skipInputValidation: true);
        }
        else
        {
            w.WriteBase64StringValue(json);
        }
    }

    private static bool IsJson(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty)
        {
            return false;
        }
        try
        {
            var reader = new Utf8JsonReader(json);
            reader.Read();
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>TxResponse.timestamp: Go's time.RFC3339 (whole seconds, UTC "Z").</summary>
    public static string Rfc3339Seconds(BlockTime time) =>
        DateTime.UnixEpoch.AddSeconds(time.Seconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static bool TryParse<T>(MessageParser<T> parser, ByteString bytes, out T message)
        where T : IMessage<T>
    {
        try
        {
            message = parser.ParseFrom(bytes);
            return true;
        }
        catch (InvalidProtocolBufferException)
        {
            message = default!;
            return false;
        }
    }
}
