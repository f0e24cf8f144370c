using System.Text.Json;

namespace MirrorChain.CosmWasm;

/// <summary>
/// Rewords System.Text.Json's deserialization failures as serde (serde-json-wasm 0.3 with serde derive) words the same
/// failure: a missing required field is "missing field `name`", a value of the wrong JSON type (null for a required
/// field included) is "Invalid type", a number that does not fit the integer is "Invalid number.", bad base64 for a
/// <c>Binary</c> is cosmwasm's "invalid base64: …". Messages our own converters already word as serde does pass
/// through unchanged.
/// </summary>
public static class SerdeErrorText
{
    private const string MissingRequired = "missing required properties including: '";

    /// <summary>The serde-like text for <paramref name="e"/>, raised while reading <paramref name="root"/> (if known).</summary>
    public static string Of(JsonException e, JsonElement? root = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        var message = e.Message;
        var missing = message.IndexOf(MissingRequired, StringComparison.Ordinal);
        if (missing >= 0)
        {
            var start = missing + MissingRequired.Length;
            var end = message.IndexOf('\'', start);
            return end > start ? $"missing field `{message[start..end]}`" : "missing field";
        }
        if (message.StartsWith("The maximum configured depth", StringComparison.Ordinal)
            || message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return SerdeJsonSyntax.RecursionLimitExceeded;
        }
        if (!IsSystemMessage(e))
        {
            return message;
        }
        var value = root is { } r && e.Path is { } path ? Locate(r, path) : null;
        if (message.Contains("System.Byte[]", StringComparison.Ordinal) && value is { ValueKind: JsonValueKind.String } b64)
        {
            return $"invalid base64: {b64.GetString()}";
        }
        if (value is { ValueKind: JsonValueKind.Number } && IsIntegerTarget(message))
        {
            return SerdeJsonSyntax.InvalidNumber;
        }
        return SerdeJsonSyntax.InvalidType;
    }

    /// <summary>System.Text.Json's own texts (conversion, null for a non-nullable member) carry " Path: …" or an inner exception.</summary>
    private static bool IsSystemMessage(JsonException e) =>
        e.InnerException is not null
        || e.Message.Contains(" Path: ", StringComparison.Ordinal)
        || e.Message.Contains("doesn't allow setting null values", StringComparison.Ordinal)
        || e.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
        || e.Message.StartsWith("The JSON value of length", StringComparison.Ordinal);

    private static bool IsIntegerTarget(string message) =>
        message.Contains("System.UInt", StringComparison.Ordinal) || message.Contains("System.Int", StringComparison.Ordinal)
        || message.Contains("System.Byte.", StringComparison.Ordinal) || message.Contains("System.SByte", StringComparison.Ordinal);

    /// <summary>Follows a System.Text.Json path ("$.a.b[2]['c d']") from <paramref name="root"/>; null where it does not lead.</summary>
    internal static JsonElement? Locate(JsonElement root, string path)
    {
        if (!path.StartsWith('$'))
        {
            return null;
        }
        var current = root;
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] != '.' && path[end] != '[')
                {
                    end++;
                }
                if (!TryProperty(current, path[(i + 1)..end], out current))
                {
                    return null;
                }
                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0 || !TryProperty(current, path[(i + 2)..end], out current))
                {
                    return null;
                }
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0 || !int.TryParse(path.AsSpan(i + 1, end - i - 1), System.Globalization.NumberStyles.None,
                        System.Globalization.CultureInfo.InvariantCulture, out var index)
                    || current.ValueKind != JsonValueKind.Array || index >= current.GetArrayLength())
                {
                    return null;
                }
                current = current[index];
                i = end + 1;
            }
            else
            {
                return null;
            }
        }
        return current;
    }

    private static bool TryProperty(JsonElement element, string name, out JsonElement value)
    {
        value = default;
        return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value);
    }
}
