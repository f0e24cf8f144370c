using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace MirrorChain.Rpc;

/// <summary>
/// One <c>/websocket</c> connection (CometBFT rpc/jsonrpc/server/ws_handler.go <c>wsConnection</c>): a read loop that
/// answers one JSON-RPC message at a time (every method of the HTTP server, through the same processor, plus
/// <c>subscribe</c>, <c>unsubscribe</c>, <c>unsubscribe_all</c>), and one writer that sends everything in order.
/// Answers and events take a slot of the bounded write buffer (<see cref="RpcSubscriptionOptions.WriteBufferSize"/>):
/// a client that stops reading stalls its own read loop and lets its subscription buffers fill (and be cancelled),
/// nothing else. A frame that cannot be written within <see cref="RpcSubscriptionOptions.WriteWait"/> drops the
/// connection. Cancellation notices and the close frame bypass the buffer (at most one per subscription).
/// </summary>
internal sealed class WebSocketSession : IDisposable
{
    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 64 };

    private readonly WebSocket _socket;
    private readonly JsonRpcProcessor _processor;
    private readonly RpcEventBus _bus;
    private readonly RpcSubscriptionOptions _options;
    private readonly long _maxMessageBytes;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _cts;
    private readonly Lock _sendLock = new();
    private readonly Channel<Outgoing> _outgoing = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _credits;
    private int _closeQueued;

    public WebSocketSession(WebSocket socket, JsonRpcProcessor processor, RpcEventBus bus, RpcSubscriptionOptions options, long maxMessageBytes, ILogger logger, CancellationToken aborted)
    {
        _socket = socket;
        _processor = processor;
        _bus = bus;
        _options = options;
        _maxMessageBytes = maxMessageBytes;
        _logger = logger;
        _cts = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        _credits = new SemaphoreSlim(options.WriteBufferSize, options.WriteBufferSize);
    }

    /// <summary>Serves the connection until the client closes it, it breaks, or <see cref="BeginClose"/> is answered.</summary>
    public async Task RunAsync()
    {
        var writer = Task.Run(WriteLoopAsync);
        try
        {
            await ReadLoopAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // the client went away, the connection broke or the server is stopping
        }
        finally
        {
            foreach (var sub in _bus.RemoveClient(this))
            {
                Deactivate(sub);
            }
            _outgoing.Writer.TryComplete();
            try
            {
                await writer.WaitAsync(_options.WriteWait).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                _socket.Abort();
            }
            await _cts.CancelAsync().ConfigureAwait(false);
            await writer.ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _cts.Dispose();
        _credits.Dispose();
    }

    /// <summary>Node shutdown: cancel the subscriptions (each client is told "CometBFT exited") and send a close frame.</summary>
    public void BeginClose()
    {
        foreach (var sub in _bus.RemoveClient(this))
        {
            OnCancelled(sub, RpcEventBus.Exited);
        }
        QueueClose();
    }

    /// <summary>Drops the connection at once (shutdown after the close handshake timed out).</summary>
    public void Abort()
    {
        _socket.Abort();
        try
        {
            _cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // already ended
        }
    }

    /// <summary>The bus cancelled <paramref name="sub"/>: stop its events and tell the client, as CometBFT's RPCServerError (-32000).</summary>
    public void OnCancelled(Subscription sub, string reason)
    {
        var frame = RpcEnvelope.Error(sub.Id, -32000, $"subscription was canceled (reason: {reason})");
        lock (_sendLock)
        {
            if (!sub.Active)
            {
                return;
            }
            sub.Active = false;
            _outgoing.Writer.TryWrite(new Outgoing(frame, Credit: false, Close: false));
        }
        sub.Queue.Writer.TryComplete();
    }

    private void Deactivate(Subscription sub)
    {
        lock (_sendLock)
        {
            sub.Active = false;
        }
        sub.Queue.Writer.TryComplete();
    }

    private void QueueClose()
    {
        if (Interlocked.Exchange(ref _closeQueued, 1) == 0)
        {
            _outgoing.Writer.TryWrite(new Outgoing(null, Credit: false, Close: true));
        }
    }

    private async Task ReadLoopAsync()
    {
        var ct = _cts.Token;
        var chunk = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var r = await _socket.ReceiveAsync(chunk.AsMemory(), ct).ConfigureAwait(false);
            if (r.MessageType == WebSocketMessageType.Close)
            {
                if (_socket.State == WebSocketState.CloseReceived)
                {
                    QueueClose();
                }
                return;
            }
            if (message.Length + r.Count > _maxMessageBytes)
            {
                await CloseNowAsync(WebSocketCloseStatus.MessageTooBig, $"message larger than {_maxMessageBytes} bytes").ConfigureAwait(false);
                return;
            }
            message.Write(chunk, 0, r.Count);
            if (!r.EndOfMessage)
            {
                continue;
            }
            var body = message.ToArray();
            message.SetLength(0);
            if (await AnswerAsync(body, ct).ConfigureAwait(false) is { Length: > 0 } answer)
            {
                await SendAsync(answer, () => true, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task CloseNowAsync(WebSocketCloseStatus status, string description)
    {
        _outgoing.Writer.TryComplete();
        using var timeout = new CancellationTokenSource(_options.WriteWait);
        try
        {
            await _socket.CloseOutputAsync(status, description, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            _socket.Abort();
        }
    }

    /// <summary>The answer to one message: a subscription call here, anything else through the HTTP server's processor.</summary>
    private async Task<byte[]?> AnswerAsync(byte[] body, CancellationToken ct)
    {
        if (TryReadSubscriptionCall(body, out var id, out var method, out var args, out var paramsError))
        {
            if (paramsError is not null)
            {
                return RpcEnvelope.Error(id, paramsError);
            }
            try
            {
                return RpcEnvelope.Success(id, method switch
                {
                    "subscribe" => Subscribe(id, args!.RequiredString("query")),
                    "unsubscribe" => Unsubscribe(args!.RequiredString("query")),
                    _ => UnsubscribeAll(),
                });
            }
            catch (RpcException e)
            {
                return RpcEnvelope.Error(id, e);
            }
        }
        var answer = await _processor.ProcessBodyAsync(body, ct).ConfigureAwait(false);
        return answer.Body;
    }

    private static bool TryReadSubscriptionCall(byte[] body, out RpcId id, out string method, out RpcParams? args, out RpcException? paramsError)
    {
        id = default;
        method = "";
        args = null;
        paramsError = null;
        try
        {
            using var doc = JsonDocument.Parse(body, ReadOptions);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("method", out var m)
                || m.ValueKind != JsonValueKind.String
                || m.GetString() is not ("subscribe" or "unsubscribe" or "unsubscribe_all")
                || !root.TryGetProperty("id", out var idElement)
                || !RpcId.TryRead(idElement, out id, out _))
            {
                return false;
            }
            if (root.TryGetProperty("jsonrpc", out var version) && !(version.ValueKind == JsonValueKind.String && version.ValueEquals("2.0")))
            {
                return false;
            }
            method = m.GetString()!;
            JsonElement? parameters = root.TryGetProperty("params", out var p) ? p.Clone() : null;
            try
            {
                args = new JsonRpcParams(parameters, method == "unsubscribe_all" ? [] : ["query"]);
            }
            catch (RpcException e)
            {
                paramsError = e;
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static readonly byte[] EmptyResult = "{}"u8.ToArray();

    private byte[] Subscribe(RpcId id, string query)
    {
        var sub = _bus.Subscribe(this, id, query);
        _logger.LogInformation("WebSocket client subscribed to {Query}", query);
        _ = Task.Run(() => PumpAsync(sub));
        return EmptyResult;
    }

    private byte[] Unsubscribe(string query)
    {
        Deactivate(_bus.Unsubscribe(this, query));
        return EmptyResult;
    }

    private byte[] UnsubscribeAll()
    {
        foreach (var sub in _bus.UnsubscribeAll(this))
        {
            Deactivate(sub);
        }
        return EmptyResult;
    }

    /// <summary>Moves one subscription's events into the write buffer, as CometBFT's per-subscription goroutine does.</summary>
    private async Task PumpAsync(Subscription sub)
    {
        try
        {
            await foreach (var ev in sub.Queue.Reader.ReadAllAsync(_cts.Token).ConfigureAwait(false))
            {
                if (!await SendAsync(EventFrame(sub, ev), () => sub.Active, _cts.Token).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // the connection ended
        }
        catch (Exception e)
        {
            _logger.LogError(e, "sending events of {Query} failed", sub.Text);
        }
    }

    /// <summary>ResultEvent in a success envelope under the subscribe request's id: <c>{query, data, events}</c>.</summary>
    private static byte[] EventFrame(Subscription sub, RpcEvent ev)
    {
        var buffer = new ArrayBufferWriter<byte>(ev.Data.Length + ev.EventsJson.Length + sub.Text.Length + 64);
        using (var w = new Utf8JsonWriter(buffer, RpcEnvelope.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("query", sub.Text);
            w.WritePropertyName("data");
            w.WriteRawValue(ev.Data, skipInputValidation: true);
            w.WritePropertyName("events");
            w.WriteRawValue(ev.EventsJson, skipInputValidation: true);
            w.WriteEndObject();
        }
        return RpcEnvelope.Success(sub.Id, buffer.WrittenSpan);
    }

    /// <summary>Takes a write-buffer slot (waiting for one) and queues <paramref name="frame"/> if <paramref name="stillWanted"/> holds then.</summary>
    private async Task<bool> SendAsync(byte[] frame, Func<bool> stillWanted, CancellationToken ct)
    {
        await _credits.WaitAsync(ct).ConfigureAwait(false);
        lock (_sendLock)
        {
            if (stillWanted() && _outgoing.Writer.TryWrite(new Outgoing(frame, Credit: true, Close: false)))
            {
                return true;
            }
        }
        _credits.Release();
        return false;
    }

    private async Task WriteLoopAsync()
    {
        var ct = _cts.Token;
        try
        {
            await foreach (var item in _outgoing.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(_options.WriteWait);
                if (item.Close)
                {
                    if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token).ConfigureAwait(false);
                    }
                    return;
                }
                await _socket.SendAsync(item.Frame!, WebSocketMessageType.Text, endOfMessage: true, timeout.Token).ConfigureAwait(false);
                if (item.Credit)
                {
                    _credits.Release();
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            if (!ct.IsCancellationRequested)
            {
                _logger.LogInformation("WebSocket write failed or took longer than {Wait}: dropping the connection", _options.WriteWait);
            }
            _socket.Abort();
            await _cts.CancelAsync().ConfigureAwait(false);
        }
    }

    private readonly record struct Outgoing(byte[]? Frame, bool Credit, bool Close);
}
