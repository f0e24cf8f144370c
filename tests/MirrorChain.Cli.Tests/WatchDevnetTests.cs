using System.Text;
using System.Text.Json.Nodes;

namespace MirrorChain.Cli.Tests;

/// <summary>
/// <c>mirrorchain watch</c> against a real devnet: a CDP is opened, the oracle price is moved into the margin band,
/// past the auction trigger, the position is auctioned, the price recovers, the position is repaid and emptied —
/// and the watcher prints and POSTs exactly one alert per change, with the mint's exact ratios.
/// </summary>
[Collection("Console")]
public sealed class WatchDevnetTests(DevnetFixture devnet) : IClassFixture<DevnetFixture>
{
    private const string Test2 = "terra17lmam6zguazs5q5u6z5mmx76uj63gldnse2pdp";
    private const string Test3 = "terra1757tkx08n0cqrw7p86ny9lnxsqeth0wgp0em95";

    private MirrorContracts Contracts => ContractsFile.Load(devnet.Home.Contracts);

    [Fact]
    public async Task Watch_alerts_once_per_change_through_margin_auction_liquidation_recovery_and_close_with_exact_ratios()
    {
        var c = Contracts;
        var mTsla = c.Assets.Single(a => a.Symbol == "mTSLA").Token;
        await FeedAsync(mTsla, "670");
        await ExecAsync("test3", c.Mint, $"{{\"open_position\":{{\"collateral\":{{\"info\":{{\"native_token\":{{\"denom\":\"uusd\"}}}},\"amount\":\"1340000000\"}},\"asset_info\":{{\"token\":{{\"contract_addr\":\"{mTsla}\"}}}},\"collateral_ratio\":\"2\"}}}}", "1340000000uusd");

        using var sink = new AlertSink();
        var lines = new LineSink();
        var log = new LineSink();
        using var stop = new CancellationTokenSource();
        var watcher = Task.Run(() => WatchCommand.RunAsync(devnet.Home, new WatchCommand.Options(devnet.Node, Test3, "0.1", sink.Url, OutputFormat.Json), lines, log, stop.Token));
        try
        {
            var status = await NextAlertAsync(lines, sink, "the first status");
            var idx = status["position_idx"]!.GetValue<string>();
            AssertAlert(status, "status", "ok", null, "2.000002000002000002", idx);
            Assert.Equal("999999", status["debt"]!.GetValue<string>());
            Assert.Equal("1340000000", status["collateral"]!.GetValue<string>());
            Assert.Equal("uusd", status["collateral_symbol"]!.GetValue<string>());
            Assert.Equal(Test3, status["owner"]!.GetValue<string>());

            // 840: ⌊999999 × 840⌋ = 839999160, 1340000000 / 839999160 < 1.5 × 1.1
            var fed = await FeedAsync(mTsla, "840");
            var margin = await NextAlertAsync(lines, sink, "the margin alert");
            AssertAlert(margin, "margin", "margin", "ok", "1.595239690477785715", idx);
            Assert.True(margin["height"]!.GetValue<long>() >= fed);
            await AssertTimeIsTheBlocksAsync(margin);

            // 900: ⌊⌊999999 × 900⌋ × 1.5⌋ = 1349998650 ≥ 1340000000: the mint accepts an auction
            fed = await FeedAsync(mTsla, "900");
            var auctionable = await NextAlertAsync(lines, sink, "the auctionable alert");
            AssertAlert(auctionable, "auctionable", "auctionable", "margin", "1.488890377779266668", idx);
            Assert.True(auctionable["height"]!.GetValue<long>() >= fed);

            // --once (through the CLI, node address from the home): exit code 2 while a position is auctionable
            var once = await CliRunner.RunAsync("watch", "--once", "--owner", Test3, "--home", devnet.Home.Root);
            Assert.Equal(2, once.Code);
            Assert.Matches($"^height [0-9]+ [0-9T:.Z-]+ position {idx} mTSLA: status: auctionable, ratio 1\\.48889 \\(minimum 1\\.5, margin band below 1\\.65\\)\n$", once.Out);

            // a liquidator buys 200000 mTSLA of the debt at 900 / (1 − 0.2) = 1125 uusd: 225000000 uusd of collateral,
            // less the 1.5% protocol fee on 200000 × 900; left: 799999 mTSLA against 1115000000 uusd
            await ExecAsync("test3", mTsla, $"{{\"transfer\":{{\"recipient\":\"{Test2}\",\"amount\":\"200000\"}}}}");
            Assert.Empty(lines.All.Skip(3)); // a transfer changes no position
            await ExecAsync("test2", mTsla, Send(c.Mint, "200000", $"{{\"auction\":{{\"position_idx\":\"{idx}\"}}}}"));
            var liquidated = await NextAlertAsync(lines, sink, "the liquidation alert");
            AssertAlert(liquidated, "liquidated", "margin", "auctionable", "1.548613046877419707", idx);
            Assert.Equal($"200000{mTsla}", liquidated["liquidated_amount"]!.GetValue<string>());
            Assert.Equal("222300000uusd", liquidated["return_collateral_amount"]!.GetValue<string>());
            Assert.False(liquidated["inferred"]!.GetValue<bool>());
            Assert.Equal("799999", liquidated["debt"]!.GetValue<string>());
            Assert.Equal("1115000000", liquidated["collateral"]!.GetValue<string>());

            await FeedAsync(mTsla, "670");
            var recovered = await NextAlertAsync(lines, sink, "the recovery alert");
            AssertAlert(recovered, "recovered", "ok", "margin", "2.080226480880116025", idx);

            // repaying the whole debt keeps the position "ok" (no alert); withdrawing everything removes it
            await ExecAsync("test3", mTsla, Send(c.Mint, "799999", $"{{\"burn\":{{\"position_idx\":\"{idx}\"}}}}"));
            await ExecAsync("test3", c.Mint, $"{{\"withdraw\":{{\"position_idx\":\"{idx}\"}}}}");
            var closed = await NextAlertAsync(lines, sink, "the close alert");
            Assert.Equal("closed", closed["event"]!.GetValue<string>());
            Assert.Equal("closed", closed["state"]!.GetValue<string>());
            Assert.Equal("ok", closed["previous_state"]!.GetValue<string>());
            Assert.Null(closed["collateral_ratio"]);
        }
        finally
        {
            await stop.CancelAsync();
        }
        Assert.Equal(0, await watcher);
        Assert.Equal(["status", "margin", "auctionable", "liquidated", "recovered", "closed"],
            lines.All.Select(l => JsonNode.Parse(l)!["event"]!.GetValue<string>()));
        Assert.False(sink.TryNext(out var extra), $"an extra POST: {extra}");
        Assert.Empty(log.All);
    }

