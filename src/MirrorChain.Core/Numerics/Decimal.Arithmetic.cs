namespace MirrorChain.Core.Numerics;

public readonly partial struct Decimal
{
    /// <summary>Adds the atomics; panics "attempt to add with overflow" (cosmwasm's <c>Decimal + Decimal</c>).</summary>
    public static Decimal operator +(Decimal a, Decimal b) => new(Uint128Math.Add(a.Atomics, b.Atomics));

    /// <summary>Subtracts the atomics; panics "attempt to subtract with overflow" when b &gt; a.</summary>
    public static Decimal operator -(Decimal a, Decimal b) => new(Uint128Math.Sub(a.Atomics, b.Atomics));

    /// <summary>
    /// floor(a·b) at 18 digits: floor(A·B / 10^18) with a 256-bit intermediate; panics "attempt to multiply with
    /// overflow" when the result exceeds the range. (cosmwasm-std gained <c>Decimal * Decimal</c> in 1.0;
    /// the 0.16 contracts multiply Decimals only through Mirror's 9-digit <see cref="MirrorMath"/>.)
    /// </summary>
    public static Decimal operator *(Decimal a, Decimal b) =>
        FullWidth.TryMulDiv(a.Atomics, b.Atomics, Fractional, out var product) ? new(product) : throw PanicException.MulOverflow();

    /// <summary><c>Uint128 * Decimal</c> → Uint128 = floor(u·atomics / 10^18); see <see cref="Mul(UInt128, Decimal)"/>.</summary>
    public static UInt128 operator *(UInt128 u, Decimal d) => Mul(u, d);

    /// <summary><c>Decimal * Uint128</c>, the same operation as <c>Uint128 * Decimal</c>.</summary>
    public static UInt128 operator *(Decimal d, UInt128 u) => Mul(u, d);

    /// <summary><c>Decimal / Uint128</c> = atomics / rhs (floor); panics "attempt to divide by zero".</summary>
    public static Decimal operator /(Decimal d, UInt128 divisor) => new(Uint128Math.Div(d.Atomics, divisor));

    /// <summary>
    /// <c>Uint128 * Decimal</c> = floor(u·atomics / 10^18) with a 256-bit intermediate; 0 if either factor is 0.
    /// Panics "multiplication overflow" if the result exceeds 2^128 - 1. Chains (u·d1·d2) floor after every step.
    /// </summary>
    public static UInt128 Mul(UInt128 u, Decimal d) =>
        u == UInt128.Zero || d.IsZero ? UInt128.Zero : Uint128Math.MultiplyRatio(u, d.Atomics, Fractional);

    /// <inheritdoc cref="Mul(UInt128, Decimal)"/>
    public static UInt128 Mul(Decimal d, UInt128 u) => Mul(u, d);

    /// <summary><c>Fraction::inv</c>: 1/d = floor(10^36 / atomics), or null for zero.</summary>
    public Decimal? Inv() => IsZero ? null : new Decimal(FractionalSquared / Atomics);

    /// <summary>
    /// cosmwasm's <c>Decimal::sqrt</c> (approximate, never panics): for precision p from 9 down to 0, the first p with
    /// atomics·100^p ≤ 2^128 - 1 gives isqrt(atomics·100^p)·10^(9-p) atomics.
    /// </summary>
    public Decimal Sqrt()
    {
        for (var precision = 9; precision >= 0; precision--)
        {
            var innerMul = UInt128.One;
            for (var i = 0; i < precision; i++)
            {
                innerMul *= 100;
            }
            if (Atomics != UInt128.Zero && Atomics > UInt128.MaxValue / innerMul)
            {
                continue;
            }
            var outerMul = UInt128.One;
            for (var i = 0; i < 9 - precision; i++)
            {
                outerMul *= 10;
            }
            return new(Uint128Math.IntegerSqrt(Atomics * innerMul) * outerMul);
        }
        throw new InvalidOperationException("unreachable: precision 0 always fits");
    }
}
