using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MirrorChain.Cli;

/// <summary>
/// A <c>tm.event='NewBlock'</c> subscription over the node's CometBFT <c>/websocket</c> (docs/websocket.md): each
/// <see cref="NextAsync"/> returns the next event's <c>value</c> (<c>block</c> and <c>result_finalize_block</c>).
/// </summary>
public sealed class NewBlockSubscription : IAsyncDisposable
{
    public const string Query = "tm.event='NewBlock'";

    private const int SubscribeId = 1;
    private readonly ClientWebSocket _socket;
    private readonly byte[] _buffer = new byte[64 * 1024];

    private NewBlockSubscription(ClientWebSocket socket) => _socket = socket;

    /// <summary>ws://HOST:PORT/websocket for a --node value such as 127.0.0.1:26657, tcp://…, http://… or https://….</summary>
    public static Uri WebSocketUri(string node)
    {
        var e = node.Contains("://", StringComparison.Ordinal) ? node : "ws://" + node;
        e = e.Replace("tcp://", "ws://", StringComparison.Ordinal)
            .Replace("https://", "wss://", StringComparison.Ordinal)
            .Replace("http://", "ws://", StringComparison.Ordinal);
        var uri = new Uri(e);
        return new UriBuilder(uri) { Path = uri.AbsolutePath.TrimEnd('/') + "/websocket" }.Uri;
    }

    /// <summary>Connects and subscribes; throws <see cref="WebSocketException"/> or <see cref="RpcException"/> on failure.</summary>
    public static async Task<NewBlockSubscription> ConnectAsync(string node, TimeSpan timeout, CancellationToken ct)
    {
        var socket = new ClientWebSocket();
        var subscription = new NewBlockSubscription(socket);
        try
        {
            using var connect = CancellationTokenSource.CreateLinkedTokenSource(ct);
            connect.CancelAfter(timeout);
            try
            {
                await socket.ConnectAsync(WebSocketUri(node), connect.Token).ConfigureAwait(false);
                var request = new JsonObject
                {
                    ["jsonrpc"] = "2.0",
                    ["id"] = SubscribeId,
                    ["method"] = "subscribe",
                    ["params"] = new JsonObject { ["query"] = Query },
                };
                await socket.SendAsync(Encoding.UTF8.GetBytes(request.ToJsonString()), WebSocketMessageType.Text, true, connect.Token).ConfigureAwait(false);
                var answer = await subscription.ReceiveAsync(connect.Token).ConfigureAwait(false);
                if (answer["error"] is { } error)
                {
                    throw new RpcException($"subscribe refused: {error["data"] ?? error["message"]}");
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new WebSocketException($"no answer from {WebSocketUri(node)} within {timeout.TotalSeconds:0} s");
            }
            return subscription;
        }
        catch
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The next NewBlock event's value; throws when the node cancels the subscription or closes.</summary>
    public async Task<JsonNode> NextAsync(CancellationToken ct)
    {
        while (true)
        {
            var message = await ReceiveAsync(ct).ConfigureAwait(false);
            if (message["error"] is { } error)
            {
                throw new WebSocketException($"the node ended the subscription: {error["data"] ?? error["message"]}");
            }
            if (message["result"]?["data"] is { } data && data["type"]?.GetValue<string>() == "tendermint/event/NewBlock" && data["value"] is { } value)
            {
                return value;
            }
        }
    }

    private async Task<JsonNode> ReceiveAsync(CancellationToken ct)
    {
        using var message = new MemoryStream();
        while (true)
        {
            var r = await _socket.ReceiveAsync(_buffer, ct).ConfigureAwait(false);
            if (r.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException($"the node closed the connection ({r.CloseStatus} {r.CloseStatusDescription})");
            }
            message.Write(_buffer, 0, r.Count);
            if (r.EndOfMessage)
            {
                break;
            }
        }
        try
        {
            return JsonNode.Parse(message.ToArray()) ?? throw new WebSocketException("the node sent null");
        }
        catch (JsonException e)
        {
            throw new WebSocketException($"the node sent a message that is not JSON: {e.Message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var close = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", close.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
            {
                // the node went away first: nothing left to close
            }
        }
        _socket.Dispose();
    }
}
