using System.Numerics;
using System.Text.Json.Serialization;
using MirrorChain.Core.Numerics.Json;

namespace MirrorChain.Core.Numerics;

/// <summary>
/// An 18-digit fixed-point decimal with 256-bit atomics (value = atomics / 10^18, atomics ≤ 2^256 - 1), as used by
/// Terraswap v2.x's swap math (<c>cosmwasm_bignumber::Decimal256</c> in v2.4, <c>cosmwasm_std::Decimal256</c> in
/// v2.9). Integers of the Uint256 range are passed as non-negative <see cref="BigInteger"/> values below 2^256.
/// Every operation floors; intermediates are exact, and a result outside the range panics.
/// </summary>
[JsonConverter(typeof(Decimal256JsonConverter))]
public readonly partial struct Decimal256 : IEquatable<Decimal256>, IComparable<Decimal256>, IComparable
{
    /// <summary>10^18, the atomics of 1.</summary>
    public static readonly BigInteger Fractional = BigInteger.Pow(10, 18);

    /// <summary>2^256 - 1, the largest Uint256 and the largest atomics value.</summary>
    public static readonly BigInteger MaxUint256 = FullWidth.MaxUint256;

    public static readonly Decimal256 Zero;

    public static readonly Decimal256 One = new(Fractional);

    public static readonly Decimal256 MaxValue = new(MaxUint256);

    // Kept in this file, after Fractional: static initializers of different partial files run in no defined order.
    private static readonly BigInteger FractionalSquared = Fractional * Fractional;

    private readonly BigInteger _atomics;

    private Decimal256(BigInteger atomics) => _atomics = atomics;

    /// <summary>The integer count of 10^-18 units, in [0, 2^256 - 1].</summary>
    public BigInteger Atomics => _atomics;

    public bool IsZero => _atomics.IsZero;

    /// <summary>A Decimal256 with exactly these atomics; throws <see cref="ArgumentOutOfRangeException"/> outside [0, 2^256 - 1].</summary>
    public static Decimal256 FromAtomics(BigInteger atomics) => new(CheckUint256(atomics, nameof(atomics)));

    public static Decimal256 Percent(ulong x) => new(new BigInteger(x) * 10_000_000_000_000_000UL);

    public static Decimal256 Permille(ulong x) => new(new BigInteger(x) * 1_000_000_000_000_000UL);

    /// <summary>
    /// floor(n·10^18 / d) with an exact intermediate. Panics "Denominator must not be zero" for d = 0 and
    /// "multiplication overflow" when the result exceeds 2^256 - 1.
    /// </summary>
    public static Decimal256 FromRatio(BigInteger numerator, BigInteger denominator)
    {
        CheckUint256(numerator, nameof(numerator));
        CheckUint256(denominator, nameof(denominator));
        if (denominator.IsZero)
        {
            throw PanicException.ZeroDenominator();
        }
        return new(CheckResult(numerator * Fractional / denominator, PanicException.RatioOverflow));
    }

    /// <summary>The integer u as a decimal (<c>Decimal256::from_uint256</c>); panics when u·10^18 exceeds the range.</summary>
    public static Decimal256 FromInteger(BigInteger value) =>
        new(CheckResult(CheckUint256(value, nameof(value)) * Fractional, PanicException.MulOverflow));

    /// <summary>The same value with 256-bit atomics.</summary>
    public static implicit operator Decimal256(Decimal value) => new(value.Atomics);

    /// <summary>
    /// Back to a 128-bit <see cref="Decimal"/> (the bignumber crate round-trips through the string form);
    /// panics when the value exceeds <see cref="Decimal.MaxValue"/>.
    /// </summary>
    public static explicit operator Decimal(Decimal256 value) =>
        value._atomics <= UInt128.MaxValue
            ? Decimal.FromAtomics((UInt128)value._atomics)
            : throw PanicException.Unwrap(StdException.GenericErr("Value too big"));

    public static Decimal256 Min(Decimal256 a, Decimal256 b) => a < b ? a : b;

    public static Decimal256 Max(Decimal256 a, Decimal256 b) => a > b ? a : b;

    public bool Equals(Decimal256 other) => _atomics == other._atomics;

    public override bool Equals(object? obj) => obj is Decimal256 other && Equals(other);

    public override int GetHashCode() => _atomics.GetHashCode();

    public int CompareTo(Decimal256 other) => _atomics.CompareTo(other._atomics);

    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Decimal256 other => CompareTo(other),
        _ => throw new ArgumentException("Object must be of type MirrorChain.Core.Numerics.Decimal256.", nameof(obj)),
    };

    public static bool operator ==(Decimal256 a, Decimal256 b) => a._atomics == b._atomics;

    public static bool operator !=(Decimal256 a, Decimal256 b) => a._atomics != b._atomics;

    public static bool operator <(Decimal256 a, Decimal256 b) => a._atomics < b._atomics;

    public static bool operator >(Decimal256 a, Decimal256 b) => a._atomics > b._atomics;

    public static bool operator <=(Decimal256 a, Decimal256 b) => a._atomics <= b._atomics;

    public static bool operator >=(Decimal256 a, Decimal256 b) => a._atomics >= b._atomics;

    internal static BigInteger CheckUint256(BigInteger value, string name) =>
        value.Sign < 0 || value > MaxUint256
            ? throw new ArgumentOutOfRangeException(name, "a Uint256 must be in [0, 2^256 - 1]")
            : value;

    private static BigInteger CheckResult(BigInteger value, Func<PanicException> panic) =>
        value > MaxUint256 ? throw panic() : value;
}
