using System.Text;
using MirrorChain.Core;
using MirrorChain.Execution;

namespace MirrorChain.Sim.Invariants;

/// <summary>Bank: each denom's total supply equals the sum of all balances of that denom.</summary>
public sealed class BankSupplyInvariant : IInvariant
{
    public string Name => "bank supply = sum of balances";

    public IEnumerable<string> Check(InvariantContext ctx)
    {
        var sums = new SortedDictionary<string, UInt128>(StringComparer.Ordinal);
        byte[] balances = [StateKeys.Bank, 0x01];
        foreach (var (k, v) in ctx.View.State.Range(balances, KeyRanges.PrefixEnd(balances)))
        {
            var addrLen = k[2];
            var denom = Encoding.UTF8.GetString(k, 3 + addrLen, k.Length - 3 - addrLen);
            sums[denom] = sums.GetValueOrDefault(denom) + Dec.ParseU(Encoding.ASCII.GetString(v));
        }
        var supplies = new SortedDictionary<string, UInt128>(StringComparer.Ordinal);
        byte[] supply = [StateKeys.Bank, 0x02];
        foreach (var (k, v) in ctx.View.State.Range(supply, KeyRanges.PrefixEnd(supply)))
        {
            supplies[Encoding.UTF8.GetString(k, 2, k.Length - 2)] = Dec.ParseU(Encoding.ASCII.GetString(v));
        }
        foreach (var denom in sums.Keys.Union(supplies.Keys).Order(StringComparer.Ordinal))
        {
            var s = supplies.GetValueOrDefault(denom);
            var b = sums.GetValueOrDefault(denom);
            if (s != b)
            {
                yield return $"{denom}: supply {s} != sum of balances {b}";
            }
        }
    }
}
