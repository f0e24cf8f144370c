using System.Text.Json.Nodes;
using Decimal = MirrorChain.Core.Numerics.Decimal;

namespace MirrorChain.Cli.Tests;

/// <summary>The watcher's margin band and state machine, with exact Decimal edges.</summary>
public sealed class MarginTrackerTests
{
    private const string Owner = "terra1757tkx08n0cqrw7p86ny9lnxsqeth0wgp0em95";
    private static readonly Decimal Min = D("1.5");
    private static readonly Decimal Tenth = D("0.1");
    private static readonly Dictionary<string, AuctionSeen> NoAuctions = [];

    [Fact]
    public void Threshold_is_minimum_times_one_plus_margin_floored_at_18_decimals()
    {
        Assert.Equal("1.65", MarginBand.Threshold(Min, Tenth).ToString());
        Assert.Equal("1.5", MarginBand.Threshold(Min, Decimal.Zero).ToString());
        // 1.333333333333333333 × 1.1 = 1.4666666666666666663 → 1.466666666666666666
        Assert.Equal("1.466666666666666666", MarginBand.Threshold(D("1.333333333333333333"), Tenth).ToString());
    }

    [Theory]
    [InlineData("1.65", false, MarginState.Ok)] // at the band's edge: outside it
    [InlineData("1.649999999999999999", false, MarginState.Margin)] // one atomic unit below: inside
    [InlineData("1.500000000000000001", false, MarginState.Margin)]
    [InlineData("1.5", true, MarginState.Auctionable)] // the mint's own test decides auctionable (ratio ≤ minimum)
    [InlineData("1.4", true, MarginState.Auctionable)]
    [InlineData("100", false, MarginState.Ok)]
    public void Classify_puts_the_band_edge_outside_and_follows_the_mints_auction_test(string ratio, bool auctionable, MarginState expected) =>
        Assert.Equal(expected, MarginBand.Classify(D(ratio), Min, Tenth, auctionable, priced: true));

    [Fact]
    public void Classify_without_debt_is_ok_and_without_a_price_is_no_price_and_a_zero_margin_has_no_band()
    {
        Assert.Equal(MarginState.Ok, MarginBand.Classify(null, Min, Tenth, auctionable: false, priced: true));
        Assert.Equal(MarginState.NoPrice, MarginBand.Classify(null, Min, Tenth, auctionable: false, priced: false));
        Assert.Equal(MarginState.Ok, MarginBand.Classify(D("1.500000000000000001"), Min, Decimal.Zero, auctionable: false, priced: true));
    }

    [Fact]
    public void First_look_reports_each_positions_status_then_nothing_until_its_state_changes()
    {
        var tracker = new MarginTracker(Owner, Tenth);
        var first = tracker.Observe([P("1", "2"), P("2", "1.6")], NoAuctions, false, 10, "t10");
        Assert.Equal([("status", "1", MarginState.Ok), ("status", "2", MarginState.Margin)], first.Select(a => (a.Kind, a.Position.Idx, a.State!.Value)));

        Assert.Empty(tracker.Observe([P("1", "1.9"), P("2", "1.61")], NoAuctions, false, 11, "t11")); // ratios move, states do not
        Assert.Empty(tracker.Observe([P("1", "1.65"), P("2", "1.64")], NoAuctions, false, 12, "t12"));
    }

    [Fact]
    public void Each_state_change_is_one_alert_with_its_previous_state()
    {
        var tracker = new MarginTracker(Owner, Tenth);
        tracker.Observe([P("1", "2")], NoAuctions, false, 1, "t1");

        var steps = new[]
        {
            (P("1", "1.649999999999999999"), "margin"),
            (P("1", "1.5", auctionable: true), "auctionable"),
            (P("1", "1.6"), "margin"), // back above the minimum, still in the band
            (P("1", "1.65"), "recovered"),
            (P("1", "1.4", auctionable: true), "auctionable"), // straight past the band
            (P("1", "3"), "recovered"),
            (P("1", null, priced: false), "no_price"),
            (P("1", "3"), "ok"),
        };
        var previous = MarginState.Ok;
        var height = 1L;
        foreach (var (position, kind) in steps)
        {
            var alert = Assert.Single(tracker.Observe([position], NoAuctions, false, ++height, "t"));
            Assert.Equal((kind, position.State, previous, height), (alert.Kind, alert.State!.Value, alert.PreviousState!.Value, alert.Height));
            previous = position.State;
        }
    }

