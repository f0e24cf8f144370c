using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using MirrorChain.Cli;
using Decimal = MirrorChain.Core.Numerics.Decimal;

namespace MirrorChain.Explorer.Tests;

/// <summary>
/// The Mirror dashboard in Chromium against the devnet of <see cref="ExplorerDevnet"/>: every number shown is compared
/// with the contracts' own answers, through the CLI's views (<c>mirrorchain query mirror assets|positions</c>, built
/// from the mint, oracle, collateral oracle and pair queries) and direct smart queries.
/// </summary>
[Collection(ExplorerCollection.Name)]
public sealed class MirrorPagesTests(ExplorerDevnet devnet)
{
    [BrowserFact]
    public async Task Mirror_page_shows_each_assets_oracle_price_pool_price_premium_min_ratio_and_liquidity_as_the_contracts_answer()
    {
        var expected = JsonNode.Parse(await CliJsonAsync((w, ct) => MirrorCommands.AssetsAsync(devnet.Rpc, devnet.Home, OutputFormat.Json, w, ct)))!["assets"]!.AsArray()
            .Where(a => a!["symbol"]!.GetValue<string>() != "MIR") // MIR has no oracle price; the dashboard lists the mAssets
            .ToList();
        var page = await devnet.OpenAsync("#/mirror");

        Assert.Equal(5, expected.Count);
        foreach (var asset in expected)
        {
            var symbol = asset!["symbol"]!.GetValue<string>();
            Assert.Equal(asset["oracle_price"]!.GetValue<string>(), await TextAsync(page, $"oracle-price-{symbol}"));
            Assert.Equal(PositionMath.Round(Decimal.Parse(asset["pool_price"]!.GetValue<string>()), 6), await TextAsync(page, $"pool-price-{symbol}"));
            Assert.Equal(asset["premium"]!.GetValue<string>(), await TextAsync(page, $"premium-{symbol}"));
            Assert.Equal(asset["min_collateral_ratio"]!.GetValue<string>(), await TextAsync(page, $"mcr-{symbol}"));

            var pool = await devnet.SmartAsync(asset["pair"]!.GetValue<string>(), "{\"pool\":{}}");
            var ust = pool["assets"]!.AsArray().Single(a => a!["info"]!["native_token"] is not null)!["amount"]!.GetValue<string>();
            var liquidity = UInt128.Parse(ust, CultureInfo.InvariantCulture) * 2;
            Assert.Equal(liquidity.ToString(CultureInfo.InvariantCulture), await page.GetByTestId($"liquidity-{symbol}").GetAttributeAsync("data-micro"));
            Assert.Equal(Units.Format(liquidity) + " UST", await TextAsync(page, $"liquidity-{symbol}"));
        }
        // the moved prices are the contract's: mTSLA 900, mAAPL 190
        Assert.Equal("900", await TextAsync(page, "oracle-price-mTSLA"));
        Assert.Equal("190", await TextAsync(page, "oracle-price-mAAPL"));
        await ExplorerDevnet.ScreenshotAsync(page, "mirror");
    }

    [BrowserFact]
    public async Task Mirror_page_draws_each_assets_oracle_feeds_from_the_chain_history()
    {
        var page = await devnet.OpenAsync("#/mirror");

        var chart = page.GetByTestId("chart-mTSLA");
        // genesis feeds are not txs: the chart holds the two feeds sent after genesis, 670 then 900
        Assert.Equal(2, await chart.Locator("svg circle").CountAsync());
        Assert.Contains("2 feeds · latest 900 at height", await chart.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.GetByTestId("chart-mAAPL").Locator("svg polyline").CountAsync());
    }

    [BrowserFact]
    public async Task Positions_page_shows_collateral_debt_and_the_collateral_ratio_as_the_mint_computes_them()
    {
        var expected = await PositionsAsync(ExplorerDevnet.Test2);
        var page = await devnet.OpenAsync($"#/positions/{ExplorerDevnet.Test2}");

        var p = Assert.Single(expected);
        var idx = p!["idx"]!.GetValue<string>();
        var ratio = p["collateral_ratio"]!.GetValue<string>();
        Assert.Equal(p["collateral"]!["amount"]!.GetValue<string>(), await page.GetByTestId($"collateral-{idx}").GetAttributeAsync("data-micro"));
        Assert.Equal(Units.Format(p["collateral"]!["amount"]!.GetValue<string>()) + " UST", await TextAsync(page, $"collateral-{idx}"));
        Assert.Equal(p["asset"]!["amount"]!.GetValue<string>(), await page.GetByTestId($"debt-{idx}").GetAttributeAsync("data-micro"));
        Assert.Equal(ratio, await page.GetByTestId($"ratio-{idx}").GetAttributeAsync("data-value"));
        Assert.Equal(PositionMath.Round(Decimal.Parse(ratio), 4), await TextAsync(page, $"ratio-{idx}"));
        Assert.Equal(p["min_collateral_ratio"]!.GetValue<string>(), await TextAsync(page, $"min-ratio-{idx}"));
        Assert.Equal($"{p["asset_price"]!.GetValue<string>()} UST", await TextAsync(page, $"asset-price-{idx}"));
        Assert.Equal(1, await page.GetByTestId($"position-{idx}").Locator("svg[aria-label='collateral ratio against its minimum']").CountAsync());
    }

