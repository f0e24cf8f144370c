using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MirrorChain.Rpc;

/// <summary>
/// <c>GET /websocket</c> of the JSON-RPC server (CometBFT rpc/jsonrpc/server/ws_handler.go <c>WebsocketHandler</c>):
/// upgrades the request, serves it as a <see cref="WebSocketSession"/>, and on shutdown closes every connection
/// cleanly (subscriptions cancelled with "CometBFT exited", then a close frame) before the HTTP host stops.
/// </summary>
internal sealed class WebSocketEndpoint(JsonRpcProcessor processor, RpcEventBus bus, RpcSubscriptionOptions options, long maxMessageBytes, ILogger logger)
{
    public const string Path = "/websocket";

    private readonly Lock _lock = new();
    private readonly Dictionary<WebSocketSession, Task> _sessions = [];
    private bool _stopping;

    /// <summary>Open connections.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _sessions.Count;
            }
        }
    }

    public async Task HandleAsync(HttpContext ctx)
    {
        if (!ctx.WebSockets.IsWebSocketRequest)
        {
            // what gorilla/websocket's Upgrader answers a plain HTTP request
            ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
            ctx.Response.ContentType = "text/plain; charset=utf-8";
            await ctx.Response.WriteAsync("Bad Request\n", Encoding.UTF8, ctx.RequestAborted).ConfigureAwait(false);
            return;
        }
        lock (_lock)
        {
            if (_stopping)
            {
                ctx.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }
        }
        using var socket = await ctx.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            KeepAliveInterval = options.PingPeriod,
            KeepAliveTimeout = options.PongWait,
        }).ConfigureAwait(false);
        using var session = new WebSocketSession(socket, processor, bus, options, maxMessageBytes, logger, ctx.RequestAborted);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool stopping;
        lock (_lock)
        {
            stopping = _stopping;
            _sessions[session] = done.Task;
        }
        if (stopping)
        {
            session.BeginClose();
        }
        logger.LogInformation("new WebSocket connection from {Remote}", ctx.Connection.RemoteIpAddress);
        try
        {
            await session.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            lock (_lock)
            {
                _sessions.Remove(session);
            }
            done.TrySetResult();
        }
    }

    /// <summary>Closes every connection: close frames first, then, after <see cref="RpcSubscriptionOptions.CloseWait"/>, aborts the rest.</summary>
    public async Task CloseAllAsync()
    {
        KeyValuePair<WebSocketSession, Task>[] open;
        lock (_lock)
        {
            _stopping = true;
            open = _sessions.ToArray();
        }
        foreach (var (session, _) in open)
        {
            session.BeginClose();
        }
        try
        {
            await Task.WhenAll(open.Select(s => s.Value)).WaitAsync(options.CloseWait).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            foreach (var (session, _) in open)
            {
                session.Abort();
            }
        }
    }

    /// <summary>Accepts connections again (the server was restarted).</summary>
    public void Reopen()
    {
        lock (_lock)
        {
            _stopping = false;
        }
    }
}
