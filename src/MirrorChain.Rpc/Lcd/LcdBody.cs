using System.Text.Json;

namespace MirrorChain.Rpc.Lcd;

/// <summary>The JSON object of a POST body; anything else is InvalidArgument, as grpc-gateway's body decoding.</summary>
internal static class LcdBody
{
    public static JsonElement Object(LcdRequest request)
    {
        if (request.Body.Length == 0)
        {
            throw LcdException.InvalidArgument("the request body must be a JSON object");
        }
        try
        {
            using var doc = JsonDocument.Parse(request.Body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw LcdException.InvalidArgument("the request body must be a JSON object");
            }
            if (!JsonUtf16.EscapesAreValid(request.Body, 256))
            {
                throw LcdException.InvalidArgument("invalid JSON body: a string holds an invalid \\u escape (lone surrogate)");
            }
            return doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw LcdException.InvalidArgument($"invalid JSON body: {e.Message}");
        }
    }

    /// <summary>A base64 bytes field; empty when absent or null.</summary>
    public static byte[] Bytes(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (v.ValueKind != JsonValueKind.String)
        {
            throw LcdException.InvalidArgument($"{name} must be a base64 string");
        }
        return LcdBase64.Decode(v.GetString()!, name);
    }
}
