using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MirrorChain.Core;

namespace MirrorChain.LoadGen;

/// <summary>
/// The bench chain's genesis: a base genesis (the built-in devnet, genesis/devnet.json: same chain id, Mirror
/// deployment, test accounts) with extra accounts appended to <c>app_state.auth.accounts</c> (so their account
/// numbers follow the base's, in order) and funded in <c>app_state.bank.balances</c>. Nothing else changes.
/// </summary>
internal static class BenchGenesis
{
    /// <summary>1,000,000 LUNA: fees (a contract tx pays a few thousand uluna).</summary>
    public static readonly UInt128 LunaPerAccount = 1_000_000_000_000;

    /// <summary>1,000,000 UST: swaps, liquidity and CDP collateral of every workload, many times over.</summary>
    public static readonly UInt128 UstPerAccount = 1_000_000_000_000;

    /// <exception cref="InvalidDataException">The base has no <c>app_state.auth.accounts</c> or <c>app_state.bank.balances</c> array, or already lists one of the addresses.</exception>
    public static string Build(string baseJson, IReadOnlyList<Address> accounts)
    {
        var root = JsonNode.Parse(baseJson)?.AsObject() ?? throw new InvalidDataException("the base genesis is not a JSON object");
        var app = root["app_state"] as JsonObject ?? throw new InvalidDataException("the base genesis has no app_state");
        var auth = app["auth"]?["accounts"] as JsonArray ?? throw new InvalidDataException("the base genesis has no app_state.auth.accounts");
        var balances = app["bank"]?["balances"] as JsonArray ?? throw new InvalidDataException("the base genesis has no app_state.bank.balances");
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in auth)
        {
            if (a?["address"]?.GetValue<string>() is { } address)
            {
                existing.Add(address);
            }
        }
        var luna = LunaPerAccount.ToString(CultureInfo.InvariantCulture);
        var ust = UstPerAccount.ToString(CultureInfo.InvariantCulture);
        foreach (var account in accounts)
        {
            var address = account.ToString();
            if (!existing.Add(address))
            {
                throw new InvalidDataException($"the base genesis already has account {address}");
            }
            auth.Add(new JsonObject { ["address"] = address });
            balances.Add(new JsonObject
            {
                ["address"] = address,
                ["coins"] = new JsonArray(
                    new JsonObject { ["denom"] = "uluna", ["amount"] = luna },
                    new JsonObject { ["denom"] = "uusd", ["amount"] = ust }),
            });
        }
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) + "\n";
    }
}
