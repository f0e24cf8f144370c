using System.Globalization;
using System.Numerics;

namespace MirrorChain.Core.Tests.Numerics;

/// <summary>Seeded random cases compared with straightforward BigInteger reference computations.</summary>
public class NumericPropertyTests
{
    private const int Cases = 4000;
    private static readonly BigInteger Max128 = UInt128.MaxValue;
    private static readonly BigInteger Max256 = (BigInteger.One << 256) - 1;
    private static readonly BigInteger E18 = BigInteger.Pow(10, 18);
    private static readonly BigInteger E9 = BigInteger.Pow(10, 9);

    /// <summary>A value of random bit length, so small, mid-sized and near-limit operands all occur.</summary>
    private static UInt128 NextU128(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        var value = new UInt128(BitConverter.ToUInt64(bytes[8..]), BitConverter.ToUInt64(bytes[..8]));
        return random.Next(10) switch
        {
            0 => UInt128.MaxValue - (value >> 120),
            1 => value >> 124,
            _ => value >> random.Next(128),
        };
    }

    private static BigInteger NextU256(Random random) =>
        ((BigInteger)NextU128(random) << (random.Next(2) * 128)) + NextU128(random);

    /// <summary>Asserts the result equals the reference value; a null reference means the original panics or errors.</summary>
    private static void Check<T>(Func<T> actual, BigInteger? expected, Func<T, BigInteger> toBig)
    {
        if (expected is null)
        {
            var error = Record.Exception(() => actual());
            Assert.True(error is PanicException or StdException, $"expected a failure, got {error?.GetType().Name ?? "a value"}");
            return;
        }
        Assert.Equal(expected.Value, toBig(actual()));
    }

    private static BigInteger? InRange(BigInteger value, BigInteger max) => value > max ? null : value;

    [Fact]
    public void MultiplyRatioMatchesReference()
    {
        var random = new Random(20210227);
        for (var i = 0; i < Cases; i++)
        {
            var a = NextU128(random);
            var n = NextU128(random);
            var d = NextU128(random);
            var expected = d == 0 ? null : InRange((BigInteger)a * n / d, Max128);
            Check(() => Uint128Math.MultiplyRatio(a, n, d), expected, v => v);
        }
    }

    [Fact]
    public void CheckedIntegerOperationsMatchReference()
    {
        var random = new Random(56);
        for (var i = 0; i < Cases; i++)
        {
            UInt128 a = NextU128(random), b = NextU128(random);
            Check(() => Uint128Math.CheckedAdd(a, b), InRange((BigInteger)a + b, Max128), v => v);
            Check(() => Uint128Math.CheckedMul(a, b), InRange((BigInteger)a * b, Max128), v => v);
            Check(() => Uint128Math.CheckedSub(a, b), a >= b ? (BigInteger)a - b : null, v => v);
            Check(() => Uint128Math.Mul(a, b), InRange((BigInteger)a * b, Max128), v => v);
            Check(() => Uint128Math.CheckedDiv(a, b), b == 0 ? null : (BigInteger)a / b, v => v);
            Assert.Equal((UInt128)BigInteger.Min((BigInteger)a + b, Max128), Uint128Math.SaturatingAdd(a, b));
            Assert.Equal((UInt128)BigInteger.Max((BigInteger)a - b, 0), Uint128Math.SaturatingSub(a, b));
        }
    }

    [Fact]
    public void IntegerSqrtIsTheFloorRoot()
    {
        var random = new Random(7);
        for (var i = 0; i < Cases; i++)
        {
            var n = NextU128(random);
            BigInteger root = Uint128Math.IntegerSqrt(n);
            Assert.True(root * root <= n && (root + 1) * (root + 1) > n, $"isqrt({n}) = {root}");
        }
    }

    [Fact]
    public void DecimalOperationsMatchReference()
    {
        var random = new Random(1_000_000);
        for (var i = 0; i < Cases; i++)
        {
            UInt128 x = NextU128(random), y = NextU128(random), u = NextU128(random);
            Decimal a = Decimal.FromAtomics(x), b = Decimal.FromAtomics(y);
            Check(() => Decimal.FromRatio(x, y), y == 0 ? null : InRange((BigInteger)x * E18 / y, Max128), v => v.Atomics);
            var product = u == 0 || y == 0 ? 0 : (BigInteger)u * y / E18;
            Check(() => u * b, InRange(product, Max128), v => v);
            Check(() => b * u, InRange(product, Max128), v => v);
            Check(() => a * b, InRange((BigInteger)x * y / E18, Max128), v => v.Atomics);
            Check(() => a + b, InRange((BigInteger)x + y, Max128), v => v.Atomics);
            Check(() => a - b, x >= y ? (BigInteger)x - y : null, v => v.Atomics);
            Assert.Equal(y == 0 ? null : (BigInteger?)(E18 * E18 / y), b.Inv() is { } inv ? inv.Atomics : null);
            Assert.Equal(x.CompareTo(y), a.CompareTo(b));
            Assert.Equal(Reference(x), a.ToString());
        }
    }

