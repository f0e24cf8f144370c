using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MirrorChain.Core;
using MirrorChain.Execution;
using MirrorChain.Execution.Contracts;
using MirrorChain.State;

namespace MirrorChain.Cli;

/// <summary>
/// config/contracts.json in mirror.js's <c>MirrorOptions</c> shape: the protocol's contract addresses and, per
/// mAsset, <c>{symbol, name, token, pair, lpToken}</c>. Built from the names the genesis deployment gave
/// (<c>mint</c>, <c>oracle</c>, …, and per asset <c>mAAPL</c>, <c>mAAPL.pair</c>, <c>mAAPL.lpToken</c>); a contract
/// not deployed on this chain is "". As in mirror.js's own defaults, <c>assets</c> also lists MIR (the MIR token,
/// its UST pair and LP token), and <c>airdrop</c> is present (mirror.js requires it; MirrorChain has none: "").
/// <c>adminManager</c> (the mirror_admin_manager contract, gov's admin_manager) is MirrorChain's addition: mirror.js
/// has no client for it and ignores the key.
/// </summary>
public static class ContractsFile
{
    public static readonly string[] ProtocolKeys =
    [
        "factory", "gov", "mint", "oracle", "collateralOracle", "staking", "lock", "collector", "community",
        "shortReward", "mirrorToken", "terraswapFactory", "airdrop", "adminManager",
    ];

    /// <summary>The MIR entry of <c>assets</c> (mirror.js's key for it).</summary>
    public const string MirSymbol = "MIR";

    public static JsonObject Build(IReadOnlyList<KeyValuePair<string, Address>> names, IStateReader state, ContractRuntime runtime, BlockContext block)
    {
        var byName = new Dictionary<string, Address>(StringComparer.Ordinal);
        foreach (var (k, v) in names)
        {
            byName[k] = v;
        }
        var root = new JsonObject();
        foreach (var key in ProtocolKeys)
        {
            root[key] = byName.TryGetValue(key, out var a) ? a.ToString() : "";
        }
        // An asset is any named token the deployment also gave a pair and an LP token ("X.pair", "X.lpToken");
        // the MIR token (named mirrorToken) is listed under mirror.js's key MIR.
        var assets = new JsonObject();
        foreach (var (name, token) in names.DistinctBy(n => n.Key))
        {
            if (!name.Contains('.', StringComparison.Ordinal) && byName.ContainsKey(name + ".pair") && byName.ContainsKey(name + ".lpToken"))
            {
                assets[name == "mirrorToken" ? MirSymbol : name] = AssetEntry(runtime, state, block, token, byName, name);
            }
        }
        root["assets"] = assets;
        return root;
    }

    private static JsonObject AssetEntry(ContractRuntime runtime, IStateReader state, BlockContext block, Address token, Dictionary<string, Address> byName, string name)
    {
        var info = JsonNode.Parse(runtime.QuerySmart(state, block, token, "{\"token_info\":{}}"u8.ToArray()))!;
        return new JsonObject
        {
            ["symbol"] = info["symbol"]?.GetValue<string>() ?? name,
            ["name"] = info["name"]?.GetValue<string>() ?? name,
            ["token"] = token.ToString(),
            ["pair"] = byName.TryGetValue(name + ".pair", out var pair) ? pair.ToString() : "",
            ["lpToken"] = byName.TryGetValue(name + ".lpToken", out var lp) ? lp.ToString() : "",
        };
    }

    public static string ToText(JsonObject contracts) =>
        contracts.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

    /// <summary>Reads a contracts.json: the oracle address and each asset's symbol and token.</summary>
    public static (Address Oracle, IReadOnlyList<(string Symbol, Address Token)> Assets) LoadForFeeder(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} not found: run mirrorchain init first (it writes the contract addresses)");
        }
        var root = JsonNode.Parse(File.ReadAllText(path, Encoding.UTF8))!;
        var oracleText = root["oracle"]?.GetValue<string>();
        if (string.IsNullOrEmpty(oracleText))
        {
            throw new InvalidDataException($"{path} names no oracle contract: this chain's genesis deploys no Mirror contracts");
        }
        var assets = new List<(string, Address)>();
        foreach (var (symbol, node) in root["assets"]?.AsObject() ?? [])
        {
            if (symbol != MirSymbol) // MIR has no oracle price: the oracle prices mAssets only
            {
                assets.Add((symbol, Address.Parse(node!["token"]!.GetValue<string>())));
            }
        }
        return (Address.Parse(oracleText), assets);
    }

    /// <summary>Reads a contracts.json: every protocol address (by mirror.js key) and each asset's entry.</summary>
    public static MirrorContracts Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} not found: run mirrorchain init first (it writes the contract addresses), or pass the node's --home");
        }
        var root = JsonNode.Parse(File.ReadAllText(path, Encoding.UTF8)) as JsonObject
            ?? throw new InvalidDataException($"{path} is not a JSON object");
        string Get(string key) => root[key]?.GetValue<string>() ?? "";
        var assets = new List<MirrorAssetEntry>();
        foreach (var (symbol, node) in root["assets"]?.AsObject() ?? [])
        {
            assets.Add(new MirrorAssetEntry(symbol, node?["token"]?.GetValue<string>() ?? "", node?["pair"]?.GetValue<string>() ?? ""));
        }
        if (Get("mint").Length == 0)
        {
            throw new InvalidDataException($"{path} names no mint contract: this chain's genesis deploys no Mirror contracts");
        }
        return new MirrorContracts(Get("mint"), Get("oracle"), Get("collateralOracle"), assets, root);
    }
}

/// <summary>An asset of contracts.json: its symbol, cw20 token and Terraswap UST pair.</summary>
public sealed record MirrorAssetEntry(string Symbol, string Token, string Pair);

/// <summary>The addresses the Mirror views need, plus the whole document.</summary>
public sealed record MirrorContracts(string Mint, string Oracle, string CollateralOracle, IReadOnlyList<MirrorAssetEntry> Assets, JsonObject Document)
{
    /// <summary>The symbol contracts.json gives a token, or null.</summary>
    public string? SymbolOf(string token) => Assets.FirstOrDefault(a => a.Token == token)?.Symbol;
}
