using static MirrorChain.Contracts.Mirror.Tests.Factory.FactoryFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Factory;

/// <summary>
/// distribute: per-second emission by the schedule (relative to genesis), 60 s minimum interval, weights, rewards in
/// canonical-address order, 10 per MIR send (upstream <c>test_distribute</c> in
/// contracts/mirror_factory/src/testing/tests.rs, and per-second flooring cases: a whole slot paid at once can be 1
/// unit short).
/// </summary>
public sealed class DistributeTests
{
    private const string BeforeInterval = "Generic error: Cannot distribute mirror token before interval: execute wasm contract failed";

    /// <summary>The MIR cw20 send the factory must emit for <paramref name="rewards"/> (in the given order).</summary>
    private static string ExpectedSend(FactoryFixture f, IEnumerable<(Address Asset, UInt128 Amount)> rewards)
    {
        var list = rewards.ToList();
        var total = list.Aggregate(UInt128.Zero, (s, r) => s + r.Amount);
        var hook = $"{{\"deposit_reward\":{{\"rewards\":[{string.Join(",", list.Select(r => $"[\"{r.Asset}\",\"{r.Amount}\"]"))}]}}}}";
        return $"{{\"send\":{{\"contract\":\"{f.Staking}\",\"amount\":\"{total}\",\"msg\":\"{Convert.ToBase64String(Encoding.UTF8.GetBytes(hook))}\"}}}}";
    }

    private static UInt128 Reward(FactoryFixture f, Address asset) =>
        UInt128.Parse(f.StakingPool(asset).GetProperty("total_reward").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void distribute_pays_each_slot_per_second_by_weight()
    {
        var f = new FactoryFixture("""[[1800,3600,"3600"],[3600,7200,"7200"]]""");
        var a0 = f.NewAsset("mAPPL", weight: 100);
        var a1 = f.NewAsset("mGOGL", weight: 100);
        f.Log.Clear();
        Assert.Equal(BeforeInterval, Fail(() => f.Distribute()));

        f.App.SetTime(Genesis + 5400);
        var r = f.Distribute();
        // 1800 s of slot 1 at 2/s + 1800 s of slot 2 at 2/s = 7200; 7200 · 100/500 = 1440, 7200 · 300/500 = 4320
        Assert.Equal([("action", "distribute"), ("distribution_amount", "7200")], AttributesOf(r, f.Factory));
        var amounts = new Dictionary<Address, UInt128> { [a0] = 1440, [a1] = 1440, [f.Mir] = 4320 };
        Assert.Equal([ExpectedSend(f, Canonical(a0, a1, f.Mir).Select(a => (a, amounts[a])))], f.ExecutedAt(f.Mir));
        Assert.Equal(1_571_802_819ul, f.DistributionInfo().GetProperty("last_distributed").GetUInt64());

        Assert.Equal(EmissionPool - 7200, f.Cw20Balance(f.Mir, f.Factory));
        Assert.Equal((UInt128)7200, f.Cw20Balance(f.Mir, f.Staking));
        Assert.Equal(((UInt128)1440, (UInt128)1440, (UInt128)4320), (Reward(f, a0), Reward(f, a1), Reward(f, f.Mir)));
        Assert.Equal([("action", "deposit_reward"), ("rewards_amount", "7200")], AttributesOf(r, f.Staking));
    }

    [Fact]
    public void The_interval_is_60_seconds_since_the_last_distribution_and_anyone_may_call()
    {
        var f = new FactoryFixture("""[[0,600,"1000000"]]""");
        f.App.SetTime(Genesis + 59);
        Assert.Equal(BeforeInterval, Fail(() => f.Distribute(Alice)));
        f.App.SetTime(Genesis + 60);
        f.Distribute(Alice);
        f.App.SetTime(Genesis + 119);
        Assert.Equal(BeforeInterval, Fail(() => f.Distribute(GovAddr)));
        f.App.SetTime(Genesis + 120);
        // each window is floored on its own: 60 s · 1666.666666666666666666 = 99999.99… → 99999 (MIR alone, 300/300)
        Assert.Equal("99999", f.Distribute(GovAddr).Attribute("distribution_amount"));
    }

    [Fact]
    public void Schedule_over_several_intervals_floors_each_window_and_splits_by_weight()
    {
        var f = new FactoryFixture("""[[0,600,"1000000"]]""");
        var asset = f.NewAsset("mAPPL"); // weight 30, total 330
        f.Log.Clear();
        // per second = from_ratio(1000000, 600) = 1666.666666666666666666
        (ulong At, UInt128 Target, UInt128 Asset, UInt128 Mir)[] windows =
        [
            (60, 99_999, 9_090, 90_908),    // 60 s:  ⌊99999.99…⌋; ⌊99999·30/330⌋, ⌊99999·300/330⌋
            (300, 399_999, 36_363, 363_635), // 240 s
            (700, 499_999, 45_454, 454_544), // min(600, 700) − 300 = 300 s
        ];
        foreach (var (at, target, assetAmount, mirAmount) in windows)
        {
            f.App.SetTime(Genesis + at);
            f.Log.Clear();
            var r = f.Distribute();
            Assert.Equal((assetAmount + mirAmount).ToString(), r.Attribute("distribution_amount"));
            Assert.True(target - (assetAmount + mirAmount) <= 1); // the dust of ⌊·⌋ per asset stays in the factory
            var amounts = new Dictionary<Address, UInt128> { [asset] = assetAmount, [f.Mir] = mirAmount };
            Assert.Equal([ExpectedSend(f, Canonical(asset, f.Mir).Select(a => (a, amounts[a])))], f.ExecutedAt(f.Mir));
        }
        Assert.Equal((UInt128)(9_090 + 36_363 + 45_454), Reward(f, asset));
        Assert.Equal((UInt128)(90_908 + 363_635 + 454_544), Reward(f, f.Mir));
        Assert.Equal(EmissionPool - 999_994, f.Cw20Balance(f.Mir, f.Factory));

        // past the schedule: nothing is sent, last_distributed still advances
        f.App.SetTime(Genesis + 800);
        f.Log.Clear();
        var after = f.Distribute();
        Assert.Equal([("action", "distribute"), ("distribution_amount", "0")], AttributesOf(after, f.Factory));
        Assert.Empty(f.ExecutedAt(f.Mir));
        Assert.Equal(Genesis + 800, f.DistributionInfo().GetProperty("last_distributed").GetUInt64());
    }

    [Fact]
    public void A_full_slot_paid_in_one_call_can_be_one_unit_short()
    {
        var f = new FactoryFixture("""[[0,3,"1000"]]""");
        f.App.SetTime(Genesis + 60);
        // from_ratio(1000, 3) = 333.333333333333333333 · 3 = 999.999… → 999
        Assert.Equal("999", f.Distribute().Attribute("distribution_amount"));
        Assert.Equal([ExpectedSend(f, [(f.Mir, 999)])], f.ExecutedAt(f.Mir));
    }

    [Fact]
    public void Zero_amounts_are_dropped_and_nothing_is_sent_for_an_empty_window()
    {
        var f = new FactoryFixture("""[[0,60,"100"],[1000,2000,"5000"]]""");
        var small = f.NewAsset("mSMALL", weight: 1); // total 301
        f.Log.Clear();
        f.App.SetTime(Genesis + 60);
        // from_ratio(100, 60) · 60 = 99.99… → 99; ⌊99 · 1/301⌋ = 0 is dropped; ⌊99 · 300/301⌋ = 98
        var r = f.Distribute();
        Assert.Equal("98", r.Attribute("distribution_amount"));
        Assert.Equal([ExpectedSend(f, [(f.Mir, 98)])], f.ExecutedAt(f.Mir));
        Assert.Equal(UInt128.Zero, Reward(f, small));

        // 60 → 120: between the slots, nothing to send
        f.App.SetTime(Genesis + 120);
        f.Log.Clear();
        Assert.Equal("0", f.Distribute().Attribute("distribution_amount"));
        Assert.Empty(f.ExecutedAt(f.Mir));
        Assert.Equal(Genesis + 120, f.DistributionInfo().GetProperty("last_distributed").GetUInt64());

        // a weight set to 0 is skipped as well
        f.App.Execute(GovAddr, f.Factory, $"{{\"update_weight\":{{\"asset_token\":\"{small}\",\"weight\":0}}}}");
        f.App.SetTime(Genesis + 1100);
        f.Log.Clear();
        // 100 s of slot 2 at 5/s = 500, all to MIR (300/300)
        Assert.Equal("500", f.Distribute().Attribute("distribution_amount"));
        Assert.Equal([ExpectedSend(f, [(f.Mir, 500)])], f.ExecutedAt(f.Mir));
    }

    [Fact]
    public void Rewards_are_split_ten_per_send_in_canonical_order()
    {
        var f = new FactoryFixture("""[[0,60,"1200000"]]""");
        var assets = Enumerable.Range(0, 11).Select(i => f.NewAsset($"mA{(char)('A' + i)}")).ToArray(); // 11 · 30 + 300 = 630
        f.Log.Clear();
        f.App.SetTime(Genesis + 60);
        var r = f.Distribute();
        // target 1_200_000; each asset ⌊1200000·30/630⌋ = 57142, MIR ⌊1200000·300/630⌋ = 571428
        Assert.Equal((11 * 57_142 + 571_428).ToString(System.Globalization.CultureInfo.InvariantCulture), r.Attribute("distribution_amount"));
        var ordered = Canonical([.. assets, f.Mir]).Select(a => (a, a == f.Mir ? (UInt128)571_428 : 57_142)).ToList();
        Assert.Equal([ExpectedSend(f, ordered.Take(10)), ExpectedSend(f, ordered.Skip(10))], f.ExecutedAt(f.Mir));
        Assert.Equal(2, r.Events.Count(e => e.Type == "wasm" && e.Attributes[0].Value == f.Staking.ToString()));
        Assert.All(assets, a => Assert.Equal((UInt128)57_142, Reward(f, a)));
    }

    [Fact]
    public void Distribute_needs_the_mir_pool_funded()
    {
        var f = new FactoryFixture("""[[0,60,"2000000000000"]]""");
        f.App.SetTime(Genesis + 60);
        Assert.Equal($"Overflow: Cannot Sub with {EmissionPool} and 1999999999999: execute wasm contract failed", Fail(() => f.Distribute()));
        Assert.Equal(Genesis, f.DistributionInfo().GetProperty("last_distributed").GetUInt64());
    }
}
