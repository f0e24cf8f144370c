using System.Text.RegularExpressions;

namespace MirrorChain.Contracts.Mirror.Tests.Integration;

/// <summary>
/// Who holds power over the devnet right after genesis: every contract instance's config (smart <c>config</c>, or
/// <c>minter</c> for cw20s, or <c>pair</c> for Terraswap pairs) and its wasm admin. An address there that is not a
/// contract is an externally owned account, and on the devnet every such key is public; only the roles genesis/README.md
/// lists under "Addresses outside governance" may be one.
/// </summary>
public sealed partial class GenesisOwnershipTests
{
    private static readonly string[] ConfigQueries = ["{\"config\":{}}", "{\"minter\":{}}", "{\"pair\":{}}"];

    private readonly DevnetDeployment _d = new();

    [GeneratedRegex(@"terra1[02-9ac-hj-np-z]{38,58}", RegexOptions.CultureInvariant)]
    private static partial Regex AddressPattern();

    /// <summary>The addresses genesis/README.md documents, in its "Addresses outside governance" section.</summary>
    private static HashSet<string> DocumentedExceptions()
    {
        var readme = File.ReadAllText(MirrorChain.Tests.RepoPaths.File("genesis/README.md"));
        var start = readme.IndexOf("## Addresses outside governance", StringComparison.Ordinal);
        Assert.True(start >= 0, "genesis/README.md has no \"## Addresses outside governance\" section");
        var end = readme.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        var section = end < 0 ? readme[start..] : readme[start..end];
        return [.. AddressPattern().Matches(section).Select(m => m.Value)];
    }

    private IEnumerable<(Address Contract, Tx.Proto.Cosmwasm.Wasm.V1.ContractInfo Info)> Instances()
    {
        var prefix = ContractKeys.InfoPrefix();
        foreach (var (key, value) in _d.App.State.Range(prefix, KeyRanges.PrefixEnd(prefix)))
        {
            yield return (Address.FromBytes(key.AsSpan(prefix.Length)), Tx.Proto.Cosmwasm.Wasm.V1.ContractInfo.Parser.ParseFrom(value));
        }
    }

    private bool IsContract(string address) =>
        Address.TryParse(address, out var a, out _) && _d.App.Runtime.ContractInfo(_d.App.State, a!) is not null;

    private static IEnumerable<(string Path, string Value)> Strings(JsonElement e, string path)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                yield return (path, e.GetString()!);
                break;
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    foreach (var s in Strings(p.Value, path + "." + p.Name))
                    {
                        yield return s;
                    }
                }
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray())
                {
                    foreach (var s in Strings(item, $"{path}[{i++}]"))
                    {
                        yield return s;
                    }
                }
                break;
        }
    }

    [Fact]
    public void No_externally_owned_account_holds_a_config_field_or_wasm_admin_of_any_genesis_contract()
    {
        var allowed = DocumentedExceptions();
        var names = _d.Contracts.GroupBy(kv => kv.Value).ToDictionary(g => g.Key, g => g.First().Key);
        var offending = new List<string>();
        var instances = Instances().ToList();
        Assert.True(instances.Count >= 25, $"expected the whole deployment, found {instances.Count} contracts");
        foreach (var (contract, info) in instances)
        {
            var label = $"{names.GetValueOrDefault(contract, info.Label)} ({contract}, code {info.CodeId})";
            if (info.Admin.Length > 0 && !IsContract(info.Admin) && !allowed.Contains(info.Admin))
            {
                offending.Add($"{label}: wasm admin {info.Admin}");
            }
            var answered = false;
            foreach (var query in ConfigQueries)
            {
                JsonElement answer;
                try
                {
                    answer = _d.App.Query(contract, query);
                }
                catch (SdkException)
                {
                    continue;
                }
                answered = true;
                foreach (var (path, value) in Strings(answer, query[2..query.IndexOf('"', 2)]))
                {
                    if (Address.TryParse(value, out _, out _) && !IsContract(value) && !allowed.Contains(value))
                    {
                        offending.Add($"{label}: {path} = {value}");
                    }
                }
                break;
            }
            // mirror_short_reward keeps no state at all (it only computes a weight)
            Assert.True(answered || info.CodeId == CodeIds.MirrorShortReward, $"{label} answers none of {string.Join(", ", ConfigQueries)}");
        }
        // the oracle's per-asset feeders (set by the factory's whitelist) are the one role that must be an account
        foreach (var (name, token) in _d.Contracts.Where(kv => _d.Contracts.ContainsKey(kv.Key + ".pair") && kv.Key != "mirrorToken"))
        {
            var feeder = _d.App.Query(_d["oracle"], $"{{\"feeder\":{{\"asset_token\":\"{token}\"}}}}").GetProperty("feeder").GetString()!;
            if (!IsContract(feeder) && !allowed.Contains(feeder))
            {
                offending.Add($"oracle: feeder of {name} = {feeder}");
            }
        }
        Assert.True(offending.Count == 0, "externally owned accounts with power over genesis contracts:\n" + string.Join("\n", offending));
    }

    [Fact]
    public void Documented_exceptions_are_no_devnet_key_except_the_oracle_feeder()
    {
        var allowed = DocumentedExceptions();
        Assert.Contains(_d["test1"].ToString(), allowed);
        foreach (var (name, address) in _d.Accounts)
        {
            if (name != "test1")
            {
                Assert.DoesNotContain(address.ToString(), allowed);
            }
        }
    }
}
