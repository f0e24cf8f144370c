using MirrorChain.Contracts.Mirror.ShortReward;

namespace MirrorChain.Contracts.Mirror.Tests.ShortReward;

/// <summary>
/// mirror_short_reward v2.1.4 (contracts/mirror_short_reward/src/contract.rs, upstream test
/// <c>short_reward_weight_test</c>): the integer erf weight with cap 0.4 above 7% and divisor 5, through the real
/// runtime's query path.
/// </summary>
public sealed class ShortRewardTests
{
    private static readonly Address Creator = TestAddress.Of("owner0000");

    private readonly ContractTestApp _app = new(TestCodes.Registry());
    private readonly Address _contract;

    public ShortRewardTests()
    {
        _contract = _app.Instantiate(CodeIds.MirrorShortReward, Creator, "{}", label: "short reward");
    }

    private string Weight(string premium) =>
        _app.Query(_contract, $$"""{"short_reward_weight":{"premium_rate":"{{premium}}"} }""").GetProperty("short_reward_weight").GetString()!;

    /// <summary>
    /// The v2.1.4 weights: the rows asserted by the upstream test, and rows between them computed with the same integer
    /// steps.
    /// </summary>
    [Theory]
    [InlineData("0", "0.002618")]
    [InlineData("0.01", "0.0634168")]
    [InlineData("0.015", "0.1234214")]
    [InlineData("0.02", "0.2")]
    [InlineData("0.03", "0.3365378")]
    [InlineData("0.04", "0.3908998")]
    [InlineData("0.07", "0.3999998")]
    [InlineData("0.0701", "0.4")]
    [InlineData("0.08", "0.4")]
    [InlineData("0.15", "0.4")]
    public void Weight_table_v214(string premium, string expected) => Assert.Equal(expected, Weight(premium));

    /// <summary>Every v2.1.4 value is half of the later master's (divisor 2.5, cap 0.8): 0.005236 … 0.79892.</summary>
    [Theory]
    [InlineData("0", "0.005236")]
    [InlineData("0.01", "0.1268336")]
    [InlineData("0.015", "0.2468428")]
    [InlineData("0.02", "0.4")]
    [InlineData("0.03", "0.6730756")]
    [InlineData("0.04", "0.7817996")]
    [InlineData("0.05", "0.79892")]
    [InlineData("0.07", "0.7999996")]
    public void weight_is_half_the_head_weight(string premium, string head)
    {
        var v214 = Decimal.Parse(Weight(premium));
        Assert.Equal(Decimal.Parse(head).Atomics, v214.Atomics * 2);
    }

    /// <summary>The full response JSON: one field, a Decimal string.</summary>
    [Fact]
    public void Response_json_shape()
    {
        var r = _app.Query(_contract, """{"short_reward_weight":{"premium_rate":"0.05"}}""");
        Assert.Equal("""{"short_reward_weight":"0.39946"}""", r.GetRawText());
    }

    /// <summary>The upstream tests' erf_plus_one values (identical in both versions).</summary>
    [Theory]
    [InlineData(false, "2.1213203435", "0")]
    [InlineData(false, "1.4142135623", "0.01309")]
    [InlineData(true, "0", "1")]
    [InlineData(true, "1.4142135623", "1.954499")]
    public void Erf_plus_one_vectors(bool positive, string x, string expected) =>
        Assert.Equal(expected, ErfMath.ErfPlusOne(positive, Decimal.Parse(x)).ToString());

    /// <summary>Derived: over premiums 0%–8% in 0.05% steps the weight never decreases and never exceeds the 0.4 cap.</summary>
    [Fact]
    public void Weight_is_monotone_and_capped_over_a_fine_grid()
    {
        var previous = Decimal.Zero;
        for (var bp = 0; bp <= 800; bp += 5)
        {
            var premium = Decimal.FromRatio((UInt128)bp, 10_000);
            var w = ErfMath.ShortRewardWeight(premium);
            Assert.True(w >= previous, $"weight decreased at {premium}");
            Assert.True(w <= Decimal.Percent(40));
            previous = w;
        }
        Assert.Equal(Decimal.Percent(40), previous);
    }

    /// <summary>7% itself is computed (strict cap comparison), one atom above is capped.</summary>
    [Fact]
    public void Cap_is_strictly_above_seven_percent()
    {
        Assert.Equal("0.3999998", Weight("0.07"));
        Assert.Equal("0.4", Weight("0.070000000000000001"));
    }

    /// <summary>A premium below 1e-9 truncates to 0 in the 9-decimal helpers: same as premium 0.</summary>
    [Fact]
    public void Sub_nano_premium_equals_zero_premium() => Assert.Equal(Weight("0"), Weight("0.000000000999999999"));

    /// <summary>ExecuteMsg has no variants: every execute is a parse error.</summary>
    [Fact]
    public void Execute_has_no_variants()
    {
        var log = Fail.Execute(() => _app.Execute(Creator, _contract, """{"anything":{}}"""));
        Assert.Equal(
            "Error parsing into type mirror_protocol::short_reward::ExecuteMsg: unknown variant `anything`, there are no variants: execute wasm contract failed",
            log);
    }

    [Fact]
    public void Unknown_query_is_a_parse_error()
    {
        var log = Fail.Query(() => _app.Query(_contract, """{"config":{}}"""));
        Assert.Equal(
            "Error parsing into type mirror_protocol::short_reward::QueryMsg: unknown variant `config`, expected one of `short_reward_weight`: query wasm contract failed",
            log);
    }
}
