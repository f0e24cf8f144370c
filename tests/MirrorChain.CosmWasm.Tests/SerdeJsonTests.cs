using System.Text;
using System.Text.Json;

namespace MirrorChain.CosmWasm.Tests;

/// <summary>Contract message parsing words its failures as serde-json-wasm 0.3 / serde derive do.</summary>
public sealed class SerdeJsonTests
{
    private sealed record Msg
    {
        public required string Owner { get; init; }
        public required UInt128 Amount { get; init; }
        public required ulong Period { get; init; }
        public required List<UInt128> Ids { get; init; }
        public string? Memo { get; init; }
        public byte[]? Data { get; init; }
    }

    [Theory]
    [InlineData("", SerdeJsonSyntax.EofWhileParsingValue)]
    [InlineData("  ", SerdeJsonSyntax.EofWhileParsingValue)]
    [InlineData("{", SerdeJsonSyntax.EofWhileParsingObject)]
    [InlineData("[1", SerdeJsonSyntax.EofWhileParsingList)]
    [InlineData("[1 2]", SerdeJsonSyntax.ExpectedListCommaOrEnd)]
    [InlineData("{\"a\":1 \"b\":2}", SerdeJsonSyntax.ExpectedObjectCommaOrEnd)]
    [InlineData("{\"a\" 1}", SerdeJsonSyntax.ExpectedColon)]
    [InlineData("{1:1}", SerdeJsonSyntax.KeyMustBeAString)]
    [InlineData("{\"a\":1,}", SerdeJsonSyntax.TrailingComma)]
    [InlineData("[1,]", SerdeJsonSyntax.TrailingComma)]
    [InlineData("{} x", SerdeJsonSyntax.TrailingCharacters)]
    [InlineData("tru", SerdeJsonSyntax.ExpectedSomeIdent)]
    [InlineData("-", SerdeJsonSyntax.InvalidNumber)]
    [InlineData("1.", SerdeJsonSyntax.InvalidNumber)]
    [InlineData("1e", SerdeJsonSyntax.InvalidNumber)]
    [InlineData("\"abc", SerdeJsonSyntax.EofWhileParsingString)]
    [InlineData("\"\\x\"", SerdeJsonSyntax.InvalidEscape)]
    [InlineData("\"\\u12\"", SerdeJsonSyntax.InvalidEscape)]
    [InlineData("\"\\ud800\"", SerdeJsonSyntax.LoneSurrogateFound)]
    [InlineData("\"\\ud800x\"", SerdeJsonSyntax.LoneSurrogateFound)]
    [InlineData("\"\\udc00\"", SerdeJsonSyntax.ExpectedHighSurrogate)]
    [InlineData("\"\\ud800\\ud800\"", SerdeJsonSyntax.ExpectedLowSurrogate)]
    [InlineData("{\"\\ud800\":1}", SerdeJsonSyntax.LoneSurrogateFound)]
    [InlineData(",", SerdeJsonSyntax.ExpectedSomeValue)]
    public void Syntax_errors_read_as_serde_json_wasm(string json, string expected) =>
        Assert.Equal(expected, SerdeJsonSyntax.FirstError(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("{\"a\":\"\\ud83d\\ude00\",\"b\":[1,-2.5e3,true,false,null],\"c\":{}}")]
    [InlineData("\"\\u00e9\\n\\t\\\"\\\\\\/\"")]
    [InlineData("0")]
    public void Valid_json_passes(string json) => Assert.Null(SerdeJsonSyntax.FirstError(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Invalid_utf8_and_deep_nesting_are_refused()
    {
        Assert.Equal(SerdeJsonSyntax.InvalidUnicodeCodePoint, SerdeJsonSyntax.FirstError([(byte)'"', 0xC3, 0x28, (byte)'"']));
        var deep = new string('[', SerdeJsonSyntax.MaxDepth + 1) + new string(']', SerdeJsonSyntax.MaxDepth + 1);
        Assert.Equal(SerdeJsonSyntax.RecursionLimitExceeded, SerdeJsonSyntax.FirstError(Encoding.UTF8.GetBytes(deep)));
    }

    [Theory]
    [InlineData("""{"owner":null,"amount":"1","period":1,"ids":[]}""", "Invalid type")]
    [InlineData("""{"owner":"a","amount":null,"period":1,"ids":[]}""", "Invalid type")]
    [InlineData("""{"owner":"a","amount":"1","period":null,"ids":[]}""", "Invalid type")]
    [InlineData("""{"owner":"a","amount":"1","period":1,"ids":null}""", "Invalid type")]
    [InlineData("""{"owner":"a","amount":"1","period":1,"ids":[null]}""", "Invalid type")]
    [InlineData("""{"owner":1,"amount":"1","period":1,"ids":[]}""", "Invalid type")]
    [InlineData("""{"owner":"a","amount":"1","period":-1,"ids":[]}""", "Invalid number.")]
    [InlineData("""{"owner":"a","amount":"1","period":18446744073709551616,"ids":[]}""", "Invalid number.")]
    [InlineData("""{"owner":"a","amount":"1","period":"1","ids":[]}""", "Invalid type")]
    [InlineData("""{"amount":"1","period":1,"ids":[]}""", "missing field `owner`")]
    [InlineData("""{"owner":"a","amount":"-1","period":1,"ids":[]}""", "invalid Uint128 '-1' - invalid digit found in string")]
    [InlineData("""{"owner":"a","amount":"1","period":1,"ids":[],"data":"!!"}""", "invalid base64: !!")]
    [InlineData("""[]""", "Invalid type")]
    public void Typed_errors_read_as_serde(string json, string expected)
    {
        using var doc = JsonDocument.Parse(json);
        var e = Assert.Throws<ContractException>(() => ContractJson.Deserialize<Msg>(doc.RootElement, "test::ExecuteMsg"));
        Assert.Equal("Error parsing into type test::ExecuteMsg: " + expected, e.Message);
    }

    [Fact]
    public void A_message_with_a_lone_surrogate_is_a_parse_error_of_the_entry_points_type()
    {
        var e = Assert.Throws<ContractException>(() => ContractJson.ParseDocument("{\"a\":\"\\ud800\"}"u8.ToArray(), "mirror_protocol::mint::ExecuteMsg"));
        Assert.Equal("Error parsing into type mirror_protocol::mint::ExecuteMsg: " + SerdeJsonSyntax.LoneSurrogateFound, e.Message);
    }

    [Theory]
    [InlineData("1", SerdeJsonSyntax.ExpectedSomeIdent)]
    [InlineData("[]", SerdeJsonSyntax.ExpectedSomeIdent)]
    [InlineData("null", SerdeJsonSyntax.ExpectedSomeIdent)]
    [InlineData("{}", SerdeJsonSyntax.InvalidType)]
    [InlineData("""{"a":{},"b":{}}""", SerdeJsonSyntax.ExpectedSomeValue)]
    public void A_message_that_is_not_one_variant_reads_as_serde_json_wasms_enum_errors(string json, string expected)
    {
        using var doc = JsonDocument.Parse(json);
        var e = Assert.Throws<ContractException>(() => ContractJson.Variant(doc.RootElement, "test::ExecuteMsg"));
        Assert.Equal("Error parsing into type test::ExecuteMsg: " + expected, e.Message);
    }
}
