using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MirrorChain.Core;

namespace MirrorChain.Contracts.Terraswap;

/// <summary>
/// Terraswap's <c>AssetInfo</c> (packages/terraswap/src/asset.rs): a cw20 token by contract address, or a native
/// denom. JSON: <c>{"token":{"contract_addr":"terra1…"}}</c> | <c>{"native_token":{"denom":"uusd"}}</c>.
/// Display (attributes, the factory's "pair" attribute) is the address or the denom.
/// </summary>
[JsonConverter(typeof(AssetInfoJsonConverter))]
public sealed record AssetInfo
{
    private AssetInfo(string? contractAddr, string? denom)
    {
        ContractAddr = contractAddr;
        Denom = denom;
    }

    /// <summary>The cw20 contract address (null for a native token).</summary>
    public string? ContractAddr { get; }

    /// <summary>The native denom (null for a token).</summary>
    public string? Denom { get; }

    public bool IsNative => Denom is not null;

    public static AssetInfo Token(string contractAddr) => new(contractAddr, null);

    public static AssetInfo Token(Address contract) => new(contract.ToString(), null);

    public static AssetInfo Native(string denom) => new(null, denom);

    /// <summary>Terraswap's <c>equal</c>: same kind and the same address / denom string (record equality).</summary>
    public bool IsSame(AssetInfo other) => Equals(other);

    /// <summary>True for the native token <paramref name="denom"/>.</summary>
    public bool IsNativeDenom(string denom) => Denom == denom;

    public override string ToString() => Denom ?? ContractAddr!;

    /// <summary>
    /// <c>to_raw</c> then <c>to_normal</c>: a token address must be a valid account address (the canonical form is
    /// kept); a native denom is kept as given.
    /// </summary>
    public AssetInfo Validated(ContractApi api) => IsNative ? this : Token(api.AddrValidate(ContractAddr));

    /// <summary>
    /// <c>AssetInfoRaw::as_bytes</c>: the canonical address bytes of a token, the UTF-8 bytes of a denom (the factory's
    /// pair key is built from these).
    /// </summary>
    public byte[] RawBytes(ContractApi api) => IsNative ? Encoding.UTF8.GetBytes(Denom!) : api.AddrValidate(ContractAddr).ToArray();

    /// <summary>
    /// <c>AssetInfo::query_pool</c>: what <paramref name="account"/> holds of this asset: its bank balance for a
    /// native denom, its cw20 <c>balance</c> for a token.
    /// </summary>
    public UInt128 QueryPool(Querier querier, Address account) =>
        IsNative
            ? querier.QueryBalance(account, Denom!)
            : TerraswapQuerier.QueryTokenBalance(querier, Address.Parse(ContractAddr!), account);
}

/// <summary>serde's externally tagged form of <see cref="AssetInfo"/>.</summary>
public sealed class AssetInfoJsonConverter : JsonConverter<AssetInfo>
{
    private const string TypeName = "terraswap::asset::AssetInfo";

    public override AssetInfo Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        var (name, body) = ContractJson.Variant(doc.RootElement, TypeName);
        return name switch
        {
            "token" => AssetInfo.Token(Field(body, "contract_addr")),
            "native_token" => AssetInfo.Native(Field(body, "denom")),
            _ => throw new JsonException($"unknown variant `{name}`, expected `token` or `native_token`"),
        };
    }

    public override void Write(Utf8JsonWriter writer, AssetInfo value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.IsNative)
        {
            writer.WriteStartObject("native_token");
            writer.WriteString("denom", value.Denom);
        }
        else
        {
            writer.WriteStartObject("token");
            writer.WriteString("contract_addr", value.ContractAddr);
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static string Field(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : throw new JsonException($"missing field `{name}`");
}