    [Fact]
    public async Task Watch_reconnects_after_a_dropped_connection_and_infers_a_liquidation_it_could_not_see()
    {
        const string Test4 = "terra199vw7724lzkwz6lf2hsx04lrxfkz09tg8dlp6r";
        var c = Contracts;
        var mAapl = c.Assets.Single(a => a.Symbol == "mAAPL").Token;
        await FeedAsync(mAapl, "150");
        await ExecAsync("test4", c.Mint, $"{{\"open_position\":{{\"collateral\":{{\"info\":{{\"native_token\":{{\"denom\":\"uusd\"}}}},\"amount\":\"300000000\"}},\"asset_info\":{{\"token\":{{\"contract_addr\":\"{mAapl}\"}}}},\"collateral_ratio\":\"2\"}}}}", "300000000uusd");

        using var proxy = new TcpCutProxy(devnet.Node);
        var lines = new LineSink();
        var log = new LineSink();
        using var stop = new CancellationTokenSource();
        var watcher = Task.Run(() => WatchCommand.RunAsync(devnet.Home, new WatchCommand.Options(proxy.Address, Test4, Format: OutputFormat.Json, InitialBackoff: TimeSpan.FromMilliseconds(50)), lines, log, stop.Token));
        try
        {
            var status = JsonNode.Parse(await lines.NextAsync("the first status"))!;
            Assert.Equal(("status", "ok", "2.000002000002000002"), (status["event"]!.GetValue<string>(), status["state"]!.GetValue<string>(), status["collateral_ratio"]!.GetValue<string>()));
            var idx = status["position_idx"]!.GetValue<string>();

            proxy.CutAndRefuse();
            Assert.Contains("; reconnecting in ", await log.NextAsync("the dropped connection"), StringComparison.Ordinal);
            // unseen by the watcher: the price rises past the trigger and 100000 mAAPL of the debt is auctioned at 210 / 0.8
            await FeedAsync(mAapl, "210");
            await ExecAsync("test4", mAapl, Send(c.Mint, "100000", $"{{\"auction\":{{\"position_idx\":\"{idx}\"}}}}"));
            proxy.Resume();

            var liquidated = JsonNode.Parse(await lines.NextAsync("the inferred liquidation"))!;
            Assert.Equal("liquidated", liquidated["event"]!.GetValue<string>());
            Assert.True(liquidated["inferred"]!.GetValue<bool>());
            Assert.Null(liquidated["liquidated_amount"]);
            Assert.Equal(("auctionable", "ok"), (liquidated["state"]!.GetValue<string>(), liquidated["previous_state"]!.GetValue<string>()));
            Assert.Equal("1.448414307761929259", liquidated["collateral_ratio"]!.GetValue<string>()); // 273750000 / ⌊899999 × 210⌋
            Assert.Equal(("899999", "273750000"), (liquidated["debt"]!.GetValue<string>(), liquidated["collateral"]!.GetValue<string>()));
        }
        finally
        {
            await stop.CancelAsync();
        }
        Assert.Equal(0, await watcher);
        Assert.Equal(2, lines.All.Count);
        Assert.Contains(log.All, l => l == $"watch: reconnected to ws://{proxy.Address}/websocket");
    }

