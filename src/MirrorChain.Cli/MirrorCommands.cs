using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MirrorChain.Core;
using Decimal = MirrorChain.Core.Numerics.Decimal;

namespace MirrorChain.Cli;

/// <summary>
/// mirrorchain query mirror positions|assets: views over the Mirror contracts named in the home's contracts.json,
/// computed from the contracts' own query answers (mint <c>positions</c>/<c>asset_config</c>/<c>config</c>, oracle
/// <c>price</c>, collateral oracle <c>collateral_price</c>, Terraswap pair <c>pool</c>).
/// </summary>
public static class MirrorCommands
{
    /// <summary>The mint refuses prices older than this (Mirror v2.1.4 contracts/mirror_mint/src/querier.rs <c>PRICE_EXPIRE_TIME</c>).</summary>
    public const ulong PriceExpireSeconds = 60;

    public static async Task<int> PositionsAsync(string node, HomeLayout home, string owner, OutputFormat format, TextWriter output, CancellationToken ct)
    {
        if (!Address.TryParse(owner, out var ownerAddress, out var error))
        {
            throw new FormatException($"invalid --owner address {owner}: {error}");
        }
        var contracts = ContractsFile.Load(home.Contracts);
        using var rpc = new RpcClient(node);
        var result = await PositionsViewAsync(new MirrorChainReader(rpc, contracts), ownerAddress!.ToString(), ct).ConfigureAwait(false);
        if (format == OutputFormat.Json)
        {
            Output.Print(output, result, format);
        }
        else
        {
            output.Write(PositionsText(result));
        }
        return 0;
    }

    /// <summary>
    /// The document of <c>query mirror positions -o json</c>: owner, base denom and every position's view (see
    /// <see cref="Describe"/>), read through <paramref name="chain"/> (whose caches hold for one view).
    /// </summary>
    public static async Task<JsonObject> PositionsViewAsync(MirrorChainReader chain, string owner, CancellationToken ct)
    {
        var now = await chain.LatestBlockSecondsAsync(ct).ConfigureAwait(false);
        var baseDenom = await chain.BaseDenomAsync(ct).ConfigureAwait(false);
        var views = new JsonArray();
        foreach (var position in await chain.PositionsAsync(owner, ct).ConfigureAwait(false))
        {
            views.Add(await DescribeAsync(chain, position, baseDenom, now, ct).ConfigureAwait(false));
        }
        return new JsonObject { ["owner"] = owner, ["base_denom"] = baseDenom, ["positions"] = views };
    }

    public static async Task<int> AssetsAsync(string node, HomeLayout home, OutputFormat format, TextWriter output, CancellationToken ct)
    {
        var contracts = ContractsFile.Load(home.Contracts);
        using var rpc = new RpcClient(node);
        var chain = new MirrorChainReader(rpc, contracts);
        var now = await chain.LatestBlockSecondsAsync(ct).ConfigureAwait(false);
        var baseDenom = await chain.BaseDenomAsync(ct).ConfigureAwait(false);
        var rows = new JsonArray();
        foreach (var asset in contracts.Assets)
        {
            var config = await chain.AssetConfigAsync(asset.Token, ct).ConfigureAwait(false);
            var oracle = config is null ? null : await chain.OraclePriceAsync(asset.Token, baseDenom, ct).ConfigureAwait(false);
            var pool = await chain.PoolPriceAsync(asset.Pair, baseDenom, ct).ConfigureAwait(false);
            rows.Add(AssetRow(asset, baseDenom, config, oracle, pool, now));
        }
        var result = new JsonObject { ["base_denom"] = baseDenom, ["assets"] = rows };
        if (format == OutputFormat.Json)
        {
            Output.Print(output, result, format);
        }
        else
        {
            output.Write(AssetsText(result));
        }
        return 0;
    }