    [Fact]
    public void An_auction_is_reported_as_liquidated_even_when_the_state_stays_and_a_removal_without_one_as_closed()
    {
        var tracker = new MarginTracker(Owner, Tenth);
        tracker.Observe([P("1", "1.4", auctionable: true), P("2", "2"), P("3", "2")], NoAuctions, false, 1, "t1");
        var auction = new AuctionSeen("1", "100terra1token", "1000uusd");

        var alerts = tracker.Observe([P("1", "1.45", auctionable: true), P("3", "2")], new Dictionary<string, AuctionSeen> { ["1"] = auction }, false, 2, "t2");

        Assert.Equal(2, alerts.Count);
        Assert.Equal(("liquidated", MarginState.Auctionable, auction), (alerts[0].Kind, alerts[0].State!.Value, alerts[0].Auction));
        Assert.Equal(("closed", (MarginState?)null, "2"), (alerts[1].Kind, alerts[1].State, alerts[1].Position.Idx));

        var gone = Assert.Single(tracker.Observe([P("3", "2")], new Dictionary<string, AuctionSeen> { ["1"] = auction }, false, 3, "t3"));
        Assert.Equal(("liquidated", (MarginState?)null, MarginState.Auctionable), (gone.Kind, gone.State, gone.PreviousState!.Value));
    }

    [Fact]
    public void After_missed_blocks_a_fall_in_both_debt_and_collateral_is_an_inferred_liquidation_but_not_otherwise()
    {
        var tracker = new MarginTracker(Owner, Tenth);
        tracker.Observe([P("1", "1.4", auctionable: true, debt: 1000, collateral: 1400)], NoAuctions, false, 1, "t1");

        Assert.Empty(tracker.Observe([P("1", "1.4", auctionable: true, debt: 900, collateral: 1300)], NoAuctions, false, 2, "t2"));
        var inferred = Assert.Single(tracker.Observe([P("1", "1.4", auctionable: true, debt: 800, collateral: 1200)], NoAuctions, true, 9, "t9"));
        Assert.Equal(("liquidated", true, (AuctionSeen?)null), (inferred.Kind, inferred.Inferred, inferred.Auction));
    }

    [Fact]
    public void A_position_opened_after_the_first_look_is_reported_as_opened_and_alerts_come_in_index_order()
    {
        var tracker = new MarginTracker(Owner, Tenth);
        tracker.Observe([P("9", "2")], NoAuctions, false, 1, "t1");

        var alerts = tracker.Observe([P("9", "1.6"), P("10", "1.5", auctionable: true)], NoAuctions, false, 2, "t2");

        Assert.Equal([("margin", "9"), ("opened", "10")], alerts.Select(a => (a.Kind, a.Position.Idx)));
        Assert.Equal(MarginState.Auctionable, alerts[1].State);
    }

    [Fact]
    public void Alerts_render_as_one_json_object_and_one_text_line()
    {
        var tracker = new MarginTracker(Owner, Tenth);
        tracker.Observe([P("1", "2")], NoAuctions, false, 1, "t1");
        var alert = Assert.Single(tracker.Observe([P("1", "1.595239690477785715")], NoAuctions, false, 42, "2026-12-03T10:00:00.5Z"));

        Assert.Equal(
            "{\"event\":\"margin\",\"owner\":\"" + Owner + "\",\"position_idx\":\"1\",\"asset\":\"mTSLA\",\"state\":\"margin\",\"previous_state\":\"ok\"," +
            "\"collateral_ratio\":\"1.595239690477785715\",\"min_collateral_ratio\":\"1.5\",\"margin_ratio\":\"1.65\",\"debt\":\"999999\"," +
            "\"collateral\":\"1340000000\",\"collateral_symbol\":\"uusd\",\"height\":42,\"time\":\"2026-12-03T10:00:00.5Z\"}",
            MarginAlertFormat.ToJson(alert).ToJsonString());
        Assert.Equal("height 42 2026-12-03T10:00:00.5Z position 1 mTSLA: within the margin: ratio 1.595239 < 1.65 (minimum 1.5)", MarginAlertFormat.ToText(alert));

        var liquidated = new MarginAlert("liquidated", Owner, P("1", "1.548613046877419707"), MarginState.Margin, MarginState.Auctionable, D("1.65"), 50, "t",
            new AuctionSeen("1", "200000terra1tok", "222300000uusd"));
        Assert.Equal("height 50 t position 1 mTSLA: liquidated by an auction (200000terra1tok repaid, 222300000uusd to the liquidator): ratio now 1.548613, margin",
            MarginAlertFormat.ToText(liquidated));
        var json = MarginAlertFormat.ToJson(liquidated);
        Assert.Equal(("200000terra1tok", "222300000uusd", false), (json["liquidated_amount"]!.GetValue<string>(), json["return_collateral_amount"]!.GetValue<string>(), json["inferred"]!.GetValue<bool>()));
    }

