using System.Text.Json;
using System.Text.Json.Nodes;

namespace MirrorChain.Cli;

/// <summary>
/// mirrorchain contracts [PATH]: prints the home's contracts.json, or one value of it by a dotted path
/// (<c>mint</c>, <c>assets.mTSLA.token</c>), so shell scripts need no JSON tool: <c>MINT=$(mirrorchain contracts mint)</c>.
/// </summary>
public static class ContractsCommand
{
    public static int Run(HomeLayout home, string? path, TextWriter output)
    {
        var contracts = ContractsFile.Load(home.Contracts);
        JsonNode? node = contracts.Document;
        if (!string.IsNullOrEmpty(path))
        {
            foreach (var part in path.Split('.'))
            {
                node = node is JsonObject o && o.TryGetPropertyValue(part, out var next)
                    ? next
                    : throw new FormatException($"contracts.json has no {path} (keys: {string.Join(", ", (node as JsonObject)?.Select(p => p.Key) ?? [])})");
            }
        }
        output.WriteLine(node is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : node?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? "null");
        return 0;
    }
}
