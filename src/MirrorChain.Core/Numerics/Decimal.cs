using System.Text.Json.Serialization;
using MirrorChain.Core.Numerics.Json;

namespace MirrorChain.Core.Numerics;

/// <summary>
/// cosmwasm-std 0.16 <c>Decimal</c>: an unsigned fixed-point number with 18 fractional digits, stored as the integer
/// <see cref="Atomics"/> (value = atomics / 10^18, at most (2^128 - 1) / 10^18). Every operation floors.
/// JSON and <see cref="ToString"/> use cosmwasm's string form ("1.5", "0.01", "2").
/// Projects that also see <see cref="System.Decimal"/> should alias it:
/// <c>global using Decimal = MirrorChain.Core.Numerics.Decimal;</c>.
/// </summary>
[JsonConverter(typeof(DecimalJsonConverter))]
public readonly partial struct Decimal : IEquatable<Decimal>, IComparable<Decimal>, IComparable
{
    /// <summary>10^18, the atomics of 1.</summary>
    public static readonly UInt128 Fractional = 1_000_000_000_000_000_000UL;

    public static readonly Decimal Zero;

    public static readonly Decimal One = new(Fractional);

    /// <summary>340282366920938463463.374607431768211455.</summary>
    public static readonly Decimal MaxValue = new(UInt128.MaxValue);

    private static readonly UInt128 FractionalSquared = Fractional * Fractional;

    private Decimal(UInt128 atomics) => Atomics = atomics;

    /// <summary>The integer count of 10^-18 units.</summary>
    public UInt128 Atomics { get; }

    public bool IsZero => Atomics == UInt128.Zero;

    /// <summary>A Decimal with exactly these atomics (value = atomics / 10^18).</summary>
    public static Decimal FromAtomics(UInt128 atomics) => new(atomics);

    /// <summary><c>Decimal::percent(x)</c> = x / 100.</summary>
    public static Decimal Percent(ulong x) => new((UInt128)x * 10_000_000_000_000_000UL);

    /// <summary><c>Decimal::permille(x)</c> = x / 1000.</summary>
    public static Decimal Permille(ulong x) => new((UInt128)x * 1_000_000_000_000_000UL);

    /// <summary>
    /// <c>Decimal::from_ratio(n, d)</c> = floor(n·10^18 / d) atomics, with a 256-bit intermediate. Panics
    /// "Denominator must not be zero" when d is 0 and "multiplication overflow" when the result exceeds the range.
    /// </summary>
    public static Decimal FromRatio(UInt128 numerator, UInt128 denominator) =>
        new(Uint128Math.MultiplyRatio(numerator, Fractional, denominator));

    public static Decimal Min(Decimal a, Decimal b) => a < b ? a : b;

    public static Decimal Max(Decimal a, Decimal b) => a > b ? a : b;

    public bool Equals(Decimal other) => Atomics == other.Atomics;

    public override bool Equals(object? obj) => obj is Decimal other && Equals(other);

    public override int GetHashCode() => Atomics.GetHashCode();

    public int CompareTo(Decimal other) => Atomics.CompareTo(other.Atomics);

    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Decimal other => CompareTo(other),
        _ => throw new ArgumentException("Object must be of type MirrorChain.Core.Numerics.Decimal.", nameof(obj)),
    };

    public static bool operator ==(Decimal a, Decimal b) => a.Atomics == b.Atomics;

    public static bool operator !=(Decimal a, Decimal b) => a.Atomics != b.Atomics;

    public static bool operator <(Decimal a, Decimal b) => a.Atomics < b.Atomics;

    public static bool operator >(Decimal a, Decimal b) => a.Atomics > b.Atomics;

    public static bool operator <=(Decimal a, Decimal b) => a.Atomics <= b.Atomics;

    public static bool operator >=(Decimal a, Decimal b) => a.Atomics >= b.Atomics;
}