    [Fact]
    public void Auctions_are_read_from_a_new_blocks_successful_tx_results_for_the_mint_and_owner_only()
    {
        const string Mint = "terra1mint";
        static JsonObject Wasm(string contract, string action, string owner, string idx) => new()
        {
            ["type"] = "wasm",
            ["attributes"] = new JsonArray(
                Attr("_contract_address", contract), Attr("action", action), Attr("position_idx", idx), Attr("owner", owner),
                Attr("return_collateral_amount", "5uusd"), Attr("liquidated_amount", "7terra1tok")),
        };
        var block = new JsonObject
        {
            ["result_finalize_block"] = new JsonObject
            {
                ["tx_results"] = new JsonArray(
                    new JsonObject { ["code"] = 0, ["events"] = new JsonArray(Wasm("terra1tok", "send", Owner, "1"), Wasm(Mint, "auction", Owner, "3")) },
                    new JsonObject { ["code"] = 5, ["events"] = new JsonArray(Wasm(Mint, "auction", Owner, "4")) },
                    new JsonObject { ["code"] = 0, ["events"] = new JsonArray(Wasm(Mint, "auction", "terra1other", "5"), Wasm("terra1fake", "auction", Owner, "6")) }),
            },
        };

        Assert.Equal([new AuctionSeen("3", "7terra1tok", "5uusd")], WatchCommand.AuctionsIn(block, Mint, Owner));
    }

    [Theory]
    [InlineData("127.0.0.1:26657", "ws://127.0.0.1:26657/websocket")]
    [InlineData("tcp://127.0.0.1:36657", "ws://127.0.0.1:36657/websocket")]
    [InlineData("http://node.example:26657/", "ws://node.example:26657/websocket")]
    [InlineData("https://rpc.example/terra", "wss://rpc.example/terra/websocket")]
    public void The_websocket_address_follows_the_node_address(string node, string expected) =>
        Assert.Equal(expected, NewBlockSubscription.WebSocketUri(node).ToString());

    [Fact]
    public void Margin_and_post_url_are_checked()
    {
        Assert.Equal("0.25", WatchCommand.ParseMargin("0.25").ToString());
        Assert.Throws<FormatException>(() => WatchCommand.ParseMargin("-1"));
        Assert.Equal("http://127.0.0.1:8080/alerts", AlertPoster.ParseUrl("http://127.0.0.1:8080/alerts").ToString());
        Assert.Throws<FormatException>(() => AlertPoster.ParseUrl("https://example.com"));
        Assert.Throws<FormatException>(() => AlertPoster.ParseUrl("/relative"));
    }

    private static JsonObject Attr(string key, string value) => new() { ["key"] = key, ["value"] = value, ["index"] = true };

    private static Decimal D(string s) => Decimal.Parse(s);

    private static PositionHealth P(string idx, string? ratio, bool auctionable = false, bool priced = true, ulong debt = 999999, ulong collateral = 1340000000)
    {
        var r = ratio is null ? (Decimal?)null : D(ratio);
        return new PositionHealth(idx, "mTSLA", debt, "uusd", collateral, r, Min, MarginBand.Classify(r, Min, Tenth, auctionable, priced));
    }
}
