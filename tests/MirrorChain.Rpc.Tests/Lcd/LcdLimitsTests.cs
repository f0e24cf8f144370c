using MirrorChain.Rpc.Lcd;

namespace MirrorChain.Rpc.Tests.Lcd;

/// <summary>Abuse tests for the LCD's tx search by events: page cap, concurrency bound, cancellation on disconnect.</summary>
public sealed class LcdLimitsTests
{
    private const string SearchPath = "/cosmos/tx/v1beta1/txs?events=tx.height%3E%3D1";

    private static async Task<LcdServer> StartAsync(FakeBackend backend, LcdServerOptions? options = null)
    {
        var server = new LcdServer(backend, (options ?? new LcdServerOptions()) with { Endpoint = new IPEndPoint(IPAddress.Loopback, 0) });
        await server.StartAsync();
        return server;
    }

    [Fact]
    public async Task Tx_search_limit_is_capped_at_100()
    {
        var backend = new FakeBackend();
        await using var server = await StartAsync(backend);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using (var r = await http.GetAsync(SearchPath + "&pagination.limit=100000"))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }
        Assert.Equal(100, backend.LastSearch!.Value.PerPage);
        using (var r = await http.GetAsync(SearchPath + "&limit=7"))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }
        Assert.Equal(7, backend.LastSearch!.Value.PerPage);
    }

    [Fact]
    public async Task Tx_search_beyond_the_concurrency_bound_is_429_resource_exhausted()
    {
        var backend = new BlockingSearchBackend();
        await using var server = await StartAsync(backend, new LcdServerOptions { MaxConcurrentSearches = 1 });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var first = http.GetAsync(SearchPath);
        await backend.WaitUntilInsideAsync(1);

        using (var busy = await http.GetAsync(SearchPath))
        {
            Assert.Equal((HttpStatusCode)429, busy.StatusCode);
            using var doc = JsonDocument.Parse(await busy.Content.ReadAsStringAsync());
            Assert.Equal(8, doc.RootElement.GetProperty("code").GetInt32());
            Assert.Equal("too many concurrent tx search requests: at most 1 run at once on this node; retry later",
                doc.RootElement.GetProperty("message").GetString());
        }
        backend.Release();
        using var ok = await first;
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task Tx_search_of_a_client_that_disconnects_is_cancelled()
    {
        var backend = new BlockingSearchBackend();
        await using var server = await StartAsync(backend);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var leave = new CancellationTokenSource();
        var call = http.GetAsync(SearchPath, leave.Token);
        await backend.WaitUntilInsideAsync(1);
        await leave.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await backend.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