    [Fact]
    public void MirrorHelpersMatchReference()
    {
        var random = new Random(214);
        for (var i = 0; i < Cases; i++)
        {
            UInt128 x = NextU128(random), y = NextU128(random);
            Decimal a = Decimal.FromAtomics(x), b = Decimal.FromAtomics(y);
            BigInteger ta = x / E9, tb = y / E9; // t(d) = ⌊d·10^9⌋ = ⌊atomics / 10^9⌋
            Assert.Equal(ta, (BigInteger)MirrorMath.Truncate9(a));
            Check(() => MirrorMath.DecimalDivision(a, b), tb == 0 ? null : InRange(ta * E18 / tb, Max128), v => v.Atomics);
            var scaled = ta * y / E18; // ⌊t(a) × b⌋, itself a Uint128
            Check(() => MirrorMath.DecimalMultiplication(a, b), scaled > Max128 ? null : InRange(scaled * E9, Max128), v => v.Atomics);
            Check(() => MirrorMath.DecimalSubtraction(a, b), ta >= tb ? (ta - tb) * E9 : null, v => v.Atomics);
            Check(() => MirrorMath.CheckedDecimalSubtraction(a, b), ta >= tb ? (ta - tb) * E9 : null, v => v.Atomics);
            Check(() => MirrorMath.ReverseDecimal(b), tb == 0 ? null : E9 * E18 / tb, v => v.Atomics);
        }
    }

    [Fact]
    public void Decimal256OperationsMatchReference()
    {
        var random = new Random(249);
        for (var i = 0; i < Cases; i++)
        {
            BigInteger x = NextU256(random), y = NextU256(random), u = NextU256(random);
            Decimal256 a = Decimal256.FromAtomics(x), b = Decimal256.FromAtomics(y);
            Check(() => Decimal256.FromRatio(x, y), y.IsZero ? null : InRange(x * E18 / y, Max256), v => v.Atomics);
            Check(() => u * b, InRange(u * y / E18, Max256), v => v);
            Check(() => a * b, InRange(x * y / E18, Max256), v => v.Atomics);
            Check(() => a / b, y.IsZero ? null : InRange(x * E18 / y, Max256), v => v.Atomics);
            Check(() => a + b, InRange(x + y, Max256), v => v.Atomics);
            Check(() => a - b, x >= y ? x - y : null, v => v.Atomics);
            Assert.Equal(x / E18, a.Floor());
            Assert.Equal(Reference(x), a.ToString());
            Assert.Equal(a, Decimal256.Parse(a.ToString()));
        }
    }

    [Fact]
    public void SqrtMatchesThePrecisionLoweringReference()
    {
        var random = new Random(99);
        for (var i = 0; i < Cases / 4; i++)
        {
            var x = NextU128(random);
            Assert.Equal(SqrtReference(x, Max128), Decimal.FromAtomics(x).Sqrt().Atomics);
            var w = NextU256(random);
            Assert.Equal(SqrtReference(w, Max256), Decimal256.FromAtomics(w).Sqrt().Atomics);
        }
    }

    private static BigInteger SqrtReference(BigInteger atomics, BigInteger max)
    {
        for (var precision = 9; ; precision--)
        {
            var inner = atomics * BigInteger.Pow(100, precision);
            if (inner <= max)
            {
                return FloorRoot(inner) * BigInteger.Pow(10, 9 - precision);
            }
        }
    }

    /// <summary>Bisection floor square root (independent of the implementation's Newton iteration).</summary>
    private static BigInteger FloorRoot(BigInteger n)
    {
        BigInteger low = 0, high = BigInteger.One << (int)((n.GetBitLength() + 2) / 2);
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (mid * mid <= n)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }
        return low;
    }

    private static string Reference(BigInteger atomics)
    {
        var whole = BigInteger.DivRem(atomics, E18, out var fraction);
        var text = whole.ToString(CultureInfo.InvariantCulture);
        return fraction.IsZero ? text : text + "." + fraction.ToString(CultureInfo.InvariantCulture).PadLeft(18, '0').TrimEnd('0');
    }
}
