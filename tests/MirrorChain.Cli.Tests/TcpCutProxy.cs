using System.Net;
using System.Net.Sockets;

namespace MirrorChain.Cli.Tests;

/// <summary>
/// A loopback TCP forwarder in front of a node that can cut every connection (and refuse new ones until
/// <see cref="Resume"/>): a dropped WebSocket as a watcher sees it.
/// </summary>
internal sealed class TcpCutProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _open = [];
    private readonly Task _accept;
    private volatile bool _refusing;

    public TcpCutProxy(string target)
    {
        var parts = target.Split(':');
        _target = new IPEndPoint(IPAddress.Parse(parts[0]), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        _listener.Start();
        Address = $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _accept = Task.Run(AcceptAsync);
    }

    public string Address { get; }

    /// <summary>Closes every forwarded connection and refuses (accepts and closes) new ones.</summary>
    public void CutAndRefuse()
    {
        _refusing = true;
        lock (_open)
        {
            foreach (var c in _open)
            {
                c.Dispose();
            }
            _open.Clear();
        }
    }

    public void Resume() => _refusing = false;

    private async Task AcceptAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }
            if (_refusing)
            {
                client.Dispose();
                continue;
            }
            var upstream = new TcpClient();
            try
            {
                await upstream.ConnectAsync(_target);
            }
            catch (SocketException)
            {
                client.Dispose();
                upstream.Dispose();
                continue;
            }
            lock (_open)
            {
                _open.Add(client);
                _open.Add(upstream);
            }
            _ = PipeAsync(client, upstream);
            _ = PipeAsync(upstream, client);
        }
    }

    private static async Task PipeAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
        }
        from.Dispose();
        to.Dispose();
    }

    public void Dispose()
    {
        _listener.Stop();
        CutAndRefuse();
        _accept.Wait(TimeSpan.FromSeconds(5));
    }
}