    /// <summary>One row of <c>query mirror assets</c>: oracle price, pool price, premium = pool / oracle − 1.</summary>
    public static JsonObject AssetRow(MirrorAssetEntry asset, string baseDenom, AssetConfig? config, OraclePrice? oracle, Decimal? poolPrice, ulong now)
    {
        var fixedPrice = config?.EndPrice ?? config?.PreIpoPrice;
        var oraclePrice = fixedPrice ?? oracle?.Rate;
        return new JsonObject
        {
            ["symbol"] = asset.Symbol,
            ["token"] = asset.Token,
            ["pair"] = asset.Pair,
            ["oracle_price"] = oraclePrice?.ToString(),
            ["oracle_price_age_seconds"] = fixedPrice is null && oracle is not null ? Age(now, oracle.LastUpdated) : null,
            ["pool_price"] = poolPrice?.ToString(),
            ["premium"] = oraclePrice is { } o && poolPrice is { } p && !o.IsZero ? PositionMath.PercentChange(o, p, 2, signed: true) : null,
            ["min_collateral_ratio"] = config?.MinCollateralRatio.ToString(),
            ["auction_discount"] = config?.AuctionDiscount.ToString(),
            ["status"] = config switch
            {
                null => "no oracle price (not a mint asset)",
                { EndPrice: { } end } => $"delisted at {end} {baseDenom}",
                { PreIpoPrice: { } ipo } => $"pre-IPO at {ipo} {baseDenom}",
                _ when oracle is null => "no oracle price yet",
                _ when Age(now, oracle.LastUpdated) > PriceExpireSeconds => $"oracle price stale (older than {PriceExpireSeconds} s): mint, burn and auction refuse it",
                _ => "active",
            },
        };
    }

    /// <summary>The health of one position (see <see cref="Describe"/>), after fetching its prices and configs.</summary>
    private static async Task<JsonObject> DescribeAsync(MirrorChainReader chain, JsonNode position, string baseDenom, ulong now, CancellationToken ct)
    {
        var assetToken = position["asset"]!["info"]!["token"]!["contract_addr"]!.GetValue<string>();
        var assetConfig = await chain.AssetConfigAsync(assetToken, ct).ConfigureAwait(false)
            ?? throw new RpcException($"the mint has no asset config for {assetToken}");
        var collateralInfo = position["collateral"]!["info"]!;
        var collateralKey = collateralInfo["native_token"]?["denom"]?.GetValue<string>() ?? collateralInfo["token"]!["contract_addr"]!.GetValue<string>();
        var nativeCollateral = collateralInfo["native_token"] is not null;

        OraclePrice? assetPrice = null;
        if (assetConfig.EndPrice is null && assetConfig.PreIpoPrice is null)
        {
            assetPrice = await chain.OraclePriceAsync(assetToken, baseDenom, ct).ConfigureAwait(false);
        }
        CollateralPrice collateral;
        if (nativeCollateral && collateralKey == baseDenom)
        {
            collateral = new CollateralPrice(Decimal.One, Decimal.One, ulong.MaxValue, false);
        }
        else
        {
            collateral = await chain.CollateralPriceAsync(collateralKey, ct).ConfigureAwait(false)
                ?? throw new RpcException($"the collateral oracle has no price for {collateralKey}");
            if (!nativeCollateral && await chain.AssetConfigAsync(collateralKey, ct).ConfigureAwait(false) is { EndPrice: { } end })
            {
                collateral = collateral with { Rate = end, LastUpdated = ulong.MaxValue, IsRevoked = true };
            }
        }
        var input = new PositionInput(
            Idx: position["idx"]!.GetValue<string>(),
            IsShort: position["is_short"]?.GetValue<bool>() ?? false,
            AssetSymbol: chain.Contracts.SymbolOf(assetToken) ?? assetToken,
            AssetToken: assetToken,
            Debt: UInt128.Parse(position["asset"]!["amount"]!.GetValue<string>(), CultureInfo.InvariantCulture),
            CollateralSymbol: nativeCollateral ? collateralKey : chain.Contracts.SymbolOf(collateralKey) ?? collateralKey,
            Collateral: UInt128.Parse(position["collateral"]!["amount"]!.GetValue<string>(), CultureInfo.InvariantCulture),
            BaseDenom: baseDenom,
            Config: assetConfig,
            AssetPrice: assetPrice,
            CollateralPrice: collateral,
            Now: now);
        return Describe(input);
    }

