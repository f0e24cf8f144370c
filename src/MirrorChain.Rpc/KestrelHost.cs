using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MirrorChain.Rpc;

/// <summary>
/// One Kestrel listener running a single request handler (no MVC, no routing middleware): the hosting shared by the
/// JSON-RPC and the LCD servers — start/stop lifecycle, body-size and connection limits, shutdown timeout, the bound
/// endpoint. Stopping drains: <see cref="StopAsync"/> returns only after every request handler has returned (Kestrel
/// itself gives up on aborted requests after a second and leaves their handlers running), so the caller may then
/// close what the handlers read.
/// </summary>
internal sealed class KestrelHost(string name, IPEndPoint endpoint, long maxRequestBodyBytes, int maxConnections, TimeSpan shutdownTimeout, RequestDelegate handler, ILogger logger, bool webSockets = false) : IAsyncDisposable
{
    /// <summary>How long <see cref="StopAsync"/> waits, after aborting them, for handlers that ignore their RequestAborted token.</summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private WebApplication? _app;
    private int _inFlight;
    private TaskCompletionSource? _drained;

    /// <summary>The address actually listened on (the real port when the endpoint had port 0); null when stopped.</summary>
    public IPEndPoint? BoundEndpoint { get; private set; }

    /// <summary><c>http://host:port/</c> of <see cref="BoundEndpoint"/>; null when stopped.</summary>
    public Uri? BaseAddress => BoundEndpoint is { } ep ? new Uri($"http://{ep}/") : null;

    /// <summary>Binds and starts; throws (an IOException when the port is taken) and cleans up if it cannot.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        await _lifecycle.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_app is not null)
            {
                throw new InvalidOperationException($"the {name} server is already running");
            }
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = shutdownTimeout);
            builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
            {
                k.AddServerHeader = false;
                k.Limits.MaxRequestBodySize = maxRequestBodyBytes;
                k.Limits.MaxConcurrentConnections = maxConnections;
                k.Limits.MaxConcurrentUpgradedConnections = maxConnections;
                k.Listen(endpoint);
            });
            var app = builder.Build();
            if (webSockets)
            {
                app.UseWebSockets();
            }
            app.Run(TrackedAsync);
            try
            {
                await app.StartAsync(ct).ConfigureAwait(false);
            }
            catch
            {
                await app.DisposeAsync().ConfigureAwait(false);
                throw;
            }
            _app = app;
            BoundEndpoint = ResolveBoundEndpoint(app) ?? endpoint;
            logger.LogInformation("{Name} listening on http://{Endpoint}", name, BoundEndpoint);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    public async Task StopAsync(CancellationToken ct)
    {
        await _lifecycle.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_app is not { } app)
            {
                return;
            }
            _app = null;
            BoundEndpoint = null;
            try
            {
                await app.StopAsync(ct).ConfigureAwait(false);
            }
            finally
            {
                await DrainAsync().ConfigureAwait(false);
                await app.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Requests whose handler has not returned yet.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    private async Task TrackedAsync(HttpContext ctx)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            await handler(ctx).ConfigureAwait(false);
        }
        finally
        {
            if (Interlocked.Decrement(ref _inFlight) == 0)
            {
                Volatile.Read(ref _drained)?.TrySetResult();
            }
        }
    }

    private async Task DrainAsync()
    {
        var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _drained, drained);
        if (Volatile.Read(ref _inFlight) == 0)
        {
            drained.TrySetResult();
        }
        try
        {
            await drained.Task.WaitAsync(DrainTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            logger.LogError("{Name}: {Count} request(s) still running {Timeout} after shutdown", name, InFlight, DrainTimeout);
        }
        finally
        {
            Volatile.Write(ref _drained, null);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _lifecycle.Dispose();
    }

    private static IPEndPoint? ResolveBoundEndpoint(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault();
        if (first is null || !Uri.TryCreate(first, UriKind.Absolute, out var uri))
        {
            return null;
        }
        var host = uri.Host.Trim('[', ']');
        return IPAddress.TryParse(host, out var ip) ? new IPEndPoint(ip, uri.Port) : null;
    }
}
