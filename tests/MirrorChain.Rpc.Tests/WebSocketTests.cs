using System.Net.WebSockets;
using MirrorChain.Execution;

namespace MirrorChain.Rpc.Tests;

/// <summary>The <c>/websocket</c> endpoint against a real Kestrel host: methods, subscriptions, CometBFT's payloads and limits.</summary>
public sealed class WebSocketTests
{
    private const string NewBlockQuery = "tm.event='NewBlock'";

    private static string Request(long id, string method, string paramsJson = "{}") =>
        $$"""{"jsonrpc":"2.0","id":{{id}},"method":"{{method}}","params":{{paramsJson}}}""";

    private static string Subscribe(long id, string query) => Request(id, "subscribe", JsonSerializer.Serialize(new { query }));

    private static string Unsubscribe(long id, string query) => Request(id, "unsubscribe", JsonSerializer.Serialize(new { query }));

    private static string ErrorData(JsonElement message) => message.GetProperty("error").GetProperty("data").GetString()!;

    private static async Task<(RpcTestServer Server, EventFakeBackend Backend)> StartAsync(RpcSubscriptionOptions? subscriptions = null)
    {
        var backend = new EventFakeBackend();
        var server = await RpcTestServer.StartAsync(backend, new RpcServerOptions { Subscriptions = subscriptions ?? new RpcSubscriptionOptions() });
        return (server, backend);
    }

