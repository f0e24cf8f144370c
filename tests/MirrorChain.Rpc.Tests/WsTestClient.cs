using System.Net.WebSockets;

namespace MirrorChain.Rpc.Tests;

/// <summary>A <see cref="ClientWebSocket"/> on the server's <c>/websocket</c> that sends and receives JSON text messages.</summary>
internal sealed class WsTestClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private WsTestClient(ClientWebSocket socket) => Socket = socket;

    public ClientWebSocket Socket { get; }

    public static async Task<WsTestClient> ConnectAsync(RpcServer server)
    {
        var socket = new ClientWebSocket();
        using var cts = new CancellationTokenSource(Timeout);
        await socket.ConnectAsync(new Uri($"ws://{server.BoundEndpoint}/websocket"), cts.Token);
        return new WsTestClient(socket);
    }

    public async Task SendAsync(string json)
    {
        using var cts = new CancellationTokenSource(Timeout);
        await Socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, cts.Token);
    }

    /// <summary>Sends a request and returns the next message (the answer, when no events are flowing).</summary>
    public async Task<string> CallAsync(string json)
    {
        await SendAsync(json);
        return (await ReceiveAsync())!;
    }

    /// <summary>The next text message, or null when the server closed the connection.</summary>
    public async Task<string?> ReceiveAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        using var ms = new MemoryStream();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var r = await Socket.ReceiveAsync(buffer, cts.Token);
            if (r.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            ms.Write(buffer, 0, r.Count);
            if (r.EndOfMessage)
            {
                return Encoding.UTF8.GetString(ms.ToArray());
            }
        }
    }

    public async Task<JsonElement> ReceiveJsonAsync()
    {
        var text = await ReceiveAsync();
        Assert.NotNull(text);
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        if (Socket.State == WebSocketState.Open)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", cts.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // the server is gone already
            }
        }
        Socket.Dispose();
    }
}

/// <summary>Conveniences for <see cref="WsTestClient"/>.</summary>
internal static class WsTestClientExtensions
{
    /// <summary>Sends <paramref name="json"/> and parses the next message.</summary>
    public static async Task<JsonElement> ReceiveAfter(this WsTestClient client, string json)
    {
        await client.SendAsync(json);
        return await client.ReceiveJsonAsync();
    }
}
