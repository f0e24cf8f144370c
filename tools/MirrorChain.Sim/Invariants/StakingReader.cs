using MirrorChain.Core;

namespace MirrorChain.Sim.Invariants;

/// <summary>Raw reads of mirror staking's buckets.</summary>
public static class StakingReader
{
    public static System.Text.Json.Nodes.JsonNode? Pool(ChainView view, Address staking, Address asset)
    {
        var prefix = ChainView.MapPrefix(staking, "pool_info");
        return view.State.Get([.. prefix, .. asset.Bytes]) is { } v ? System.Text.Json.Nodes.JsonNode.Parse(v) : null;
    }

    /// <summary>Σ bond_amount per asset over a reward bucket ("reward" = LP, "short_reward" = sLP); keys: len16 ‖ staker ‖ asset.</summary>
    public static SortedDictionary<Address, UInt128> BondsByAsset(ChainView view, Address staking, string bucket)
    {
        var sums = new SortedDictionary<Address, UInt128>();
        foreach (var (k, v) in view.Map(staking, bucket))
        {
            var stakerLen = (k[0] << 8) | k[1];
            var asset = Address.FromBytes(k.AsSpan(2 + stakerLen));
            var bond = ChainView.U(System.Text.Json.Nodes.JsonNode.Parse(v)!["bond_amount"]);
            sums[asset] = sums.GetValueOrDefault(asset) + bond;
        }
        return sums;
    }
}
