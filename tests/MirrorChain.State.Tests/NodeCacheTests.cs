using static MirrorChain.State.Tests.TestData;

namespace MirrorChain.State.Tests;

public sealed class NodeCacheTests
{
    private static LeafNode Leaf(int i) => new(B($"key {i}"), B($"value {i}"));

    [Fact]
    public void Nodes_near_the_root_stay_cached_while_deep_nodes_cycle_through_their_generations()
    {
        var cache = new NodeCache(capacity: 400); // 200 upper, two generations of 100 below
        var upper = Enumerable.Range(0, 150).Select(Leaf).ToList();
        foreach (var node in upper)
        {
            cache.Add(node.Hash, node, depth: NodeCache.UpperDepth - 1);
        }
        for (var i = 1000; i < 2000; i++)
        {
            var deep = Leaf(i);
            cache.Add(deep.Hash, deep, depth: NodeCache.UpperDepth);
        }
        Assert.All(upper, node => Assert.True(cache.TryGet(node.Hash, out var hit) && ReferenceEquals(hit, node)));
        Assert.False(cache.TryGet(Leaf(1000).Hash, out _)); // the first deep nodes aged out
        Assert.True(cache.TryGet(Leaf(1999).Hash, out _));
        Assert.Equal(150, cache.UpperCount);
        Assert.True(cache.Count <= 400);
    }

    [Fact]
    public void A_full_upper_tier_is_emptied_and_never_exceeds_its_half_of_the_capacity()
    {
        var cache = new NodeCache(capacity: 10);
        for (var i = 0; i < 5; i++)
        {
            cache.Add(Leaf(i).Hash, Leaf(i), depth: 0);
        }
        Assert.Equal(5, cache.UpperCount);
        cache.Add(Leaf(5).Hash, Leaf(5), depth: 1);
        Assert.Equal(1, cache.UpperCount);
        Assert.True(cache.TryGet(Leaf(5).Hash, out _));
        Assert.False(cache.TryGet(Leaf(0).Hash, out _));
    }

    [Fact]
    public void Removed_nodes_are_no_longer_hits_in_any_tier()
    {
        var cache = new NodeCache(capacity: 100);
        var (upper, young, old) = (Leaf(1), Leaf(2), Leaf(3));
        cache.Add(upper.Hash, upper, depth: 0);
        cache.Add(old.Hash, old, depth: 9);
        for (var i = 100; i < 125; i++)
        {
            cache.Add(Leaf(i).Hash, Leaf(i), depth: 9); // pushes `old` into the old generation
        }
        cache.Add(young.Hash, young, depth: 9);
        foreach (var node in new[] { upper, young, old })
        {
            cache.Remove(node.Hash);
            Assert.False(cache.TryGet(node.Hash, out _));
        }
        cache.Remove(Leaf(999).Hash); // absent: no effect
        Assert.Equal(25, cache.Count);
    }

    [Fact]
    public void A_zero_capacity_cache_holds_nothing()
    {
        var cache = new NodeCache(capacity: 0);
        cache.Add(Leaf(1).Hash, Leaf(1), depth: 0);
        cache.Add(Leaf(2).Hash, Leaf(2), depth: 20);
        Assert.Equal(0, cache.Count);
        Assert.False(cache.TryGet(Leaf(1).Hash, out _));
    }
}
