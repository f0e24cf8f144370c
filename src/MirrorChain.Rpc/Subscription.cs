using System.Threading.Channels;

namespace MirrorChain.Rpc;

/// <summary>
/// One <c>subscribe</c> of one WebSocket connection: its query, the id its events are sent under, and its bounded
/// event buffer (<see cref="RpcSubscriptionOptions.SubscriptionBufferSize"/>), filled by the event bus and drained
/// by the connection.
/// </summary>
internal sealed class Subscription
{
    public Subscription(WebSocketSession session, RpcId id, string text, TxQuery query, int bufferSize)
    {
        Session = session;
        Id = id;
        Text = text;
        Query = query;
        Key = query.ToString();
        Queue = Channel.CreateBounded<RpcEvent>(new BoundedChannelOptions(bufferSize)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public WebSocketSession Session { get; }

    /// <summary>The id of the subscribe request: every event answers it.</summary>
    public RpcId Id { get; }

    /// <summary>The query as the client wrote it (echoed as the event's <c>query</c>).</summary>
    public string Text { get; }

    public TxQuery Query { get; }

    /// <summary>The canonical query text: what makes two subscriptions of one client the same (CometBFT keys them by <c>query.String()</c>).</summary>
    public string Key { get; }

    public Channel<RpcEvent> Queue { get; }

    /// <summary>False once unsubscribed or cancelled: no event of it is sent any more. Changed under the session's send lock.</summary>
    public bool Active { get; set; } = true;
}
