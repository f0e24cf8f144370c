namespace MirrorChain.Rpc;

/// <summary>
/// Limits of the <c>/websocket</c> endpoint and its event subscriptions, with CometBFT 0.38's config.toml
/// <c>[rpc]</c> defaults.
/// </summary>
public sealed record RpcSubscriptionOptions
{
    /// <summary>Most connections holding at least one subscription (CometBFT config.toml <c>max_subscription_clients</c>).</summary>
    public int MaxSubscriptionClients { get; init; } = 100;

    /// <summary>Most subscriptions of one connection (CometBFT config.toml <c>max_subscriptions_per_client</c>).</summary>
    public int MaxSubscriptionsPerClient { get; init; } = 5;

    /// <summary>
    /// Events one subscription may have waiting (CometBFT config.toml <c>experimental_subscription_buffer_size</c>);
    /// the event that finds it full cancels the subscription.
    /// </summary>
    public int SubscriptionBufferSize { get; init; } = 200;

    /// <summary>Messages a connection may have waiting to be sent (CometBFT config.toml <c>experimental_websocket_write_buffer_size</c>).</summary>
    public int WriteBufferSize { get; init; } = 200;

    /// <summary>A single frame write that takes longer closes the connection (CometBFT rpc/jsonrpc/server <c>defaultWSWriteWait</c>).</summary>
    public TimeSpan WriteWait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the server pings (CometBFT <c>defaultWSPingPeriod</c>, 27 s).</summary>
    public TimeSpan PingPeriod { get; init; } = TimeSpan.FromSeconds(27);

    /// <summary>A connection that answers no ping within this is closed (CometBFT <c>defaultWSReadWait</c>, 30 s).</summary>
    public TimeSpan PongWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Blocks waiting to be matched against the subscriptions; when full, every subscription is cancelled as out of capacity.</summary>
    public int PublishQueueBlocks { get; init; } = 256;

    /// <summary>How long shutdown waits for clients to answer the close frame before dropping their connections.</summary>
    public TimeSpan CloseWait { get; init; } = TimeSpan.FromSeconds(2);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSubscriptionClients, 0, nameof(MaxSubscriptionClients));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSubscriptionsPerClient, 0, nameof(MaxSubscriptionsPerClient));
        ArgumentOutOfRangeException.ThrowIfLessThan(SubscriptionBufferSize, 1, nameof(SubscriptionBufferSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(WriteBufferSize, 1, nameof(WriteBufferSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(PublishQueueBlocks, 1, nameof(PublishQueueBlocks));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(WriteWait, TimeSpan.Zero, nameof(WriteWait));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PingPeriod, TimeSpan.Zero, nameof(PingPeriod));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PongWait, TimeSpan.Zero, nameof(PongWait));
        ArgumentOutOfRangeException.ThrowIfLessThan(CloseWait, TimeSpan.Zero, nameof(CloseWait));
    }
}
