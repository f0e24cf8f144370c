using System.Net;
using System.Net.Sockets;

namespace MirrorChain.Cli.Tests;

/// <summary>
/// Every terrad habit the CLI accepts, and its refusals: one "error:" line and where to look. A command whose flags
/// parse goes on to call the node; with --node at a closed port that is "cannot reach the node", not a usage error.
/// </summary>
[Collection("Console")]
public sealed class CliFlagTests : IDisposable
{
    private const string Closed = "127.0.0.1:9"; // discard port: nothing listens
    private const string Mint = "terra1l8t0ye7jnn2jv0xh74hp3n3dndncp4h73wkcuvwax5w0pcf68ndqjsnhn6";
    private const string Test2 = "terra17lmam6zguazs5q5u6z5mmx76uj63gldnse2pdp";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mc-flags-" + Guid.NewGuid().ToString("N"));

    public CliFlagTests() => InitCommand.Run(HomeLayout.From(_root), null, overwrite: false, importTestKeys: true, TextWriter.Null);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    public static TheoryData<string> AcceptedCommands => new()
    {
        "query wasm contract-state smart " + Mint + " {\"config\":{}}",
        "query wasm contract-state smart " + Mint + " {\"config\":{}} -o json",
        "q wasm contract-state smart " + Mint + " {\"config\":{}} --output text",
        "query wasm contract " + Mint + " -o json",
        "query wasm list-code --limit 2 --offset 1 --count-total --reverse -o text",
        "query wasm list-code --page-key AAAAAAAAAAE=",
        "query wasm list-contract-by-code 1 --limit 5 -o json",
        "query mirror positions --owner " + Test2 + " -o json",
        "query mirror assets -o text",
        "query balance " + Test2 + " -o text",
        "query account " + Test2 + " -o json",
        "query block 1 -o text",
        "tx bank send test1 " + Test2 + " 1uluna -y --keyring-backend test --fees 1000uusd --gas 200000",
        "tx bank send test1 " + Test2 + " 1uluna --yes --dry-run -o json",
        "tx wasm execute " + Mint + " {\"x\":{}} --from test2 --gas auto --gas-adjustment 1.5 --fees 1000uusd --memo hi --chain-id mirrorchain-devnet-1 --broadcast-mode sync -y --keyring-backend test --amount 5uusd",
    };

