using System.Net.Http.Headers;
using static MirrorChain.Rpc.Tests.Golden;

namespace MirrorChain.Rpc.Tests;

public sealed class TransportTests
{
    [Fact]
    public async Task UnknownMethod_IsMethodNotFoundWithHttp200()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(
            """{"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"Method not found"}}""",
            await s.CallAsync("no_such_method"));
    }

    [Fact]
    public async Task UnparseableJson_IsHttp500ParseErrorWithoutId()
    {
        await using var s = await RpcTestServer.StartAsync();
        var (status, body) = await s.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"status",""");
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.StartsWith("""{"jsonrpc":"2.0","error":{"code":-32700,"message":"Parse error. Invalid JSON","data":"error unmarshaling request: """, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidUtf8_IsAParseError()
    {
        await using var s = await RpcTestServer.StartAsync();
        var (status, body) = await s.PostBytesAsync([.. "{\"id\":1,\"method\":\""u8, 0xff, 0xfe, .. "\"}"u8]);
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Contains("-32700", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("123456789012", "123456789012")]
    [InlineData("-7", "-7")]
    [InlineData("0", "0")]
    [InlineData("3.0", "3")]
    [InlineData("\"abc-1\"", "\"abc-1\"")]
    [InlineData("\"\"", "\"\"")]
    [InlineData("\"quote\\\"d\"", "\"quote\\\"d\"")]
    public async Task Id_IsEchoedAsGiven(string id, string echoed)
    {
        await using var s = await RpcTestServer.StartAsync();
        var (status, body) = await s.PostAsync($$$"""{"jsonrpc":"2.0","id":{{{id}}},"method":"health","params":{}}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Ok("{}", echoed), body);
    }

    [Theory]
    [InlineData("true", "json-rpc ID (true) is of unknown type (true)")]
    [InlineData("{}", "json-rpc ID ({}) is of unknown type (object)")]
    [InlineData("1.5", "json-rpc ID must be a whole number in the int64 range, got 1.5")]
    public async Task BadId_IsInvalidRequestWithoutId(string id, string data)
    {
        await using var s = await RpcTestServer.StartAsync();
        var (status, body) = await s.PostAsync($$"""{"jsonrpc":"2.0","id":{{id}},"method":"health"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($$$"""{"jsonrpc":"2.0","error":{"code":-32600,"message":"Invalid Request","data":"{{{data}}}"}}""", body);
    }

    [Fact]
    public async Task WrongJsonRpcVersion_OrNonStringMethod_IsInvalidRequest()
    {
        await using var s = await RpcTestServer.StartAsync();
        var (_, v1) = await s.PostAsync("""{"jsonrpc":"1.0","id":5,"method":"health"}""");
        Assert.Equal(Err(-32600, "Invalid Request", "jsonrpc must be \"2.0\"", "5"), v1);
        var (_, m) = await s.PostAsync("""{"jsonrpc":"2.0","id":5,"method":7}""");
        Assert.Equal(Err(-32600, "Invalid Request", "method must be a string", "5"), m);
    }

    [Fact]
    public async Task BadParamsShape_IsInvalidParams()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(
            Err(-32602, "Invalid params", "error converting json params to arguments: params must be an object or an array, got \"height=2\""),
            await s.CallAsync("block", "\"height=2\""));
        Assert.Equal(
            Err(-32602, "Invalid params", "error converting json params to arguments: expected at most 1 parameters (height), got 2"),
            await s.CallAsync("block", """["1","2"]"""));
    }

    [Fact]
    public async Task Batch_AnswersEachInOrderAsAnArray()
    {
        await using var s = await RpcTestServer.StartAsync();
        var (status, body) = await s.PostAsync(
            """[{"jsonrpc":"2.0","id":1,"method":"health"},{"jsonrpc":"2.0","id":"two","method":"num_unconfirmed_txs","params":{}},{"jsonrpc":"2.0","id":3,"method":"nope"},42]""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            "[" + Ok("{}") + "," + Ok("""{"n_txs":"2","total":"2","total_bytes":"11","txs":null}""", "\"two\"") + "," +
            """{"jsonrpc":"2.0","id":3,"error":{"code":-32601,"message":"Method not found"}},""" +
            """{"jsonrpc":"2.0","error":{"code":-32600,"message":"Invalid Request","data":"a request must be a JSON object"}}]""",
            body);
    }

    [Fact]
    public async Task Batch_OfOne_IsStillAnArray_AndNotificationsAreSkipped()
    {
        await using var s = await RpcTestServer.StartAsync();
        var (_, one) = await s.PostAsync("""[{"jsonrpc":"2.0","id":9,"method":"health"}]""");
        Assert.Equal("[" + Ok("{}", "9") + "]", one);
        var (_, mixed) = await s.PostAsync("""[{"jsonrpc":"2.0","method":"health"},{"jsonrpc":"2.0","id":null,"method":"health"},{"jsonrpc":"2.0","id":2,"method":"health"}]""");
        Assert.Equal("[" + Ok("{}", "2") + "]", mixed);
    }

    [Fact]
    public async Task Notification_GetsAnEmptyBody()
    {
        await using var s = await RpcTestServer.StartAsync();
        var (status, body) = await s.PostAsync("""{"jsonrpc":"2.0","method":"broadcast_tx_sync","params":{"tx":"Z29vZC10eA=="}}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("", body);
        Assert.Empty(s.Backend.Broadcasts);
    }

    [Fact]
    public async Task EmptyBatch_IsInvalidRequest()
    {
        await using var s = await RpcTestServer.StartAsync();
        var (status, body) = await s.PostAsync("[]");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"jsonrpc":"2.0","error":{"code":-32600,"message":"Invalid Request","data":"empty batch"}}""", body);
    }

    [Fact]
    public async Task OversizedBody_IsHttp400InvalidRequestLikeCometBft()
    {
        await using var s = await RpcTestServer.StartAsync(options: new RpcServerOptions { MaxRequestBodyBytes = 1000 });
        const string expected = """{"jsonrpc":"2.0","error":{"code":-32600,"message":"Invalid Request","data":"error reading request body: http: request body too large (limit 1000 bytes)"}}""";
        var big = $$$"""{"jsonrpc":"2.0","id":1,"method":"broadcast_tx_sync","params":{"tx":"{{{new string('A', 2000)}}}"}}""";
        var (status, body) = await s.PostAsync(big);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(expected, body);
        Assert.Empty(s.Backend.Broadcasts);

        // The same without a Content-Length header (chunked upload).
        using var http = new HttpClient { BaseAddress = s.Server.BaseAddress };
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());

        // A body within the limit still works.
        Assert.Equal(Ok("{}"), await s.CallAsync("health"));
    }

    [Fact]
    public void DefaultBodyLimit_LeavesRoomForABase64MaxSizeTx()
    {
        Assert.Equal(1_463_640, RpcServerOptions.DefaultMaxRequestBodyBytes);
        Assert.True(RpcServerOptions.DefaultMaxRequestBodyBytes > 1024 * 1024 * 4 / 3 + 1000);
    }

    [Fact]
    public async Task GetRoot_ListsTheMethods()
    {
        await using var s = await RpcTestServer.StartAsync();
        var (status, body, type) = await s.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/html", type);
        var host = s.Server.BoundEndpoint!.ToString();
        Assert.StartsWith("<html><body><br>Available endpoints:<br>", body, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"//{host}/status\">status</a><br>", body, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"//{host}/tx_search?query=_&prove=_&page=_&per_page=_&order_by=_\">", body, StringComparison.Ordinal);
        foreach (var name in s.Server.MethodNames)
        {
            Assert.Contains("/" + name, body, StringComparison.Ordinal);
        }

        var (postStatus, postBody) = await s.PostAsync("");
        Assert.Equal(HttpStatusCode.OK, postStatus);
        Assert.Equal(body, postBody);
    }

    [Fact]
    public async Task ServesTheDocumentedMethods()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(
            new[]
            {
                "abci_info", "abci_query", "block", "block_by_hash", "block_results", "block_search", "blockchain", "broadcast_tx_async",
                "broadcast_tx_commit", "broadcast_tx_sync", "commit", "consensus_params", "genesis", "header", "header_by_hash", "health",
                "num_unconfirmed_txs", "status", "tx", "tx_search", "unconfirmed_txs", "validators",
            },
            s.Server.MethodNames);
    }

    [Fact]
    public async Task GetUnknownPath_Is404()
    {
        await using var s = await RpcTestServer.StartAsync();
        var (status, body, _) = await s.GetAsync("/no_such_method?x=1");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("404 page not found\n", body);
        var (nested, _, _) = await s.GetAsync("/status/extra");
        Assert.Equal(HttpStatusCode.NotFound, nested);
    }

    [Theory]
    [InlineData("/block?height=0", -32603, "Internal error", "height must be greater than 0, but got 0")]
    [InlineData("/block?height=abc", -32602, "Invalid params", "error converting http params to arguments: param \"height\": cannot read \"abc\" (strings must be quoted, bytes 0x-hex or quoted)")]
    [InlineData("/block?height=0x10", -32602, "Invalid params", "error converting http params to arguments: param \"height\": got a hex string arg, but expected an integer")]
    [InlineData("/tx_search?query=tx.height%3D2", -32602, "Invalid params", "error converting http params to arguments: param \"query\": cannot read \"tx.height=2\" (strings must be quoted, bytes 0x-hex or quoted)")]
    [InlineData("/tx?hash=abcd", -32602, "Invalid params", "error converting http params to arguments: param \"hash\": expected 0x-prefixed hex or a quoted string, got \"abcd\"")]
    [InlineData("/tx?hash=0xZZ", -32602, "Invalid params", "error converting http params to arguments: param \"hash\": invalid hex string \"0xZZ\"")]
    public async Task UriForm_Errors_AreHttp500WithIdMinusOneLikeCometBft(string url, int code, string message, string data)
    {
        await using var s = await RpcTestServer.StartAsync();
        var (status, body, _) = await s.GetAsync(url);
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal(Err(code, message, data, "-1"), body);
    }

    [Theory]
    [InlineData("status", "{}", "/status")]
    [InlineData("health", "{}", "/health")]
    [InlineData("abci_info", "{}", "/abci_info")]
    [InlineData("genesis", "{}", "/genesis")]
    [InlineData("block_results", """{"height":"2"}""", "/block_results?height=2")]
    [InlineData("blockchain", """{"minHeight":"1","maxHeight":"3"}""", "/blockchain?minHeight=1&maxHeight=3")]
    [InlineData("unconfirmed_txs", """{"limit":"1"}""", "/unconfirmed_txs?limit=1")]
    [InlineData("num_unconfirmed_txs", "{}", "/num_unconfirmed_txs")]
    [InlineData("tx_search", """{"query":"message.sender='terra1sender'","prove":true,"order_by":"desc"}""", "/tx_search?query=%22message.sender%3D%27terra1sender%27%22&prove=true&order_by=%22desc%22")]
    [InlineData("header", """{"height":"1"}""", "/header?height=1")]
    [InlineData("block", "{}", "/block?height=")]
    public async Task UriForm_EqualsPost(string method, string paramsJson, string url)
    {
        await using var s = await RpcTestServer.StartAsync();
        var post = await s.CallAsync(method, paramsJson);
        var (status, get, _) = await s.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(post.Replace("{\"jsonrpc\":\"2.0\",\"id\":1,", "{\"jsonrpc\":\"2.0\",\"id\":-1,", StringComparison.Ordinal), get);
    }

    [Fact]
    public async Task ConcurrentRequests_AllSucceed()
    {
        await using var s = await RpcTestServer.StartAsync();
        var expected = await s.CallAsync("block", """{"height":"2"}""");
        var tasks = Enumerable.Range(0, 64).Select(async i =>
            i % 2 == 0 ? await s.CallAsync("block", """{"height":"2"}""") : await s.CallAsync("health")).ToArray();
        var results = await Task.WhenAll(tasks);
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(i % 2 == 0 ? expected : Ok("{}"), results[i]);
        }
    }

    [Fact]
    public async Task Lifecycle_BindsAnEphemeralPort_StopsAndCannotStartTwice()
    {
        var backend = new FakeBackend();
        await using var server = new RpcServer(backend, new RpcServerOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, 0) });
        Assert.Null(server.BoundEndpoint);
        await server.StartAsync();
        var endpoint = server.BoundEndpoint!;
        Assert.Equal(IPAddress.Loopback, endpoint.Address);
        Assert.NotEqual(0, endpoint.Port);
        Assert.Equal(new Uri($"http://127.0.0.1:{endpoint.Port}/"), server.BaseAddress);
        await Assert.ThrowsAsync<InvalidOperationException>(() => server.StartAsync());

        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);

        await server.StopAsync();
        Assert.Null(server.BoundEndpoint);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/health"));
        await server.StopAsync();
    }

    [Fact]
    public async Task Start_OnABusyPort_Throws_AndCanRetryElsewhere()
    {
        await using var first = await RpcTestServer.StartAsync();
        await using var second = new RpcServer(new FakeBackend(), new RpcServerOptions { Endpoint = first.Server.BoundEndpoint! });
        await Assert.ThrowsAnyAsync<IOException>(() => second.StartAsync());
        Assert.Null(second.BoundEndpoint);
    }

    [Theory]
    [InlineData("127.0.0.1:26657", "127.0.0.1:26657")]
    [InlineData("tcp://0.0.0.0:26657", "0.0.0.0:26657")]
    [InlineData("http://localhost:1234/", "127.0.0.1:1234")]
    public void ParseEndpoint_AcceptsCometBftAddressForms(string text, string expected)
    {
        Assert.Equal(expected, RpcServerOptions.ParseEndpoint(text).ToString());
    }

    [Theory]
    [InlineData("26657")]
    [InlineData("tcp://nohost")]
    public void ParseEndpoint_RejectsAddressesWithoutHostAndPort(string text)
    {
        Assert.Throws<FormatException>(() => RpcServerOptions.ParseEndpoint(text));
    }
}
