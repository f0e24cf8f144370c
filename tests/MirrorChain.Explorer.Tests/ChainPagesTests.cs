using System.Globalization;
using Microsoft.Playwright;

namespace MirrorChain.Explorer.Tests;

/// <summary>The chain pages (blocks, block, tx, account, search, live updates) in Chromium, against RPC and LCD answers.</summary>
[Collection(ExplorerCollection.Name)]
public sealed class ChainPagesTests(ExplorerDevnet devnet)
{
    [BrowserFact]
    public async Task Home_page_lists_the_latest_blocks_and_follows_new_ones_over_the_websocket()
    {
        var page = await devnet.OpenAsync("#/");

        // one snapshot of the table: the page re-renders it as new blocks arrive
        var rows = await page.EvalOnSelectorAllAsync<string[][]>("[data-testid=blocks] tbody tr", "rows => rows.map(r => [r.dataset.height, r.innerText])");
        Assert.Equal(20, rows.Length);
        var heights = rows.Select(r => long.Parse(r[0], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(0, 20).Select(i => heights[0] - i), heights); // newest first
        var block = await devnet.RpcAsync("block", $"{{\"height\":\"{heights[1]}\"}}");
        Assert.Contains(block["block_id"]!["hash"]!.GetValue<string>()[..10], rows[1][1], StringComparison.Ordinal);

        await page.WaitForFunctionAsync("() => document.getElementById('live').textContent === 'live (websocket)'");
        var shown = long.Parse((await page.Locator("#chain").GetAttributeAsync("data-height"))!, CultureInfo.InvariantCulture);
        await page.WaitForFunctionAsync($"() => Number(document.getElementById('chain').dataset.height) > {shown}");
        await ExplorerDevnet.ScreenshotAsync(page, "blocks");
    }

    [BrowserFact]
    public async Task Block_page_shows_the_header_and_the_txs_of_the_block()
    {
        var height = devnet.OpenTsla.Height;
        var block = await devnet.RpcAsync("block", $"{{\"height\":\"{height}\"}}");
        var page = await devnet.OpenAsync($"#/block/{height}");

        Assert.Equal(height.ToString(CultureInfo.InvariantCulture), await TextAsync(page, "block-height"));
        Assert.Equal(block["block_id"]!["hash"]!.GetValue<string>(), await TextAsync(page, "block-hash"));
        Assert.Equal(block["block"]!["header"]!["app_hash"]!.GetValue<string>(), await TextAsync(page, "block-app-hash"));
        Assert.Equal(block["block"]!["data"]!["txs"]!.AsArray().Count.ToString(CultureInfo.InvariantCulture), await TextAsync(page, "block-txs"));
        var txRow = page.GetByTestId("block-tx-table").Locator($"tr:has(a[href='#/tx/{devnet.OpenTsla.Hash}'])");
        Assert.Contains("MsgExecuteContract open_position", await txRow.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("success", await txRow.InnerTextAsync(), StringComparison.Ordinal);
        await ExplorerDevnet.ScreenshotAsync(page, "block");
    }

    [BrowserFact]
    public async Task Tx_page_shows_the_decoded_message_events_fee_and_gas_of_a_tx()
    {
        var rpcTx = await devnet.RpcAsync("tx", $"{{\"hash\":\"{Convert.ToBase64String(Convert.FromHexString(devnet.OpenTsla.Hash))}\"}}");
        var page = await devnet.OpenAsync($"#/tx/{devnet.OpenTsla.Hash}");

        var result = rpcTx["tx_result"]!;
        Assert.Equal(devnet.OpenTsla.Hash, await TextAsync(page, "tx-hash"));
        Assert.Equal(devnet.OpenTsla.Height.ToString(CultureInfo.InvariantCulture), await TextAsync(page, "tx-height"));
        Assert.Equal("success", await TextAsync(page, "tx-result"));
        Assert.Equal($"{result["gas_used"]} / {result["gas_wanted"]}", await TextAsync(page, "tx-gas"));
        var message = await page.GetByTestId("tx-msg-0").InnerTextAsync();
        Assert.StartsWith("MsgExecuteContract open_position", message, StringComparison.Ordinal);
        Assert.Contains("\"collateral_ratio\": \"2\"", message, StringComparison.Ordinal);
        Assert.Contains("1,340 UST", message, StringComparison.Ordinal); // the funds
        var events = await page.GetByTestId("tx-events").InnerTextAsync();
        foreach (var ev in result["events"]!.AsArray())
        {
            Assert.Contains(ev!["type"]!.GetValue<string>(), events, StringComparison.Ordinal);
        }
        Assert.Contains("open_position", events, StringComparison.Ordinal);
        Assert.Matches(@"^[\d,.]+ LUNA \(gas limit \d+\)$", await TextAsync(page, "tx-fee"));
        await ExplorerDevnet.ScreenshotAsync(page, "tx");
    }

    [BrowserFact]
    public async Task Tx_page_shows_the_code_and_error_log_of_a_failed_tx()
    {
        var lcdTx = await devnet.LcdAsync($"/cosmos/tx/v1beta1/txs/{devnet.FailedOpen.Hash}");
        var page = await devnet.OpenAsync($"#/tx/{devnet.FailedOpen.Hash}");

        var response = lcdTx["tx_response"]!;
        Assert.NotEqual(0u, devnet.FailedOpen.Code);
        Assert.Equal($"failed: code {devnet.FailedOpen.Code} ({response["codespace"]})", await TextAsync(page, "tx-result"));
        Assert.Equal(response["raw_log"]!.GetValue<string>(), await TextAsync(page, "tx-error"));
        Assert.Contains("low collateral ratio", response["raw_log"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("10000", await page.GetByTestId("tx-fee").Locator(".amount").GetAttributeAsync("data-micro"));
        Assert.Equal("0.01 LUNA (gas limit 400000)", await TextAsync(page, "tx-fee"));
    }

    [BrowserFact]
    public async Task Account_page_shows_native_balances_and_cw20_balances_of_mir_masset_and_lp_tokens()
    {
        var bank = await devnet.LcdAsync($"/cosmos/bank/v1beta1/balances/{ExplorerDevnet.Test2}");
        var page = await devnet.OpenAsync($"#/account/{ExplorerDevnet.Test2}");

        foreach (var coin in bank["balances"]!.AsArray())
        {
            var denom = coin!["denom"]!.GetValue<string>();
            var amount = coin["amount"]!.GetValue<string>();
            Assert.Equal(amount, await page.GetByTestId($"balance-{denom}").GetAttributeAsync("data-micro"));
            Assert.Equal(Units.Format(amount), await TextAsync(page, $"balance-{denom}"));
        }
        foreach (var asset in devnet.Contracts.Document["assets"]!.AsObject())
        {
            var balance = await CwBalanceAsync(asset.Value!["token"]!.GetValue<string>(), ExplorerDevnet.Test2);
            Assert.Equal(balance, await page.GetByTestId($"cw20-{asset.Key}").GetAttributeAsync("data-micro"));
            Assert.Equal(Units.Format(balance), await TextAsync(page, $"cw20-{asset.Key}"));
            var lp = await CwBalanceAsync(asset.Value["lpToken"]!.GetValue<string>(), ExplorerDevnet.Test2);
            Assert.Equal(lp, await page.GetByTestId($"lp-{asset.Key}").GetAttributeAsync("data-micro"));
        }
        // test2 minted mTSLA in its CDP and holds genesis MIR
        Assert.NotEqual("0", await page.GetByTestId("cw20-mTSLA").GetAttributeAsync("data-micro"));
        Assert.Equal("1,000,000", await TextAsync(page, "cw20-MIR"));
        await ExplorerDevnet.ScreenshotAsync(page, "account");
    }

    [BrowserFact]
    public async Task Search_finds_a_block_by_height_a_tx_by_hash_and_an_account_by_address()
    {
        var page = await devnet.OpenAsync("#/");

        await SearchAsync(page, devnet.OpenTsla.Height.ToString(CultureInfo.InvariantCulture), $"#/block/{devnet.OpenTsla.Height}");
        await SearchAsync(page, devnet.OpenTsla.Hash.ToLowerInvariant(), $"#/tx/{devnet.OpenTsla.Hash}");
        await SearchAsync(page, ExplorerDevnet.Test3, $"#/account/{ExplorerDevnet.Test3}");
        var blockHash = (await devnet.RpcAsync("block", $"{{\"height\":\"{devnet.OpenTsla.Height}\"}}"))["block_id"]!["hash"]!.GetValue<string>();
        await SearchAsync(page, blockHash, $"#/block/{devnet.OpenTsla.Height}");

        await page.FillAsync("#search-input", "no such thing");
        await page.PressAsync("#search-input", "Enter");
        await ExplorerDevnet.WaitForViewAsync(page, "#/search/no%20such%20thing");
        Assert.StartsWith("Nothing found for \"no such thing\"", await TextAsync(page, "search-none"), StringComparison.Ordinal);
    }

    private static async Task SearchAsync(IPage page, string query, string expectedHash)
    {
        await page.FillAsync("#search-input", query);
        await page.PressAsync("#search-input", "Enter");
        await ExplorerDevnet.WaitForViewAsync(page, expectedHash);
    }

    private async Task<string> CwBalanceAsync(string token, string owner) =>
        (await devnet.SmartAsync(token, $"{{\"balance\":{{\"address\":\"{owner}\"}}}}"))["balance"]!.GetValue<string>();

    private static async Task<string> TextAsync(IPage page, string testId) => (await page.GetByTestId(testId).InnerTextAsync()).Trim();
}