    [Theory]
    [MemberData(nameof(AcceptedCommands))]
    public async Task Terrad_flags_parse_and_the_command_goes_to_the_node(string command)
    {
        var (code, _, err) = await CliRunner.RunAsync([.. Split(command), "--home", _root, "--node", Closed]);

        Assert.Equal(1, code);
        Assert.Contains("cannot reach the node at http://127.0.0.1:9/", err, StringComparison.Ordinal);
        Assert.DoesNotContain("see:", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("query wasm list-code -o yaml", "error: Argument 'yaml' not recognized. Must be one of: 'text' 'json'", "see: mirrorchain query wasm list-code --help")]
    [InlineData("tx bank send test1 " + Test2 + " 1uluna --keyring-backend os", "error: --keyring-backend os is not available: only test exists (the home's unencrypted devnet keyring); use --keyring-backend test or leave it out", "see: mirrorchain tx bank send --help")]
    [InlineData("query mirror positions", "error: Option '--owner' is required.", "see: mirrorchain query mirror positions --help")]
    [InlineData("query wasm contract-state smart", "error: Required argument missing for command: 'smart'.", "see: mirrorchain query wasm contract-state smart --help")]
    [InlineData("query wasm", "error: Required command was not provided.", "see: mirrorchain query wasm --help")]
    [InlineData("frobnicate", "error: Unrecognized command or argument 'frobnicate'.", "see: mirrorchain --help")]
    [InlineData("tx bank send test1 x 1uluna --broadcast-mode block", "error: Argument 'block' not recognized. Must be one of: 'sync' 'commit'", "see: mirrorchain tx bank send --help")]
    public async Task Usage_errors_are_one_line_and_a_pointer_to_help(string command, string error, string pointer)
    {
        var (code, output, err) = await CliRunner.RunAsync([.. Split(command), "--home", _root]);

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Equal([error, pointer], err.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')));
    }

    [Theory]
    [InlineData("query wasm list-contract-by-code 0", "error: code id must be a positive integer, got 0")]
    [InlineData("query wasm contract-state smart " + Mint + " {config}", "error: the query is not valid JSON:")]
    [InlineData("query wasm contract terra1bad", "error: invalid contract address terra1bad")]
    [InlineData("query wasm list-code --page-key !!", "error: --page-key must be base64")]
    [InlineData("query mirror positions --owner nobody", "error: invalid --owner address nobody")]
    [InlineData("tx bank send test1 " + Test2 + " 1uluna --gas lots", "error: --gas must be \"auto\" or a positive integer, got lots")]
    [InlineData("tx bank send test1 " + Test2 + " 1uluna --gas-adjustment x", "error: --gas-adjustment must be a decimal such as 1.4, got x")]
    [InlineData("tx bank send test1 " + Test2 + " 1uluna --fees lots", "error: invalid coin expression: lots")]
    [InlineData("tx bank send test1 " + Test2 + " 1uluna --gas-prices free", "error: invalid gas price: \"free\"")]
    [InlineData("tx wasm execute " + Mint + " {x} --from test1", "error: the execute message is not valid JSON")]
    public async Task Bad_values_are_one_clear_line_before_any_node_call(string command, string error)
    {
        var (code, _, err) = await CliRunner.RunAsync([.. Split(command), "--home", _root, "--node", Closed]);

        Assert.Equal(1, code);
        Assert.StartsWith(error, err, StringComparison.Ordinal);
        Assert.Single(err.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Later_calls_use_the_address_the_home_was_configured_with()
    {
        Assert.Equal(0, (await CliRunner.RunAsync("config", "node", "tcp://127.0.0.1:9", "--home", _root)).Code);
        Assert.Equal("127.0.0.1:9", NodeConfigFile.Load(HomeLayout.From(_root).NodeConfig).RpcListen);

        var (code, _, err) = await CliRunner.RunAsync("query", "wasm", "list-code", "--home", _root);

        Assert.Equal(1, code);
        Assert.Contains("cannot reach the node at http://127.0.0.1:9/", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_validates_and_names_the_keys()
    {
        var bad = await CliRunner.RunAsync("config", "rpc_laddr", "nowhere", "--home", _root);
        Assert.Equal((1, "error: invalid RPC listen address \"nowhere\" (want host:port)"), (bad.Code, bad.Err.TrimEnd()));
        var unknown = await CliRunner.RunAsync("config", "colour", "--home", _root);
        Assert.StartsWith("error: unknown config key colour; the keys are: node, moniker, rpc_laddr, lcd_laddr, block_time", unknown.Err, StringComparison.Ordinal);
        Assert.Equal(0, (await CliRunner.RunAsync("config", "lcd_laddr", "http://127.0.0.1:11317/", "--home", _root)).Code);
        Assert.Equal("127.0.0.1:11317", (await CliRunner.RunAsync("config", "lcd_laddr", "--home", _root)).Out.TrimEnd());
    }

    [Fact]
    public async Task Start_with_metrics_on_a_taken_port_stops_with_an_error_naming_the_port()
    {
        var bad = await CliRunner.RunAsync("config", "metrics_laddr", "nowhere", "--home", _root);
        Assert.Equal((1, "error: invalid metrics listen address \"nowhere\" (want host:port or off)"), (bad.Code, bad.Err.TrimEnd()));
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var (code, output, _) = await CliRunner.RunAsync("start", "--home", _root, "--rpc", "127.0.0.1:0", "--lcd", "off", "--metrics", $"127.0.0.1:{port}");
        Assert.Equal(1, code);
        Assert.Contains($"error: cannot listen on 127.0.0.1:{port} (metrics): ", output, StringComparison.Ordinal);
        Assert.Contains("(use --metrics 127.0.0.1:PORT or --metrics off)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_explorer_takes_true_or_false_and_the_explorer_is_on_by_default()
    {
        Assert.True(NodeConfigFile.Load(HomeLayout.From(_root).NodeConfig).Explorer);
        Assert.Equal(0, (await CliRunner.RunAsync("config", "explorer", "false", "--home", _root)).Code);
        Assert.False(NodeConfigFile.Load(HomeLayout.From(_root).NodeConfig).Explorer);
        var bad = await CliRunner.RunAsync("config", "explorer", "maybe", "--home", _root);
        Assert.Equal((1, "error: explorer must be true or false, got maybe"), (bad.Code, bad.Err.TrimEnd()));
        Assert.Equal(0, (await CliRunner.RunAsync("config", "explorer", "on", "--home", _root)).Code);
        Assert.Equal("true", (await CliRunner.RunAsync("config", "explorer", "--home", _root)).Out.TrimEnd());
    }

    [Fact]
    public async Task Contracts_prints_one_address_by_path_for_shell_scripts()
    {
        var (code, output, _) = await CliRunner.RunAsync("contracts", "assets.mTSLA.token", "--home", _root);
        Assert.Equal(0, code);
        Assert.Matches("^terra1[a-z0-9]{58}\n$", output.Replace("\r\n", "\n", StringComparison.Ordinal));
        var missing = await CliRunner.RunAsync("contracts", "assets.mXYZ", "--home", _root);
        Assert.StartsWith("error: contracts.json has no assets.mXYZ (keys: MIR, mAAPL, mTSLA", missing.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Home_comes_from_MIRRORCHAIN_HOME_when_no_flag_is_given()
    {
        var before = Environment.GetEnvironmentVariable(HomeLayout.HomeVariable);
        try
        {
            Environment.SetEnvironmentVariable(HomeLayout.HomeVariable, _root);
            Assert.Equal(Path.GetFullPath(_root), HomeLayout.From(null).Root);
            Assert.Equal("/elsewhere", HomeLayout.From("/elsewhere").Root);
        }
        finally
        {
            Environment.SetEnvironmentVariable(HomeLayout.HomeVariable, before);
        }
    }

    /// <summary>Splits on spaces; JSON arguments in these commands contain none.</summary>
    private static string[] Split(string command) => command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
