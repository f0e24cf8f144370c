using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace MirrorChain.Cli.Tests;

/// <summary>A loopback HTTP receiver for <c>watch --post</c>: records each POST body and answers 204.</summary>
internal sealed class AlertSink : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Channel<string> _bodies = Channel.CreateUnbounded<string>();
    private readonly Task _loop;

    public AlertSink()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        Url = $"http://127.0.0.1:{port}/alerts/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    public async Task<string> NextAsync(string waitingFor, int seconds = 90)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            return await _bodies.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no POST within {seconds} s while waiting for {waitingFor}");
        }
    }

    public bool TryNext(out string body) => _bodies.Reader.TryRead(out body!);

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                var body = await reader.ReadToEndAsync();
                _bodies.Writer.TryWrite($"{context.Request.HttpMethod} {context.Request.ContentType?.Split(';')[0]} {body}");
            }
            context.Response.StatusCode = 204;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
