using System.Text.Json;
using System.Text.Json.Serialization;

namespace MirrorChain.Contracts.Mirror.CollateralOracle;

/// <summary>
/// v2.1.4's <c>SourceType</c> (externally tagged, snake_case): where a collateral's price comes from. Its Display —
/// the <c>source_type</c> of <c>collateral_asset_info</c> — is the JSON tag.
/// </summary>
[JsonConverter(typeof(SourceTypeJsonConverter))]
public abstract record SourceType
{
    /// <summary>The JSON tag, also the <c>source_type</c> string.</summary>
    public abstract string Tag { get; }

    public sealed override string ToString() => Tag;

    /// <summary><c>{"mirror_oracle":{}}</c>: mirror_oracle <c>price{asset, base_denom}</c> → (rate, last_updated_base).</summary>
    public sealed record MirrorOracle : SourceType
    {
        public override string Tag => "mirror_oracle";
    }

    /// <summary><c>{"anchor_oracle":{}}</c>: the same query and response shape, on <c>config.anchor_oracle</c>.</summary>
    public sealed record AnchorOracle : SourceType
    {
        public override string Tag => "anchor_oracle";
    }

    /// <summary><c>{"band_oracle":{}}</c>: <c>get_reference_data{asset, base_denom}</c>; rate is Uint128 at 1e18 scale.</summary>
    public sealed record BandOracle : SourceType
    {
        public override string Tag => "band_oracle";
    }

    /// <summary><c>{"fixed_price":{"price":D}}</c>: (price, u64::MAX).</summary>
    public sealed record FixedPrice(Decimal Price) : SourceType
    {
        public override string Tag => "fixed_price";
    }

    /// <summary><c>{"terraswap":{"terraswap_pair_addr":S,"intermediate_denom":S?}}</c>: pool ratio, (rate, u64::MAX).</summary>
    public sealed record Terraswap(string TerraswapPairAddr, string? IntermediateDenom) : SourceType
    {
        public override string Tag => "terraswap";
    }

    /// <summary><c>{"anchor_market":{"anchor_market_addr":S}}</c>: the aUST exchange rate, (rate, u64::MAX).</summary>
    public sealed record AnchorMarket(string AnchorMarketAddr) : SourceType
    {
        public override string Tag => "anchor_market";
    }

    /// <summary><c>{"native":{"native_denom":S}}</c>: the native exchange rate native_denom → base_denom.</summary>
    public sealed record Native(string NativeDenom) : SourceType
    {
        public override string Tag => "native";
    }

    /// <summary><c>{"lunax":{"staking_contract_addr":S}}</c>: LunaX exchange rate × the uluna rate.</summary>
    public sealed record Lunax(string StakingContractAddr) : SourceType
    {
        public override string Tag => "lunax";
    }
}

/// <summary>Reads and writes <see cref="SourceType"/> as serde does (<c>Option</c> fields written as <c>null</c>).</summary>
public sealed class SourceTypeJsonConverter : JsonConverter<SourceType>
{
    private static readonly string[] Variants =
        ["mirror_oracle", "anchor_oracle", "band_oracle", "fixed_price", "terraswap", "anchor_market", "native", "lunax"];

    public override SourceType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        var (name, body) = ContractJson.Variant(doc.RootElement, "mirror_protocol::collateral_oracle::SourceType");
        return name switch
        {
            "mirror_oracle" => new SourceType.MirrorOracle(),
            "anchor_oracle" => new SourceType.AnchorOracle(),
            "band_oracle" => new SourceType.BandOracle(),
            "fixed_price" => new SourceType.FixedPrice(ReadDecimal(body, "price", options)),
            "terraswap" => new SourceType.Terraswap(
                RequiredString(body, "terraswap_pair_addr"), OptionalString(body, "intermediate_denom")),
            "anchor_market" => new SourceType.AnchorMarket(RequiredString(body, "anchor_market_addr")),
            "native" => new SourceType.Native(RequiredString(body, "native_denom")),
            "lunax" => new SourceType.Lunax(RequiredString(body, "staking_contract_addr")),
            _ => throw new JsonException($"unknown variant `{name}`, expected one of {string.Join(", ", Variants.Select(v => $"`{v}`"))}"),
        };
    }

    public override void Write(Utf8JsonWriter writer, SourceType value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteStartObject(value.Tag);
        switch (value)
        {
            case SourceType.FixedPrice f:
                writer.WriteString("price", f.Price.ToString());
                break;
            case SourceType.Terraswap t:
                writer.WriteString("terraswap_pair_addr", t.TerraswapPairAddr);
                if (t.IntermediateDenom is null)
                {
                    writer.WriteNull("intermediate_denom");
                }
                else
                {
                    writer.WriteString("intermediate_denom", t.IntermediateDenom);
                }
                break;
            case SourceType.AnchorMarket a:
                writer.WriteString("anchor_market_addr", a.AnchorMarketAddr);
                break;
            case SourceType.Native n:
                writer.WriteString("native_denom", n.NativeDenom);
                break;
            case SourceType.Lunax l:
                writer.WriteString("staking_contract_addr", l.StakingContractAddr);
                break;
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static Decimal ReadDecimal(JsonElement body, string field, JsonSerializerOptions options)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty(field, out var v))
        {
            throw new JsonException($"missing field `{field}`");
        }
        return v.Deserialize<Decimal>(options);
    }

    private static string RequiredString(JsonElement body, string field)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty(field, out var v))
        {
            throw new JsonException($"missing field `{field}`");
        }
        return v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : throw new JsonException($"invalid type: {v.ValueKind}, expected a string");
    }

    private static string? OptionalString(JsonElement body, string field) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(field, out var v) && v.ValueKind != JsonValueKind.Null
            ? v.ValueKind == JsonValueKind.String ? v.GetString() : throw new JsonException($"invalid type: {v.ValueKind}, expected a string")
            : null;
}
