using System.Numerics;

namespace MirrorChain.Core.Numerics;

public readonly partial struct Decimal256
{
    /// <summary>Panics "attempt to add with overflow" above 2^256 - 1 atomics.</summary>
    public static Decimal256 operator +(Decimal256 a, Decimal256 b) =>
        new(CheckResult(a._atomics + b._atomics, PanicException.AddOverflow));

    /// <summary>Panics "attempt to subtract with overflow" when b &gt; a.</summary>
    public static Decimal256 operator -(Decimal256 a, Decimal256 b) =>
        b._atomics > a._atomics ? throw PanicException.SubOverflow() : new(a._atomics - b._atomics);

    /// <summary>floor(A·B / 10^18); panics "attempt to multiply with overflow" when the result exceeds the range.</summary>
    public static Decimal256 operator *(Decimal256 a, Decimal256 b) =>
        new(CheckResult(a._atomics * b._atomics / Fractional, PanicException.MulOverflow));

    /// <summary>
    /// floor(A·10^18 / B), e.g. <c>Decimal256::one() / x</c> = floor(10^36 / X). Panics "attempt to divide by zero"
    /// for b = 0 and "attempt to multiply with overflow" when the result exceeds the range.
    /// </summary>
    public static Decimal256 operator /(Decimal256 a, Decimal256 b) =>
        b.IsZero
            ? throw PanicException.DivideByZero()
            : new(CheckResult(a._atomics * Fractional / b._atomics, PanicException.MulOverflow));

    /// <summary><c>Uint256 * Decimal256</c>; see <see cref="Mul(BigInteger, Decimal256)"/>.</summary>
    public static BigInteger operator *(BigInteger u, Decimal256 d) => Mul(u, d);

    /// <summary><c>Decimal256 * Uint256</c>, the same operation.</summary>
    public static BigInteger operator *(Decimal256 d, BigInteger u) => Mul(u, d);

    /// <summary>
    /// <c>Uint256 * Decimal256</c> = floor(u·atomics / 10^18), exact intermediate; 0 if either factor is 0.
    /// Panics "multiplication overflow" if the result exceeds 2^256 - 1.
    /// </summary>
    public static BigInteger Mul(BigInteger u, Decimal256 d)
    {
        CheckUint256(u, nameof(u));
        return u.IsZero || d.IsZero ? BigInteger.Zero : CheckResult(u * d._atomics / Fractional, PanicException.RatioOverflow);
    }

    /// <summary>The integer part, floor(value) (<c>d * Uint256::one()</c>).</summary>
    public BigInteger Floor() => _atomics / Fractional;

    /// <summary>1/d = floor(10^36 / atomics), or null for zero.</summary>
    public Decimal256? Inv() => IsZero ? null : new Decimal256(FractionalSquared / _atomics);

    /// <summary>
    /// cosmwasm-std's <c>Decimal256::sqrt</c> (Terraswap v2.9's initial share): for precision p from 9 down to 0,
    /// the first p with atomics·100^p ≤ 2^256 - 1 gives isqrt(atomics·100^p)·10^(9-p) atomics.
    /// </summary>
    public Decimal256 Sqrt()
    {
        for (var precision = 9; precision >= 0; precision--)
        {
            var inner = _atomics * BigInteger.Pow(100, precision);
            if (inner > MaxUint256)
            {
                continue;
            }
            return new(FullWidth.Isqrt(inner) * BigInteger.Pow(10, 9 - precision));
        }
        throw new InvalidOperationException("unreachable: precision 0 always fits");
    }
}
