using System.Numerics;

namespace MirrorChain.Core.Numerics;

/// <summary>Exact products and quotients of 128-bit operands with a full-width (256-bit) intermediate.</summary>
internal static class FullWidth
{
    /// <summary>2^256 - 1, the largest Uint256 / Decimal256 atomics value.</summary>
    public static readonly BigInteger MaxUint256 = (BigInteger.One << 256) - 1;

    /// <summary>floor(a·b / den) computed exactly; false when the quotient does not fit in 128 bits. den must not be 0.</summary>
    public static bool TryMulDiv(UInt128 a, UInt128 b, UInt128 den, out UInt128 result)
    {
        if (BitLength(a) + BitLength(b) <= 128)
        {
            // The product is below 2^128: no intermediate overflow possible.
            result = a * b / den;
            return true;
        }
        var quotient = (BigInteger)a * b / den;
        if (quotient > UInt128.MaxValue)
        {
            result = UInt128.Zero;
            return false;
        }
        result = (UInt128)quotient;
        return true;
    }

    /// <summary>Floor square root of a non-negative integer (Newton's method, exact).</summary>
    public static BigInteger Isqrt(BigInteger n)
    {
        if (n.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), "square root of a negative number");
        }
        if (n < 2)
        {
            return n;
        }
        // Start above the root: 2^ceil(bits/2) > sqrt(n); the iteration then decreases monotonically to the floor.
        var x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            var y = (x + n / x) >> 1;
            if (y >= x)
            {
                return x;
            }
            x = y;
        }
    }

    private static int BitLength(UInt128 value) => 128 - (int)UInt128.LeadingZeroCount(value);
}
