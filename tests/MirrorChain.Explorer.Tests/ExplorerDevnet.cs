using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using MirrorChain.Cli;

namespace MirrorChain.Explorer.Tests;

/// <summary>
/// A devnet node run in-process by <c>mirrorchain start</c> (RPC and LCD on free loopback ports, explorer on as by
/// default), prepared the way a user would: prices fed by the feeder (test1), two CDPs opened, prices moved so that one
/// is below its minimum and one is within 10% of it, a failed tx, a gov poll with a vote, LP tokens bonded in Mirror
/// staking. Then one headless Chromium (Debian's, through Playwright) for the page tests.
/// </summary>
public sealed class ExplorerDevnet : IAsyncLifetime
{
    public const string Test2 = "terra17lmam6zguazs5q5u6z5mmx76uj63gldnse2pdp";
    public const string Test3 = "terra1757tkx08n0cqrw7p86ny9lnxsqeth0wgp0em95";
    public const string Test6 = "terra1e8ryd9ezefuucd4mje33zdms9m2s90m57878v9";

    /// <summary>The screenshots go here when set (tools/explorer-screenshots sets it to docs/explorer).</summary>
    public const string ScreenshotVariable = "MIRRORCHAIN_EXPLORER_SCREENSHOTS";

    private readonly CancellationTokenSource _stop = new();
    private readonly StringWriter _log = new();
    private Task<int>? _node;
    private IPlaywright? _playwright;

    public HomeLayout Home { get; } = HomeLayout.From(Path.Combine(Path.GetTempPath(), "mc-explorer-" + Guid.NewGuid().ToString("N")));

    public string Rpc { get; private set; } = "";

    public Uri Lcd { get; private set; } = new("http://127.0.0.1/");

    public HttpClient Http { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public MirrorContracts Contracts => ContractsFile.Load(Home.Contracts);

    /// <summary>test2's mTSLA position (margin call after the move), test3's mAAPL position (within 10% of the minimum).</summary>
    public TxOutcome OpenTsla { get; private set; } = null!;

    public TxOutcome FailedOpen { get; private set; } = null!;

    public ulong PollId { get; private set; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        var chromium = ChromiumBrowser.Executable;
        if (chromium is null)
        {
            if (ChromiumBrowser.IsCi)
            {
                throw new InvalidOperationException(ChromiumBrowser.MissingMessage);
            }
            return; // every browser test is skipped (BrowserFact) and the HTTP tests do not use this fixture
        }
        InitCommand.Run(Home, null, overwrite: false, importTestKeys: true, TextWriter.Null);
        Rpc = $"127.0.0.1:{FreePort()}";
        var lcd = $"127.0.0.1:{FreePort()}";
        Lcd = new Uri($"http://{lcd}/");
        ConfigCommand.Run(Home, "node", Rpc, TextWriter.Null);
        ConfigCommand.Run(Home, "lcd_laddr", lcd, TextWriter.Null);
        _node = Task.Run(() => StartCommand.RunAsync(Home, null, "200ms", TextWriter.Synchronized(_log), _stop.Token));
        await WaitForFirstBlockAsync();
        await PrepareChainAsync();

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh page at <c>/explorer/#…</c>, returned once the view for that route has rendered.</summary>
    public async Task<IPage> OpenAsync(string hash)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync(new Uri(Lcd, "/explorer/" + hash).ToString());
        await WaitForViewAsync(page, hash);
        return page;
    }

    /// <summary>Waits until the single-page app has rendered the route <paramref name="hash"/>.</summary>
    public static async Task WaitForViewAsync(IPage page, string hash) =>
        await page.WaitForSelectorAsync($"#view[data-loaded=\"{hash}\"]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

    /// <summary>A full-page PNG into $MIRRORCHAIN_EXPLORER_SCREENSHOTS (docs/explorer) when set; nothing otherwise.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable(ScreenshotVariable) is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = true });
        }
    }

    public async Task<JsonNode> LcdAsync(string path) => JsonNode.Parse(await Http.GetStringAsync(new Uri(Lcd, path)))!;

    public async Task<JsonNode> SmartAsync(string contract, string query) =>
        (await LcdAsync($"/cosmwasm/wasm/v1/contract/{contract}/smart/{Uri.EscapeDataString(Convert.ToBase64String(Encoding.UTF8.GetBytes(query)))}"))["data"]!;

    public async Task<JsonNode> RpcAsync(string method, string paramsJson)
    {
        using var content = new StringContent($"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"{method}\",\"params\":{paramsJson}}}", Encoding.UTF8, "application/json");
        using var answer = await Http.PostAsync(new Uri($"http://{Rpc}/"), content);
        return JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["result"]!;
    }