    [Fact]
    public async Task Subscribe_NewBlock_delivers_each_block_in_CometBFT_event_shape()
    {
        var (s, backend) = await StartAsync();
        await using var _ = s;
        await using var ws = await WsTestClient.ConnectAsync(s.Server);

        Assert.Equal("""{"jsonrpc":"2.0","id":7,"result":{}}""", await ws.CallAsync(Subscribe(7, NewBlockQuery)));
        backend.Commit(2);

        var ev = await ws.ReceiveJsonAsync();
        Assert.Equal(7, ev.GetProperty("id").GetInt64());
        var result = ev.GetProperty("result");
        Assert.Equal(NewBlockQuery, result.GetProperty("query").GetString());
        Assert.Equal("""{"tm.event":["NewBlock"]}""", result.GetProperty("events").GetRawText());
        var data = result.GetProperty("data");
        Assert.Equal("tendermint/event/NewBlock", data.GetProperty("type").GetString());
        var value = data.GetProperty("value");
        Assert.Equal(["block", "block_id", "result_finalize_block"], value.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2", value.GetProperty("block").GetProperty("header").GetProperty("height").GetString());
        Assert.Equal(Hex.Upper(FakeBackend.BlockHash(2)), value.GetProperty("block_id").GetProperty("hash").GetString());
        var finalize = value.GetProperty("result_finalize_block");
        Assert.Equal(2, finalize.GetProperty("tx_results").GetArrayLength());
        Assert.Equal(5, finalize.GetProperty("tx_results")[1].GetProperty("code").GetInt32());
        Assert.Equal(Convert.ToBase64String(backend.GetBlockResults(2)!.AppHash), finalize.GetProperty("app_hash").GetString());

        // the block JSON is the one the HTTP `block` method serves
        using var http = JsonDocument.Parse(await s.CallAsync("block", """{"height":"2"}"""));
        Assert.Equal(http.RootElement.GetProperty("result").GetProperty("block").GetRawText(), value.GetProperty("block").GetRawText());
    }

    [Fact]
    public async Task Subscribe_Tx_with_an_attribute_condition_gets_only_the_matching_txs()
    {
        var (s, backend) = await StartAsync();
        await using var _ = s;
        await using var ws = await WsTestClient.ConnectAsync(s.Server);
        const string query = "tm.event='Tx' AND message.sender='terra1sender'";
        Assert.Equal("""{"jsonrpc":"2.0","id":"tx-sub","result":{}}""", await ws.CallAsync(
            """{"jsonrpc":"2.0","id":"tx-sub","method":"subscribe","params":["tm.event='Tx' AND message.sender='terra1sender'"]}"""));

        backend.Commit(2);  // tx 0 matches; tx 1 (failed, no message event) does not
        backend.Commit(3);  // sent by terra1other: no match
        backend.Commit(2);

        foreach (var expectedHeight in new[] { "2", "2" })
        {
            var ev = await ws.ReceiveJsonAsync();
            Assert.Equal("tx-sub", ev.GetProperty("id").GetString());
            var result = ev.GetProperty("result");
            Assert.Equal(query, result.GetProperty("query").GetString());
            var data = result.GetProperty("data");
            Assert.Equal("tendermint/event/Tx", data.GetProperty("type").GetString());
            var txResult = data.GetProperty("value").GetProperty("TxResult");
            Assert.Equal(expectedHeight, txResult.GetProperty("height").GetString());
            Assert.Equal(0, txResult.GetProperty("index").GetInt32());
            Assert.Equal(Convert.ToBase64String("tx-2-0"u8), txResult.GetProperty("tx").GetString());
            Assert.Equal(0, txResult.GetProperty("result").GetProperty("code").GetInt32());
            Assert.Equal("200000", txResult.GetProperty("result").GetProperty("gas_wanted").GetString());
            var events = result.GetProperty("events");
            Assert.Equal([Hex.Upper(Hashing.TxHash("tx-2-0"u8.ToArray()))], events.GetProperty("tx.hash").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(["2"], events.GetProperty("tx.height").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(["Tx"], events.GetProperty("tm.event").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(["terra1sender"], events.GetProperty("message.sender").EnumerateArray().Select(e => e.GetString()));
            // non-indexed attributes are published too (CometBFT's event bus does not look at `index`)
            Assert.Equal(["terra1sender/0"], events.GetProperty("tx.acc_seq").EnumerateArray().Select(e => e.GetString()));
        }
    }

    [Fact]
    public async Task Tx_query_combines_wasm_attributes_and_height_comparisons()
    {
        var (s, backend) = await StartAsync();
        await using var _ = s;
        await using var ws = await WsTestClient.ConnectAsync(s.Server);
        Assert.Equal("""{"jsonrpc":"2.0","id":1,"result":{}}""", await ws.CallAsync(Subscribe(1, "tm.event = 'Tx' AND wasm.action = 'mint' AND tx.height > 2 AND wasm.amount >= 100")));

        backend.Commit(2);
        backend.Commit(3);
        backend.Commit(1);
        backend.Commit(3);

        for (var i = 0; i < 2; i++)
        {
            var txResult = (await ws.ReceiveJsonAsync()).GetProperty("result").GetProperty("data").GetProperty("value").GetProperty("TxResult");
            Assert.Equal("3", txResult.GetProperty("height").GetString());
            Assert.Equal(Convert.ToBase64String("tx-3-0"u8), txResult.GetProperty("tx").GetString());
        }
    }

    [Theory]
    [InlineData("tm.event='Tx' AND wasm EXISTS", "tx-3-0")]
    [InlineData("wasm EXISTS", "tx-3-0")]
    [InlineData("transfer.amount CONTAINS 'uluna' AND tx.height=2", "tx-2-0")]
    [InlineData("tx.fee_payer='terra1sender'", "tx-2-1")]
    public async Task Queries_match_event_types_and_attributes_as_CometBFTs_pubsub(string query, string expectedTx)
    {
        var (s, backend) = await StartAsync();
        await using var _ = s;
        await using var ws = await WsTestClient.ConnectAsync(s.Server);
        Assert.Equal("""{"jsonrpc":"2.0","id":1,"result":{}}""", await ws.CallAsync(Subscribe(1, query)));
        backend.Commit(1);
        backend.Commit(2);
        backend.Commit(3);
        var txResult = (await ws.ReceiveJsonAsync()).GetProperty("result").GetProperty("data").GetProperty("value").GetProperty("TxResult");
        Assert.Equal(Convert.ToBase64String(Encoding.ASCII.GetBytes(expectedTx)), txResult.GetProperty("tx").GetString());
    }

    [Fact]
    public async Task NewBlockHeader_and_NewBlockEvents_carry_their_own_payloads()
    {
        var (s, backend) = await StartAsync();
        await using var _ = s;
        await using var ws = await WsTestClient.ConnectAsync(s.Server);
        Assert.Contains("\"result\":{}", await ws.CallAsync(Subscribe(1, "tm.event='NewBlockHeader'")), StringComparison.Ordinal);
        backend.Commit(3);
        var header = (await ws.ReceiveJsonAsync()).GetProperty("result").GetProperty("data");
        Assert.Equal("tendermint/event/NewBlockHeader", header.GetProperty("type").GetString());
        Assert.Equal("3", header.GetProperty("value").GetProperty("header").GetProperty("height").GetString());

        Assert.Contains("\"result\":{}", await ws.CallAsync(Unsubscribe(2, "tm.event='NewBlockHeader'")), StringComparison.Ordinal);
        Assert.Contains("\"result\":{}", await ws.CallAsync(Subscribe(3, "tm.event='NewBlockEvents'")), StringComparison.Ordinal);
        backend.Commit(3);
        var events = (await ws.ReceiveJsonAsync()).GetProperty("result").GetProperty("data");
        Assert.Equal("""{"type":"tendermint/event/NewBlockEvents","value":{"height":"3","events":[],"num_txs":"1"}}""", events.GetRawText());
    }

    [Fact]
    public async Task Unsubscribe_stops_delivery_and_a_second_unsubscribe_is_not_found()
    {
        var (s, backend) = await StartAsync();
        await using var _ = s;
        await using var ws = await WsTestClient.ConnectAsync(s.Server);
        await ws.CallAsync(Subscribe(1, NewBlockQuery));
        backend.Commit(1);
        Assert.Equal(1, (await ws.ReceiveJsonAsync()).GetProperty("id").GetInt64());

        // the same query in another spelling names the same subscription
        Assert.Equal("""{"jsonrpc":"2.0","id":2,"result":{}}""", await ws.CallAsync(Unsubscribe(2, "tm.event = 'NewBlock'")));
        Assert.Equal(
            """{"jsonrpc":"2.0","id":3,"error":{"code":-32603,"message":"Internal error","data":"subscription not found"}}""",
            await ws.CallAsync(Unsubscribe(3, NewBlockQuery)));

        await ws.CallAsync(Subscribe(4, "tm.event='NewBlockHeader'"));
        backend.Commit(2);
        backend.Commit(3);
        for (var height = 2; height <= 3; height++)
        {
            var ev = await ws.ReceiveJsonAsync();
            Assert.Equal(4, ev.GetProperty("id").GetInt64()); // never the NewBlock subscription (id 1)
        }

        Assert.Equal("""{"jsonrpc":"2.0","id":5,"result":{}}""", await ws.CallAsync(Request(5, "unsubscribe_all")));
        Assert.Equal(
            """{"jsonrpc":"2.0","id":6,"error":{"code":-32603,"message":"Internal error","data":"subscription not found"}}""",
            await ws.CallAsync(Request(6, "unsubscribe_all")));
    }

    [Fact]
    public async Task Subscribing_twice_to_the_same_query_is_already_subscribed()
    {
        var (s, _) = await StartAsync();
        await using var server = s;
        await using var ws = await WsTestClient.ConnectAsync(s.Server);
        await ws.CallAsync(Subscribe(1, NewBlockQuery));
        Assert.Equal(
            """{"jsonrpc":"2.0","id":2,"error":{"code":-32603,"message":"Internal error","data":"already subscribed"}}""",
            await ws.CallAsync(Subscribe(2, "tm.event =  'NewBlock'")));
    }

    [Fact]
    public async Task Invalid_and_overlong_queries_are_refused_like_CometBFT()
    {
        var (s, _) = await StartAsync();
        await using var server = s;
        await using var ws = await WsTestClient.ConnectAsync(s.Server);
        var bad = await ws.ReceiveAfter(Subscribe(1, "tm.event="));
        Assert.Equal(-32603, bad.GetProperty("error").GetProperty("code").GetInt32());
        Assert.StartsWith("failed to parse query: offset ", ErrorData(bad), StringComparison.Ordinal);
        var tooLong = await ws.ReceiveAfter(Subscribe(2, "tm.event='" + new string('x', 600) + "'"));
        Assert.Equal("maximum query length exceeded", ErrorData(tooLong));
        var missing = await ws.ReceiveAfter(Request(3, "subscribe"));
        Assert.Equal(-32602, missing.GetProperty("error").GetProperty("code").GetInt32());
        var extra = await ws.ReceiveAfter(Request(4, "subscribe", """["tm.event='NewBlock'","x"]"""));
        Assert.Equal((4, -32602), (extra.GetProperty("id").GetInt32(), extra.GetProperty("error").GetProperty("code").GetInt32()));
    }

    [Fact]
    public async Task Subscriptions_per_client_and_subscribed_clients_are_limited()
    {
        var (s, _) = await StartAsync(new RpcSubscriptionOptions { MaxSubscriptionsPerClient = 2, MaxSubscriptionClients = 1 });
        await using var server = s;
        await using var first = await WsTestClient.ConnectAsync(s.Server);
        await first.CallAsync(Subscribe(1, NewBlockQuery));
        await using var second = await WsTestClient.ConnectAsync(s.Server);
        Assert.Equal("max_subscription_clients 1 reached", ErrorData(await second.ReceiveAfter(Subscribe(1, NewBlockQuery))));

        // CometBFT counts the asking client too: at the client limit nobody subscribes further
        Assert.Equal("max_subscription_clients 1 reached", ErrorData(await first.ReceiveAfter(Subscribe(2, "tm.event='Tx'"))));
    }

    [Fact]
    public async Task Subscriptions_per_client_are_limited()
    {
        var (s, _) = await StartAsync(new RpcSubscriptionOptions { MaxSubscriptionsPerClient = 2 });
        await using var server = s;
        await using var ws = await WsTestClient.ConnectAsync(s.Server);
        await ws.CallAsync(Subscribe(1, NewBlockQuery));
        await ws.CallAsync(Subscribe(2, "tm.event='Tx'"));
        Assert.Equal("max_subscriptions_per_client 2 reached", ErrorData(await ws.ReceiveAfter(Subscribe(3, "tm.event='NewBlockHeader'"))));

        // a closed connection frees its subscriptions
        await ws.DisposeAsync();
        await using var next = await WsTestClient.ConnectAsync(s.Server);
        await WaitUntil(() => s.Server.WebSocketConnections == 1);
        Assert.Equal("""{"jsonrpc":"2.0","id":1,"result":{}}""", await next.CallAsync(Subscribe(1, NewBlockQuery)));
    }

    [Fact]
    public async Task Slow_client_subscription_is_cancelled_with_CometBFTs_error_and_the_connection_survives()
    {
        var (s, backend) = await StartAsync(new RpcSubscriptionOptions { SubscriptionBufferSize = 2, WriteBufferSize = 1 });
        await using var server = s;
        await using var ws = await WsTestClient.ConnectAsync(s.Server);
        await ws.CallAsync(Subscribe(9, NewBlockQuery));

        // big blocks, published far faster than the client reads (it does not read at all meanwhile)
        var big = new byte[256 * 1024];
        const int blocks = 100;
        for (var h = 1; h <= blocks; h++)
        {
            var header = backend.GetBlock(1)!.Header with { Height = h };
            backend.Commit(new Block(header, [big], FakeBackend.BlockHash(1)), new BlockResults(h, [new TxResult()], [1, 2, 3]));
        }

        var delivered = 0;
        JsonElement message;
        while (true)
        {
            message = await ws.ReceiveJsonAsync();
            if (message.TryGetProperty("error", out _))
            {
                break;
            }
            delivered++;
        }
        Assert.Equal(
            """{"jsonrpc":"2.0","id":9,"error":{"code":-32000,"message":"Server error","data":"subscription was canceled (reason: internal subscription event buffer is out of capacity)"}}""",
            message.GetRawText());
        Assert.InRange(delivered, 0, blocks - 1);

        // the connection stays usable, and the query can be subscribed again
        Assert.Contains("\"result\":{}", await ws.CallAsync(Subscribe(10, NewBlockQuery)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_method_answers_over_the_socket_exactly_as_over_http()
    {
        var (s, _) = await StartAsync();
        await using var server = s;
        await using var ws = await WsTestClient.ConnectAsync(s.Server);
        foreach (var request in new[]
        {
            Request(1, "block", """{"height":"2"}"""),
            Request(2, "abci_info"),
            Request(3, "tx_search", """{"query":"message.sender='terra1sender'"}"""),
            Request(4, "block_results", """{"height":"3"}"""),
            Request(5, "no_such_method"),
            Request(6, "block", """{"height":"x"}"""),
            """{"jsonrpc":"2.0","id":"str","method":"health","params":[]}""",
        })
        {
            var (_, httpBody) = await s.PostAsync(request);
            Assert.Equal(httpBody, await ws.CallAsync(request));
        }

        // a notification (no id) gets no answer; the next request does
        await ws.SendAsync("""{"jsonrpc":"2.0","method":"health","params":{}}""");
        Assert.Equal("""{"jsonrpc":"2.0","id":8,"result":{}}""", await ws.CallAsync(Request(8, "health")));
        var parse = JsonDocument.Parse((await ws.CallAsync("{not json"))!).RootElement;
        Assert.Equal(-32700, parse.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Subscription_methods_are_websocket_only()
    {
        var (s, _) = await StartAsync();
        await using var server = s;
        var (_, body) = await s.PostAsync(Subscribe(1, NewBlockQuery));
        Assert.Equal("""{"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"Method not found"}}""", body);
        var (status, text, _) = await s.GetAsync("/websocket");
        Assert.Equal((HttpStatusCode.BadRequest, "Bad Request\n"), (status, text));
    }

    [Fact]
    public async Task Stopping_the_server_cancels_subscriptions_and_closes_with_a_close_frame()
    {
        var (s, _) = await StartAsync();
        await using var server = s;
        await using var ws = await WsTestClient.ConnectAsync(s.Server);
        await ws.CallAsync(Subscribe(1, NewBlockQuery));

        var stop = s.Server.StopAsync();
        Assert.Equal(
            """{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"Server error","data":"subscription was canceled (reason: CometBFT exited)"}}""",
            await ws.ReceiveAsync());
        Assert.Null(await ws.ReceiveAsync());
        Assert.Equal(WebSocketCloseStatus.NormalClosure, ws.Socket.CloseStatus);
        await ws.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
        await stop.WaitAsync(WsTestClient.Timeout);
        Assert.Equal(0, s.Server.WebSocketConnections);
    }

    [Fact]
    public async Task A_client_that_never_answers_pings_is_dropped()
    {
        var (s, _) = await StartAsync(new RpcSubscriptionOptions { PingPeriod = TimeSpan.FromMilliseconds(100), PongWait = TimeSpan.FromMilliseconds(300) });
        await using var server = s;
        // ClientWebSocket answers pings only while a receive is pending: this client never receives
        await using var ws = await WsTestClient.ConnectAsync(s.Server);
        await ws.SendAsync(Subscribe(1, NewBlockQuery));
        await WaitUntil(() => s.Server.WebSocketConnections == 1);
        await WaitUntil(() => s.Server.WebSocketConnections == 0);
    }

    [Fact]
    public async Task A_client_that_reads_stays_connected_across_pings()
    {
        var (s, backend) = await StartAsync(new RpcSubscriptionOptions { PingPeriod = TimeSpan.FromMilliseconds(100), PongWait = TimeSpan.FromMilliseconds(2000) });
        await using var server = s;
        await using var ws = await WsTestClient.ConnectAsync(s.Server);
        await ws.CallAsync(Subscribe(1, NewBlockQuery));
        var receive = ws.ReceiveJsonAsync();
        await Task.Delay(1000);
        backend.Commit(1);
        Assert.Equal(1, (await receive).GetProperty("id").GetInt64());
        Assert.Equal(1, s.Server.WebSocketConnections);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 400 && !condition(); i++)
        {
            await Task.Delay(50);
        }
        Assert.True(condition());
    }
}
