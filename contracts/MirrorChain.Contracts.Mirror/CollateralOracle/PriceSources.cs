using System.Text;
using System.Text.Json;
using MirrorChain.Contracts.Terraswap;
using MirrorChain.Core;
using MirrorChain.Core.Numerics;

namespace MirrorChain.Contracts.Mirror.CollateralOracle;

/// <summary>
/// v2.1.4:contracts/mirror_collateral_oracle/src/querier.rs: (rate, last_updated) per <see cref="SourceType"/>.
/// The collateral oracle never checks age itself; the mint does.
/// <para>
/// <b>Native exchange rates on MirrorChain.</b> Terra's <c>native</c>, <c>lunax</c> and intermediate-denom
/// <c>terraswap</c> sources ask Terra's oracle module for a native rate (e.g. uluna → uusd). MirrorChain has no such
/// module, and mirror_oracle cannot hold a denom (its assets are addresses). So a native rate denom → base_denom is
/// read from this contract's own registration of <c>denom</c> (the devnet registers <c>uluna</c> with a
/// <c>fixed_price</c>), priced with its source, one level deep: if that source itself needs a native rate, or the
/// denom is not registered, the query fails with <see cref="CollateralOracleErrors.NoNativeRate"/>. The base denom's rate is 1. The
/// resulting <c>last_updated</c> stays u64::MAX as on Terra.
/// </para>
/// </summary>
internal static class PriceSources
{
    public static (Decimal Rate, ulong LastUpdated) Query(
        QueryDeps deps, Config config, string asset, ulong? blockHeight, SourceType source, bool nativeAllowed = true)
    {
        switch (source)
        {
            case SourceType.FixedPrice f:
                return (f.Price, ulong.MaxValue);
            case SourceType.MirrorOracle:
                return OraclePrice(deps, config.MirrorOracle, asset, config.BaseDenom);
            case SourceType.AnchorOracle:
                return OraclePrice(deps, config.AnchorOracle, asset, config.BaseDenom);
            case SourceType.BandOracle:
                {
                    var msg = Json(w =>
                    {
                        w.WriteStartObject("get_reference_data");
                        w.WriteString("base_symbol", asset);
                        w.WriteString("quote_symbol", config.BaseDenom);
                        w.WriteEndObject();
                    });
                    var res = Smart<BandReferenceData>(deps, config.BandOracle, msg, "mirror_collateral_oracle::querier::BandResponse");
                    return (Decimal.FromAtomics(res.Rate), res.LastUpdatedBase);
                }
            case SourceType.Terraswap t:
                return (PoolRate(deps, config, t, nativeAllowed), ulong.MaxValue);
            case SourceType.AnchorMarket a:
                {
                    var msg = Json(w =>
                    {
                        w.WriteStartObject("epoch_state");
                        if (blockHeight is { } h)
                        {
                            w.WriteNumber("block_height", h);
                        }
                        else
                        {
                            w.WriteNull("block_height");
                        }
                        w.WriteNull("distributed_interest");
                        w.WriteEndObject();
                    });
                    var res = Smart<AnchorEpochState>(deps, a.AnchorMarketAddr, msg, "mirror_collateral_oracle::querier::AnchorMarketResponse");
                    return (Decimal256ToDecimal(res.ExchangeRate), ulong.MaxValue);
                }
            case SourceType.Native n:
                return (NativeRate(deps, config, n.NativeDenom, nativeAllowed), ulong.MaxValue);
            case SourceType.Lunax l:
                {
                    var res = Smart<LunaxStateResponse>(deps, l.StakingContractAddr, "{\"state\":{}}", "mirror_collateral_oracle::querier::LunaxStateResponse");
                    var luna = NativeRate(deps, config, "uluna", nativeAllowed);
                    return (MirrorMath.DecimalMultiplication(res.State.ExchangeRate, luna), ulong.MaxValue);
                }
            default:
                throw new InvalidOperationException("unknown source type");
        }
    }