    /// <summary>
    /// A position's view: collateral, debt, the current collateral ratio (collateral / ⌊debt × price⌋), its minimum
    /// (asset min ratio × collateral multiplier), whether the mint would accept an auction now, and the asset price
    /// (collateral price held) from which it would.
    /// </summary>
    public static JsonObject Describe(PositionInput p)
    {
        var fixedPrice = p.Config.EndPrice ?? p.Config.PreIpoPrice;
        var price = fixedPrice ?? p.AssetPrice?.Rate;
        // a delisted asset's collateral check uses multiplier 1 (positions.rs withdraw); the open/mint minimum uses the multiplier
        var minimum = PositionMath.MinimumRatio(p.Config.MinCollateralRatio, p.CollateralPrice.Multiplier);
        var ratio = price is { } pr ? PositionMath.CollateralRatio(p.Collateral, p.Debt, pr, p.CollateralPrice.Rate) : null;
        var auctionable = false;
        Decimal? trigger = null;
        string status;
        if (p.Debt == UInt128.Zero)
        {
            status = "no debt: never auctionable";
        }
        else if (p.Config.EndPrice is { } end)
        {
            status = $"{p.AssetSymbol} delisted at {end} {p.BaseDenom}: not auctionable; burn {p.AssetSymbol} to take collateral back";
        }
        else if (p.Config.PreIpoPrice is { } ipo)
        {
            status = $"{p.AssetSymbol} is pre-IPO at a fixed {ipo} {p.BaseDenom}: not auctionable until its IPO";
        }
        else if (price is not { } current)
        {
            status = $"no oracle price for {p.AssetSymbol} yet: feed a price (mirrorchain feeder) or run the devnet with --feeder";
        }
        else
        {
            auctionable = PositionMath.IsAuctionable(p.Collateral, p.Debt, current, p.CollateralPrice.Rate, p.Config.MinCollateralRatio, p.CollateralPrice.Multiplier);
            trigger = PositionMath.AuctionTriggerPrice(p.Collateral, p.Debt, p.CollateralPrice.Rate, p.Config.MinCollateralRatio, p.CollateralPrice.Multiplier);
            status = (auctionable, trigger) switch
            {
                (true, { } t) => $"auctionable now: {p.AssetSymbol} at {current} {p.BaseDenom} is at or above the trigger {t} {p.BaseDenom}",
                (true, null) => "auctionable now",
                (false, { } t) => $"auctionable if {p.AssetSymbol} rises {PositionMath.PercentChange(current, t, 1, signed: false)} to {t} {p.BaseDenom}",
                (false, null) => "not auctionable at any price up to 10^18",
            };
            if (p.AssetPrice is { } oracle && Age(p.Now, oracle.LastUpdated) > PriceExpireSeconds)
            {
                status += $" (the oracle price is {Age(p.Now, oracle.LastUpdated)} s old: the mint refuses prices older than {PriceExpireSeconds} s until the next feed)";
            }
        }
        return new JsonObject
        {
            ["idx"] = p.Idx,
            ["is_short"] = p.IsShort,
            ["asset"] = new JsonObject { ["symbol"] = p.AssetSymbol, ["token"] = p.AssetToken, ["amount"] = p.Debt.ToString(CultureInfo.InvariantCulture) },
            ["collateral"] = new JsonObject { ["symbol"] = p.CollateralSymbol, ["amount"] = p.Collateral.ToString(CultureInfo.InvariantCulture) },
            ["asset_price"] = price?.ToString(),
            ["asset_price_age_seconds"] = fixedPrice is null && p.AssetPrice is { } a ? Age(p.Now, a.LastUpdated) : null,
            ["collateral_price"] = p.CollateralPrice.Rate.ToString(),
            ["collateral_multiplier"] = p.CollateralPrice.Multiplier.ToString(),
            ["asset_min_collateral_ratio"] = p.Config.MinCollateralRatio.ToString(),
            ["min_collateral_ratio"] = minimum.ToString(),
            ["collateral_ratio"] = ratio?.ToString(),
            ["auctionable"] = auctionable,
            ["auction_trigger_price"] = trigger?.ToString(),
            ["auction_trigger_move"] = trigger is { } tr && price is { } cur && !auctionable ? PositionMath.PercentChange(cur, tr, 1, signed: false) : null,
            ["status"] = status,
        };
    }

