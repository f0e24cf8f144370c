using MirrorChain.Rpc.Lcd;
using MirrorChain.Storage;

namespace MirrorChain.Rpc.Tests;

/// <summary>
/// The node's shutdown sequence (as <c>mirrorchain start</c> runs it) over the real RocksDB store while clients hammer
/// the JSON-RPC and the LCD with searches and queries, many times: it never crashes the process, and clients only
/// ever see answers, clean errors or closed connections.
/// </summary>
public sealed class ShutdownUnderLoadTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mirrorchain-shutdown-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Stop_then_close_under_concurrent_search_load_over_RocksDB_many_times()
    {
        var genesis = DevnetBankChain.GenesisWithoutContracts();

        var answered = 0;
        ulong sequence = 0;
        for (var round = 0; round < 8; round++)
        {
            var db = RocksDbStore.Open(Path.Combine(_dir, "data"));
            var node = ChainNode.Open(db, genesis, new MirrorApplication());
            var backend = new NodeRpcBackend(node, "test", new string('a', 40), "tcp://127.0.0.1:0");
            var rpc = new RpcServer(backend, new RpcServerOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, 0), ShutdownTimeout = TimeSpan.FromMilliseconds(50) });
            var lcd = new LcdServer(backend, new LcdServerOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, 0), ShutdownTimeout = TimeSpan.FromMilliseconds(50) });
            await rpc.StartAsync();
            await lcd.StartAsync();
            // a few blocks of matching txs each round
            for (var b = 0; b < 2; b++)
            {
                for (var i = 0; i < 10; i++)
                {
                    var tx = DevnetBankChain.Send(sequence++, 1);
                    Assert.Equal(0u, backend.BroadcastTx(tx).Code);
                }
                node.ProduceBlock(BlockTime.ParseRfc3339("2026-03-02T15:00:00Z").AddNanoseconds((round * 10 + b) * 1_000_000_000L));
            }

            using var stopClients = new CancellationTokenSource();
            var rpcUri = rpc.BaseAddress!;
            var lcdUri = lcd.BaseAddress!;
            var sender = Uri.EscapeDataString($"'{DevnetBankChain.Test2.Address}'");
            var clients = Enumerable.Range(0, 8).Select(c => Task.Run(async () =>
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
                var unexpected = new List<string>();
                for (var n = 0; !stopClients.IsCancellationRequested; n++)
                {
                    var uri = ((c + n) % 4) switch
                    {
                        0 => new Uri(rpcUri, $"tx_search?query=%22message.sender={sender}%22&per_page=100"),
                        1 => new Uri(rpcUri, "tx_search?query=%22tx.height%3E%3D1%22&per_page=1&order_by=%22desc%22"),
                        2 => new Uri(rpcUri, "abci_query?path=%22/store/state/key%22&data=0x0101"),
                        _ => new Uri(lcdUri, $"cosmos/tx/v1beta1/txs?events=message.sender={sender}&limit=100"),
                    };
                    try
                    {
                        using var response = await http.GetAsync(uri, stopClients.Token);
                        var body = await response.Content.ReadAsStringAsync(stopClients.Token);
                        // answers are JSON: results, or clean errors (busy, shutting down)
                        if (!body.StartsWith('{'))
                        {
                            unexpected.Add($"{(int)response.StatusCode} {body}");
                        }
                        else if (response.StatusCode == HttpStatusCode.OK)
                        {
                            Interlocked.Increment(ref answered);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
                    {
                        // the server stopped under us: a closed connection is a clean outcome
                        if (!stopClients.IsCancellationRequested)
                        {
                            await Task.Delay(1);
                        }
                    }
                }
                return unexpected;
            })).ToArray();

            await Task.Delay(150 + round * 20);
            // the order mirrorchain start uses: stop (drain) both servers, then the backend, the node, the store
            await Task.WhenAll(lcd.StopAsync(), rpc.StopAsync());
            backend.Dispose();
            node.Dispose();
            db.Dispose();
            await stopClients.CancelAsync();
            foreach (var unexpected in await Task.WhenAll(clients))
            {
                Assert.Empty(unexpected);
            }
            await lcd.DisposeAsync();
            await rpc.DisposeAsync();
        }
        Assert.True(answered > 0);
    }
}
