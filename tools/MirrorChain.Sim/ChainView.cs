using System.Text;
using System.Text.Json.Nodes;
using MirrorChain.Core;
using MirrorChain.CosmWasm;
using MirrorChain.Execution;
using MirrorChain.Execution.Contracts;
using MirrorChain.State;
using StateKeys = MirrorChain.Execution.StateKeys;

namespace MirrorChain.Sim;

/// <summary>One open CDP as mint stores it.</summary>
public sealed record PositionView(
    UInt128 Idx, Address Owner, string CollateralKey, bool CollateralNative, UInt128 Collateral, Address AssetToken, UInt128 AssetAmount, bool IsShort);

/// <summary>
/// Read access to a state (the committed chain, or a scratch cache over it in tests): smart queries through the
/// real contract runtime, and raw reads of bank and contract storage for the invariants' sums.
/// </summary>
public sealed class ChainView(IStateReader state, ContractRuntime runtime, BlockContext block)
{
    public IStateReader State { get; } = state;

    public BlockContext Block { get; } = block;

    public ContractRuntime Runtime { get; } = runtime;

    public JsonNode Query(Address contract, string json) =>
        JsonNode.Parse(Runtime.QuerySmart(State, Block, contract, Encoding.UTF8.GetBytes(json)))!;

    public JsonNode? TryQuery(Address contract, string json)
    {
        try
        {
            return Query(contract, json);
        }
        catch (Exception e) when (e is ContractException or SdkException or InvalidOperationException)
        {
            return null;
        }
    }

    public UInt128 Bank(Address holder, string denom) =>
        State.Get(StateKeys.Balance(holder, denom)) is { } v ? Dec.ParseU(Encoding.ASCII.GetString(v)) : UInt128.Zero;

    /// <summary>A cw20 balance, raw from the token's <c>balance</c> map.</summary>
    public UInt128 Cw20(Address token, Address holder) =>
        State.Get([.. MapPrefix(token, "balance"), .. holder.Bytes]) is { } v ? ParseJsonUint(v) : UInt128.Zero;

    /// <summary>cw20 or native balance of an asset key ("uusd" or a token address).</summary>
    public UInt128 Holding(Address holder, string assetKey, bool native) =>
        native ? Bank(holder, assetKey) : Cw20(Address.Parse(assetKey), holder);

    /// <summary>Entries of a contract's map (keys without the namespace).</summary>
    public IEnumerable<(byte[] Key, byte[] Value)> Map(Address contract, string ns)
    {
        var prefix = MapPrefix(contract, ns);
        foreach (var (k, v) in State.Range(prefix, KeyRanges.PrefixEnd(prefix)))
        {
            yield return (k[prefix.Length..], v);
        }
    }

    public JsonNode? Item(Address contract, string key) =>
        State.Get([.. ContractKeys.StoragePrefix(contract), .. Encoding.UTF8.GetBytes(key)]) is { } v ? JsonNode.Parse(v) : null;

    public static byte[] MapPrefix(Address contract, string ns)
    {
        var n = Encoding.UTF8.GetBytes(ns);
        return [.. ContractKeys.StoragePrefix(contract), (byte)(n.Length >> 8), (byte)n.Length, .. n];
    }

    public static UInt128 ParseJsonUint(byte[] json) => Dec.ParseU(JsonNode.Parse(json)!.GetValue<string>());

    public static UInt128 U(JsonNode? n) => n is null ? UInt128.Zero : Dec.ParseU(n.GetValue<string>());

    /// <summary>Every open position, in idx order, read from mint's <c>position</c> map.</summary>
    public List<PositionView> Positions(Address mint)
    {
        var shorts = new HashSet<UInt128>(Map(mint, "short_position").Select(e => Idx(e.Key)));
        var list = new List<PositionView>();
        foreach (var (_, v) in Map(mint, "position"))
        {
            list.Add(ParsePosition(JsonNode.Parse(v)!, shorts));
        }
        return list;
    }

    private static UInt128 Idx(byte[] key) => System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(key.AsSpan(key.Length - 16));

    public static PositionView ParsePosition(JsonNode p, ISet<UInt128> shorts)
    {
        var idx = U(p["idx"]);
        var cInfo = p["collateral"]!["info"]!;
        var native = cInfo["native_token"] is not null;
        var cKey = native ? cInfo["native_token"]!["denom"]!.GetValue<string>() : cInfo["token"]!["contract_addr"]!.GetValue<string>();
        return new PositionView(idx, Address.Parse(p["owner"]!.GetValue<string>()), cKey, native, U(p["collateral"]!["amount"]),
            Address.Parse(p["asset"]!["info"]!["token"]!["contract_addr"]!.GetValue<string>()), U(p["asset"]!["amount"]),
            shorts.Contains(idx) || (p["is_short"]?.GetValue<bool>() ?? false));
    }

    /// <summary>The oracle price of an mAsset in uusd (scaled 1e18) and its last update time, or null.</summary>
    public (System.Numerics.BigInteger Price, ulong UpdatedAt)? OraclePrice(Address oracle, Address token)
    {
        var r = TryQuery(oracle, $"{{\"price\":{{\"base_asset\":\"{token}\",\"quote_asset\":\"uusd\"}}}}");
        if (r is null)
        {
            return null;
        }
        return (Dec.Parse(r["rate"]!.GetValue<string>()), ulong.Parse(r["last_updated_base"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>mint's asset_config: (min collateral ratio, auction discount, end price) or null when unknown.</summary>
    public (System.Numerics.BigInteger Mcr, System.Numerics.BigInteger Discount, System.Numerics.BigInteger? EndPrice)? AssetConfig(Address mint, Address token)
    {
        var r = TryQuery(mint, $"{{\"asset_config\":{{\"asset_token\":\"{token}\"}}}}");
        if (r is null)
        {
            return null;
        }
        var end = r["end_price"] is { } e ? Dec.Parse(e.GetValue<string>()) : (System.Numerics.BigInteger?)null;
        return (Dec.Parse(r["min_collateral_ratio"]!.GetValue<string>()), Dec.Parse(r["auction_discount"]!.GetValue<string>()), end);
    }

    /// <summary>collateral oracle: (price in uusd, multiplier), both scaled 1e18.</summary>
    public (System.Numerics.BigInteger Price, System.Numerics.BigInteger Multiplier)? CollateralPrice(Address collateralOracle, string assetKey)
    {
        var r = TryQuery(collateralOracle, $"{{\"collateral_price\":{{\"asset\":\"{assetKey}\"}}}}");
        if (r is null)
        {
            return null;
        }
        return (Dec.Parse(r["rate"]!.GetValue<string>()), Dec.Parse(r["multiplier"]!.GetValue<string>()));
    }
}
