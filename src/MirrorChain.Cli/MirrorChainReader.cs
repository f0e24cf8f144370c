using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Decimal = MirrorChain.Core.Numerics.Decimal;

namespace MirrorChain.Cli;

/// <summary>The Mirror contract queries behind the mirror views, with per-run caches of configs and prices.</summary>
public sealed class MirrorChainReader(RpcClient rpc, MirrorContracts contracts)
{
    /// <summary>The mint's <c>positions</c> page limit (its maximum).</summary>
    private const int PageLimit = 30;

    private readonly Dictionary<string, AssetConfig?> _assetConfigs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OraclePrice?> _prices = new(StringComparer.Ordinal);

    public MirrorContracts Contracts => contracts;

    /// <summary>The latest block's time in unix seconds (what the contracts see as <c>env.block.time</c>).</summary>
    public async Task<ulong> LatestBlockSecondsAsync(CancellationToken ct)
    {
        var status = await rpc.CallAsync("status", [], ct).ConfigureAwait(false);
        var text = status["sync_info"]?["latest_block_time"]?.GetValue<string>()
            ?? throw new RpcException("the node's status has no latest_block_time");
        return (ulong)Math.Max(0, DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).ToUnixTimeSeconds());
    }

    public async Task<string> BaseDenomAsync(CancellationToken ct) =>
        (await rpc.SmartAsync(contracts.Mint, "{\"config\":{}}", ct).ConfigureAwait(false))["base_denom"]!.GetValue<string>();

    /// <summary>Every position of <paramref name="owner"/>, ascending by index (all pages).</summary>
    public async Task<List<JsonNode>> PositionsAsync(string owner, CancellationToken ct)
    {
        var all = new List<JsonNode>();
        string? after = null;
        while (true)
        {
            var query = new JsonObject
            {
                ["positions"] = new JsonObject
                {
                    ["owner_addr"] = owner,
                    ["start_after"] = after,
                    ["limit"] = PageLimit,
                    ["order_by"] = "asc",
                },
            };
            var page = (await rpc.SmartAsync(contracts.Mint, query.ToJsonString(), ct).ConfigureAwait(false))["positions"]!.AsArray();
            foreach (var p in page)
            {
                all.Add(p!.DeepClone());
            }
            if (page.Count < PageLimit)
            {
                return all;
            }
            after = page[^1]!["idx"]!.GetValue<string>();
        }
    }

    /// <summary>The mint's asset config, or null when the mint does not know the token.</summary>
    public async Task<AssetConfig?> AssetConfigAsync(string token, CancellationToken ct)
    {
        if (_assetConfigs.TryGetValue(token, out var cached))
        {
            return cached;
        }
        AssetConfig? config;
        try
        {
            var answer = await rpc.SmartAsync(contracts.Mint, Query("asset_config", ("asset_token", token)), ct).ConfigureAwait(false);
            config = new AssetConfig(
                Dec(answer["min_collateral_ratio"])!.Value,
                Dec(answer["auction_discount"])!.Value,
                Dec(answer["end_price"]),
                Dec(answer["ipo_params"]?["pre_ipo_price"]));
        }
        catch (RpcException e) when (e.Message.Contains("no asset data stored", StringComparison.Ordinal) || e.Message.Contains("not found", StringComparison.OrdinalIgnoreCase))
        {
            config = null;
        }
        _assetConfigs[token] = config;
        return config;
    }

    /// <summary>The oracle's price of <paramref name="token"/> in <paramref name="baseDenom"/>, or null when never fed.</summary>
    public async Task<OraclePrice?> OraclePriceAsync(string token, string baseDenom, CancellationToken ct)
    {
        if (_prices.TryGetValue(token, out var cached))
        {
            return cached;
        }
        OraclePrice? price;
        try
        {
            var answer = await rpc.SmartAsync(contracts.Oracle, Query("price", ("base_asset", token), ("quote_asset", baseDenom)), ct).ConfigureAwait(false);
            price = new OraclePrice(Dec(answer["rate"])!.Value,
                Math.Min(answer["last_updated_base"]!.GetValue<ulong>(), answer["last_updated_quote"]!.GetValue<ulong>()));
            if (price.Rate.IsZero && price.LastUpdated == 0)
            {
                price = null; // registered but never fed (the oracle answers 0 at time 0)
            }
        }
        catch (RpcException e) when (e.Message.Contains("not found", StringComparison.OrdinalIgnoreCase))
        {
            price = null;
        }
        _prices[token] = price;
        return price;
    }

    /// <summary>The collateral oracle's price and multiplier for a collateral (a token address or a denom), or null.</summary>
    public async Task<CollateralPrice?> CollateralPriceAsync(string asset, CancellationToken ct)
    {
        try
        {
            var answer = await rpc.SmartAsync(contracts.CollateralOracle, Query("collateral_price", ("asset", asset)), ct).ConfigureAwait(false);
            return new CollateralPrice(Dec(answer["rate"])!.Value, Dec(answer["multiplier"])!.Value,
                answer["last_updated"]!.GetValue<ulong>(), answer["is_revoked"]?.GetValue<bool>() ?? false);
        }
        catch (RpcException e) when (e.Message.Contains("not found", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
    }

    /// <summary>The Terraswap pool price: base denom reserve / token reserve, or null without a pair or liquidity.</summary>
    public async Task<Decimal?> PoolPriceAsync(string pair, string baseDenom, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(pair))
        {
            return null;
        }
        var pool = await rpc.SmartAsync(pair, "{\"pool\":{}}", ct).ConfigureAwait(false);
        UInt128? quote = null, asset = null;
        foreach (var a in pool["assets"]!.AsArray())
        {
            var amount = UInt128.Parse(a!["amount"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            if (a["info"]!["native_token"]?["denom"]?.GetValue<string>() == baseDenom)
            {
                quote = amount;
            }
            else
            {
                asset = amount;
            }
        }
        return quote is { } q && asset is { } t && t != UInt128.Zero ? Decimal.FromRatio(q, t) : null;
    }

    private static Decimal? Dec(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? Decimal.Parse(v.GetValue<string>()) : null;

    private static string Query(string name, params (string Key, string Value)[] fields)
    {
        var body = new JsonObject();
        foreach (var (k, v) in fields)
        {
            body[k] = v;
        }
        return new JsonObject { [name] = body }.ToJsonString();
    }
}
