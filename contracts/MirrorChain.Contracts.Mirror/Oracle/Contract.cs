using System.Text.Json;
using MirrorChain.Core;
using MirrorChain.Core.Numerics;

namespace MirrorChain.Contracts.Mirror.Oracle;

/// <summary>
/// mirror_oracle (v2.1.4 = HEAD): one feeder per asset, prices stamped with the block time. The oracle never rejects
/// old prices; consumers compare <c>last_updated_*</c> themselves (mint: 60 s).
/// </summary>
public sealed class OracleContract : IContract
{
    private const string ExecuteMsgType = "mirror_protocol::oracle::ExecuteMsg";
    private const string QueryMsgType = "mirror_protocol::oracle::QueryMsg";
    private const uint DefaultLimit = 10;
    private const uint MaxLimit = 30;

    public string Name => "mirror_oracle";

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        var m = ContractJson.Deserialize<InstantiateMsg>(msg, "mirror_protocol::oracle::InstantiateMsg");
        OracleState.Config.Save(deps.Storage, new Config
        {
            Owner = deps.Api.AddrValidate(m.Owner).ToString(),
            BaseAsset = m.BaseAsset,
        });
        return new Response();
    }

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg) => ExecuteRoutes.Dispatch(deps, env, info, msg);

    /// <summary>The <c>ExecuteMsg</c> variants, in the Rust enum's declaration order.</summary>
    internal static readonly MessageRoutes<ExecuteHandler> ExecuteRoutes = new(ExecuteMsgType,
        ("update_config", (deps, env, info, body) => UpdateConfig(deps, info, ContractJson.Deserialize<UpdateConfigMsg>(body, ExecuteMsgType))),
        ("register_asset", (deps, env, info, body) => RegisterAsset(deps, info, ContractJson.Deserialize<RegisterAssetMsg>(body, ExecuteMsgType))),
        ("feed_price", (deps, env, info, body) => FeedPrice(deps, env, info, ParsePrices(body))));

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg) => QueryRoutes.Dispatch(deps, env, msg);

    /// <summary>The <c>QueryMsg</c> variants, in the Rust enum's declaration order.</summary>
    internal static readonly MessageRoutes<QueryHandler> QueryRoutes = new(QueryMsgType,
        ("config", (deps, env, body) => ContractJson.Serialize(QueryConfig(deps))),
        ("feeder", (deps, env, body) => ContractJson.Serialize(QueryFeeder(deps, ContractJson.Deserialize<FeederQuery>(body, QueryMsgType)))),
        ("price", (deps, env, body) => ContractJson.Serialize(QueryPrice(deps, ContractJson.Deserialize<PriceQuery>(body, QueryMsgType)))),
        ("prices", (deps, env, body) => ContractJson.Serialize(QueryPrices(deps, ContractJson.Deserialize<PricesQuery>(body, QueryMsgType)))));

    /// <summary>Owner only; replaces the owner when given. No attributes.</summary>
    private static Response UpdateConfig(Deps deps, MessageInfo info, UpdateConfigMsg msg)
    {
        var config = OracleState.Config.Load(deps.Storage);
        if (info.Sender.ToString() != config.Owner)
        {
            throw OracleErrors.Unauthorized();
        }
        if (msg.Owner is not null)
        {
            config = config with { Owner = deps.Api.AddrValidate(msg.Owner).ToString() };
        }
        OracleState.Config.Save(deps.Storage, config);
        return new Response();
    }

    /// <summary>
    /// Owner only. A first registration stores price 0 at time 0; registering again keeps the price and only replaces
    /// the feeder. No attributes.
    /// </summary>
    private static Response RegisterAsset(Deps deps, MessageInfo info, RegisterAssetMsg msg)
    {
        var config = OracleState.Config.Load(deps.Storage);
        if (info.Sender.ToString() != config.Owner)
        {
            throw OracleErrors.Unauthorized();
        }
        var key = OracleState.Key(deps.Api.AddrValidate(msg.AssetToken));
        if (!OracleState.Prices.Has(deps.Storage, key))
        {
            OracleState.Prices.Save(deps.Storage, key, new PriceInfo { Price = Decimal.Zero, LastUpdatedTime = 0 });
        }
        OracleState.Feeders.Save(deps.Storage, key, deps.Api.AddrValidate(msg.Feeder).ToString());
        return new Response();
    }

    /// <summary>
    /// Each entry must come from that asset's feeder ("unauthorized"; an unregistered asset is NotFound); one bad entry
    /// fails the message. Sets the price and stamps it with the block time. Attributes: action=price_feed, then
    /// asset/price per entry.
    /// </summary>
    private static Response FeedPrice(Deps deps, Env env, MessageInfo info, IReadOnlyList<PriceEntry> prices)
    {
        var response = new Response().AddAttribute("action", "price_feed");
        foreach (var entry in prices)
        {
            response.AddAttribute("asset", entry.AssetToken);
            response.AddAttribute("price", entry.Price.ToString());
            var key = OracleState.Key(deps.Api.AddrValidate(entry.AssetToken));
            var feeder = OracleState.Feeders.Load(deps.Storage, key);
            if (feeder != info.Sender.ToString())
            {
                throw OracleErrors.Unauthorized();
            }
            var state = OracleState.Prices.Load(deps.Storage, key);
            OracleState.Prices.Save(deps.Storage, key, state with { Price = entry.Price, LastUpdatedTime = env.Block.TimeSeconds });
        }
        return response;
    }

    private static ConfigResponse QueryConfig(QueryDeps deps)
    {
        var config = OracleState.Config.Load(deps.Storage);
        return new ConfigResponse(config.Owner, config.BaseAsset);
    }

    private static FeederResponse QueryFeeder(QueryDeps deps, FeederQuery msg)
    {
        var feeder = OracleState.Feeders.Load(deps.Storage, OracleState.Key(deps.Api.AddrValidate(msg.AssetToken)));
        return new FeederResponse(msg.AssetToken, feeder);
    }

    /// <summary>
    /// rate = decimal_division(base price, quote price) (both truncated to 9 dp; a zero quote price panics). The leg
    /// equal to the configured base asset is (1, u64::MAX); a registered, never-fed asset reads (0, 0).
    /// </summary>
    private static PriceResponse QueryPrice(QueryDeps deps, PriceQuery msg)
    {
        var config = OracleState.Config.Load(deps.Storage);
        var quote = Leg(deps, config, msg.QuoteAsset);
        var @base = Leg(deps, config, msg.BaseAsset);
        return new PriceResponse
        {
            Rate = MirrorMath.DecimalDivision(@base.Price, quote.Price),
            LastUpdatedBase = @base.LastUpdatedTime,
            LastUpdatedQuote = quote.LastUpdatedTime,
        };
    }

    private static PriceInfo Leg(QueryDeps deps, Config config, string asset) =>
        config.BaseAsset == asset
            ? new PriceInfo { Price = Decimal.One, LastUpdatedTime = ulong.MaxValue }
            : OracleState.Prices.Load(deps.Storage, OracleState.Key(deps.Api.AddrValidate(asset)));

    /// <summary>
    /// Ordered by canonical address bytes; asc starts after <c>start_after ‖ 0x01</c>, desc (the default) ends before
    /// <c>start_after</c>.
    /// </summary>
    private static PricesResponse QueryPrices(QueryDeps deps, PricesQuery msg)
    {
        var limit = (int)Math.Min(msg.Limit ?? DefaultLimit, MaxLimit);
        var startAfter = msg.StartAfter is null ? null : OracleState.Key(deps.Api.AddrValidate(msg.StartAfter));
        var ascending = ParseOrder(msg.OrderBy);
        var range = ascending
            ? OracleState.Prices.Range(deps.Storage, startAfter is null ? null : [.. startAfter, 1])
            : OracleState.Prices.Range(deps.Storage, null, startAfter, descending: true);
        var prices = range.Take(limit)
            .Select(kv => new PricesResponseElem(Address.FromBytes(kv.Key).ToString(), kv.Value.Price, kv.Value.LastUpdatedTime))
            .ToList();
        return new PricesResponse(prices);
    }

    private static bool ParseOrder(string? orderBy) => orderBy switch
    {
        "asc" => true,
        null or "desc" => false,
        _ => throw ContractJson.UnknownVariant(QueryMsgType, orderBy, "asc", "desc"),
    };

    /// <summary><c>prices: Vec&lt;(String, Decimal)&gt;</c>, i.e. <c>[["terra1…","1.2"], …]</c>.</summary>
    private static List<PriceEntry> ParsePrices(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("prices", out var prices))
        {
            throw ContractException.Parse(ExecuteMsgType, "missing field `prices`");
        }
        if (prices.ValueKind != JsonValueKind.Array)
        {
            throw ContractException.Parse(ExecuteMsgType, $"invalid type: {prices.ValueKind}, expected a sequence");
        }
        var entries = new List<PriceEntry>();
        foreach (var item in prices.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Array || item.GetArrayLength() != 2
                || item[0].ValueKind != JsonValueKind.String || item[1].ValueKind != JsonValueKind.String)
            {
                throw ContractException.Parse(ExecuteMsgType, "invalid type: expected a tuple of size 2 (string, decimal string)");
            }
            var text = item[1].GetString()!;
            if (!Decimal.TryParse(text, out var price))
            {
                throw ContractException.Parse(ExecuteMsgType, $"Error parsing decimal '{text}'");
            }
            entries.Add(new PriceEntry(item[0].GetString()!, price));
        }
        return entries;
    }
}
