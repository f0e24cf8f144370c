using System.Text.Json;

namespace MirrorChain.Contracts.Cw20;

/// <summary>Writes one top-level JSON object (the externally tagged message) without indentation.</summary>
internal static class Cw20Json
{
    public static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }
}
