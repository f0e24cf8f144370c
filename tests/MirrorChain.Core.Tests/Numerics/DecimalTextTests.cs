using static MirrorChain.Core.Tests.Numerics.Num;

namespace MirrorChain.Core.Tests.Numerics;

public class DecimalTextTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("1", "1000000000000000000")]
    [InlineData("5", "5000000000000000000")]
    [InlineData("42", "42000000000000000000")]
    [InlineData("000", "0")]
    [InlineData("001", "1000000000000000000")]
    [InlineData("0042", "42000000000000000000")]
    [InlineData("1.0", "1000000000000000000")]
    [InlineData("1.5", "1500000000000000000")]
    [InlineData("0.5", "500000000000000000")]
    [InlineData("0.01", "10000000000000000")]
    [InlineData("0.003", "3000000000000000")]
    [InlineData("0.123", "123000000000000000")]
    [InlineData("40.00", "40000000000000000000")]
    [InlineData("04.00", "4000000000000000000")]
    [InlineData("00.40", "400000000000000000")]
    [InlineData("00.04", "40000000000000000")]
    [InlineData("1.1", "1100000000000000000")]
    [InlineData("7.123456789012345678", "7123456789012345678")]
    [InlineData("7.999999999999999999", "7999999999999999999")]
    [InlineData("1.100000000000000000", "1100000000000000000")]
    [InlineData("0.000000000000000001", "1")]
    [InlineData("340282366920938463463.374607431768211455", "340282366920938463463374607431768211455")]
    [InlineData("0000000000000000000000000000000000000000001.5", "1500000000000000000")] // leading zeros never overflow
    [InlineData("+1.5", "1500000000000000000")] // Rust's u128 grammar accepts a leading '+'
    [InlineData("1.+5", "1050000000000000000")] // … also in the fraction, where it counts towards the length
    [InlineData("1.+12345678901234567", "1012345678901234567")] // 18 characters including the '+'
    public void ParsesCosmWasmGrammar(string text, string atomics)
    {
        Assert.Equal(U(atomics), Decimal.Parse(text).Atomics);
        Assert.True(Decimal.TryParse(text, out var value));
        Assert.Equal(U(atomics), value.Atomics);
    }

    [Theory]
    [InlineData("", "Error parsing whole")]
    [InlineData(" ", "Error parsing whole")]
    [InlineData(" 1", "Error parsing whole")]
    [InlineData("1 ", "Error parsing whole")]
    [InlineData("-1", "Error parsing whole")]
    [InlineData("+", "Error parsing whole")]
    [InlineData("++1", "Error parsing whole")]
    [InlineData(".5", "Error parsing whole")]
    [InlineData("1e5", "Error parsing whole")]
    [InlineData("1,5", "Error parsing whole")]
    [InlineData("١", "Error parsing whole")] // a non-ASCII digit
    [InlineData("340282366920938463463374607431768211456", "Error parsing whole")] // 2^128 overflows the u128 parse
    [InlineData("340282366920938463464", "Value too big")] // parses, but ×10^18 overflows
    [InlineData("340282366920938463463.374607431768211456", "Value too big")] // the sum overflows
    [InlineData("1.", "Error parsing fractional")]
    [InlineData("1..2", "Error parsing fractional")]
    [InlineData("1.-5", "Error parsing fractional")]
    [InlineData("1. 5", "Error parsing fractional")]
    [InlineData("1.a", "Error parsing fractional")]
    [InlineData("0.1234567890123456789012345678901234567890", "Error parsing fractional")] // 40 digits overflow u128
    [InlineData("1.1234567890123456789", "Cannot parse more than 18 fractional digits")]
    [InlineData("1.0000000000000000000", "Cannot parse more than 18 fractional digits")] // even zeros
    [InlineData("0.123456789012345678901234567890123456789", "Cannot parse more than 18 fractional digits")]
    [InlineData("1.+123456789012345678", "Cannot parse more than 18 fractional digits")] // '+' counts
    [InlineData("1.2.3", "Unexpected number of dots")]
    [InlineData("1.2.", "Unexpected number of dots")]
    [InlineData("1.2..", "Unexpected number of dots")]
    public void RejectsWithCosmWasmMessages(string text, string message)
    {
        var error = Assert.Throws<StdException>(() => Decimal.Parse(text));
        Assert.Equal(StdErrorKind.GenericErr, error.Kind);
        Assert.Equal(message, error.Detail);
        Assert.Equal("Generic error: " + message, error.Message);
        Assert.False(Decimal.TryParse(text, out var value));
        Assert.Equal(Decimal.Zero, value);
    }

    [Fact]
    public void TryParseRejectsNull()
    {
        Assert.False(Decimal.TryParse(null, out var value));
        Assert.Equal(Decimal.Zero, value);
        Assert.Throws<ArgumentNullException>(() => Decimal.Parse(null!));
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("1", "1000000000000000000")]
    [InlineData("0.5", "500000000000000000")]
    [InlineData("1.5", "1500000000000000000")]
    [InlineData("0.01", "10000000000000000")]
    [InlineData("1.122222222222222222", "1122222222222222222")] // all 18 fractional digits kept
    [InlineData("0.90909090909090909", "909090909090909090")] // reverse_decimal(1.1): trailing zero trimmed
    [InlineData("0.666666666666666666", "666666666666666666")]
    [InlineData("0.000000000000000001", "1")]
    [InlineData("1000000", "1000000000000000000000000")]
    [InlineData("3465.21105", "3465211050000000000000")] // band oracle: a 1e18-scaled Uint128 read as atomics
    [InlineData("340282366920938463463.374607431768211455", "340282366920938463463374607431768211455")]
    public void FormatsLikeCosmWasmDisplay(string text, string atomics) => Assert.Equal(text, Atoms(atomics).ToString());

    [Theory]
    [InlineData("1.50", "1.5")]
    [InlineData("007", "7")]
    [InlineData("0.0", "0")]
    [InlineData("+2.000000000000000000", "2")]
    public void FormattingIsCanonical(string input, string canonical) => Assert.Equal(canonical, D(input).ToString());

    [Fact]
    public void RandomAtomicsRoundTrip()
    {
        var random = new Random(1816);
        Span<byte> bytes = stackalloc byte[16];
        for (var i = 0; i < 2000; i++)
        {
            random.NextBytes(bytes);
            var atomics = new UInt128(BitConverter.ToUInt64(bytes[..8]), BitConverter.ToUInt64(bytes[8..])) >> random.Next(128);
            var value = Decimal.FromAtomics(atomics);
            Assert.Equal(value, Decimal.Parse(value.ToString()));
        }
    }
}
