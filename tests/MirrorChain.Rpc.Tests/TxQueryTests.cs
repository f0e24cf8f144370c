using MirrorChain.Execution;

namespace MirrorChain.Rpc.Tests;

public sealed class TxQueryTests
{
    private static IndexedTx Tx(long height, int index, params Event[] events)
    {
        var bytes = new byte[] { (byte)height, (byte)index };
        return new IndexedTx(Hashing.TxHash(bytes), height, index, bytes, new TxResult { Events = events });
    }

    [Theory]
    [InlineData("tx.hash='AB12'", "tx.hash = 'AB12'")]
    [InlineData("tx.height=5 AND message.sender = 'terra1x'", "tx.height = 5 AND message.sender = 'terra1x'")]
    [InlineData("  a.b>=1.5 AND c.d<2 AND e.f<=3 AND g.h>4  ", "a.b >= 1.5 AND c.d < 2 AND e.f <= 3 AND g.h > 4")]
    [InlineData("wasm-swap.action CONTAINS 'sw ap' AND transfer.amount EXISTS", "wasm-swap.action CONTAINS 'sw ap' AND transfer.amount EXISTS")]
    [InlineData("block.time > TIME 2025-01-01T00:00:00Z AND x_y.day = DATE 2025-02-03", "block.time > TIME 2025-01-01T00:00:00Z AND x_y.day = DATE 2025-02-03")]
    [InlineData("a.b=''", "a.b = ''")]
    public void Parse_RoundTripsToCanonicalText(string text, string canonical)
    {
        var q = TxQuery.Parse(text);
        Assert.Equal(canonical, q.ToString());
        Assert.Equal(text, q.Text);
        Assert.Equal(canonical, TxQuery.Parse(canonical).ToString());
    }

    [Fact]
    public void Parse_GivesStructuredConditions()
    {
        var q = TxQuery.Parse("message.sender='terra1x' AND tx.height>=7 AND wasm.action EXISTS");
        Assert.Equal(
            new[]
            {
                new TxQueryCondition("message.sender", TxQueryOperator.Equal, new TxQueryValue(TxQueryValueKind.String, "terra1x")),
                new TxQueryCondition("tx.height", TxQueryOperator.GreaterOrEqual, new TxQueryValue(TxQueryValueKind.Number, "7")),
                new TxQueryCondition("wasm.action", TxQueryOperator.Exists, null),
            },
            q.Conditions);
    }

    [Theory]
    [InlineData("", "offset 0: got end of query, wanted tag")]
    [InlineData("tx.height", "offset 9: got end of query, wanted <= operator, >= operator, < operator, > operator, = operator, CONTAINS operator or EXISTS operator")]
    [InlineData("a.b < 'x'", "offset 6: got string, wanted number, timestamp or datestamp")]
    [InlineData("a.b CONTAINS 5", "offset 13: got number, wanted string")]
    [InlineData("a.b = 1 OR c.d = 2", "offset 8: got tag, want AND operator")]
    [InlineData("a.b = 1 AND", "offset 11: got end of query, wanted tag")]
    [InlineData("a.b = 'open", "offset 6: unterminated string")]
    [InlineData("a.b = %", "invalid input % at offset 7")]
    [InlineData("a.b = \"x\"", "invalid input \" at offset 7")]
    [InlineData("a.b = 5.", "offset 6: invalid number 5.")]
    [InlineData("a.b > TIME 2025-13-01T00:00:00Z", "offset 6: invalid TIME value: 2025-13-01T00:00:00Z")]
    [InlineData("a.b > DATE 1800-01-01", "offset 6: datestamp year 1800 out of range")]
    [InlineData("= 5", "offset 0: got = operator, wanted tag")]
    public void Parse_Errors_SayWhereAndWhat(string text, string error)
    {
        Assert.False(TxQuery.TryParse(text, out var q, out var message));
        Assert.Null(q);
        Assert.Equal(error, message);
        Assert.Equal(error, Assert.Throws<FormatException>(() => TxQuery.Parse(text)).Message);
    }

    [Fact]
    public void Hash_MatchesCaseInsensitively_AndIsExposedForDirectLookup()
    {
        var tx = Tx(3, 0);
        var hex = Hex.Upper(tx.Hash);
        var q = TxQuery.Parse($"tx.hash='{hex.ToLowerInvariant()}'");
        Assert.True(q.Matches(tx));
        Assert.Equal(tx.Hash, q.TxHash);
        Assert.False(q.Matches(Tx(3, 1)));
        Assert.Null(TxQuery.Parse("tx.hash='nothex'").TxHash);
        Assert.False(TxQuery.Parse("tx.hash='nothex'").Matches(tx));
    }

    [Theory]
    [InlineData("tx.height=5", true)]
    [InlineData("tx.height=5.0", true)]
    [InlineData("tx.height='5'", true)]
    [InlineData("tx.height>4 AND tx.height<6", true)]
    [InlineData("tx.height>=6", false)]
    [InlineData("tx.height<=4", false)]
    [InlineData("tx.height EXISTS", true)]
    public void Height_ComparesNumerically(string query, bool matches)
    {
        Assert.Equal(matches, TxQuery.Parse(query).Matches(Tx(5, 0)));
    }

