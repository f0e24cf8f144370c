using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using MirrorChain.Node;

namespace MirrorChain.Rpc;

/// <summary>
/// The subscriptions of every WebSocket connection and the publishing of block events to them (CometBFT
/// types/event_bus.go over libs/pubsub). A committed block is only queued on the committing thread (bounded, never
/// waiting), then matched on the bus's own task and offered to each matching subscription's bounded buffer; a full
/// buffer cancels that subscription, as CometBFT's pubsub does (<c>ErrOutOfCapacity</c>). Block production never waits
/// for a client.
/// </summary>
internal sealed class RpcEventBus : IAsyncDisposable
{
    /// <summary>CometBFT libs/pubsub <c>ErrOutOfCapacity</c>.</summary>
    public const string OutOfCapacity = "internal subscription event buffer is out of capacity";

    /// <summary>The reason CometBFT gives subscribers when the node stops (rpc/core/events.go).</summary>
    public const string Exited = "CometBFT exited";

    /// <summary>Longest query accepted (CometBFT rpc/core/events.go <c>maxQueryLength</c>).</summary>
    public const int MaxQueryLength = 512;

    private readonly Lock _lock = new();
    private readonly Dictionary<WebSocketSession, Dictionary<string, Subscription>> _clients = [];
    private readonly IRpcEventSource? _source;
    private readonly RpcSubscriptionOptions _options;
    private readonly ulong _appVersion;
    private readonly Func<long, IReadOnlyList<CommitSignature>> _commitSignatures;
    private readonly ILogger _logger;
    private readonly Channel<(Block Block, BlockResults Results)> _blocks;
    private readonly Task _dispatcher;
    private Subscription[] _snapshot = [];

