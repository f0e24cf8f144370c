namespace MirrorChain.Contracts.Mirror.Tests.Integration;

/// <summary>
/// The devnet genesis (genesis/devnet.json) deployed into the harness: the same balances and the same wasm steps the
/// node runs at height 0, with every real contract. For tests that cross all of Mirror.
/// </summary>
internal sealed class DevnetDeployment
{
    /// <param name="extraCodes">more codes to register next to Mirror's (e.g. a migration target).</param>
    public DevnetDeployment(Action<MirrorChain.Execution.Contracts.ContractRegistry>? extraCodes = null)
    {
        using var genesis = JsonDocument.Parse(File.ReadAllText(MirrorChain.Tests.RepoPaths.File("genesis/devnet.json")));
        var root = genesis.RootElement;
        var registry = MirrorChain.Execution.Contracts.ContractRegistry.Of(MirrorCodes.All());
        extraCodes?.Invoke(registry);
        App = new ContractTestApp(registry, BlockTime.ParseRfc3339(root.GetProperty("genesis_time").GetString()!), "mirrorchain-devnet-1");
        var appState = root.GetProperty("app_state");
        foreach (var balance in appState.GetProperty("bank").GetProperty("balances").EnumerateArray())
        {
            var coins = balance.GetProperty("coins").EnumerateArray()
                .Select(c => new Coin(c.GetProperty("denom").GetString()!, UInt128.Parse(c.GetProperty("amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture)))
                .ToArray();
            App.Mint(Address.Parse(balance.GetProperty("address").GetString()!), coins);
        }
        Contracts = App.ApplyWasmGenesis(appState.GetProperty("wasm"));
        using var accounts = JsonDocument.Parse(File.ReadAllText(MirrorChain.Tests.RepoPaths.File("genesis/devnet-accounts.json")));
        Accounts = accounts.RootElement.GetProperty("accounts").EnumerateArray()
            .ToDictionary(a => a.GetProperty("name").GetString()!, a => Address.Parse(a.GetProperty("address").GetString()!));
    }

    public ContractTestApp App { get; }

    /// <summary>Named contracts, as in contracts.json (mint, oracle, mTSLA, mTSLA.pair, …).</summary>
    public IReadOnlyDictionary<string, Address> Contracts { get; }

    /// <summary>The devnet accounts by name (validator, test1 … test10).</summary>
    public IReadOnlyDictionary<string, Address> Accounts { get; }

    public Address this[string name] => Contracts.TryGetValue(name, out var c) ? c : Accounts[name];

    /// <summary>The oracle feeder (test1) feeds <paramref name="price"/> uusd for <paramref name="asset"/>.</summary>
    public AppResponse FeedPrice(Address asset, string price) =>
        App.Execute(this["test1"], this["oracle"], $"{{\"feed_price\":{{\"prices\":[[\"{asset}\",\"{price}\"]]}}}}");

    /// <summary>The idx the mint gives the next position it opens.</summary>
    public string? NextPositionIdx() => App.Query(this["mint"], "{\"next_position_idx\":{}}").GetProperty("next_position_idx").GetString();

    /// <summary><paramref name="owner"/> opens a short on <paramref name="asset"/> with <paramref name="collateral"/> uusd at ratio <paramref name="cr"/>.</summary>
    public AppResponse OpenShort(Address owner, Address asset, UInt128 collateral, string cr) =>
        App.Execute(owner, this["mint"],
            $"{{\"open_position\":{{\"collateral\":{{\"info\":{{\"native_token\":{{\"denom\":\"uusd\"}}}},\"amount\":\"{collateral}\"}},\"asset_info\":{{\"token\":{{\"contract_addr\":\"{asset}\"}}}},\"collateral_ratio\":\"{cr}\",\"short_params\":{{}}}}}}",
            [new Coin("uusd", collateral)]);

    /// <summary>A Uint128 JSON string.</summary>
    public static UInt128 U(JsonElement e) => UInt128.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
}
