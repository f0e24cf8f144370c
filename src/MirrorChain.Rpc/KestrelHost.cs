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
/// JSON-RPC and the LCD servers — start/stop lifecycle, body-size limit, shutdown timeout, the bound endpoint.
/// </summary>
internal sealed class KestrelHost(string name, IPEndPoint endpoint, long maxRequestBodyBytes, TimeSpan shutdownTimeout, RequestDelegate handler, ILogger logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private WebApplication? _app;

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
                k.Listen(endpoint);
            });
            var app = builder.Build();
            app.Run(handler);
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
                await app.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _lifecycle.Release();
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
