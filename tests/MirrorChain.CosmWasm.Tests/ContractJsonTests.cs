using System.Text.Json;

namespace MirrorChain.CosmWasm.Tests;

/// <summary>Contract JSON: serde's names and number encodings, cosmwasm's parse errors, externally tagged enums.</summary>
public sealed class ContractJsonTests
{
    private sealed record Config(string Owner, UInt128 Amount, Decimal Ratio, ulong? Period = null);

    [Fact]
    public void Json_is_snake_case_with_uint128_and_decimal_as_strings_and_nulls_omitted()
    {
        var json = ContractJson.SerializeToString(new Config("terra1x", 1_000_000, Decimal.Percent(150)));
        Assert.Equal("{\"owner\":\"terra1x\",\"amount\":\"1000000\",\"ratio\":\"1.5\"}", json);
        var back = ContractJson.Deserialize<Config>(JsonDocument.Parse("{\"owner\":\"a\",\"amount\":\"7\",\"ratio\":\"0.01\",\"period\":60}").RootElement, "Config");
        Assert.Equal(new Config("a", 7, Decimal.Permille(10), 60), back);
    }

    [Fact]
    public void Json_errors_read_like_cosmwasm_parse_errors()
    {
        var e = Assert.Throws<ContractException>(() => ContractJson.Deserialize<Config>(JsonDocument.Parse("{\"owner\":\"a\",\"amount\":7,\"ratio\":\"1\"}").RootElement, "mirror_mint::state::Config"));
        Assert.StartsWith("Error parsing into type mirror_mint::state::Config: ", e.Message, StringComparison.Ordinal);
        var extra = ContractJson.Deserialize<Config>(JsonDocument.Parse("{\"owner\":\"a\",\"amount\":\"7\",\"ratio\":\"1\",\"x\":1}").RootElement, "Config");
        Assert.Equal(new Config("a", 7, Decimal.One), extra); // like serde without deny_unknown_fields
    }

    [Fact]
    public void Variant_splits_externally_tagged_enums_and_accepts_unit_strings()
    {
        var (name, body) = ContractJson.Variant(JsonDocument.Parse("{\"transfer\":{\"amount\":\"1\"}}").RootElement, "ExecuteMsg");
        Assert.Equal(("transfer", "1"), (name, body.GetProperty("amount").GetString()));
        Assert.Equal("config", ContractJson.Variant(JsonDocument.Parse("\"config\"").RootElement, "QueryMsg").Name);
        Assert.Throws<ContractException>(() => ContractJson.Variant(JsonDocument.Parse("{\"a\":{},\"b\":{}}").RootElement, "ExecuteMsg"));
        Assert.Equal("Error parsing into type ExecuteMsg: unknown variant `x`, expected one of `a`, `b`",
            ContractJson.UnknownVariant("ExecuteMsg", "x", "a", "b").Message);
    }
}