    /// <summary>
    /// The bus over <paramref name="source"/>'s commits; <paramref name="commitSignatures"/> gives a height's commit
    /// signatures for a NewBlock's <c>last_commit</c> (none when null).
    /// </summary>
    public RpcEventBus(IRpcEventSource? source, RpcSubscriptionOptions options, ulong appVersion, ILogger logger,
        Func<long, IReadOnlyList<CommitSignature>>? commitSignatures = null)
    {
        _source = source;
        _options = options;
        _appVersion = appVersion;
        _commitSignatures = commitSignatures ?? (_ => []);
        _logger = logger;
        _blocks = Channel.CreateBounded<(Block, BlockResults)>(new BoundedChannelOptions(options.PublishQueueBlocks)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _dispatcher = Task.Run(DispatchAsync);
        if (_source is not null)
        {
            _source.BlockCommitted += OnBlockCommitted;
        }
    }

    /// <summary>Connections holding at least one subscription.</summary>
    public int NumClients
    {
        get
        {
            lock (_lock)
            {
                return _clients.Count;
            }
        }
    }

    public int NumClientSubscriptions(WebSocketSession session)
    {
        lock (_lock)
        {
            return _clients.TryGetValue(session, out var subs) ? subs.Count : 0;
        }
    }

    /// <summary>CometBFT rpc/core/events.go <c>Subscribe</c>: its checks, in its order, with its error texts.</summary>
    public Subscription Subscribe(WebSocketSession session, RpcId id, string text)
    {
        lock (_lock)
        {
            _clients.TryGetValue(session, out var subs);
            if (_clients.Count >= _options.MaxSubscriptionClients)
            {
                throw RpcException.Internal($"max_subscription_clients {_options.MaxSubscriptionClients} reached");
            }
            if ((subs?.Count ?? 0) >= _options.MaxSubscriptionsPerClient)
            {
                throw RpcException.Internal($"max_subscriptions_per_client {_options.MaxSubscriptionsPerClient} reached");
            }
            if (text.Length > MaxQueryLength)
            {
                throw RpcException.Internal("maximum query length exceeded");
            }
            var query = Parse(text);
            var sub = new Subscription(session, id, text, query, _options.SubscriptionBufferSize);
            if (subs is not null && subs.ContainsKey(sub.Key))
            {
                throw RpcException.Internal("already subscribed");
            }
            if (subs is null)
            {
                subs = new Dictionary<string, Subscription>(StringComparer.Ordinal);
                _clients[session] = subs;
            }
            subs[sub.Key] = sub;
            Rebuild();
            return sub;
        }
    }

    /// <summary>Removes the subscription to <paramref name="text"/> (compared in canonical form); "subscription not found" when there is none.</summary>
    public Subscription Unsubscribe(WebSocketSession session, string text)
    {
        var key = Parse(text).ToString();
        lock (_lock)
        {
            if (!_clients.TryGetValue(session, out var subs) || !subs.Remove(key, out var sub))
            {
                throw RpcException.Internal("subscription not found");
            }
            if (subs.Count == 0)
            {
                _clients.Remove(session);
            }
            Rebuild();
            return sub;
        }
    }

    /// <summary>Removes every subscription of <paramref name="session"/>; "subscription not found" when it has none.</summary>
    public IReadOnlyList<Subscription> UnsubscribeAll(WebSocketSession session) =>
        RemoveClient(session) is { Count: > 0 } removed ? removed : throw RpcException.Internal("subscription not found");

    /// <summary>Forgets a connection (it closed); returns what it had.</summary>
    public IReadOnlyList<Subscription> RemoveClient(WebSocketSession session)
    {
        lock (_lock)
        {
            if (!_clients.Remove(session, out var subs))
            {
                return [];
            }
            Rebuild();
            return subs.Values.ToList();
        }
    }

    /// <summary>Cancels every subscription, telling each client why (node stopping, or the bus falling behind).</summary>
    public void CancelAll(string reason)
    {
        List<Subscription> all;
        lock (_lock)
        {
            all = _clients.Values.SelectMany(s => s.Values).ToList();
            _clients.Clear();
            Rebuild();
        }
        foreach (var sub in all)
        {
            sub.Session.OnCancelled(sub, reason);
        }
    }

    private void Cancel(Subscription sub, string reason)
    {
        lock (_lock)
        {
            if (!_clients.TryGetValue(sub.Session, out var subs) || !subs.TryGetValue(sub.Key, out var current) || current != sub)
            {
                return;
            }
            subs.Remove(sub.Key);
            if (subs.Count == 0)
            {
                _clients.Remove(sub.Session);
            }
            Rebuild();
        }
        _logger.LogInformation("subscription {Query} of a WebSocket client cancelled: {Reason}", sub.Text, reason);
        sub.Session.OnCancelled(sub, reason);
    }

    private static TxQuery Parse(string text)
    {
        try
        {
            return TxQuery.Parse(text);
        }
        catch (FormatException e)
        {
            throw RpcException.Internal("failed to parse query: " + e.Message);
        }
    }

    private void Rebuild() => Volatile.Write(ref _snapshot, _clients.Values.SelectMany(s => s.Values).ToArray());

    /// <summary>Runs on the committing thread: queue the block and return, whatever happens.</summary>
    private void OnBlockCommitted(Block block, BlockResults results)
    {
        if (Volatile.Read(ref _snapshot).Length == 0)
        {
            return;
        }
        if (!_blocks.Writer.TryWrite((block, results)))
        {
            _logger.LogWarning("event bus {Count} blocks behind at height {Height}: cancelling every subscription", _options.PublishQueueBlocks, block.Header.Height);
            CancelAll(OutOfCapacity);
        }
    }

    /// <summary>Publishes the events of <paramref name="block"/> now (the dispatcher's step; tests call it through the event source).</summary>
    internal void Publish(Block block, BlockResults results)
    {
        var subs = Volatile.Read(ref _snapshot);
        if (subs.Length == 0)
        {
            return;
        }
        var events = BlockEvents.Create(block, results, _appVersion, _commitSignatures(block.Header.Height - 1));
        foreach (var sub in subs)
        {
            foreach (var ev in events)
            {
                if (!sub.Active || !EventQueryMatcher.Matches(sub.Query, ev.Attributes))
                {
                    continue;
                }
                if (!sub.Queue.Writer.TryWrite(ev))
                {
                    Cancel(sub, OutOfCapacity);
                    break;
                }
            }
        }
    }

    private async Task DispatchAsync()
    {
        await foreach (var (block, results) in _blocks.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                Publish(block, results);
            }
            catch (Exception e)
            {
                _logger.LogError(e, "publishing the events of block {Height} failed", block.Header.Height);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_source is not null)
        {
            _source.BlockCommitted -= OnBlockCommitted;
        }
        _blocks.Writer.TryComplete();
        await _dispatcher.ConfigureAwait(false);
    }
}