    /// <summary>mirror_oracle (or the anchor oracle) <c>price{base_asset: asset, quote_asset: base_denom}</c> → (rate, last_updated_base).</summary>
    private static (Decimal, ulong) OraclePrice(QueryDeps deps, string oracle, string asset, string baseDenom)
    {
        var msg = ContractJson.SerializeToString(new Oracle.QueryMsg { Price = new() { BaseAsset = asset, QuoteAsset = baseDenom } });
        var res = Smart<Oracle.PriceResponse>(deps, oracle, msg, "mirror_protocol::oracle::PriceResponse");
        return (res.Rate, res.LastUpdatedBase);
    }

    /// <summary>
    /// Pool ratio against d = intermediate_denom ?? base_denom: assets[0] native d → a0/a1; assets[1] native d → a1/a0;
    /// else "Invalid pool". With an intermediate denom, decimal_multiplication(ratio, native rate d → base_denom).
    /// </summary>
    private static Decimal PoolRate(QueryDeps deps, Config config, SourceType.Terraswap source, bool nativeAllowed)
    {
        var pool = Smart<PairPool>(deps, source.TerraswapPairAddr, ContractJson.SerializeToString(new Terraswap.Pair.QueryMsg { Pool = EmptyMsg.Instance }), "mirror_collateral_oracle::querier::TerraswapPoolResponse");
        if (pool.Assets.Length != 2)
        {
            throw ContractException.Parse("mirror_collateral_oracle::querier::TerraswapPoolResponse", $"invalid length {pool.Assets.Length}, expected an array of length 2");
        }
        var denom = source.IntermediateDenom ?? config.BaseDenom;
        Decimal ratio;
        if (pool.Assets[0].Info.IsSame(AssetInfo.Native(denom)))
        {
            ratio = Decimal.FromRatio(pool.Assets[0].Amount, pool.Assets[1].Amount);
        }
        else if (pool.Assets[1].Info.IsSame(AssetInfo.Native(denom)))
        {
            ratio = Decimal.FromRatio(pool.Assets[1].Amount, pool.Assets[0].Amount);
        }
        else
        {
            throw CollateralOracleErrors.InvalidPool();
        }
        return source.IntermediateDenom is null
            ? ratio
            : MirrorMath.DecimalMultiplication(ratio, NativeRate(deps, config, denom, nativeAllowed));
    }

    /// <summary>The native rate denom → base_denom (MirrorChain's replacement for Terra's oracle; see the class notes).</summary>
    private static Decimal NativeRate(QueryDeps deps, Config config, string denom, bool nativeAllowed)
    {
        if (denom == config.BaseDenom)
        {
            return Decimal.One;
        }
        if (!nativeAllowed || CollateralOracleState.Collaterals.May(deps.Storage, CollateralOracleState.Key(denom)) is not { } registered)
        {
            throw CollateralOracleErrors.NoNativeRate(denom);
        }
        return Query(deps, config, denom, null, registered.PriceSource, nativeAllowed: false).Rate;
    }

    private static T Smart<T>(QueryDeps deps, string contract, string msg, string typeName)
    {
        if (!Address.TryParse(contract, out var address, out _))
        {
            throw ContractException.Generic($"Querier system error: No such contract: {contract}");
        }
        return ContractJson.Deserialize<T>(deps.Querier.QueryWasmSmart(address!, msg), typeName);
    }

    private static string Json(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>cosmwasm_bignumber's <c>Decimal256 → Decimal</c> (via the string form; unwrap panics when it does not fit).</summary>
    private static Decimal Decimal256ToDecimal(string text)
    {
        if (Decimal.TryParse(text, out var value))
        {
            return value;
        }
        throw new PanicException($"called `Result::unwrap()` on an `Err` value: Generic error: cannot convert Decimal256 '{text}' to Decimal");
    }

    private sealed record BandReferenceData
    {
        public required UInt128 Rate { get; init; }

        public required ulong LastUpdatedBase { get; init; }

        public ulong LastUpdatedQuote { get; init; }
    }

    /// <summary>The part of a Terraswap pair's <c>pool</c> answer the source reads (<c>assets: [Asset; 2]</c>).</summary>
    private sealed record PairPool
    {
        public required Asset[] Assets { get; init; }
    }

    private sealed record AnchorEpochState
    {
        public required string ExchangeRate { get; init; }
    }

    private sealed record LunaxState
    {
        public required Decimal ExchangeRate { get; init; }
    }

    private sealed record LunaxStateResponse
    {
        public required LunaxState State { get; init; }
    }
}
