using System.Text.Json;
using MirrorChain.Core;

namespace MirrorChain.LoadGen;

/// <summary>One mAsset of the deployment: its cw20 token and Terraswap pair.</summary>
internal sealed record MAsset(string Symbol, Address Token, Address Pair);

/// <summary>
/// The contracts the workloads use, read from a home's <c>config/contracts.json</c> (written by
/// <c>mirrorchain init</c>): mint, oracle, and every mAsset (the <c>assets</c> entries except MIR), in file order.
/// </summary>
internal sealed record MirrorDeployment(Address Mint, Address Oracle, IReadOnlyList<MAsset> Assets)
{
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">A contract is missing, or no mAsset is listed.</exception>
    public static MirrorDeployment Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} not found: pass --contracts HOME/config/contracts.json (mirrorchain init writes it)");
        }
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return Parse(doc.RootElement, path);
    }

    public static MirrorDeployment Parse(JsonElement root, string source)
    {
        Address Need(JsonElement e, string key, string where) =>
            e.TryGetProperty(key, out var v) && v.GetString() is { Length: > 0 } s
                ? Address.Parse(s)
                : throw new InvalidDataException($"{source}: {where}{key} is missing or empty");
        var assets = new List<MAsset>();
        if (root.TryGetProperty("assets", out var list) && list.ValueKind == JsonValueKind.Object)
        {
            foreach (var a in list.EnumerateObject())
            {
                if (a.Name != "MIR")
                {
                    assets.Add(new MAsset(a.Name, Need(a.Value, "token", $"assets.{a.Name}."), Need(a.Value, "pair", $"assets.{a.Name}.")));
                }
            }
        }
        if (assets.Count == 0)
        {
            throw new InvalidDataException($"{source} lists no mAsset");
        }
        return new MirrorDeployment(Need(root, "mint", ""), Need(root, "oracle", ""), assets);
    }
}
