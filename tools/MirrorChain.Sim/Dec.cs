using System.Globalization;
using System.Numerics;

namespace MirrorChain.Sim;

/// <summary>CosmWasm Decimal strings as exact integers scaled by 10^18 (the sim's own arithmetic: no floats).</summary>
public static class Dec
{
    public static readonly BigInteger One = BigInteger.Pow(10, 18);

    public static BigInteger Parse(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var whole = BigInteger.Parse(dot < 0 ? text : text[..dot], CultureInfo.InvariantCulture);
        var frac = dot < 0 ? "" : text[(dot + 1)..];
        if (frac.Length > 18)
        {
            frac = frac[..18];
        }
        var f = frac.Length == 0 ? BigInteger.Zero : BigInteger.Parse(frac.PadRight(18, '0'), CultureInfo.InvariantCulture);
        return whole * One + f;
    }

    public static string Format(BigInteger scaled)
    {
        var whole = BigInteger.DivRem(scaled, One, out var rem);
        if (rem.IsZero)
        {
            return whole.ToString(CultureInfo.InvariantCulture);
        }
        return whole.ToString(CultureInfo.InvariantCulture) + "." + rem.ToString(CultureInfo.InvariantCulture).PadLeft(18, '0').TrimEnd('0');
    }

    /// <summary>A price given in micro-units (1e-6) as a Decimal string.</summary>
    public static string FromMicros(long micros) => Format(new BigInteger(micros) * BigInteger.Pow(10, 12));

    public static string U(UInt128 v) => v.ToString(CultureInfo.InvariantCulture);

    public static UInt128 ParseU(string s) => UInt128.Parse(s, CultureInfo.InvariantCulture);
}
