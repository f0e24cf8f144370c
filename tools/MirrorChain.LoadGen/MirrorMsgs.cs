using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MirrorChain.Core;

namespace MirrorChain.LoadGen;

/// <summary>
/// The JSON of the contract messages the workloads send, exactly as Mirror v2.1.4 and Terraswap 2.4 define them
/// (packages/mirror_protocol/src/{mint,oracle}.rs, packages/terraswap/src/{pair,asset}.rs, cw20 0.8 ExecuteMsg).
/// Amounts are decimal strings (Uint128), ratios and prices CosmWasm Decimal strings, hooks base64 JSON.
/// </summary>
internal static class MirrorMsgs
{
    public const string BaseDenom = "uusd";

    /// <summary>terraswap <c>AssetInfo::NativeToken</c>.</summary>
    public static JsonObject Native(string denom) => new() { ["native_token"] = new JsonObject { ["denom"] = denom } };

    /// <summary>terraswap <c>AssetInfo::Token</c>.</summary>
    public static JsonObject Token(Address token) => new() { ["token"] = new JsonObject { ["contract_addr"] = token.ToString() } };

    /// <summary>terraswap <c>Asset {info, amount}</c>.</summary>
    public static JsonObject Asset(JsonObject info, UInt128 amount) => new() { ["info"] = info, ["amount"] = U(amount) };

    /// <summary>Pair <c>swap {offer_asset, max_spread}</c> of a native offer (the UST goes along as funds).</summary>
    public static string Swap(UInt128 uusd, string maxSpread) => Variant("swap", new JsonObject
    {
        ["offer_asset"] = Asset(Native(BaseDenom), uusd),
        ["max_spread"] = maxSpread,
    });

    /// <summary>Pair <c>provide_liquidity {assets: [token, uusd], slippage_tolerance}</c> (the UST goes along as funds; the token through an allowance).</summary>
    public static string ProvideLiquidity(Address token, UInt128 tokenAmount, UInt128 uusd, string slippageTolerance) => Variant("provide_liquidity", new JsonObject
    {
        ["assets"] = new JsonArray(Asset(Token(token), tokenAmount), Asset(Native(BaseDenom), uusd)),
        ["slippage_tolerance"] = slippageTolerance,
    });

    /// <summary>cw20 <c>increase_allowance {spender, amount}</c>.</summary>
    public static string IncreaseAllowance(Address spender, UInt128 amount) => Variant("increase_allowance", new JsonObject
    {
        ["spender"] = spender.ToString(),
        ["amount"] = U(amount),
    });

    /// <summary>cw20 <c>send {contract, amount, msg}</c>: <paramref name="hook"/> goes as base64 JSON.</summary>
    public static string Cw20Send(Address contract, UInt128 amount, string hook) => Variant("send", new JsonObject
    {
        ["contract"] = contract.ToString(),
        ["amount"] = U(amount),
        ["msg"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(hook)),
    });

    /// <summary>Mint <c>open_position {collateral, asset_info, collateral_ratio}</c> with native collateral (sent as funds).</summary>
    public static string OpenPosition(string collateralDenom, UInt128 collateral, Address assetToken, string collateralRatio) => Variant("open_position", new JsonObject
    {
        ["collateral"] = Asset(Native(collateralDenom), collateral),
        ["asset_info"] = Token(assetToken),
        ["collateral_ratio"] = collateralRatio,
    });

    /// <summary>Mint <c>deposit {position_idx, collateral}</c> with native collateral (sent as funds).</summary>
    public static string Deposit(UInt128 positionIdx, string collateralDenom, UInt128 amount) => Variant("deposit", new JsonObject
    {
        ["position_idx"] = U(positionIdx),
        ["collateral"] = Asset(Native(collateralDenom), amount),
    });

    /// <summary>Mint's cw20 hook <c>auction {position_idx}</c> (the mAsset sent pays off part of the position's debt).</summary>
    public static string AuctionHook(UInt128 positionIdx) => Variant("auction", new JsonObject { ["position_idx"] = U(positionIdx) });

    /// <summary>Oracle <c>feed_price {prices: [[asset_token, price], …]}</c>; prices in micro-uusd per unit.</summary>
    public static string FeedPrice(IEnumerable<(Address Token, long MicroPrice)> prices)
    {
        var list = new JsonArray();
        foreach (var (token, micro) in prices)
        {
            list.Add(new JsonArray(token.ToString(), PriceDecimal(micro)));
        }
        return Variant("feed_price", new JsonObject { ["prices"] = list });
    }

    /// <summary>Micro-units as a CosmWasm Decimal string: 670500000 → "670.5".</summary>
    public static string PriceDecimal(long micro)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(micro);
        var whole = (micro / 1_000_000).ToString(CultureInfo.InvariantCulture);
        var frac = (micro % 1_000_000).ToString("D6", CultureInfo.InvariantCulture).TrimEnd('0');
        return frac.Length == 0 ? whole : whole + "." + frac;
    }

    private static string Variant(string name, JsonObject body) => new JsonObject { [name] = body }.ToJsonString();

    private static string U(UInt128 v) => v.ToString(CultureInfo.InvariantCulture);
}
