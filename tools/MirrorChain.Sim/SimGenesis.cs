using System.Text.Json;
using System.Text.Json.Nodes;
using MirrorChain.Node;

namespace MirrorChain.Sim;

/// <summary>
/// The sim's genesis: the devnet genesis (genesis/devnet.json, with its whole Mirror deployment) plus the generated
/// accounts, each funded with LUNA and UST in <c>bank</c> and MIR in the MIR token's initial balances.
/// </summary>
public static class SimGenesis
{
    public const ulong LunaPerAccount = 10_000_000_000; // 10,000 LUNA
    public const ulong UstPerAccount = 100_000_000_000; // 100,000 UST
    public const ulong MirPerAccount = 10_000_000_000; // 10,000 MIR

    public static string DevnetJson() => Embedded.Read("devnet.json");

    public static GenesisDoc Build(IReadOnlyList<SimAccount> accounts, string? baseJson = null)
    {
        var root = JsonNode.Parse(baseJson ?? DevnetJson())!.AsObject();
        var app = root["app_state"]!.AsObject();
        var auth = app["auth"]!["accounts"]!.AsArray();
        var balances = app["bank"]!["balances"]!.AsArray();
        foreach (var a in accounts)
        {
            auth.Add(new JsonObject { ["address"] = a.Address.ToString() });
            balances.Add(new JsonObject
            {
                ["address"] = a.Address.ToString(),
                ["coins"] = new JsonArray(
                    new JsonObject { ["denom"] = "uluna", ["amount"] = LunaPerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    new JsonObject { ["denom"] = "uusd", ["amount"] = UstPerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            });
        }
        var mir = app["wasm"]!["steps"]!.AsArray()
            .Select(s => s!["instantiate"])
            .FirstOrDefault(i => i?["name"]?.GetValue<string>() == "mirrorToken")
            ?? throw new InvalidDataException("the base genesis deploys no mirrorToken");
        var initial = mir["msg"]!["initial_balances"]!.AsArray();
        foreach (var a in accounts)
        {
            initial.Add(new JsonObject { ["address"] = a.Address.ToString(), ["amount"] = MirPerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        root["chain_id"] = "mirrorchain-sim-1";
        return GenesisDoc.Parse(root.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
    }
}