    [Fact]
    public async Task Watch_keeps_reconnecting_while_the_node_is_unreachable_and_stops_cleanly_on_cancel()
    {
        var log = new LineSink();
        using var stop = new CancellationTokenSource();
        var watcher = Task.Run(() => WatchCommand.RunAsync(devnet.Home, new WatchCommand.Options("127.0.0.1:9", Test3, InitialBackoff: TimeSpan.FromMilliseconds(20)), TextWriter.Null, log, stop.Token));
        var first = await log.NextAsync("the first connection failure");
        var second = await log.NextAsync("the second connection failure");
        await stop.CancelAsync();

        Assert.Equal(0, await watcher);
        Assert.EndsWith("; reconnecting in 0.02 s", first, StringComparison.Ordinal);
        Assert.EndsWith("; reconnecting in 0.04 s", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_once_logs_a_failed_post_and_still_prints_and_exits_normally()
    {
        var c = Contracts;
        var mAapl = c.Assets.Single(a => a.Symbol == "mAAPL").Token;
        await FeedAsync(mAapl, "150");
        await ExecAsync("test2", c.Mint, $"{{\"open_position\":{{\"collateral\":{{\"info\":{{\"native_token\":{{\"denom\":\"uusd\"}}}},\"amount\":\"300000000\"}},\"asset_info\":{{\"token\":{{\"contract_addr\":\"{mAapl}\"}}}},\"collateral_ratio\":\"2\"}}}}", "300000000uusd");

        var lines = new LineSink();
        var log = new LineSink();
        var code = await WatchCommand.RunAsync(devnet.Home, new WatchCommand.Options(devnet.Node, Test2, PostUrl: "http://127.0.0.1:9/alerts", Format: OutputFormat.Json, Once: true, PostTimeout: TimeSpan.FromSeconds(5)),
            lines, log, default);

        Assert.Equal(0, code); // ratio 2 against a minimum of 1.5 × 1.1: not within the margin
        var status = JsonNode.Parse(Assert.Single(lines.All))!;
        Assert.Equal("status", status["event"]!.GetValue<string>());
        Assert.Equal("ok", status["state"]?.GetValue<string>() ?? "");
        Assert.Equal("2.000002000002000002", status["collateral_ratio"]!.GetValue<string>()); // the mint's floored debt: 999999
        Assert.Equal("mAAPL", status["asset"]!.GetValue<string>());
        Assert.StartsWith("watch: POST http://127.0.0.1:9/alerts failed (", Assert.Single(log.All), StringComparison.Ordinal);
        Assert.EndsWith($"); alert not delivered: {lines.All[0]}", log.All[0], StringComparison.Ordinal);

        var nobody = new LineSink();
        Assert.Equal(0, await WatchCommand.RunAsync(devnet.Home, new WatchCommand.Options(devnet.Node, "terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v", Once: true), nobody, log, default));
        Assert.Empty(nobody.All);
    }

    [Fact]
    public async Task Watch_refuses_a_bad_owner_margin_or_post_url_with_one_error_line()
    {
        var badMargin = await CliRunner.RunAsync("watch", "--owner", Test3, "--margin", "ten", "--home", devnet.Home.Root, "--once");
        var badPost = await CliRunner.RunAsync("watch", "--owner", Test3, "--post", "https://example.com/hook", "--home", devnet.Home.Root, "--once");
        var badOwner = await CliRunner.RunAsync("watch", "--owner", "terra1nope", "--home", devnet.Home.Root, "--once");

        Assert.Equal((1, "error: --margin must be a decimal ≥ 0 such as 0.1 (10% above the minimum ratio), got ten\n"), (badMargin.Code, badMargin.Err));
        Assert.Equal((1, "error: --post must be an absolute http:// URL such as http://127.0.0.1:8080/alerts, got https://example.com/hook\n"), (badPost.Code, badPost.Err));
        Assert.Equal(1, badOwner.Code);
        Assert.StartsWith("error: invalid --owner address terra1nope: ", badOwner.Err, StringComparison.Ordinal);
    }

    private static void AssertAlert(JsonNode alert, string kind, string state, string? previous, string ratio, string idx)
    {
        Assert.Equal(kind, alert["event"]!.GetValue<string>());
        Assert.Equal(state, alert["state"]!.GetValue<string>());
        Assert.Equal(previous, alert["previous_state"]?.GetValue<string>());
        Assert.Equal(ratio, alert["collateral_ratio"]!.GetValue<string>());
        Assert.Equal("1.5", alert["min_collateral_ratio"]!.GetValue<string>());
        Assert.Equal("1.65", alert["margin_ratio"]!.GetValue<string>());
        Assert.Equal(idx, alert["position_idx"]!.GetValue<string>());
        Assert.Equal("mTSLA", alert["asset"]!.GetValue<string>());
    }

    /// <summary>The next printed alert, and the same JSON POSTed to the sink.</summary>
    private static async Task<JsonNode> NextAlertAsync(LineSink lines, AlertSink sink, string waitingFor)
    {
        var line = await lines.NextAsync(waitingFor);
        var posted = await sink.NextAsync(waitingFor);
        Assert.Equal($"POST application/json {line}", posted);
        return JsonNode.Parse(line)!;
    }

    private async Task AssertTimeIsTheBlocksAsync(JsonNode alert)
    {
        using var rpc = new RpcClient(devnet.Node);
        var header = await rpc.CallAsync("header", new JsonObject { ["height"] = alert["height"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(header["header"]!["time"]!.GetValue<string>(), alert["time"]!.GetValue<string>());
    }

    private Task<long> FeedAsync(string token, string price) =>
        ExecAsync("test1", Contracts.Oracle, $"{{\"feed_price\":{{\"prices\":[[\"{token}\",\"{price}\"]]}}}}");

    /// <summary>Executes a contract message (committed) and returns the tx's height.</summary>
    private async Task<long> ExecAsync(string from, string contract, string msg, string? funds = null)
    {
        var result = new StringWriter();
        var code = await TxCommands.WasmExecuteAsync(devnet.Home, from, contract, msg, funds, new TxFlags { Node = devnet.Node, Output = OutputFormat.Json }, result, default);
        var answer = JsonNode.Parse(result.ToString())!;
        Assert.True(code == 0, $"{msg} failed: {answer["raw_log"]}");
        return long.Parse(answer["height"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Send(string contract, string amount, string hook) =>
        $"{{\"send\":{{\"contract\":\"{contract}\",\"amount\":\"{amount}\",\"msg\":\"{Convert.ToBase64String(Encoding.UTF8.GetBytes(hook))}\"}}}}";
}
