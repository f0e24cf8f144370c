namespace MirrorChain.Rpc.Tests.Lcd;

/// <summary>simulate, broadcast (sync/async/block), get by hash and search over a real node.</summary>
public sealed class LcdTxTests : IAsyncLifetime
{
    private LcdTestNode _n = null!;

    public async Task InitializeAsync() => _n = await LcdTestNode.StartAsync();

    public async Task DisposeAsync() => await _n.DisposeAsync();

    private string SendJson(ulong amount) =>
        $$$$"""{"@type":"/cosmos.bank.v1beta1.MsgSend","from_address":"{{{{_n.Test2.Address}}}}","to_address":"{{{{LcdTestNode.Test3}}}}","amount":[{"denom":"uluna","amount":"{{{{amount}}}}"}]}""";

    [Fact]
    public async Task Broadcast_sync_then_the_tx_is_404_until_included_and_then_rendered_in_full()
    {
        var tx = _n.Send(0, 5, memo: "lcd <&> test");
        var hash = Hex.Upper(Hashing.TxHash(tx));
        var (status, body) = await _n.PostAsync("/cosmos/tx/v1beta1/txs", LcdTestNode.TxBytesBody(tx, "BROADCAST_MODE_SYNC"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($$$$"""{"tx_response":{"height":"0","txhash":"{{{{hash}}}}","codespace":"","code":0,"data":"","raw_log":"","logs":[],"info":"","gas_wanted":"0","gas_used":"0","tx":null,"timestamp":"","events":[]}}""", body);

        (status, body) = await _n.GetAsync($"/cosmos/tx/v1beta1/txs/{hash}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(LcdTestNode.Error(5, $"tx not found: {hash}"), body);

        _n.ProduceBlock();
        (status, body) = await _n.GetAsync($"/cosmos/tx/v1beta1/txs/{hash.ToLowerInvariant()}");
        Assert.Equal(HttpStatusCode.OK, status);
        var indexed = _n.Backend.GetTx(Hashing.TxHash(tx))!;
        Assert.Equal(0u, indexed.Result.Code);
        var fields = LcdGolden.TxFields(tx, _n.Test2.PublicKey, SendJson(5), "lcd <&> test", 0);
        Assert.Equal($$$$"""{"tx":{{{{{fields}}}}},"tx_response":{{{{LcdGolden.TxResponse(indexed, fields, "2026-03-02T15:00:00Z")}}}}}""", body);
    }

    [Fact]
    public async Task A_refused_tx_answers_200_with_the_check_code_and_async_mode_answers_like_sync()
    {
        var bad = _n.Send(5, 1);
        var (status, body) = await _n.PostAsync("/cosmos/tx/v1beta1/txs", LcdTestNode.TxBytesBody(bad, "BROADCAST_MODE_SYNC"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($$$$"""{"tx_response":{"height":"0","txhash":"{{{{Hex.Upper(Hashing.TxHash(bad))}}}}","codespace":"sdk","code":32,"data":"","raw_log":"account sequence mismatch, expected 0, got 5: incorrect account sequence","logs":[],"info":"","gas_wanted":"0","gas_used":"0","tx":null,"timestamp":"","events":[]}}""", body);

        var good = _n.Send(0, 1);
        (status, body) = await _n.PostAsync("/cosmos/tx/v1beta1/txs", $$$$"""{"tx_bytes":"{{{{Convert.ToBase64String(good)}}}}","mode":3}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"\"txhash\":\"{Hex.Upper(Hashing.TxHash(good))}\",\"codespace\":\"\",\"code\":0", body);
        Assert.Equal(1, _n.Backend.UnconfirmedTxCount);
    }

    [Fact]
    public async Task Broadcast_block_waits_for_inclusion_and_answers_the_committed_tx_response()
    {
        var tx = _n.Execute(0, """{"ping":{}}""");
        var pending = _n.PostAsync("/cosmos/tx/v1beta1/txs", LcdTestNode.TxBytesBody(tx, "BROADCAST_MODE_BLOCK"));
        for (var i = 0; i < 500 && _n.Backend.UnconfirmedTxCount == 0; i++)
        {
            await Task.Delay(10);
        }
        _n.ProduceBlock(seconds: 3);
        var (status, body) = await pending;
        Assert.Equal(HttpStatusCode.OK, status);

        var indexed = _n.Backend.GetTx(Hashing.TxHash(tx))!;
        Assert.Equal(0u, indexed.Result.Code);
        var msg = $$$$"""{"@type":"/cosmwasm.wasm.v1.MsgExecuteContract","sender":"{{{{_n.Test2.Address}}}}","contract":"{{{{_n.Contract}}}}","msg":{"ping":{}},"funds":[]}""";
        var fields = LcdGolden.TxFields(tx, _n.Test2.PublicKey, msg, "", 0);
        Assert.Equal($$$$"""{"tx_response":{{{{LcdGolden.TxResponse(indexed, fields, "2026-03-02T15:00:03Z")}}}}}""", body);
        Assert.Contains("\"type\":\"wasm\"", body);

        // the same tx again: CheckTx refuses it, the block mode answers at once with the code
        (status, body) = await _n.PostAsync("/cosmos/tx/v1beta1/txs", LcdTestNode.TxBytesBody(tx, "BROADCAST_MODE_COMMIT"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("\"code\":0,", body);
        Assert.Contains("\"height\":\"0\"", body);
    }

    [Fact]
    public async Task Logs_carry_each_messages_events_in_the_SDK_047_shape_for_terra_js_and_are_empty_on_failure()
    {
        // two messages: a contract execute (funds 5uusd) and a bank send; terra.js 3.x reads events only from logs
        var ping = new MirrorChain.Tx.Messages.MsgExecuteContract(_n.Test2.Address, _n.Contract, System.Text.Encoding.UTF8.GetBytes("""{"ping":{}}"""), [new Coin("uusd", 5)]);
        var send = new MirrorChain.Tx.Messages.MsgSend(_n.Test2.Address, LcdTestNode.Test3, [new Coin("uluna", 7)]);
        var tx = MirrorChain.Tx.TxBuilder.Sign(new MirrorChain.Tx.TxSpec
        {
            Messages = [ping, send],
            Fee = [new Coin("uluna", 3000)],
            GasLimit = 200_000,
            ChainId = LcdTestNode.ChainId,
            AccountNumber = 2,
            Sequence = 0,
        }, _n.Test2).TxBytes;
        var bad = _n.Execute(1, """{"nope":{}}""");
        Assert.Equal(0u, _n.Backend.BroadcastTx(tx).Code);
        Assert.Equal(0u, _n.Backend.BroadcastTx(bad).Code);
        _n.ProduceBlock();

        var (status, body) = await _n.GetAsync($"/cosmos/tx/v1beta1/txs/{Hex.Upper(Hashing.TxHash(tx))}");
        Assert.Equal(HttpStatusCode.OK, status);
        using (var doc = JsonDocument.Parse(body))
        {
            var response = doc.RootElement.GetProperty("tx_response");
            Assert.Equal(0, response.GetProperty("code").GetInt32());
            Assert.Equal("", response.GetProperty("raw_log").GetString());
            var (s2, c, s3) = (_n.Test2.Address, _n.Contract, LcdTestNode.Test3);
            Assert.Equal($$$$"""
                [{"msg_index":0,"log":"","events":[
                {"type":"coin_received","attributes":[{"key":"receiver","value":"{{{{c}}}}"},{"key":"amount","value":"5uusd"}]},
                {"type":"coin_spent","attributes":[{"key":"spender","value":"{{{{s2}}}}"},{"key":"amount","value":"5uusd"}]},
                {"type":"execute","attributes":[{"key":"_contract_address","value":"{{{{c}}}}"}]},
                {"type":"message","attributes":[{"key":"action","value":"/cosmwasm.wasm.v1.MsgExecuteContract"},{"key":"sender","value":"{{{{s2}}}}"},{"key":"module","value":"wasm"},{"key":"sender","value":"{{{{s2}}}}"}]},
                {"type":"transfer","attributes":[{"key":"recipient","value":"{{{{c}}}}"},{"key":"sender","value":"{{{{s2}}}}"},{"key":"amount","value":"5uusd"}]},
                {"type":"wasm","attributes":[{"key":"_contract_address","value":"{{{{c}}}}"},{"key":"action","value":"ping"}]}]},
                {"msg_index":1,"log":"","events":[
                {"type":"coin_received","attributes":[{"key":"receiver","value":"{{{{s3}}}}"},{"key":"amount","value":"7uluna"}]},
                {"type":"coin_spent","attributes":[{"key":"spender","value":"{{{{s2}}}}"},{"key":"amount","value":"7uluna"}]},
                {"type":"message","attributes":[{"key":"action","value":"/cosmos.bank.v1beta1.MsgSend"},{"key":"sender","value":"{{{{s2}}}}"},{"key":"module","value":"bank"},{"key":"sender","value":"{{{{s2}}}}"}]},
                {"type":"transfer","attributes":[{"key":"recipient","value":"{{{{s3}}}}"},{"key":"sender","value":"{{{{s2}}}}"},{"key":"amount","value":"7uluna"}]}]}]
                """.ReplaceLineEndings(""), response.GetProperty("logs").GetRawText());
        }

        (status, body) = await _n.GetAsync($"/cosmos/tx/v1beta1/txs/{Hex.Upper(Hashing.TxHash(bad))}");
        Assert.Equal(HttpStatusCode.OK, status);
        using (var doc = JsonDocument.Parse(body))
        {
            var response = doc.RootElement.GetProperty("tx_response");
            Assert.NotEqual(0, response.GetProperty("code").GetInt32());
            Assert.Equal("[]", response.GetProperty("logs").GetRawText());
        }
    }

    [Fact]
    public async Task Simulate_answers_gas_info_and_the_result_with_msg_responses()
    {
        var tx = _n.Send(0, 7);
        var (status, body) = await _n.PostAsync("/cosmos/tx/v1beta1/simulate", LcdTestNode.TxBytesBody(tx));
        Assert.Equal(HttpStatusCode.OK, status);
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        Assert.Equal(["gas_info", "result"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("200000", root.GetProperty("gas_info").GetProperty("gas_wanted").GetString());
        Assert.True(long.Parse(root.GetProperty("gas_info").GetProperty("gas_used").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        var result = root.GetProperty("result");
        Assert.Equal(["data", "log", "events", "msg_responses"], result.EnumerateObject().Select(p => p.Name));
        Assert.Equal("""[{"@type":"/cosmos.bank.v1beta1.MsgSendResponse"}]""", result.GetProperty("msg_responses").GetRawText());
        Assert.Contains(result.GetProperty("events").EnumerateArray(), e => e.GetProperty("type").GetString() == "transfer");
        Assert.Equal(0, _n.Backend.UnconfirmedTxCount);

        (status, body) = await _n.PostAsync("/cosmos/tx/v1beta1/simulate", LcdTestNode.TxBytesBody(_n.Execute(0, """{"ping":{}}""")));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("""{"@type":"/cosmwasm.wasm.v1.MsgExecuteContractResponse","data":""}""", body);

        (status, body) = await _n.PostAsync("/cosmos/tx/v1beta1/simulate", LcdTestNode.TxBytesBody(_n.Send(9, 7)));
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.StartsWith("""{"code":2,"message":"account sequence mismatch, expected 0, got 9: incorrect account sequence With gas wanted""", body);
    }

    [Fact]
    public async Task Bad_bodies_modes_and_hashes_are_400_code_3()
    {
        var tx = Convert.ToBase64String(_n.Send(0, 1));
        foreach (var (path, body, message) in new[]
        {
            ("/cosmos/tx/v1beta1/txs", """{"tx_bytes":"!!notbase64","mode":"BROADCAST_MODE_SYNC"}""", "type mismatch, parameter: tx_bytes, error: illegal base64 data: !!notbase64"),
            ("/cosmos/tx/v1beta1/txs", $$$$"""{"tx_bytes":"{{{{tx}}}}"}""", "unsupported broadcast mode BROADCAST_MODE_UNSPECIFIED; supported: BROADCAST_MODE_SYNC, BROADCAST_MODE_ASYNC, BROADCAST_MODE_BLOCK"),
            ("/cosmos/tx/v1beta1/txs", """{"mode":"BROADCAST_MODE_SYNC"}""", "invalid empty tx"),
            ("/cosmos/tx/v1beta1/simulate", "{}", "empty txBytes is not allowed"),
            ("/cosmos/tx/v1beta1/simulate", "[1]", "the request body must be a JSON object"),
        })
        {
            var (status, answer) = await _n.PostAsync(path, body);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal(LcdTestNode.Error(3, message), answer);
        }

        var (s, b) = await _n.PostAsync("/cosmos/tx/v1beta1/txs", "{not json");
        Assert.Equal(HttpStatusCode.BadRequest, s);
        Assert.StartsWith("""{"code":3,"message":"invalid JSON body: """, b);

        (s, b) = await _n.GetAsync("/cosmos/tx/v1beta1/txs/XYZ");
        Assert.Equal(HttpStatusCode.BadRequest, s);
        Assert.Equal(LcdTestNode.Error(3, "invalid tx hash XYZ: want 64 hex characters"), b);
    }

    [Fact]
    public async Task Search_by_events_pages_and_orders_like_GetTxsEvent()
    {
        var tx0 = _n.Send(0, 1);
        var tx1 = _n.Send(1, 2);
        Assert.Equal(0u, _n.Backend.BroadcastTx(tx0).Code);
        Assert.Equal(0u, _n.Backend.BroadcastTx(tx1).Code);
        _n.ProduceBlock();
        var h0 = Hex.Upper(Hashing.TxHash(tx0));
        var h1 = Hex.Upper(Hashing.TxHash(tx1));

        var (status, body) = await _n.GetAsync($"/cosmos/tx/v1beta1/txs?events=message.sender='{_n.Test2.Address}'");
        Assert.Equal(HttpStatusCode.OK, status);
        var fields0 = LcdGolden.TxFields(tx0, _n.Test2.PublicKey, SendJson(1), "", 0);
        var fields1 = LcdGolden.TxFields(tx1, _n.Test2.PublicKey, SendJson(2), "", 1);
        var r0 = LcdGolden.TxResponse(_n.Backend.GetTx(Hashing.TxHash(tx0))!, fields0, "2026-03-02T15:00:00Z");
        var r1 = LcdGolden.TxResponse(_n.Backend.GetTx(Hashing.TxHash(tx1))!, fields1, "2026-03-02T15:00:00Z");
        Assert.Equal($$$$"""{"txs":[{{{{{fields0}}}}},{{{{{fields1}}}}}],"tx_responses":[{{{{r0}}}},{{{{r1}}}}],"pagination":{"next_key":null,"total":"2"},"total":"2"}""", body);

        (status, body) = await _n.GetAsync($"/cosmos/tx/v1beta1/txs?events=message.sender='{_n.Test2.Address}'&events=tx.height=1&order_by=ORDER_BY_DESC&limit=1&page=1");
        Assert.Equal(HttpStatusCode.OK, status);
        using (var doc = JsonDocument.Parse(body))
        {
            Assert.Equal([h1], doc.RootElement.GetProperty("tx_responses").EnumerateArray().Select(t => t.GetProperty("txhash").GetString()));
            Assert.Equal("2", doc.RootElement.GetProperty("total").GetString());
        }

        (status, body) = await _n.GetAsync($"/cosmos/tx/v1beta1/txs?query=tx.hash%3D'{h0}'");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"\"txhash\":\"{h0}\"", body);
        Assert.DoesNotContain(h1, body);

        (status, body) = await _n.GetAsync("/cosmos/tx/v1beta1/txs");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(LcdTestNode.Error(3, "query cannot be empty"), body);

        (status, body) = await _n.GetAsync("/cosmos/tx/v1beta1/txs?events=nonsense");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("""{"code":3,"message":"invalid event; event nonsense should be""", body);
    }
}
