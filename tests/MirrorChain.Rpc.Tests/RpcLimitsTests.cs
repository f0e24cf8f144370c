using System.Net.Sockets;

namespace MirrorChain.Rpc.Tests;

/// <summary>Abuse tests for the JSON-RPC server's limits (docs/limits.md).</summary>
public sealed class RpcLimitsTests
{
    private static string Search(int perPage = 30) =>
        $$$"""{"jsonrpc":"2.0","id":1,"method":"tx_search","params":{"query":"tx.height>0","per_page":"{{{perPage}}}"}}""";

    private static (int Code, string Data) ErrorOf(string body)
    {
        using var doc = JsonDocument.Parse(body);
        var e = doc.RootElement.GetProperty("error");
        return (e.GetProperty("code").GetInt32(), e.TryGetProperty("data", out var d) ? d.GetString()! : "");
    }

    [Fact]
    public async Task TxSearch_caps_per_page_at_100()
    {
        await using var s = await RpcTestServer.StartAsync();
        var (status, _) = await s.PostAsync(Search(perPage: 5000));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(100, s.Backend.LastSearch!.Value.PerPage);

        await s.PostAsync(Search(perPage: 0));
        Assert.Equal(30, s.Backend.LastSearch!.Value.PerPage);
    }

    [Fact]
    public async Task TxSearch_beyond_the_concurrency_bound_gets_a_clear_error_not_a_queue()
    {
        var backend = new BlockingSearchBackend();
        await using var s = await RpcTestServer.StartAsync(backend, new RpcServerOptions { MaxConcurrentSearches = 2 });
        var running = new[] { s.PostAsync(Search()), s.PostAsync(Search()) };
        await backend.WaitUntilInsideAsync(2);

        var (status, body) = await s.PostAsync(Search());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((-32603, "too many concurrent tx_search requests: at most 2 run at once on this node; retry later"), ErrorOf(body));
        Assert.Equal(2, backend.Inside);

        backend.Release();
        foreach (var r in running)
        {
            var (st, b) = await r;
            Assert.Equal(HttpStatusCode.OK, st);
            Assert.Contains("\"total_count\"", b, StringComparison.Ordinal);
        }
        // the slots are free again
        Assert.Contains("\"total_count\"", (await s.PostAsync(Search())).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TxSearch_of_a_client_that_disconnects_is_cancelled()
    {
        var backend = new BlockingSearchBackend();
        await using var s = await RpcTestServer.StartAsync(backend);
        using var http = new HttpClient { BaseAddress = s.Server.BaseAddress };
        using var leave = new CancellationTokenSource();
        using var content = new StringContent(Search(), Encoding.UTF8, "application/json");
        var call = http.PostAsync("/", content, leave.Token);
        await backend.WaitUntilInsideAsync(1);

        await leave.CancelAsync(); // the client goes away mid-search
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await backend.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the search saw RequestAborted
        Assert.Equal(0, backend.Inside);

        // the same through the URI form
        using var leave2 = new CancellationTokenSource();
        var get = http.GetAsync("/tx_search?query=%22tx.height%3E0%22", leave2.Token);
        await backend.WaitUntilInsideAsync(1);
        await leave2.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => get);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (backend.Inside != 0)
        {
            await Task.Delay(10, wait.Token);
        }
    }

    [Fact]
    public async Task Batch_over_the_cap_is_refused_whole_with_invalid_request()
    {
        await using var s = await RpcTestServer.StartAsync();
        string Batch(int n) => "[" + string.Join(",", Enumerable.Range(1, n).Select(i =>
            $$$"""{"jsonrpc":"2.0","id":{{{i}}},"method":"blockchain","params":{}}""")) + "]";

        var (status, body) = await s.PostAsync(Batch(RpcServerOptions.DefaultMaxBatchRequests + 1));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"jsonrpc":"2.0","error":{"code":-32600,"message":"Invalid Request","data":"batch request exceeds maximum (20) allowed number of requests"}}""", body);

        // 2,000 calls in one 140 KB body: refused before any runs
        (status, body) = await s.PostAsync(Batch(2000));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(-32600, ErrorOf(body).Code);
        Assert.True(body.Length < 200);

        (status, body) = await s.PostAsync(Batch(RpcServerOptions.DefaultMaxBatchRequests));
        Assert.Equal(HttpStatusCode.OK, status);
        using var doc = JsonDocument.Parse(body);
        Assert.Equal(20, doc.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Connections_beyond_the_cap_are_closed_and_slots_come_back()
    {
        await using var s = await RpcTestServer.StartAsync(options: new RpcServerOptions { MaxOpenConnections = 2 });
        var ep = s.Server.BoundEndpoint!;
        using var c1 = await OpenAsync(ep);
        using var c2 = await OpenAsync(ep);
        Assert.StartsWith("HTTP/1.1 200", await RequestAsync(c1), StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 200", await RequestAsync(c2), StringComparison.Ordinal);

        using (var c3 = await OpenAsync(ep))
        {
            Assert.Equal("", await RequestAsync(c3)); // closed without an answer
        }

        c1.Dispose();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            using var c4 = await OpenAsync(ep);
            if ((await RequestAsync(c4)).StartsWith("HTTP/1.1 200", StringComparison.Ordinal))
            {
                break;
            }
            await Task.Delay(20, wait.Token);
        }
    }

    private static async Task<TcpClient> OpenAsync(IPEndPoint ep)
    {
        var c = new TcpClient();
        await c.ConnectAsync(ep);
        return c;
    }

    /// <summary>Sends a keep-alive GET /health and returns what came back ("" when the server closed the connection).</summary>
    private static async Task<string> RequestAsync(TcpClient c)
    {
        try
        {
            var stream = c.GetStream();
            await stream.WriteAsync("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"u8.ToArray());
            var buffer = new byte[4096];
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var n = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, n);
        }
        catch (IOException)
        {
            return "";
        }
    }

    [Fact]
    public async Task Stop_returns_only_after_handlers_that_ignore_cancellation_return()
    {
        var backend = new BlockingSearchBackend { HonourCancellation = false };
        var s = await RpcTestServer.StartAsync(backend, new RpcServerOptions { ShutdownTimeout = TimeSpan.FromMilliseconds(100) });
        var call = s.PostAsync(Search());
        await backend.WaitUntilInsideAsync(1);

        var stop = s.Server.StopAsync();
        // Kestrel alone gives up on an aborted request after ~1 s and returns with its handler still running
        var finishedFirst = await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(3)));
        Assert.NotSame(stop, finishedFirst);
        Assert.Equal(0, backend.Finished);

        backend.Release();
        await stop.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, backend.Finished); // the handler returned before StopAsync did
        await Assert.ThrowsAnyAsync<Exception>(() => call);
        await s.DisposeAsync();
    }

    [Fact]
    public async Task A_read_after_the_store_closed_is_a_clean_json_rpc_error()
    {
        await using var s = await RpcTestServer.StartAsync(new ClosedStoreBackend());
        var (status, body) = await s.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"block","params":{"height":"1"}}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((-32603, "the node is shutting down"), ErrorOf(body));
    }

    private sealed class ClosedStoreBackend : FakeBackend, IRpcBackend
    {
        Block? IRpcBackend.GetBlock(long height) => throw new ObjectDisposedException("RocksDbStore");
    }
}