    private async Task PrepareChainAsync()
    {
        var c = Contracts;
        var tsla = Token("mTSLA");
        var aapl = Token("mAAPL");
        await ExecAsync("test1", c.Oracle, $"{{\"feed_price\":{{\"prices\":[[\"{tsla}\",\"670\"],[\"{aapl}\",\"150\"]]}}}}");
        OpenTsla = await ExecAsync("test2", c.Mint, OpenPosition(tsla, "1340000000", "2"), "1340000000uusd");
        await ExecAsync("test3", c.Mint, OpenPosition(aapl, "300000000", "2"), "300000000uusd");
        // mTSLA +34%: test2's ratio falls below 1.5; mAAPL +26.7%: test3's ratio 1.58 is within 10% of 1.5
        await ExecAsync("test1", c.Oracle, $"{{\"feed_price\":{{\"prices\":[[\"{tsla}\",\"900\"],[\"{aapl}\",\"190\"]]}}}}");
        // refused by the mint in the block (ratio 1 below the minimum): a failed tx with an error log
        FailedOpen = await ExecAsync("test4", c.Mint, OpenPosition(tsla, "1000000", "1"), "1000000uusd", gas: "400000");

        var gov = c.Document["gov"]!.GetValue<string>();
        var mir = c.Document["mirrorToken"]!.GetValue<string>();
        var deposit = (await SmartAsync(gov, "{\"config\":{}}"))["default_poll_config"]!["proposal_deposit"]!.GetValue<string>();
        var poll = Base64("{\"create_poll\":{\"title\":\"Explorer test poll\",\"description\":\"A poll the explorer tests vote on\"}}");
        await ExecAsync("test4", mir, $"{{\"send\":{{\"contract\":\"{gov}\",\"amount\":\"{deposit}\",\"msg\":\"{poll}\"}}}}");
        PollId = (await SmartAsync(gov, "{\"state\":{}}"))["poll_count"]!.GetValue<ulong>();
        await ExecAsync("test5", mir, $"{{\"send\":{{\"contract\":\"{gov}\",\"amount\":\"5000000000\",\"msg\":\"{Base64("{\"stake_voting_tokens\":{}}")}\"}}}}");
        await ExecAsync("test5", gov, $"{{\"cast_vote\":{{\"poll_id\":{PollId},\"vote\":\"yes\",\"amount\":\"1000000000\"}}}}");

        // test6 provides MIR/UST liquidity at the pool's price and bonds the LP tokens in Mirror staking
        var mirAsset = c.Document["assets"]!["MIR"]!;
        var pair = mirAsset["pair"]!.GetValue<string>();
        var pool = await SmartAsync(pair, "{\"pool\":{}}");
        UInt128 mirReserve = 0, ustReserve = 0;
        foreach (var a in pool["assets"]!.AsArray())
        {
            var amount = UInt128.Parse(a!["amount"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            if (a["info"]!["native_token"] is null)
            {
                mirReserve = amount;
            }
            else
            {
                ustReserve = amount;
            }
        }
        UInt128 mirIn = 1_000_000_000;
        var ustIn = mirIn * ustReserve / mirReserve;
        await ExecAsync("test6", mir, $"{{\"increase_allowance\":{{\"spender\":\"{pair}\",\"amount\":\"{mirIn}\"}}}}");
        await ExecAsync("test6", pair,
            $"{{\"provide_liquidity\":{{\"assets\":[{{\"info\":{{\"token\":{{\"contract_addr\":\"{mir}\"}}}},\"amount\":\"{mirIn}\"}},{{\"info\":{{\"native_token\":{{\"denom\":\"uusd\"}}}},\"amount\":\"{ustIn}\"}}]}}}}",
            $"{ustIn}uusd");
        var lp = mirAsset["lpToken"]!.GetValue<string>();
        var lpBalance = (await SmartAsync(lp, $"{{\"balance\":{{\"address\":\"{Test6}\"}}}}"))["balance"]!.GetValue<string>();
        var staking = c.Document["staking"]!.GetValue<string>();
        await ExecAsync("test6", lp, $"{{\"send\":{{\"contract\":\"{staking}\",\"amount\":\"{lpBalance}\",\"msg\":\"{Base64($"{{\"bond\":{{\"asset_token\":\"{mir}\"}}}}")}\"}}}}");
    }

    private string Token(string symbol) => Contracts.Assets.Single(a => a.Symbol == symbol).Token;

    private static string OpenPosition(string token, string collateral, string ratio) =>
        $"{{\"open_position\":{{\"collateral\":{{\"info\":{{\"native_token\":{{\"denom\":\"uusd\"}}}},\"amount\":\"{collateral}\"}},\"asset_info\":{{\"token\":{{\"contract_addr\":\"{token}\"}}}},\"collateral_ratio\":\"{ratio}\"}}}}";

    private static string Base64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    /// <summary>Signs with the keyring key, broadcasts and waits for the block (gas simulated unless given, then a fixed fee).</summary>
    private async Task<TxOutcome> ExecAsync(string from, string contract, string json, string? funds = null, string? gas = null)
    {
        var flags = new TxFlags
        {
            Node = Rpc,
            Output = OutputFormat.Json,
            Gas = gas ?? "auto",
            Fees = gas is null ? null : "10000uluna",
        };
        var output = new StringWriter();
        await TxCommands.WasmExecuteAsync(Home, from, contract, json, funds, flags, output, CancellationToken.None);
        var answer = JsonNode.Parse(output.ToString())
            ?? throw new InvalidOperationException($"no answer for {json}");
        var code = (uint)(answer["code"]?.GetValue<long>() ?? 0);
        var outcome = new TxOutcome(answer["txhash"]!.GetValue<string>().ToUpperInvariant(), long.Parse(answer["height"]!.GetValue<string>(), CultureInfo.InvariantCulture), code);
        if (code != 0 && gas is null)
        {
            throw new InvalidOperationException($"{from} {json} failed: {output}");
        }
        return outcome;
    }

    private async Task WaitForFirstBlockAsync()
    {
        for (var i = 0; i < 600; i++)
        {
            if (_node!.IsCompleted)
            {
                throw new InvalidOperationException($"the node stopped: {Log}");
            }
            try
            {
                var status = await RpcAsync("status", "{}");
                if (status["sync_info"]?["latest_block_height"]?.GetValue<string>() is { } h && h != "0")
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"the node did not produce a block: {Log}");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        await _stop.CancelAsync();
        if (_node is not null)
        {
            await _node;
        }
        _stop.Dispose();
        Http.Dispose();
        if (Directory.Exists(Home.Root))
        {
            Directory.Delete(Home.Root, recursive: true);
        }
    }
}

/// <summary>A committed tx: its hash, height and result code.</summary>
public sealed record TxOutcome(string Hash, long Height, uint Code);
