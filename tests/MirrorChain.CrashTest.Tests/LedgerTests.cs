namespace MirrorChain.CrashTest.Tests;

public class LedgerTests
{
    [Fact]
    public void An_answered_tx_leaves_the_in_flight_set_and_an_unanswered_one_stays_until_taken()
    {
        var ledger = new Ledger();
        ledger.Sending(new InFlightTx("A", "test1", 0, 1));
        ledger.Sending(new InFlightTx("B", "test2", 0, 1));
        ledger.Sending(new InFlightTx("C", "test3", 0, 1));

        ledger.Committed(new CommittedTx("A", "test1", 0, 5, -1, "{}", 1));
        ledger.Rejected("B");

        Assert.Equal("C", Assert.Single(ledger.TakeInFlight()).Hash);
        Assert.Empty(ledger.TakeInFlight());
        Assert.True(ledger.Contains("A"));
        Assert.Equal(5, ledger.MaxCommittedHeight);
    }

    [Fact]
    public void The_index_found_later_is_kept_once()
    {
        var ledger = new Ledger();
        ledger.Committed(new CommittedTx("A", "test1", 0, 5, -1, "{}", 1));

        ledger.SetIndex("A", 3);
        ledger.SetIndex("A", 4);

        Assert.Equal(3, Assert.Single(ledger.CommittedSnapshot()).Index);
    }
}
