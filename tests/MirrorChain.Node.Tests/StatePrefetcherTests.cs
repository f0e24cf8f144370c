using MirrorChain.State;

namespace MirrorChain.Node.Tests;

/// <summary>The prefetcher's hint stage on its own: which flat keys it reads, with exact counts.</summary>
public sealed class StatePrefetcherTests
{
    private sealed class CountingReader(IStateReader inner) : IStateReader
    {
        private readonly List<string> _reads = [];

        public IReadOnlyList<string> Reads
        {
            get
            {
                lock (_reads)
                {
                    return [.. _reads];
                }
            }
        }

        public byte[]? Get(byte[] key)
        {
            lock (_reads)
            {
                _reads.Add(Encoding.UTF8.GetString(key));
            }
            return inner.Get(key);
        }

        public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start, byte[]? end, bool reverse = false) => inner.Range(start, end, reverse);
    }

    private static StateDb Committed(params string[] keys)
    {
        var store = new MemoryKeyValueStore();
        var state = new StateDb(store);
        using var batch = store.CreateBatch();
        var root = state.PrepareCommit(0, [.. keys.Order(StringComparer.Ordinal).Select(k => new KeyValuePair<byte[], byte[]?>(Encoding.UTF8.GetBytes(k), "v"u8.ToArray()))], batch);
        store.Write(batch);
        state.MarkCommitted(0, root);
        return state;
    }

    [Fact]
    public void Hinted_keys_are_read_once_each_unless_execution_read_them_first_then_written_keys_are_walked()
    {
        var state = Committed([.. Enumerable.Range(0, 200).Select(i => $"k{i}")]);
        var reads = new ReadRecorder(state.Committed);
        reads.Get("k1"u8.ToArray()); // execution got there first
        var counting = new CountingReader(state.Committed);
        using var prefetcher = new StatePrefetcher(drainAtEnd: true);
        var warmup = state.Tree.StartWarmup(state.LatestRoot, reads);

        prefetcher.Begin(warmup, counting, () => new[] { "k0", "k1", "k2", "new" }.Select(k => Encoding.UTF8.GetBytes(k)));
        prefetcher.Add("k3"u8.ToArray());
        prefetcher.End();

        Assert.Equal(["k0", "k2", "new"], counting.Reads);
        Assert.Equal(5, warmup.PathsWalked);
        Assert.Equal(0, prefetcher.Failures);
    }

    [Fact]
    public void Hints_that_throw_end_the_hints_and_the_written_keys_are_still_walked()
    {
        var state = Committed("a", "b");
        using var prefetcher = new StatePrefetcher(drainAtEnd: true);
        var warmup = state.Tree.StartWarmup(state.LatestRoot);

        prefetcher.Begin(warmup, state.Committed, () => throw new InvalidDataException("no hints"));
        prefetcher.Add("a"u8.ToArray());
        prefetcher.End();

        Assert.Equal(1, prefetcher.Failures);
        Assert.Equal(1, warmup.PathsWalked);
        Assert.True(warmup.Stopped);
    }

    [Fact]
    public void Keys_added_outside_a_block_are_ignored()
    {
        var state = Committed("a");
        using var prefetcher = new StatePrefetcher(drainAtEnd: true);
        var warmup = state.Tree.StartWarmup(state.LatestRoot);
        prefetcher.Add("a"u8.ToArray()); // before Begin
        prefetcher.Begin(warmup, state.Committed);
        prefetcher.End();
        prefetcher.Add("a"u8.ToArray()); // after End

        Assert.Equal(0, warmup.PathsWalked);
    }
}
