namespace MirrorChain.CrashTest.Tests;

public class ChainChecksTests
{
    private const string Ok = """{"code":0,"gas_used":"50000"}""";

    private static Dictionary<long, ChainBlock> Chain(params ChainBlock[] blocks) => blocks.ToDictionary(b => b.Height);

    private static ChainBlock Block(long height, string hash, string last, params string[] txs) =>
        new(height, hash, last, txs, txs.Select(_ => Ok).ToList());

    private static CommittedTx Seen(string hash, long height, int index = -1, string result = Ok) =>
        new(hash, "test1", 7, height, index, result, 1);

    [Fact]
    public void Links_accept_contiguous_heights_each_pointing_at_the_previous_hash()
    {
        var chain = Chain(Block(1, "A1", ""), Block(2, "B2", "A1"), Block(3, "C3", "b2"));

        Assert.Empty(ChainChecks.Links(chain, 3));
    }

    [Fact]
    public void Links_report_a_missing_height()
    {
        var chain = Chain(Block(1, "A1", ""), Block(3, "C3", "B2"));

        var problem = Assert.Single(ChainChecks.Links(chain, 3));
        Assert.Contains("height 2 is missing", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_report_a_header_whose_last_block_id_is_not_the_previous_block()
    {
        var chain = Chain(Block(1, "A1", ""), Block(2, "B2", "A1"), Block(3, "C3", "FF"));

        var problem = Assert.Single(ChainChecks.Links(chain, 3));
        Assert.Contains("height 3: last_block_id", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_report_a_first_block_that_points_somewhere()
    {
        Assert.Single(ChainChecks.Links(Chain(Block(1, "A1", "00")), 1));
    }

    [Fact]
    public void Stable_reports_a_block_hash_that_changed_since_it_was_first_seen()
    {
        var known = new Dictionary<long, string>();
        Assert.Empty(ChainChecks.Stable(Chain(Block(1, "A1", ""), Block(2, "B2", "A1")), known));

        var problem = Assert.Single(ChainChecks.Stable(Chain(Block(1, "A1", ""), Block(2, "XX", "A1"), Block(3, "C3", "XX")), known));

        Assert.Contains("height 2: block hash changed", problem, StringComparison.Ordinal);
        Assert.Equal("C3", known[3]);
    }

    [Fact]
    public void Committed_accepts_txs_at_their_height_and_finds_missing_indexes()
    {
        var chain = Chain(Block(1, "A1", "", "T1", "T2"), Block(2, "B2", "A1", "T3"));
        var seen = new[] { Seen("T2", 1), Seen("T3", 2, index: 0) };

        var (lost, indexes) = ChainChecks.Committed(seen, chain, ChainChecks.Locations(chain));

        Assert.Empty(lost);
        Assert.Equal([("T2", 1)], indexes);
    }

    [Fact]
    public void Committed_reports_a_tx_that_is_no_longer_in_the_chain()
    {
        var chain = Chain(Block(1, "A1", "", "T1"));

        var (lost, _) = ChainChecks.Committed([Seen("T9", 1)], chain, ChainChecks.Locations(chain));

        Assert.Equal("T9", Assert.Single(lost).Hash);
    }

    [Fact]
    public void Committed_reports_a_tx_that_moved_to_another_height_or_index()
    {
        var chain = Chain(Block(1, "A1", ""), Block(2, "B2", "A1", "T0", "T1"));
        var seen = new[] { Seen("T0", 1), Seen("T1", 2, index: 0) };

        var (lost, _) = ChainChecks.Committed(seen, chain, ChainChecks.Locations(chain));

        Assert.Equal(["T0", "T1"], lost.Select(l => l.Hash));
    }

    [Fact]
    public void Committed_reports_a_tx_whose_result_changed()
    {
        var chain = Chain(Block(1, "A1", "", "T1"));

        var (lost, _) = ChainChecks.Committed([Seen("T1", 1, result: """{"code":5}""")], chain, ChainChecks.Locations(chain));

        Assert.Contains("different result", Assert.Single(lost).Problem, StringComparison.Ordinal);
    }
}
