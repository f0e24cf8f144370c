using System.Text.Json;
using System.Text.Json.Serialization;
using MirrorChain.Core.Numerics.Json;
using static MirrorChain.Core.Tests.Numerics.Num;

namespace MirrorChain.Core.Tests.Numerics;

public class NumericJsonTests
{
    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions().AddCosmWasmNumerics();

    private sealed record Position(
        [property: JsonPropertyName("amount")] UInt128 Amount,
        [property: JsonPropertyName("rate")] Decimal Rate,
        [property: JsonPropertyName("end_price")] Decimal? EndPrice,
        [property: JsonPropertyName("limit")] UInt128? Limit,
        [property: JsonPropertyName("pool_ratio")] Decimal256 PoolRatio);

    private sealed record Attributed(
        [property: JsonPropertyName("amount"), JsonConverter(typeof(Uint128JsonConverter))] UInt128 Amount);

    [Fact]
    public void WritesEveryNumericAsAString()
    {
        var position = new Position(1_000_000, D("1.5"), null, UInt128.MaxValue, D256("0.666666666666666666"));
        Assert.Equal(
            """{"amount":"1000000","rate":"1.5","end_price":null,"limit":"340282366920938463463374607431768211455","pool_ratio":"0.666666666666666666"}""",
            JsonSerializer.Serialize(position, Options));
        Assert.Equal("\"0\"", JsonSerializer.Serialize(Decimal.Zero));
        Assert.Equal("\"2\"", JsonSerializer.Serialize(D("2.000")));
        Assert.Equal("""{"amount":"7"}""", JsonSerializer.Serialize(new Attributed(7)));
        Assert.Equal("""["1","2"]""", JsonSerializer.Serialize(new UInt128[] { 1, 2 }, Options));
    }

    [Fact]
    public void ReadsStrings()
    {
        var position = JsonSerializer.Deserialize<Position>(
            """{"amount":"+1000000","rate":"0.01","end_price":"0.5","limit":null,"pool_ratio":"45"}""", Options)!;
        Assert.Equal((UInt128)1_000_000, position.Amount);
        Assert.Equal(Decimal.Percent(1), position.Rate);
        Assert.Equal(D("0.5"), position.EndPrice);
        Assert.Null(position.Limit);
        Assert.Equal(D256("45"), position.PoolRatio);
        Assert.Equal((UInt128)7, JsonSerializer.Deserialize<Attributed>("""{"amount":"7"}""")!.Amount);
    }

    [Fact]
    public void RoundTrips()
    {
        var position = new Position(123, D("1.122222222222222222"), D("0.000000000000000001"), 0, Decimal256.MaxValue);
        Assert.Equal(position, JsonSerializer.Deserialize<Position>(JsonSerializer.Serialize(position, Options), Options));
    }

    [Theory]
    [InlineData("100")]
    [InlineData("1.5")]
    [InlineData("true")]
    [InlineData("{}")]
    [InlineData("[]")]
    public void RejectsNonStringTokens(string json)
    {
        Assert.Equal("Invalid type", Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<UInt128>(json, Options)).Message);
        Assert.Equal("Invalid type", Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Decimal>(json)).Message);
        Assert.Equal("Invalid type", Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Decimal256>(json)).Message);
    }

    [Fact]
    public void RejectsNullForNonNullableValues()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<UInt128>("null", Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Decimal>("null"));
    }

    [Theory]
    [InlineData("\"\"", "invalid Uint128 '' - cannot parse integer from empty string")]
    [InlineData("\"abc\"", "invalid Uint128 'abc' - invalid digit found in string")]
    [InlineData("\"1.0\"", "invalid Uint128 '1.0' - invalid digit found in string")]
    [InlineData("\"-1\"", "invalid Uint128 '-1' - invalid digit found in string")]
    [InlineData("\"340282366920938463463374607431768211456\"", "invalid Uint128 '340282366920938463463374607431768211456' - number too large to fit in target type")]
    public void Uint128ErrorsUseCosmWasmsVisitorMessage(string json, string message) =>
        Assert.Equal(message, Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<UInt128>(json, Options)).Message);

    [Theory]
    [InlineData("\"\"", "Error parsing decimal '': Generic error: Error parsing whole")]
    [InlineData("\"1.2.3\"", "Error parsing decimal '1.2.3': Generic error: Unexpected number of dots")]
    [InlineData("\"0.1234567890123456789\"", "Error parsing decimal '0.1234567890123456789': Generic error: Cannot parse more than 18 fractional digits")]
    [InlineData("\"340282366920938463464\"", "Error parsing decimal '340282366920938463464': Generic error: Value too big")]
    public void DecimalErrorsUseCosmWasmsVisitorMessage(string json, string message)
    {
        Assert.Equal(message, Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Decimal>(json)).Message);
        if (!message.EndsWith("Value too big", StringComparison.Ordinal))
        {
            Assert.Equal(message, Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Decimal256>(json)).Message);
        }
    }

    [Fact]
    public void SharedConverterListWorksInOtherOptions()
    {
        var options = new JsonSerializerOptions();
        foreach (var converter in NumericJsonConverters.All)
        {
            options.Converters.Add(converter);
        }
        Assert.Equal("\"5\"", JsonSerializer.Serialize((UInt128)5, options));
        Assert.Equal("5", JsonSerializer.Serialize((UInt128)5)); // System.Text.Json's default is a number
        Assert.Equal(3, NumericJsonConverters.All.Count);
    }
}
