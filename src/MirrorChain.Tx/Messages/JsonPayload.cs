using System.Text;
using System.Text.Json;
using MirrorChain.Core;

namespace MirrorChain.Tx.Messages;

/// <summary>Checks of contract JSON payloads (execute and query messages).</summary>
public static class JsonPayload
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Whether <paramref name="json"/> is strict UTF-8 holding exactly one JSON object.</summary>
    public static bool IsObject(ReadOnlySpan<byte> json, out string error)
    {
        error = "";
        try
        {
            StrictUtf8.GetCharCount(json);
        }
        catch (DecoderFallbackException)
        {
            error = "not valid UTF-8";
            return false;
        }
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = "must be a JSON object";
                return false;
            }
            reader.Skip();
            if (reader.Read())
            {
                error = "trailing data after the JSON object";
                return false;
            }
            return true;
        }
        catch (JsonException)
        {
            // The reader's own message names positions and varies across runtime versions: keep logs stable.
            error = "invalid JSON";
            return false;
        }
    }

    /// <summary>Throws wasm 14 "empty" for no bytes, wasm 21 "invalid" unless a UTF-8 JSON object.</summary>
    public static void RequireObject(byte[] json, string what)
    {
        if (json.Length == 0)
        {
            throw SdkError.WasmEmpty.Wrap(what);
        }
        if (!IsObject(json, out var error))
        {
            throw SdkError.WasmInvalid.Wrap($"{what}: {error}");
        }
    }
}
