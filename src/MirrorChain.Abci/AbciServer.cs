using System.Net;
using System.Net.Sockets;

namespace MirrorChain.Abci;

/// <summary>
/// The ABCI 2.0 socket server CometBFT connects to (<c>proxy_app = "tcp://127.0.0.1:26658"</c> or
/// <c>unix://…</c>): it accepts any number of connections (CometBFT opens four) and serves each on its own task.
/// </summary>
public sealed class AbciServer : IAsyncDisposable
{
    private readonly IAbciApplication _app;
    private readonly Action<string>? _log;
    private readonly int _maxMessageBytes;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private Socket? _listener;
    private Task? _accepting;
    private string? _unixPath;

    public AbciServer(IAbciApplication app, Action<string>? log = null, int maxMessageBytes = AbciFraming.DefaultMaxMessageBytes)
    {
        _app = app;
        _log = log;
        _maxMessageBytes = maxMessageBytes;
    }

    /// <summary>Where the server listens, as CometBFT's <c>proxy_app</c> would name it (the bound port filled in).</summary>
    public string? ListenAddress { get; private set; }

    /// <summary>Starts listening on <c>tcp://HOST:PORT</c> (port 0 = any free port) or <c>unix:///path</c>.</summary>
    public void Start(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.StartsWith("unix://", StringComparison.Ordinal))
        {
            _unixPath = address["unix://".Length..];
            if (File.Exists(_unixPath))
            {
                File.Delete(_unixPath); // a socket file left by a killed run
            }
            _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            _listener.Bind(new UnixDomainSocketEndPoint(_unixPath));
            ListenAddress = address;
        }
        else
        {
            var endpoint = ParseTcp(address);
            _listener = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            _listener.Bind(endpoint);
            var bound = (IPEndPoint)_listener.LocalEndPoint!;
            ListenAddress = $"tcp://{bound.Address}:{bound.Port}";
        }
        _listener.Listen(16);
        _accepting = AcceptLoopAsync(_listener);
    }

    /// <summary>Parses <c>tcp://HOST:PORT</c> (or <c>HOST:PORT</c>) into an IP endpoint; a clear error otherwise.</summary>
    public static IPEndPoint ParseTcp(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var rest = address.StartsWith("tcp://", StringComparison.Ordinal) ? address["tcp://".Length..] : address;
        if (!IPEndPoint.TryParse(rest, out var endpoint) || rest.LastIndexOf(':') < 0)
        {
            throw new FormatException($"invalid ABCI listen address '{address}': expected tcp://IP:PORT or unix:///path");
        }
        return endpoint;
    }

    private async Task AcceptLoopAsync(Socket listener)
    {
        var id = 0;
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                break;
            }
            if (socket.AddressFamily != AddressFamily.Unix)
            {
                socket.NoDelay = true;
            }
            var connection = new AbciConnection(socket, _app, _maxMessageBytes, _log, ++id);
            lock (_connections)
            {
                _connections.RemoveAll(t => t.IsCompleted);
                _connections.Add(Task.Run(() => connection.RunAsync(_stop.Token)));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener?.Dispose();
        if (_accepting is not null)
        {
            await _accepting.ConfigureAwait(false);
        }
        Task[] open;
        lock (_connections)
        {
            open = [.. _connections];
        }
        await Task.WhenAll(open).ConfigureAwait(false);
        if (_unixPath is not null && File.Exists(_unixPath))
        {
            File.Delete(_unixPath);
        }
        _stop.Dispose();
    }
}
