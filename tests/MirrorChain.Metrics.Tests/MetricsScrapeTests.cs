using System.Net;
using System.Text;
using MirrorChain.Node;
using MirrorChain.Rpc;
using MirrorChain.Rpc.Lcd;
using MirrorChain.Storage;
using MirrorChain.Tests;

namespace MirrorChain.Metrics.Tests;

/// <summary>
/// A node on RocksDB with its JSON-RPC, LCD and metrics servers in this process: blocks are produced by hand (no
/// timer), requests go over loopback HTTP, and the scrape's text is parsed and compared with the node.
/// </summary>
public sealed class MetricsScrapeTests
{
    private static readonly IPEndPoint AnyPort = new(IPAddress.Loopback, 0);

    [Fact]
    public async Task Scrape_reports_the_height_committed_txs_rejections_and_requests_of_a_running_node()
    {
        using var dir = new TempDirectory();
        using var store = RocksDbStore.Open(Path.Combine(dir.Path, "data"));
        var metrics = new NodeMetrics();
        using var node = ChainNode.Open(store, DevnetBankChain.GenesisWithoutContracts(), new MirrorApplication(), new NodeOptions { Metrics = metrics });
        metrics.Observe(node);
        metrics.ObserveStore(store.Path, store.GetIntProperty);
        using var backend = new NodeRpcBackend(node, "test", new string('a', 40), "tcp://127.0.0.1:0");
        await using var rpc = new RpcServer(backend, new RpcServerOptions { Endpoint = AnyPort, Metrics = metrics });
        await using var lcd = new LcdServer(backend, new LcdServerOptions { Endpoint = AnyPort, Metrics = metrics });
        await using var server = new MetricsServer(AnyPort, metrics.ExportAsync);
        await rpc.StartAsync();
        await lcd.StartAsync();
        await server.StartAsync();
        using var http = new HttpClient();

        // Block 1: three sends broadcast over the RPC; block 2: one submitted directly; block 3: empty.
        for (ulong seq = 0; seq < 3; seq++)
        {
            Assert.Contains("\"code\":0", await BroadcastAsync(http, rpc.BaseAddress!, DevnetBankChain.Send(seq, 1000)), StringComparison.Ordinal);
        }
        node.ProduceBlock(DevnetBankChain.T0);
        Assert.Equal(0u, node.SubmitTx(DevnetBankChain.Send(3, 1000)).Code);
        node.ProduceBlock(DevnetBankChain.T0.AddNanoseconds(1_000_000_000));
        node.ProduceBlock(DevnetBankChain.T0.AddNanoseconds(2_500_000_000));
        // Rejected: a resend of a committed tx (duplicate, sdk 19) and a wrong sequence (CheckTx fails, sdk 32).
        Assert.Contains("\"code\":19", await BroadcastAsync(http, rpc.BaseAddress!, DevnetBankChain.Send(0, 1000)), StringComparison.Ordinal);
        Assert.Contains("\"code\":32", await BroadcastAsync(http, rpc.BaseAddress!, DevnetBankChain.Send(9, 1000)), StringComparison.Ordinal);
        // Waiting in the mempool at the scrape.
        Assert.Equal(0u, node.SubmitTx(DevnetBankChain.Send(4, 1000)).Code);
        // Other RPC calls: a URI GET, an unknown method, a bad parameter.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(rpc.BaseAddress!, "status"))).StatusCode);
        await PostAsync(http, rpc.BaseAddress!, """{"jsonrpc":"2.0","id":1,"method":"no_such_method","params":{}}""");
        Assert.Equal(HttpStatusCode.InternalServerError, (await http.GetAsync(new Uri(rpc.BaseAddress!, "block?height=abc"))).StatusCode);
        // LCD: a balance (200) and a path no route serves (404).
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(lcd.BaseAddress!, $"cosmos/bank/v1beta1/balances/{DevnetBankChain.Test3}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(lcd.BaseAddress!, "cosmos/nothing/here"))).StatusCode);

        using var scrape = await http.GetAsync(new Uri(server.BaseAddress!, "metrics"));
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", scrape.Content.Headers.ContentType!.ToString());
        var m = PrometheusText.Parse(await scrape.Content.ReadAsStringAsync());

        Assert.Equal(3, node.LatestHeight);
        Assert.Equal(node.LatestHeight, m.Value("cometbft_consensus_height"));
        Assert.Equal(4, m.Value("mirrorchain_committed_txs_total", "result=ok"));
        Assert.Equal(0, m.Value("mirrorchain_committed_txs_total", "result=failed"));
        Assert.Equal(4, m.Value("cometbft_consensus_total_txs"));
        Assert.Equal(0, m.Value("cometbft_consensus_num_txs"));
        Assert.Equal(3, m.Value("mirrorchain_block_txs_count"));
        Assert.Equal(4, m.Value("mirrorchain_block_txs_sum"));
        Assert.Equal(node.Blocks.GetResults(1)!.TxResults.Sum(r => r.GasUsed) + node.Blocks.GetResults(2)!.TxResults.Sum(r => r.GasUsed),
            m.Value("mirrorchain_gas_used_total"));
        // Intervals from the headers' times: block 1 → 2 is 1 s, 2 → 3 is 1.5 s (block 1 has no predecessor here).
        Assert.Equal(2, m.Value("cometbft_consensus_block_interval_seconds_count"));
        Assert.Equal(2.5, m.Value("cometbft_consensus_block_interval_seconds_sum"), 9);
        Assert.Equal(1, m.Value("cometbft_consensus_block_interval_seconds_bucket", "le=1"));
        Assert.Equal(3, m.Value("mirrorchain_block_execution_seconds_count"));
        Assert.Equal(3, m.Value("mirrorchain_block_commit_seconds_count"));
        Assert.Equal(3, m.Value("mirrorchain_mempool_update_seconds_count"));

        Assert.Equal(1, m.Value("cometbft_mempool_size"));
        Assert.Equal(node.Mempool.Bytes, m.Value("cometbft_mempool_size_bytes"));
        Assert.Equal(5, m.Value("mirrorchain_mempool_admitted_txs_total"));
        Assert.Equal(1, m.Value("mirrorchain_mempool_rejected_txs_total", "reason=duplicate", "codespace=sdk", "code=19"));
        Assert.Equal(1, m.Value("mirrorchain_mempool_rejected_txs_total", "reason=check_failed", "codespace=sdk", "code=32"));
        Assert.Equal(7, m.Value("mirrorchain_check_tx_duration_seconds_count"));

        Assert.Equal(5, m.Value("mirrorchain_rpc_requests_total", "method=broadcast_tx_sync", "status=ok"));
        Assert.Equal(1, m.Value("mirrorchain_rpc_requests_total", "method=status", "status=ok"));
        Assert.Equal(1, m.Value("mirrorchain_rpc_requests_total", "method=unknown", "status=-32601"));
        Assert.Equal(1, m.Value("mirrorchain_rpc_requests_total", "method=block", "status=-32602"));
        Assert.Equal(7, m.Value("mirrorchain_rpc_http_responses_total", "status=200"));
        Assert.Equal(1, m.Value("mirrorchain_rpc_http_responses_total", "status=500"));
        Assert.Equal(1, m.Value("mirrorchain_rpc_request_duration_seconds_count", "method=status"));
        Assert.Equal(1, m.Value("mirrorchain_lcd_requests_total", "method=GET", "route=/cosmos/bank/v1beta1/balances/{address}", "status=200"));
        Assert.Equal(1, m.Value("mirrorchain_lcd_requests_total", "method=GET", "route=unmatched", "status=404"));

        Assert.True(m.Value("mirrorchain_store_disk_bytes") > 0);
        Assert.True(m.Value("mirrorchain_store_disk_bytes") >= m.Value("mirrorchain_rocksdb_sst_files_bytes", "kind=total"));
        Assert.True(m.Value("mirrorchain_rocksdb_memtables_bytes") > 0); // three blocks written, not flushed yet
        Assert.True(m.Value("process_cpu_seconds_total") > 0);
        Assert.Equal("histogram", m.Types["mirrorchain_block_execution_seconds"]);
        Assert.Equal("counter", m.Types["mirrorchain_mempool_rejected_txs_total"]);
        Assert.Equal("gauge", m.Types["cometbft_consensus_height"]);

        await server.StopAsync();
        await lcd.StopAsync();
        await rpc.StopAsync();
    }

    [Fact]
    public async Task Two_nodes_in_one_process_count_their_own_blocks_and_rejections_by_reason()
    {
        // Node A: room for one tx, so the second is refused as full; node B: one tx per sender, so the second is
        // refused by the per-sender limit; a tx larger than a block is refused as too large.
        var a = new NodeMetrics();
        var b = new NodeMetrics();
        using var storeA = new MemoryKeyValueStore();
        using var storeB = new MemoryKeyValueStore();
        using var nodeA = ChainNode.Open(storeA, DevnetBankChain.GenesisWithoutContracts(), new MirrorApplication(), new NodeOptions { Metrics = a, MempoolMaxTxs = 1 });
        using var nodeB = ChainNode.Open(storeB, DevnetBankChain.GenesisWithoutContracts(), new MirrorApplication(), new NodeOptions { Metrics = b, MempoolMaxTxsPerSender = 1 });
        a.Observe(nodeA);
        b.Observe(nodeB);
        Assert.Equal(21u, nodeA.SubmitTx(new byte[nodeA.Genesis.MaxDataBytes + 1]).Code);
        Assert.Equal(0u, nodeA.SubmitTx(DevnetBankChain.Send(0, 1000)).Code);
        Assert.Equal(20u, nodeA.SubmitTx(DevnetBankChain.Send(1, 1000)).Code);
        Assert.Equal(0u, nodeB.SubmitTx(DevnetBankChain.Send(0, 1000)).Code);
        Assert.Equal(20u, nodeB.SubmitTx(DevnetBankChain.Send(1, 1000)).Code);
        nodeA.ProduceBlock(DevnetBankChain.T0);
        nodeA.ProduceBlock(DevnetBankChain.T0.AddNanoseconds(1_000_000_000));
        nodeB.ProduceBlock(DevnetBankChain.T0);

        var ma = await ScrapeAsync(a);
        var mb = await ScrapeAsync(b);
        Assert.Equal(2, ma.Value("cometbft_consensus_height"));
        Assert.Equal(1, mb.Value("cometbft_consensus_height"));
        Assert.Equal(1, ma.Value("mirrorchain_mempool_rejected_txs_total", "reason=full", "code=20"));
        Assert.Equal(1, ma.Value("mirrorchain_mempool_rejected_txs_total", "reason=too_large", "code=21"));
        Assert.Empty(ma.Find("mirrorchain_mempool_rejected_txs_total", "reason=sender_limit"));
        Assert.Equal(1, mb.Value("mirrorchain_mempool_rejected_txs_total", "reason=sender_limit", "code=20"));
        Assert.Empty(mb.Find("mirrorchain_mempool_rejected_txs_total", "reason=full"));
        Assert.Equal(1, ma.Value("mirrorchain_committed_txs_total", "result=ok"));
        Assert.Equal(1, mb.Value("mirrorchain_committed_txs_total", "result=ok"));
        Assert.Equal(2, ma.Value("mirrorchain_block_execution_seconds_count"));
        Assert.Equal(1, mb.Value("mirrorchain_block_execution_seconds_count"));
    }

    [Fact]
    public async Task Metrics_server_answers_only_get_metrics_and_refuses_a_taken_port()
    {
        var metrics = new NodeMetrics();
        await using var server = new MetricsServer(AnyPort, metrics.ExportAsync);
        await server.StartAsync();
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(server.BaseAddress!, "other"))).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await http.PostAsync(new Uri(server.BaseAddress!, "metrics"), new StringContent(""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(server.BaseAddress!, "metrics"))).StatusCode);

        await using var second = new MetricsServer(server.BoundEndpoint!, metrics.ExportAsync);
        await Assert.ThrowsAnyAsync<IOException>(() => second.StartAsync());
        await server.StopAsync();
    }

    private static async Task<PrometheusText> ScrapeAsync(NodeMetrics metrics)
    {
        using var buffer = new MemoryStream();
        await metrics.ExportAsync(buffer, CancellationToken.None);
        return PrometheusText.Parse(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static Task<string> BroadcastAsync(HttpClient http, Uri rpc, byte[] tx) =>
        PostAsync(http, rpc, $$$"""{"jsonrpc":"2.0","id":1,"method":"broadcast_tx_sync","params":{"tx":"{{{Convert.ToBase64String(tx)}}}"}}""");

    private static async Task<string> PostAsync(HttpClient http, Uri rpc, string body)
    {
        using var response = await http.PostAsync(rpc, new StringContent(body, Encoding.UTF8, "application/json"));
        return await response.Content.ReadAsStringAsync();
    }
}
