namespace MirrorChain.CrashTest.Tests;

public class EventSearchTests
{
    private static CommittedTx Seen(string hash, long height, int index) => new(hash, "test1", 7, height, index, "{}", 1);

    [Fact]
    public void A_committed_tx_tx_search_does_not_find_where_it_is_is_reported()
    {
        var committed = new[] { Seen("AA", 3, 0), Seen("BB", 3, 1), Seen("CC", 4, 0) };
        var found = new HashSet<(long, int)> { (3, 0), (4, 1) };

        var missing = EventSearch.Missing(committed, found);

        Assert.Equal(["BB", "CC"], missing.Select(m => m.Hash));
        Assert.Contains("at height 3 index 1: tx_search by its transfer.recipient event does not find it", missing[0].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tx_whose_index_is_not_known_yet_is_not_checked()
    {
        Assert.Empty(EventSearch.Missing([Seen("AA", 3, -1)], new HashSet<(long, int)>()));
    }
}
