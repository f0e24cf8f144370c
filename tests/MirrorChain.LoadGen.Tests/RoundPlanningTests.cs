namespace MirrorChain.LoadGen.Tests;

public class RoundPlanningTests
{
    private static SenderAccount Account(int i, ulong sequence = 0) => new($"bench{i}", BenchKeys.Key("round-planning", i), (ulong)(11 + i), sequence);

    [Fact]
    public void A_sender_signs_its_txs_with_consecutive_sequences_in_plan_order_and_its_counter_is_left_to_the_round()
    {
        var a = Account(0, sequence: 7);
        var b = Account(1);
        var to = TxPresigner.DefaultRecipient();
        TxPlan[] plans = [TxPresigner.BankSend(a, to), TxPresigner.BankSend(b, to), TxPresigner.BankSend(a, to), TxPresigner.BankSend(a, to), TxPresigner.BankSend(b, to)];

        var (perSender, perPlan, senders) = TxPresigner.Sign(plans, "mirrorchain-devnet-1");

        Assert.Equal([7UL, 0, 8, 9, 1], perPlan.Select(t => t.Sequence));
        Assert.Equal([a, b], senders);
        Assert.Equal([7UL, 8, 9], perSender[0].Select(t => t.Sequence));
        Assert.Equal([0UL, 1], perSender[1].Select(t => t.Sequence));
        Assert.Equal(5, perPlan.Select(t => t.HashHex).Distinct().Count());
        Assert.Equal(7UL, a.NextSequence);
    }

    [Fact]
    public void Rounds_take_distinct_senders_continuing_where_the_last_round_stopped_and_wrap_when_bigger_than_the_pool()
    {
        using var rpc = new JsonRpcClient(new Uri("http://127.0.0.1:1/"), 1, TimeSpan.FromSeconds(1));
        var pool = Enumerable.Range(0, 5).Select(i => Account(i)).ToArray();
        var session = new LoadSession(new LoadGenOptions(), rpc, rpc, "chain", pool);

        var first = session.TakeSenders(3);
        var second = session.TakeSenders(3);
        var big = session.TakeSenders(7);

        Assert.Equal(["bench0", "bench1", "bench2"], first.Select(s => s.Name));
        Assert.Equal(["bench3", "bench4", "bench0"], second.Select(s => s.Name));
        Assert.Equal(["bench1", "bench2", "bench3", "bench4", "bench0", "bench1", "bench2"], big.Select(s => s.Name));
    }

    [Fact]
    public void The_minimum_fee_is_the_devnet_gas_price_rounded_up()
    {
        Assert.Equal((UInt128)1500, TxPresigner.MinimumFee(100_000).Amount);
        Assert.Equal((UInt128)2, TxPresigner.MinimumFee(101).Amount);
        Assert.Equal("uluna", TxPresigner.MinimumFee(1).Denom);
    }
}
