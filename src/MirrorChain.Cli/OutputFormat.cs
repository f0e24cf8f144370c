using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MirrorChain.Cli;

/// <summary>
/// <c>-o json|text</c>, as the Cosmos CLI: json prints the answer as indented JSON; text prints the same document as
/// YAML (what terrad's text output is: <c>data:</c> and the contract's answer below it for a smart query).
/// </summary>
public enum OutputFormat
{
    Text,
    Json,
}

/// <summary>Parses <c>-o</c> and renders a JSON document in either format.</summary>
public static class Output
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true };

    /// <summary>"json" or "text" (case-insensitive); null → <paramref name="fallback"/>.</summary>
    public static OutputFormat Parse(string? text, OutputFormat fallback) => text?.ToUpperInvariant() switch
    {
        null => fallback,
        "JSON" => OutputFormat.Json,
        "TEXT" => OutputFormat.Text,
        _ => throw new FormatException($"--output must be json or text, got {text}"),
    };

    public static void Print(TextWriter output, JsonNode? node, OutputFormat format) =>
        output.Write(format == OutputFormat.Json ? (node?.ToJsonString(Pretty) ?? "null") + "\n" : ToYaml(node));

    /// <summary>Block-style YAML: objects as <c>key: value</c>, arrays as <c>- item</c>, strings quoted when YAML would misread them.</summary>
    public static string ToYaml(JsonNode? node)
    {
        var sb = new StringBuilder();
        switch (node)
        {
            case JsonObject o when o.Count > 0:
                WriteObject(sb, o, 0);
                break;
            case JsonArray a when a.Count > 0:
                WriteArray(sb, a, 0);
                break;
            default:
                sb.Append(Scalar(node)).Append('\n');
                break;
        }
        return sb.ToString();
    }

    private static void WriteObject(StringBuilder sb, JsonObject o, int indent, bool firstInline = false)
    {
        foreach (var (key, value) in o)
        {
            if (!firstInline)
            {
                sb.Append(' ', indent);
            }
            firstInline = false; // only the first key of an array item shares the "- " line
            sb.Append(Key(key)).Append(':');
            switch (value)
            {
                case JsonObject inner when inner.Count > 0:
                    sb.Append('\n');
                    WriteObject(sb, inner, indent + 2);
                    break;
                case JsonArray a when a.Count > 0:
                    sb.Append('\n');
                    WriteArray(sb, a, indent);
                    break;
                default:
                    sb.Append(' ').Append(Scalar(value)).Append('\n');
                    break;
            }
        }
    }

    private static void WriteArray(StringBuilder sb, JsonArray a, int indent)
    {
        foreach (var item in a)
        {
            sb.Append(' ', indent).Append("- ");
            switch (item)
            {
                case JsonObject o when o.Count > 0:
                    WriteObject(sb, o, indent + 2, firstInline: true);
                    break;
                case JsonArray inner when inner.Count > 0:
                    sb.Length--; // "-" alone on its line, the inner sequence below it
                    sb.Append('\n');
                    WriteArray(sb, inner, indent + 2);
                    break;
                default:
                    sb.Append(Scalar(item)).Append('\n');
                    break;
            }
        }
    }

    private static string Key(string key) => NeedsQuotes(key) ? Quote(key) : key;

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray => "[]",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => StringScalar(v.GetValue<string>()),
        JsonValue v when v.GetValueKind() is JsonValueKind.True => "true",
        JsonValue v when v.GetValueKind() is JsonValueKind.False => "false",
        _ => node.ToJsonString(),
    };

    private static string StringScalar(string s) => NeedsQuotes(s) ? Quote(s) : s;

    /// <summary>Quote what YAML would read as another type or structure (numbers, booleans, null, indicators).</summary>
    internal static bool NeedsQuotes(string s)
    {
        if (s.Length == 0 || s != s.Trim() || s.Contains(": ", StringComparison.Ordinal) || s.Contains(" #", StringComparison.Ordinal) || s.EndsWith(':'))
        {
            return true;
        }
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(s[0], StringComparison.Ordinal) || s.Any(c => c < ' ' || c == '\u007f'))
        {
            return true;
        }
        var lower = s.ToLowerInvariant();
        if (lower is "true" or "false" or "null" or "~" or "yes" or "no" or "on" or "off" or "y" or "n")
        {
            return true;
        }
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || s.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
    }

    private static string Quote(string s) => JsonSerializer.Serialize(s);
}
