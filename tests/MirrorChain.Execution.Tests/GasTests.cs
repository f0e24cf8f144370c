namespace MirrorChain.Execution.Tests;

public class GasTests
{
    [Fact]
    public void Meter_allows_reaching_the_limit_and_reports_the_overrun()
    {
        var meter = new GasMeter(100);
        meter.Consume(60, "a");
        meter.Consume(40, "b");
        Assert.Equal(100UL, meter.Consumed);

        var e = Assert.Throws<SdkException>(() => meter.Consume(1, "WriteFlat"));

        Assert.Equal(11u, e.Error.Code);
        Assert.Equal("out of gas in location: WriteFlat; gasWanted: 100, gasUsed: 101: out of gas", e.Log);
        Assert.Equal(101UL, meter.Consumed);
        Assert.True(meter.IsPastLimit);
    }

    [Fact]
    public void Meter_saturates_instead_of_wrapping()
    {
        var meter = GasMeter.Infinite();
        meter.Consume(ulong.MaxValue - 1, "a");

        Assert.Equal(11u, Assert.Throws<SdkException>(() => meter.Consume(5, "b")).Error.Code);
        Assert.Equal(ulong.MaxValue, meter.Consumed);
    }

    [Fact]
    public void Metered_state_charges_the_kvstore_schedule()
    {
        var meter = GasMeter.Infinite();
        var state = new GasMeteredState(new StateCache(new EmptyReader()), meter, GasConfig.Default);
        byte[] key = [1, 2, 3, 4];

        state.Set(key, [9, 9]);                     // 2000 + 30×4 + 30×2
        Assert.Equal(2180UL, meter.Consumed);
        Assert.Equal([9, 9], state.Get(key));     // 1000 + 3×4 + 3×2
        Assert.Equal(3198UL, meter.Consumed);
        Assert.Null(state.Get([7]));                // 1000 + 3×1
        Assert.Equal(4201UL, meter.Consumed);
        Assert.True(state.Has(key));                // 1000
        Assert.Equal(5201UL, meter.Consumed);
        Assert.Single(state.Range([1], [2]));       // 3×4 + 3×2 + 30
        Assert.Equal(5249UL, meter.Consumed);
        state.Delete(key);                          // 1000
        Assert.Equal(6249UL, meter.Consumed);
    }

    [Theory]
    [InlineData("0.015uluna", "uluna", "15000000000000000", "0.015uluna")]
    [InlineData("1uluna", "uluna", "1000000000000000000", "1uluna")]
    [InlineData("0.15uusd", "uusd", "150000000000000000", "0.15uusd")]
    [InlineData("0.000000000000000001uusd", "uusd", "1", "0.000000000000000001uusd")]
    [InlineData("12.500uluna", "uluna", "12500000000000000000", "12.5uluna")]
    public void Gas_prices_parse_to_fixed_point(string text, string denom, string atto, string canonical)
    {
        var price = GasPrice.Parse(text);

        Assert.Equal(denom, price.Denom);
        Assert.Equal(UInt128.Parse(atto), price.Atto);
        Assert.Equal(canonical, price.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("uluna")]
    [InlineData("0.015")]
    [InlineData("-1uluna")]
    [InlineData("1.uluna")]
    [InlineData("0.0000000000000000001uluna")]
    [InlineData("1.5.uluna")]
    [InlineData("1 uluna")]
    public void Bad_gas_prices_are_rejected(string text)
    {
        Assert.Throws<FormatException>(() => GasPrice.Parse(text));
    }

    [Theory]
    [InlineData("0.015uluna", 200_000UL, "3000")]
    [InlineData("0.015uluna", 1UL, "1")]
    [InlineData("0.015uluna", 66_667UL, "1001")] // 1000.005 → 1001
    [InlineData("0.15uusd", 216_048UL, "32408")] // 32407.2 → 32408
    [InlineData("0uluna", 1_000_000UL, "0")]
    [InlineData("340282366920938463463.374607431768211455uluna", ulong.MaxValue, "340282366920938463463374607431768211455")]
    public void Required_fee_is_the_ceiling(string price, ulong gas, string fee)
    {
        Assert.Equal(UInt128.Parse(fee), GasPrice.Parse(price).RequiredFee(gas));
    }

    [Fact]
    public void Required_fee_is_the_exact_ceiling_on_both_sides_of_the_64_bit_price_boundary()
    {
        var rng = new Random(7);
        var scale = System.Numerics.BigInteger.Pow(10, GasPrice.Decimals);
        var prices = new List<UInt128> { 0, 1, 999_999_999_999_999_999, 1_000_000_000_000_000_000, ulong.MaxValue, (UInt128)ulong.MaxValue + 1, UInt128.MaxValue };
        var gases = new List<ulong> { 0, 1, 3, 200_000, long.MaxValue, ulong.MaxValue };
        for (var i = 0; i < 200; i++)
        {
            prices.Add((UInt128)(ulong)rng.NextInt64() >> rng.Next(64));
            prices.Add(((UInt128)(ulong)rng.NextInt64() << 64) | (ulong)rng.NextInt64());
            gases.Add((ulong)rng.NextInt64() >> rng.Next(64));
        }
        foreach (var atto in prices)
        {
            foreach (var gas in gases)
            {
                var exact = System.Numerics.BigInteger.DivRem((System.Numerics.BigInteger)atto * gas, scale, out var rem) + (rem.IsZero ? 0 : 1);
                var expected = exact > (System.Numerics.BigInteger)UInt128.MaxValue ? UInt128.MaxValue : (UInt128)exact;
                Assert.Equal(expected, new GasPrice("uluna", atto).RequiredFee(gas));
            }
        }
    }

    [Theory]
    [InlineData("/cosmos.bank.v1beta1.MsgSend", "bank")]
    [InlineData("/cosmwasm.wasm.v1.MsgExecuteContract", "wasm")]
    [InlineData("/terra.wasm", "wasm")]
    [InlineData("/a..b", "")]
    [InlineData("no-dots", "")]
    [InlineData(".", "")]
    [InlineData("", "")]
    public void Message_module_is_the_second_dot_separated_part_of_the_type_url(string typeUrl, string module)
    {
        Assert.Equal(module, TxEvents.ModuleOf(typeUrl));
    }

    [Fact]
    public void Price_lists_are_sorted_and_unique()
    {
        Assert.Equal("0.015uluna,0.15uusd", GasPrice.FormatList(GasPrice.ParseList("0.15uusd, 0.015uluna")));
        Assert.Empty(GasPrice.ParseList(""));
        Assert.Throws<FormatException>(() => GasPrice.ParseList("1uluna,2uluna"));
    }

    [Fact]
    public void Zero_minimum_prices_accept_any_fee()
    {
        MinimumFee.Check([], GasPrice.ParseList("0uluna"), 200_000);
        MinimumFee.Check([], [], 200_000);
    }
}
