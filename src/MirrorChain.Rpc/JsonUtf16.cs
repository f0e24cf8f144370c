using System.Text.Json;

namespace MirrorChain.Rpc;

/// <summary>
/// Whether every escaped string of a well-formed JSON text decodes to valid UTF-16. A lone surrogate such as
/// "\\ud800" passes System.Text.Json's reader but makes reading that string throw later; requests holding one are
/// refused up front instead (found by the rpc-post and lcd fuzz targets).
/// </summary>
internal static class JsonUtf16
{
    public static bool EscapesAreValid(ReadOnlySpan<byte> json, int maxDepth)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    reader.GetString();
                }
            }
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or JsonException)
        {
            return false;
        }
    }
}