    [Theory]
    [InlineData("tx.height=5", 5, 5)]
    [InlineData("tx.height>4 AND tx.height<=9", 5, 9)]
    [InlineData("tx.height>=4.5 AND tx.height<7.5", 5, 7)]
    [InlineData("tx.height=4.5", 1, 0)]
    [InlineData("message.sender='x'", 1, long.MaxValue)]
    [InlineData("tx.height<99999999999999999999999", 1, long.MaxValue)]
    public void HeightBounds_NarrowTheSearch(string query, long min, long max)
    {
        var q = TxQuery.Parse(query);
        Assert.Equal((min, max), (q.MinHeight, q.MaxHeight));
    }

    [Fact]
    public void EventConditions_MatchAnyIndexedAttribute()
    {
        var tx = Tx(2, 0,
            Event.Of("transfer", ("amount", "1234567uluna"), ("amount", "5uusd"), ("sender", "terra1a")),
            new Event("tx", [new EventAttribute("acc_seq", "terra1a/3", false)]),
            Event.Of("wasm", ("price", "12.75"), ("when", "2025-03-04T05:06:07.5Z"), ("day", "2025-03-04"), ("big", "123456789012345678901234567890")));

        Assert.True(TxQuery.Parse("transfer.sender='terra1a'").Matches(tx));
        Assert.False(TxQuery.Parse("transfer.sender='terra1b'").Matches(tx));
        Assert.True(TxQuery.Parse("transfer.amount CONTAINS 'uusd'").Matches(tx));
        Assert.True(TxQuery.Parse("transfer.amount > 1000000").Matches(tx));   // "1234567uluna" reads as 1234567
        Assert.True(TxQuery.Parse("transfer.amount = 5").Matches(tx));
        Assert.False(TxQuery.Parse("transfer.amount > 2000000").Matches(tx));
        Assert.True(TxQuery.Parse("transfer.amount EXISTS").Matches(tx));
        Assert.True(TxQuery.Parse("transfer EXISTS").Matches(tx));
        Assert.False(TxQuery.Parse("transfer.recipient EXISTS").Matches(tx));
        Assert.False(TxQuery.Parse("tx.acc_seq EXISTS").Matches(tx));           // not indexed
        Assert.True(TxQuery.Parse("wasm.price > 12.7 AND wasm.price < 12.8 AND wasm.price = 12.750").Matches(tx));
        Assert.True(TxQuery.Parse("wasm.big > 123456789012345678901234567889").Matches(tx));
        Assert.False(TxQuery.Parse("wasm.big > 123456789012345678901234567890").Matches(tx));
        Assert.True(TxQuery.Parse("wasm.when > TIME 2025-03-04T05:06:07Z AND wasm.when < TIME 2025-03-04T06:10:00+01:00 AND wasm.when > TIME 2025-03-04T06:00:00+01:00").Matches(tx));
        Assert.True(TxQuery.Parse("wasm.day = DATE 2025-03-04 AND wasm.day >= DATE 2025-01-01").Matches(tx));
        Assert.False(TxQuery.Parse("wasm.when = DATE 2025-03-04").Matches(tx)); // a timestamp is not a date
        Assert.False(TxQuery.Parse("transfer.sender='terra1a' AND wasm.price < 1").Matches(tx));
        Assert.False(TxQuery.Parse("transfer.sender.x='terra1a'").Matches(tx));
        Assert.False(TxQuery.Parse("transfe.sender='terra1a'").Matches(tx));
    }

    [Fact]
    public void Search_FiltersOrdersAndPages()
    {
        var txs = new[]
        {
            Tx(3, 0, Event.Of("m", ("k", "v"))),
            Tx(1, 1, Event.Of("m", ("k", "v"))),
            Tx(1, 0, Event.Of("m", ("k", "v"))),
            Tx(2, 0, Event.Of("m", ("k", "other"))),
        };
        var q = TxQuery.Parse("m.k='v'");
        var all = q.Search(txs, 1, 30, descending: false);
        Assert.Equal(3, all.TotalCount);
        Assert.Equal(new[] { (1L, 0), (1L, 1), (3L, 0) }, all.Txs.Select(t => (t.Height, t.Index)));
        var desc = q.Search(txs, 1, 2, descending: true);
        Assert.Equal(3, desc.TotalCount);
        Assert.Equal(new[] { (3L, 0), (1L, 1) }, desc.Txs.Select(t => (t.Height, t.Index)));
        var page2 = q.Search(txs, 2, 2, descending: true);
        Assert.Equal(new[] { (1L, 0) }, page2.Txs.Select(t => (t.Height, t.Index)));
        var beyond = q.Search(txs, 5, 2, descending: false);
        Assert.Empty(beyond.Txs);
        Assert.Equal(3, beyond.TotalCount);
    }
}
