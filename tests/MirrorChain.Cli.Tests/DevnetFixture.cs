using System.Net;
using System.Net.Sockets;

namespace MirrorChain.Cli.Tests;

/// <summary>
/// A devnet node run in-process by <c>mirrorchain start</c> on a free loopback port (block time 200ms, LCD and metrics off), in
/// a fresh home from <c>mirrorchain init</c>; stopped and deleted at the end.
/// </summary>
public sealed class DevnetFixture : IAsyncLifetime
{
    private readonly CancellationTokenSource _stop = new();
    private readonly StringWriter _log = new();
    private Task<int>? _node;

    public HomeLayout Home { get; } = HomeLayout.From(Path.Combine(Path.GetTempPath(), "mc-devnet-" + Guid.NewGuid().ToString("N")));

    public string Node { get; private set; } = "";

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
        InitCommand.Run(Home, null, overwrite: false, importTestKeys: true, TextWriter.Null);
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Node = $"127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
        }
        ConfigCommand.Run(Home, "node", Node, TextWriter.Null);
        ConfigCommand.Run(Home, "lcd_laddr", "off", TextWriter.Null);
        ConfigCommand.Run(Home, "metrics_laddr", "off", TextWriter.Null);
        _node = Task.Run(() => StartCommand.RunAsync(Home, null, "200ms", TextWriter.Synchronized(_log), _stop.Token));
        using var rpc = new RpcClient(Node);
        for (var i = 0; i < 300; i++)
        {
            if (_node.IsCompleted)
            {
                throw new InvalidOperationException($"the node stopped: {Log}");
            }
            try
            {
                var status = await rpc.CallAsync("status", []);
                if (status["sync_info"]?["latest_block_height"]?.GetValue<string>() is { } h && h != "0")
                {
                    return;
                }
            }
            catch (RpcException)
            {
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"the node did not produce a block: {Log}");
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_node is not null)
        {
            await _node;
        }
        _stop.Dispose();
        if (Directory.Exists(Home.Root))
        {
            Directory.Delete(Home.Root, recursive: true);
        }
    }
}
