using MirrorChain.Core;

namespace MirrorChain.Sim;

/// <summary>One mAsset of the deployment: token, Terraswap pair and LP token.</summary>
public sealed record SimAsset(string Symbol, Address Token, Address Pair, Address LpToken);

/// <summary>The contracts the genesis deployment named (as in contracts.json).</summary>
public sealed class Deployment
{
    public Deployment(IReadOnlyList<KeyValuePair<string, Address>> named)
    {
        var byName = new SortedDictionary<string, Address>(StringComparer.Ordinal);
        foreach (var (k, v) in named)
        {
            byName[k] = v;
        }
        Address Need(string n) => byName.TryGetValue(n, out var a) ? a : throw new InvalidDataException($"the genesis deployment names no '{n}'");
        Mint = Need("mint");
        Oracle = Need("oracle");
        CollateralOracle = Need("collateralOracle");
        Staking = Need("staking");
        Lock = Need("lock");
        Gov = Need("gov");
        Factory = Need("factory");
        Collector = Need("collector");
        MirrorToken = Need("mirrorToken");
        Mir = new SimAsset("MIR", MirrorToken, Need("mirrorToken.pair"), Need("mirrorToken.lpToken"));
        // genesis step order, so the asset list is the same on every run
        MAssets = named.Select(n => n.Key).Distinct()
            .Where(n => !n.Contains('.', StringComparison.Ordinal) && n != "mirrorToken"
                && byName.ContainsKey(n + ".pair") && byName.ContainsKey(n + ".lpToken"))
            .Select(n => new SimAsset(n, byName[n], byName[n + ".pair"], byName[n + ".lpToken"]))
            .ToList();
    }

    public Address Mint { get; }
    public Address Oracle { get; }
    public Address CollateralOracle { get; }
    public Address Staking { get; }
    public Address Lock { get; }
    public Address Gov { get; }
    public Address Factory { get; }
    public Address Collector { get; }
    public Address MirrorToken { get; }

    /// <summary>MIR with its MIR/UST pair and LP token.</summary>
    public SimAsset Mir { get; }

    /// <summary>The mAssets (oracle-priced, mintable).</summary>
    public IReadOnlyList<SimAsset> MAssets { get; }

    /// <summary>Every pool: the mAssets', then MIR/UST.</summary>
    public IEnumerable<SimAsset> Pools => MAssets.Append(Mir);

    /// <summary>Every cw20 of the deployment: MIR, the mAssets and all LP tokens.</summary>
    public IEnumerable<Address> Cw20s => Pools.SelectMany(p => new[] { p.Token, p.LpToken });

    public SimAsset? AssetByToken(Address token) => Pools.FirstOrDefault(p => p.Token == token);
}
