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

/// <summary>Files of genesis/ compiled into the sim.</summary>
public static class Embedded
{
    public static string Read(string name)
    {
        using var stream = typeof(Embedded).Assembly.GetManifestResourceStream(name)
            ?? throw new FileNotFoundException($"embedded resource {name} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The devnet's named accounts (validator, test1 … test10) with their keys.</summary>
    public static IReadOnlyList<SimAccount> DevnetAccounts()
    {
        using var doc = JsonDocument.Parse(Read("devnet-accounts.json"));
        return doc.RootElement.GetProperty("accounts").EnumerateArray()
            .Select((a, i) => new SimAccount(-1 - i, a.GetProperty("name").GetString()!,
                MirrorChain.Crypto.PrivateKey.FromMnemonic(a.GetProperty("mnemonic").GetString()!)))
            .ToList();
    }
}
