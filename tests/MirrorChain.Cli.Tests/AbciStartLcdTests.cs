using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace MirrorChain.Cli.Tests;

/// <summary><c>start --abci</c> with the LCD: where it finds CometBFT's RPC, and the LCD it serves.</summary>
public sealed class AbciStartLcdTests
{
    [Fact]
    public void Start_abci_takes_CometBFTs_rpc_address_from_the_home_init_cometbft_wrote_unless_a_flag_gives_one()
    {
        using var dir = new MirrorChain.Tests.TempDirectory();
        var home = new HomeLayout(Path.Combine(dir.Path, "home"));
        Assert.Equal(0, InitCommand.Run(home, null, overwrite: false, importTestKeys: false, TextWriter.Null));
        Assert.Equal("http://127.0.0.1:26657", CometBftRpcAddress.Resolve(home, null));

        Assert.Equal(0, TestnetCommand.WriteSingle(home, TextWriter.Null));
        Assert.Equal("tcp://127.0.0.1:26657", CometBftRpcAddress.Resolve(home, null));
        Assert.Equal("http://10.0.0.5:36657", CometBftRpcAddress.Resolve(home, "http://10.0.0.5:36657"));

        var ports = new CometBftHome.Ports(36656, 36657, 36658);
        Assert.Equal("tcp://127.0.0.1:36657", CometBftRpcAddress.FromConfigToml(CometBftHome.ConfigToml("v", ports, [], local: true)));
        Assert.Null(CometBftRpcAddress.FromConfigToml("[rpc]\nladdr = \"unix:///tmp/rpc.sock\"\n"));
        Assert.Null(CometBftRpcAddress.FromConfigToml("[p2p]\nladdr = \"tcp://0.0.0.0:26656\"\n"));
    }

    [Fact]
    public void Testnet_nodes_each_get_their_own_LCD_and_metrics_address_and_find_their_own_CometBFT_RPC()
    {
        using var dir = new MirrorChain.Tests.TempDirectory();
        var output = new StringWriter();
        Assert.Equal(0, TestnetCommand.Run(Path.Combine(dir.Path, "net"), 3, 36656, null, output));
        for (var i = 0; i < 3; i++)
        {
            var home = new HomeLayout(Path.Combine(dir.Path, "net", $"node{i}"));
            var config = NodeConfigFile.Load(home.NodeConfig);
            Assert.Equal($"127.0.0.1:{1317 + i}", config.LcdListen);
            Assert.Equal($"127.0.0.1:{36660 + (10 * i)}", config.MetricsListen);
            Assert.Equal($"tcp://127.0.0.1:{36657 + (10 * i)}", CometBftRpcAddress.Resolve(home, null));
            Assert.Contains($"(lcd http://127.0.0.1:{1317 + i})", output.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Start_abci_serves_the_LCD_with_state_from_the_app_and_a_clear_503_while_CometBFT_is_not_up()
    {
        using var dir = new MirrorChain.Tests.TempDirectory();
        var home = new HomeLayout(Path.Combine(dir.Path, "home"));
        Assert.Equal(0, InitCommand.Run(home, null, overwrite: false, importTestKeys: false, TextWriter.Null));
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        using var stop = new CancellationTokenSource();
        var output = new LineSink();
        var run = AbciCommand.RunAsync(home, "tcp://127.0.0.1:0", output, stop.Token, $"http://127.0.0.1:{port}", "127.0.0.1:0", "off");
        string? lcd = null;
        while (lcd is null)
        {
            var line = await output.NextAsync("the lcd line");
            if (line.StartsWith("  lcd ", StringComparison.Ordinal))
            {
                lcd = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
                Assert.Contains($"through CometBFT's RPC at http://127.0.0.1:{port}", line, StringComparison.Ordinal);
            }
            Assert.False(run.IsCompleted, string.Join(" | ", output.All));
        }
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(lcd), Timeout = TimeSpan.FromSeconds(60) };
            using var blocks = await http.GetAsync("/cosmos/base/tendermint/v1beta1/blocks/latest");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, blocks.StatusCode);
            using (var doc = JsonDocument.Parse(await blocks.Content.ReadAsStringAsync()))
            {
                Assert.StartsWith($"CometBFT RPC at http://127.0.0.1:{port} is unreachable (status)", doc.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
            }
            using var params_ = await http.GetAsync("/cosmos/bank/v1beta1/params");
            Assert.Equal(HttpStatusCode.OK, params_.StatusCode);
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, await run);
        }
        Assert.Contains("stopped cleanly", output.All);
    }

    [Fact]
    public async Task Start_abci_with_the_LCD_off_serves_only_the_ABCI_socket()
    {
        using var dir = new MirrorChain.Tests.TempDirectory();
        var home = new HomeLayout(Path.Combine(dir.Path, "home"));
        Assert.Equal(0, InitCommand.Run(home, null, overwrite: false, importTestKeys: false, TextWriter.Null));
        using var stop = new CancellationTokenSource();
        var output = new LineSink();
        var run = AbciCommand.RunAsync(home, "tcp://127.0.0.1:0", output, stop.Token, null, "off", "off");
        string line;
        do
        {
            line = await output.NextAsync("the lcd line");
        }
        while (!line.StartsWith("  lcd ", StringComparison.Ordinal));
        Assert.Equal("  lcd         off", line);
        Assert.Equal("  metrics     off", await output.NextAsync("the metrics line"));
        await stop.CancelAsync();
        Assert.Equal(0, await run);
    }
}
