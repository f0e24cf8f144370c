using System.Numerics;

namespace MirrorChain.Contracts.Mirror.Tests.Collector;

/// <summary>
/// Terraswap 2.4's <c>compute_swap</c> re-derived independently for the expected values (BigInteger, 18-digit
/// atomics): gross R = ⌊(P_a·10^18 − ⌊P_o·P_a·10^18/(P_o+x)⌋) / 10^18⌋, commission C = ⌊R·3/1000⌋, net N = R − C,
/// spread S = max(0, ⌊x·⌊P_a·10^18/P_o⌋/10^18⌋ − R). P_o is the offer pool before the offer arrived.
/// </summary>
internal static class SwapFormula
{
    private static readonly BigInteger E18 = BigInteger.Pow(10, 18);

    public static (UInt128 Net, UInt128 Spread, UInt128 Commission) Swap(UInt128 offerPool, UInt128 askPool, UInt128 offer)
    {
        BigInteger po = offerPool, pa = askPool, x = offer;
        var gross = (pa * E18 - po * pa * E18 / (po + x)) / E18;
        var commission = gross * 3 / 1000;
        var spread = BigInteger.Max(BigInteger.Zero, x * (pa * E18 / po) / E18 - gross);
        return ((UInt128)(gross - commission), (UInt128)spread, (UInt128)commission);
    }

    public static UInt128 Net(UInt128 offerPool, UInt128 askPool, UInt128 offer) => Swap(offerPool, askPool, offer).Net;

    /// <summary>Terra's tax on a native send: min(amount − ⌊amount/(1+rate)⌋, cap), rate in percent.</summary>
    public static UInt128 Tax(UInt128 amount, ulong ratePercent, UInt128 cap)
    {
        var net = (BigInteger)amount * 100 / (100 + ratePercent);
        var tax = (UInt128)((BigInteger)amount - net);
        return tax < cap ? tax : cap;
    }
}
