namespace MirrorChain.Sim.Ops;

/// <summary>Which generated accounts probably hold what (LP tokens, positions, stakes): sorted, so picks are seeded.</summary>
public sealed class Hints
{
    private readonly SortedDictionary<string, SortedSet<int>> _sets = new(StringComparer.Ordinal);

    public SortedSet<int> Get(string key)
    {
        if (!_sets.TryGetValue(key, out var s))
        {
            s = [];
            _sets[key] = s;
        }
        return s;
    }

    public void Add(string key, SimAccount a)
    {
        if (a.Index >= 0)
        {
            Get(key).Add(a.Index);
        }
    }
}
