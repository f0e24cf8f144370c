using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using MirrorChain.Rpc.Lcd;
using MirrorChain.Rpc.Remote;

namespace MirrorChain.Abci.Tests;

/// <summary>
/// The LCD of a node running under CometBFT (start --abci): blocks, txs, broadcasts and node status through
/// CometBFT's JSON-RPC, state queries from the ABCI application's own state. The devnet node stands in for CometBFT
/// (it serves CometBFT's JSON-RPC over the same blocks), so every answer must equal the devnet's own LCD byte for byte.
/// </summary>
public sealed class AbciLcdTests
{
    private static string Test2 => DevnetBankChain.Test2.Address.ToString();

    private static string Escape(string s) => Uri.EscapeDataString(s);

    private static async Task AssertSameAnswerAsync(CometBftStandIn n, string pathAndQuery)
    {
        var expected = await n.DevnetLcd.GetAsync(pathAndQuery);
        var actual = await n.AbciLcd.GetAsync(pathAndQuery);
        Assert.True(expected.Status == HttpStatusCode.OK, $"{pathAndQuery}: the devnet's LCD answered {expected.Status} {expected.Body}");
        Assert.Equal(expected.Body, actual.Body);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.Height, actual.Height);
    }

    [Fact]
    public async Task Txs_blocks_and_node_status_read_through_CometBFTs_RPC_equal_the_devnet_nodes_own_LCD()
    {
        await using var n = await CometBftStandIn.StartAsync();
        var hash = Hex.Upper(Hashing.TxHash(n.Blocks[1].Txs[1]));
        string[] paths =
        [
            $"/cosmos/tx/v1beta1/txs/{hash}",
            $"/cosmos/tx/v1beta1/txs?events={Escape($"message.sender='{Test2}'")}",
            $"/cosmos/tx/v1beta1/txs?events={Escape($"transfer.recipient='{DevnetBankChain.Test3}'")}&events={Escape("tx.height=3")}&order_by=ORDER_BY_DESC&limit=2",
            $"/cosmos/tx/v1beta1/txs?query={Escape("tx.height=2")}",
            $"/cosmos/tx/v1beta1/txs?events={Escape("tx.height=3")}&pagination.offset=2&pagination.limit=1",
            "/cosmos/base/tendermint/v1beta1/blocks/latest",
            "/cosmos/base/tendermint/v1beta1/blocks/1",
            "/cosmos/base/tendermint/v1beta1/blocks/2",
            "/cosmos/base/tendermint/v1beta1/node_info",
            "/cosmos/base/tendermint/v1beta1/syncing",
        ];
        foreach (var path in paths)
        {
            await AssertSameAnswerAsync(n, path);
        }

        var found = await n.AbciLcd.GetAsync($"/cosmos/tx/v1beta1/txs?query={Escape("tx.height=2")}");
        using var doc = JsonDocument.Parse(found.Body);
        Assert.Equal("2", doc.RootElement.GetProperty("total").GetString());
        Assert.Equal(hash, doc.RootElement.GetProperty("tx_responses")[1].GetProperty("txhash").GetString());
    }

    [Fact]
    public async Task Errors_for_missing_txs_and_blocks_equal_the_devnet_nodes_own_LCD()
    {
        await using var n = await CometBftStandIn.StartAsync(height: 2);
        foreach (var path in (string[])[$"/cosmos/tx/v1beta1/txs/{new string('A', 64)}", "/cosmos/base/tendermint/v1beta1/blocks/3", "/cosmos/base/tendermint/v1beta1/blocks/0"])
        {
            var expected = await n.DevnetLcd.GetAsync(path);
            var actual = await n.AbciLcd.GetAsync(path);
            Assert.NotEqual(HttpStatusCode.OK, expected.Status);
            Assert.Equal((expected.Status, expected.Body), (actual.Status, actual.Body));
        }
    }

    [Fact]
    public async Task Bank_auth_and_wasm_queries_answer_from_the_ABCI_applications_state()
    {
        await using var n = await CometBftStandIn.StartAsync(height: 2);
        var contracts = await n.DevnetLcd.GetAsync("/cosmwasm/wasm/v1/code/1/contracts");
        using var doc = JsonDocument.Parse(contracts.Body);
        var token = doc.RootElement.GetProperty("contracts")[0].GetString()!;
        string[] paths =
        [
            $"/cosmos/bank/v1beta1/balances/{Test2}",
            $"/cosmos/bank/v1beta1/balances/{DevnetBankChain.Test3}/by_denom?denom=uluna",
            $"/cosmos/auth/v1beta1/accounts/{Test2}",
            "/cosmwasm/wasm/v1/code/1/contracts",
            $"/cosmwasm/wasm/v1/contract/{token}/smart/{Convert.ToBase64String("{\"token_info\":{}}"u8)}",
            $"/cosmwasm/wasm/v1/contract/{token}/smart/{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{{\"balance\":{{\"address\":\"{DevnetBankChain.Test3}\"}}}}"))}",
            $"/cosmwasm/wasm/v1/contract/{token}/raw/{Convert.ToBase64String("token_info"u8)}",
        ];
        foreach (var path in paths)
        {
            await AssertSameAnswerAsync(n, path);
        }

        // The answers are the ABCI application's: a block the devnet commits after it is not in them.
        Assert.Equal(0u, n.Devnet.SubmitTx(DevnetBankChain.Send(n.NextSequence, 7)).Code);
        n.Devnet.ProduceBlock(DevnetBankChain.T0.AddNanoseconds(10_000_000_000L));
        var devnet = await n.DevnetLcd.GetAsync($"/cosmos/bank/v1beta1/balances/{DevnetBankChain.Test3}/by_denom?denom=uluna");
        var abci = await n.AbciLcd.GetAsync($"/cosmos/bank/v1beta1/balances/{DevnetBankChain.Test3}/by_denom?denom=uluna");
        Assert.NotEqual(devnet.Body, abci.Body);
        Assert.Equal("2", abci.Height);
    }

    [Fact]
    public async Task A_tx_broadcast_in_sync_mode_goes_to_CometBFT_and_lands_in_its_next_block()
    {
        await using var n = await CometBftStandIn.StartAsync(height: 1);
        var tx = DevnetBankChain.Send(n.NextSequence, 55);
        var hash = Hex.Upper(Hashing.TxHash(tx));
        var answer = await n.AbciLcd.PostAsync("/cosmos/tx/v1beta1/txs", $$"""{"tx_bytes":"{{Convert.ToBase64String(tx)}}","mode":"BROADCAST_MODE_SYNC"}""");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        using (var doc = JsonDocument.Parse(answer.Body))
        {
            var r = doc.RootElement.GetProperty("tx_response");
            Assert.Equal(0, r.GetProperty("code").GetInt32());
            Assert.Equal(hash, r.GetProperty("txhash").GetString());
            Assert.Equal("0", r.GetProperty("height").GetString());
        }
        Assert.Equal(1, n.Devnet.Mempool.Count);
        Assert.Equal(HttpStatusCode.NotFound, (await n.AbciLcd.GetAsync($"/cosmos/tx/v1beta1/txs/{hash}")).Status);

        n.Devnet.ProduceBlock(DevnetBankChain.T0.AddNanoseconds(5_000_000_000L));
        var committed = await n.AbciLcd.GetAsync($"/cosmos/tx/v1beta1/txs/{hash}");
        Assert.Equal(HttpStatusCode.OK, committed.Status);
        using (var doc = JsonDocument.Parse(committed.Body))
        {
            Assert.Equal("2", doc.RootElement.GetProperty("tx_response").GetProperty("height").GetString());
            Assert.Equal(0, doc.RootElement.GetProperty("tx_response").GetProperty("code").GetInt32());
        }
        Assert.Equal((await n.DevnetLcd.GetAsync($"/cosmos/tx/v1beta1/txs/{hash}")).Body, committed.Body);
    }

    [Fact]
    public async Task A_tx_CheckTx_refuses_gets_CometBFTs_answer_as_the_devnets_own_LCD_gives_it()
    {
        await using var n = await CometBftStandIn.StartAsync(height: 1);
        var stale = DevnetBankChain.Send(0, 55); // sequence 0 was used in block 1
        foreach (var mode in (string[])["BROADCAST_MODE_SYNC", "BROADCAST_MODE_BLOCK"])
        {
            var body = $$"""{"tx_bytes":"{{Convert.ToBase64String(stale)}}","mode":"{{mode}}"}""";
            var expected = await n.DevnetLcd.PostAsync("/cosmos/tx/v1beta1/txs", body);
            var actual = await n.AbciLcd.PostAsync("/cosmos/tx/v1beta1/txs", body);
            Assert.Contains("\"code\":32", expected.Body, StringComparison.Ordinal);
            Assert.Equal((expected.Status, expected.Body), (actual.Status, actual.Body));
        }
        Assert.Equal(0, n.Devnet.Mempool.Count);
    }

    [Fact]
    public async Task A_tx_broadcast_in_block_mode_waits_for_CometBFTs_commit_and_answers_the_committed_result()
    {
        await using var n = await CometBftStandIn.StartAsync(height: 1);
        var tx = DevnetBankChain.Send(n.NextSequence, 66);
        var hash = Hex.Upper(Hashing.TxHash(tx));
        var broadcast = n.AbciLcd.PostAsync("/cosmos/tx/v1beta1/txs", $$"""{"tx_bytes":"{{Convert.ToBase64String(tx)}}","mode":"BROADCAST_MODE_BLOCK"}""");
        for (var i = 0; i < 600 && n.Devnet.Mempool.Count == 0 && !broadcast.IsCompleted; i++)
        {
            await Task.Delay(50);
        }
        Assert.Equal(1, n.Devnet.Mempool.Count);
        n.Devnet.ProduceBlock(DevnetBankChain.T0.AddNanoseconds(5_000_000_000L));
        var answer = await broadcast;
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var byHash = await n.DevnetLcd.GetAsync($"/cosmos/tx/v1beta1/txs/{hash}");
        using var a = JsonDocument.Parse(answer.Body);
        using var b = JsonDocument.Parse(byHash.Body);
        Assert.Equal(b.RootElement.GetProperty("tx_response").GetRawText(), a.RootElement.GetProperty("tx_response").GetRawText());
    }

    [Fact]
    public async Task With_CometBFT_unreachable_the_LCD_answers_503_naming_its_address_and_state_queries_still_work()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now
        await using var chain = AbciChain.Start();
        using (var consensus = chain.Connect())
        {
            consensus.Call(AbciChain.InitChain());
            consensus.Call(AbciChain.Finalize(1, DevnetBankChain.T0, [DevnetBankChain.Send(0, 10)]));
            consensus.Call(AbciChain.Commit());
        }
        using var client = new CometBftRpcClient($"tcp://127.0.0.1:{port}", TimeSpan.FromSeconds(20));
        await using var lcd = new LcdServer(chain.Backend, CometBftStandIn.Loopback() with { Chain = new CometBftLcdChain(client) });
        await lcd.StartAsync();
        using var http = new LcdClient(lcd.BaseAddress!);

        var requests = new List<Task<LcdClient.Answer>>
        {
            http.GetAsync("/cosmos/base/tendermint/v1beta1/blocks/latest"),
            http.GetAsync("/cosmos/base/tendermint/v1beta1/node_info"),
            http.GetAsync($"/cosmos/tx/v1beta1/txs/{Hex.Upper(Hashing.TxHash(DevnetBankChain.Send(0, 10)))}"),
            http.GetAsync($"/cosmos/tx/v1beta1/txs?events={Escape("tx.height=1")}"),
            http.PostAsync("/cosmos/tx/v1beta1/txs", $$"""{"tx_bytes":"{{Convert.ToBase64String(DevnetBankChain.Send(1, 10))}}","mode":"BROADCAST_MODE_SYNC"}"""),
        };
        foreach (var answer in await Task.WhenAll(requests))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
            using var doc = JsonDocument.Parse(answer.Body);
            Assert.Equal((int)GrpcCode.Unavailable, doc.RootElement.GetProperty("code").GetInt32());
            Assert.Contains($"CometBFT RPC at http://127.0.0.1:{port} is unreachable", doc.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal(0, doc.RootElement.GetProperty("details").GetArrayLength());
        }

        var balance = await http.GetAsync($"/cosmos/bank/v1beta1/balances/{DevnetBankChain.Test3}/by_denom?denom=uluna");
        Assert.Equal(HttpStatusCode.OK, balance.Status);
        Assert.Equal("1", balance.Height);
    }

    [Fact]
    public async Task A_JSON_RPC_error_from_CometBFT_is_passed_on_with_its_code_message_and_data()
    {
        await using var n = await CometBftStandIn.StartAsync(height: 2);
        var answer = await n.AbciLcd.GetAsync($"/cosmos/tx/v1beta1/txs?events={Escape("tx.height=2")}&page=5&limit=1");
        Assert.Equal(HttpStatusCode.InternalServerError, answer.Status);
        using var doc = JsonDocument.Parse(answer.Body);
        Assert.Equal((int)GrpcCode.Unknown, doc.RootElement.GetProperty("code").GetInt32());
        Assert.Equal(
            $"CometBFT RPC at {n.Client.DisplayAddress} refused tx_search: RPC error -32603 - Internal error: page should be within [1, 2] range, given 5",
            doc.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_CometBFT_that_does_not_answer_within_the_timeout_gives_504()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(); // accepts connections (the kernel's backlog) and never answers
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        await using var chain = AbciChain.Start();
        using var client = new CometBftRpcClient($"http://127.0.0.1:{port}", TimeSpan.FromMilliseconds(300));
        await using var lcd = new LcdServer(chain.Backend, CometBftStandIn.Loopback() with { Chain = new CometBftLcdChain(client) });
        await lcd.StartAsync();
        using var http = new LcdClient(lcd.BaseAddress!);
        var answer = await http.GetAsync("/cosmos/base/tendermint/v1beta1/syncing");
        Assert.Equal(HttpStatusCode.GatewayTimeout, answer.Status);
        using var doc = JsonDocument.Parse(answer.Body);
        Assert.Equal((int)GrpcCode.DeadlineExceeded, doc.RootElement.GetProperty("code").GetInt32());
        Assert.Equal($"CometBFT RPC at http://127.0.0.1:{port} did not answer status within 0.3s", doc.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_CometBFT_answer_that_is_not_JSON_RPC_is_refused_clearly()
    {
        await using var n = await CometBftStandIn.StartAsync(height: 1);
        // The devnet's LCD is HTTP but not JSON-RPC: what pointing --cometbft-rpc at the wrong port gives.
        using var client = new CometBftRpcClient(n.DevnetLcd.BaseAddress.ToString());
        var e = await Assert.ThrowsAsync<CometBftRpcException>(() => client.CallAsync("status", null, CancellationToken.None));
        Assert.Equal(CometBftRpcFailure.Unreachable, e.Failure);
        Assert.Contains("no JSON-RPC result (is this CometBFT's RPC address?)", e.Message, StringComparison.Ordinal);
    }
}
