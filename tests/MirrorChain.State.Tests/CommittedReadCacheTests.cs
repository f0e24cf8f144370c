using MirrorChain.Core;
using static MirrorChain.State.Tests.TestData;

namespace MirrorChain.State.Tests;

public sealed class CommittedReadCacheTests
{
    // A reader over a mutable map that counts its reads.
    private sealed class CountingReader(Dictionary<byte[], byte[]> map) : IStateReader
    {
        public int Reads { get; private set; }

        public byte[]? Get(byte[] key)
        {
            Reads++;
            return map.TryGetValue(key, out var value) ? (byte[])value.Clone() : null;
        }

        public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start, byte[]? end, bool reverse = false) =>
            [.. map.OrderBy(e => e.Key, ByteArrayComparer.Instance)];
    }

    private static Dictionary<byte[], byte[]> Map() => new(ByteArrayComparer.Instance) { [B("a")] = B("1") };

    [Fact]
    public void A_key_is_read_from_the_parent_once_until_the_cache_is_invalidated()
    {
        var map = Map();
        var parent = new CountingReader(map);
        var cache = new CommittedReadCache(parent);

        Assert.Equal(B("1"), cache.Get(B("a")));
        Assert.Equal(B("1"), cache.Get(B("a")));
        Assert.Null(cache.Get(B("z")));
        Assert.Null(cache.Get(B("z"))); // absence is cached too
        Assert.Equal(2, parent.Reads);

        cache.Invalidate(); // the committed state is about to change
        map[B("a")] = B("2");
        map[B("z")] = B("new");
        Assert.False(cache.IsValid);
        Assert.Equal(B("2"), cache.Get(B("a")));
        Assert.Equal(B("new"), cache.Get(B("z")));
        Assert.Equal(4, parent.Reads);
    }

    [Fact]
    public void Changing_an_answer_or_the_key_array_does_not_change_what_is_cached()
    {
        var cache = new CommittedReadCache(new CountingReader(Map()));
        var key = B("a");
        var first = cache.Get(key)!;
        first[0] = (byte)'x';
        key[0] = (byte)'b';
        var second = cache.Get(B("a"))!;
        second[0] = (byte)'y';

        Assert.Equal(B("1"), cache.Get(B("a")));
        Assert.Null(cache.Get(B("b")));
    }

    [Fact]
    public void Keys_beyond_the_capacity_are_read_from_the_parent_every_time()
    {
        var map = Map();
        map[B("b")] = B("2");
        var parent = new CountingReader(map);
        var cache = new CommittedReadCache(parent, capacity: 1);

        cache.Get(B("a"));
        cache.Get(B("b"));
        cache.Get(B("a"));
        cache.Get(B("b"));

        Assert.Equal(3, parent.Reads); // "a" kept, "b" read twice
        Assert.Equal(B("2"), cache.Get(B("b")));
    }
}