    /// <summary>The text form of <c>query mirror positions</c>.</summary>
    public static string PositionsText(JsonObject result)
    {
        var sb = new StringBuilder();
        var positions = result["positions"]!.AsArray();
        if (positions.Count == 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"no open positions for {result["owner"]}\n");
            return sb.ToString();
        }
        foreach (var p in positions)
        {
            var asset = p!["asset"]!;
            var collateral = p["collateral"]!;
            sb.Append(CultureInfo.InvariantCulture, $"position {p["idx"]} ({((bool)p["is_short"]! ? "short" : "long")} {asset["symbol"]})\n");
            sb.Append(CultureInfo.InvariantCulture, $"  debt              {asset["amount"]} {asset["symbol"]} (micro units)\n");
            sb.Append(CultureInfo.InvariantCulture, $"  collateral        {collateral["amount"]} {collateral["symbol"]}\n");
            if (p["asset_price"] is { } price)
            {
                var age = p["asset_price_age_seconds"] is { } s ? $" ({s} s old)" : "";
                sb.Append(CultureInfo.InvariantCulture, $"  {Label($"{asset["symbol"]} price")}{price} {result["base_denom"]}{age}\n");
            }
            var ratio = p["collateral_ratio"] is { } r ? PositionMath.Round(Decimal.Parse(r.GetValue<string>()), 6) : "n/a";
            sb.Append(CultureInfo.InvariantCulture, $"  collateral ratio  {ratio}\n");
            sb.Append(CultureInfo.InvariantCulture,
                $"  minimum ratio     {p["min_collateral_ratio"]} ({asset["symbol"]} min {p["asset_min_collateral_ratio"]} × collateral multiplier {p["collateral_multiplier"]})\n");
            sb.Append(CultureInfo.InvariantCulture, $"  {p["status"]}\n");
        }
        return sb.ToString();
    }

    /// <summary>The text form of <c>query mirror assets</c>: one aligned row per asset.</summary>
    public static string AssetsText(JsonObject result)
    {
        string[] header = ["asset", "oracle price", "pool price", "premium", "min ratio", "status"];
        var rows = new List<string[]> { header };
        foreach (var a in result["assets"]!.AsArray())
        {
            rows.Add([
                a!["symbol"]!.GetValue<string>(),
                a["oracle_price"]?.GetValue<string>() ?? "-",
                a["pool_price"]?.GetValue<string>() is { } pool ? PositionMath.Round(Decimal.Parse(pool), 6) : "-",
                a["premium"]?.GetValue<string>() ?? "-",
                a["min_collateral_ratio"]?.GetValue<string>() ?? "-",
                a["status"]!.GetValue<string>(),
            ]);
        }
        var widths = Enumerable.Range(0, header.Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"prices in {result["base_denom"]} per unit\n");
        foreach (var row in rows)
        {
            sb.Append(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : PadRight(cell, widths[i]))).TrimEnd()).Append('\n');
        }
        return sb.ToString();
    }

    private static string PadRight(string s, int width) => s.PadRight(width);

    /// <summary>A label of the position view padded to the value column (one space at least).</summary>
    private static string Label(string s) => s.Length >= 18 ? s + " " : s.PadRight(18);

    private static ulong Age(ulong now, ulong updated) => updated >= now ? 0 : now - updated;
}

/// <summary>The mint's asset config: min ratio, auction discount, and a fixed price when delisted or pre-IPO.</summary>
public sealed record AssetConfig(Decimal MinCollateralRatio, Decimal AuctionDiscount, Decimal? EndPrice, Decimal? PreIpoPrice);

/// <summary>The oracle's price of an asset in the base denom and when it was fed (unix seconds).</summary>
public sealed record OraclePrice(Decimal Rate, ulong LastUpdated);

/// <summary>The collateral oracle's answer (base denom collateral: 1, 1).</summary>
public sealed record CollateralPrice(Decimal Rate, Decimal Multiplier, ulong LastUpdated, bool IsRevoked);

/// <summary>Everything <see cref="MirrorCommands.Describe"/> needs about a position.</summary>
public sealed record PositionInput(
    string Idx,
    bool IsShort,
    string AssetSymbol,
    string AssetToken,
    UInt128 Debt,
    string CollateralSymbol,
    UInt128 Collateral,
    string BaseDenom,
    AssetConfig Config,
    OraclePrice? AssetPrice,
    CollateralPrice CollateralPrice,
    ulong Now);
