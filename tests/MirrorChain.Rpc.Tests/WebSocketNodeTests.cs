using MirrorChain.Storage;

namespace MirrorChain.Rpc.Tests;

/// <summary>The <c>/websocket</c> subscriptions fed by a real node committing real blocks.</summary>
public sealed class WebSocketNodeTests : IAsyncDisposable
{
    private readonly DevnetBankNode<MemoryKeyValueStore> _chain = new(new MemoryKeyValueStore());

    public async ValueTask DisposeAsync()
    {
        await Task.CompletedTask;
        _chain.Dispose();
    }

    private static BlockTime At(int second) => DevnetBankChain.T0.AddNanoseconds(second * 1_000_000_000L);

    private async Task<RpcServer> StartAsync(RpcSubscriptionOptions? subscriptions = null)
    {
        var server = new RpcServer(_chain.Backend, new RpcServerOptions
        {
            Endpoint = new IPEndPoint(IPAddress.Loopback, 0),
            Subscriptions = subscriptions ?? new RpcSubscriptionOptions(),
        });
        await server.StartAsync();
        return server;
    }

    [Fact]
    public async Task Committed_blocks_and_a_senders_txs_reach_their_subscribers()
    {
        await using var server = await StartAsync();
        await using var ws = await WsTestClient.ConnectAsync(server);
        var sender = DevnetBankChain.Test2.Address.ToString();
        await ws.CallAsync("""{"jsonrpc":"2.0","id":1,"method":"subscribe","params":{"query":"tm.event='NewBlock'"}}""");
        await ws.CallAsync($$$"""{"jsonrpc":"2.0","id":2,"method":"subscribe","params":{"query":"tm.event='Tx' AND message.sender='{{{sender}}}'"}}""");

        var tx = DevnetBankChain.Send(0, 5);
        Assert.Equal(0u, _chain.Backend.BroadcastTx(tx).Code);
        _chain.Node.ProduceBlock(At(1));

        var byId = new Dictionary<long, JsonElement>();
        while (byId.Count < 2)
        {
            var message = await ws.ReceiveJsonAsync();
            byId[message.GetProperty("id").GetInt64()] = message.GetProperty("result");
        }
        var block = byId[1].GetProperty("data").GetProperty("value").GetProperty("block");
        Assert.Equal("1", block.GetProperty("header").GetProperty("height").GetString());
        Assert.Equal(Convert.ToBase64String(tx), block.GetProperty("data").GetProperty("txs")[0].GetString());
        var txResult = byId[2].GetProperty("data").GetProperty("value").GetProperty("TxResult");
        Assert.Equal(0, txResult.GetProperty("result").GetProperty("code").GetInt32());
        Assert.Equal(Hex.Upper(Hashing.TxHash(tx)), byId[2].GetProperty("events").GetProperty("tx.hash")[0].GetString());
    }

    [Fact]
    public async Task A_client_that_never_reads_does_not_hold_up_block_production()
    {
        await using var server = await StartAsync(new RpcSubscriptionOptions { SubscriptionBufferSize = 5, WriteBufferSize = 2 });
        await using var ws = await WsTestClient.ConnectAsync(server);
        await ws.CallAsync("""{"jsonrpc":"2.0","id":1,"method":"subscribe","params":{"query":"tm.event='NewBlock'"}}""");

        for (var i = 1; i <= 300; i++)
        {
            _chain.Node.ProduceBlock(At(i));
        }
        Assert.Equal(300, _chain.Node.LatestHeight);

        // the events that were delivered come in height order; the subscription may have been cancelled on the way
        var last = 0L;
        while (true)
        {
            var message = await ws.ReceiveJsonAsync();
            if (message.TryGetProperty("error", out var error))
            {
                Assert.Equal("subscription was canceled (reason: internal subscription event buffer is out of capacity)", error.GetProperty("data").GetString());
                break;
            }
            var height = long.Parse(message.GetProperty("result").GetProperty("data").GetProperty("value").GetProperty("block").GetProperty("header").GetProperty("height").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(last + 1, height);
            last = height;
            if (height == 300)
            {
                break;
            }
        }
    }
}
