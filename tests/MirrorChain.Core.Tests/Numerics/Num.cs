using System.Globalization;

namespace MirrorChain.Core.Tests.Numerics;

/// <summary>Short constructors for test vectors.</summary>
internal static class Num
{
    public static Decimal D(string text) => Decimal.Parse(text);

    public static Decimal Atoms(string atomics) => Decimal.FromAtomics(U(atomics));

    public static UInt128 U(string text) => UInt128.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    public static Decimal256 D256(string text) => Decimal256.Parse(text);
}