    [BrowserFact]
    public async Task A_position_below_its_minimum_shows_the_margin_call_warning()
    {
        var p = Assert.Single(await PositionsAsync(ExplorerDevnet.Test2))!;
        var page = await devnet.OpenAsync($"#/positions/{ExplorerDevnet.Test2}");

        var idx = p["idx"]!.GetValue<string>();
        Assert.True(p["auctionable"]!.GetValue<bool>(), "the CLI's view of the mint says the position is auctionable");
        Assert.True(Decimal.Parse(p["collateral_ratio"]!.GetValue<string>()) < Decimal.Parse(p["min_collateral_ratio"]!.GetValue<string>()));
        var warning = page.GetByTestId($"margin-call-{idx}");
        Assert.True(await warning.IsVisibleAsync());
        var ratio = PositionMath.Round(Decimal.Parse(p["collateral_ratio"]!.GetValue<string>()), 4); // 1340 UST / (1 mTSLA × 900) ≈ 1.4889
        Assert.StartsWith($"⚠ Margin call: collateral ratio {ratio} is below the minimum 1.5.", await warning.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByTestId($"near-minimum-{idx}").CountAsync());
        await ExplorerDevnet.ScreenshotAsync(page, "positions-margin-call");
    }

    [BrowserFact]
    public async Task A_position_within_ten_percent_of_its_minimum_shows_the_softer_warning_only()
    {
        var p = Assert.Single(await PositionsAsync(ExplorerDevnet.Test3))!;
        var page = await devnet.OpenAsync($"#/positions/{ExplorerDevnet.Test3}");

        var idx = p["idx"]!.GetValue<string>();
        Assert.False(p["auctionable"]!.GetValue<bool>());
        var ratio = Decimal.Parse(p["collateral_ratio"]!.GetValue<string>()); // 300 UST / (1 mAAPL × 190) ≈ 1.5789
        Assert.True(ratio > Decimal.Parse("1.5") && ratio < Decimal.Parse("1.65"));
        Assert.Equal($"Collateral ratio {PositionMath.Round(ratio, 4)} is within 10% of the minimum 1.5.", await TextAsync(page, $"near-minimum-{idx}"));
        Assert.Equal(0, await page.GetByTestId($"margin-call-{idx}").CountAsync());
        await ExplorerDevnet.ScreenshotAsync(page, "positions-near-minimum");
    }

    [BrowserFact]
    public async Task Gov_page_lists_the_poll_with_its_status_and_votes_as_gov_answers()
    {
        var c = devnet.Contracts.Document;
        var poll = await devnet.SmartAsync(c["gov"]!.GetValue<string>(), $"{{\"poll\":{{\"poll_id\":{devnet.PollId}}}}}");
        var page = await devnet.OpenAsync("#/gov");

        Assert.Equal("in_progress", poll["status"]!.GetValue<string>());
        Assert.Equal("in_progress", await TextAsync(page, $"poll-status-{devnet.PollId}"));
        Assert.Equal(poll["yes_votes"]!.GetValue<string>(), await page.GetByTestId($"poll-yes-{devnet.PollId}").GetAttributeAsync("data-micro"));
        Assert.Equal("1,000", await TextAsync(page, $"poll-yes-{devnet.PollId}"));
        Assert.Equal("0", await TextAsync(page, $"poll-no-{devnet.PollId}"));
        await ExplorerDevnet.ScreenshotAsync(page, "gov");

        await page.GetByRole(AriaRole.Link, new() { Name = devnet.PollId.ToString(CultureInfo.InvariantCulture), Exact = true }).ClickAsync();
        await ExplorerDevnet.WaitForViewAsync(page, $"#/poll/{devnet.PollId}");
        Assert.Equal("Explorer test poll", (await page.Locator("h1").InnerTextAsync()).Split(": ", 2)[1]);
        var voters = page.GetByTestId("voters");
        Assert.Contains("yes", await voters.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("1,000 MIR", await voters.InnerTextAsync(), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task Staking_page_shows_the_bonded_lp_and_pending_reward_as_staking_answers()
    {
        var c = devnet.Contracts.Document;
        var info = await devnet.SmartAsync(c["staking"]!.GetValue<string>(), $"{{\"reward_info\":{{\"staker_addr\":\"{ExplorerDevnet.Test6}\"}}}}");
        var page = await devnet.OpenAsync($"#/staking/{ExplorerDevnet.Test6}");

        var item = Assert.Single(info["reward_infos"]!.AsArray())!;
        Assert.Equal(item["bond_amount"]!.GetValue<string>(), await page.GetByTestId("bond-MIR-lp").GetAttributeAsync("data-micro"));
        Assert.Equal(item["pending_reward"]!.GetValue<string>(), await page.GetByTestId("reward-MIR-lp").GetAttributeAsync("data-micro"));
        Assert.Equal(item["pending_reward"]!.GetValue<string>(), await page.GetByTestId("reward-total").GetAttributeAsync("data-micro"));
        await ExplorerDevnet.ScreenshotAsync(page, "staking");
    }

    private async Task<JsonArray> PositionsAsync(string owner) =>
        JsonNode.Parse(await CliJsonAsync((w, ct) => MirrorCommands.PositionsAsync(devnet.Rpc, devnet.Home, owner, OutputFormat.Json, w, ct)))!["positions"]!.AsArray();

    private static async Task<string> CliJsonAsync(Func<TextWriter, CancellationToken, Task<int>> run)
    {
        var output = new StringWriter();
        Assert.Equal(0, await run(output, CancellationToken.None));
        return output.ToString();
    }

    private static async Task<string> TextAsync(IPage page, string testId) => (await page.GetByTestId(testId).InnerTextAsync()).Trim();
}
