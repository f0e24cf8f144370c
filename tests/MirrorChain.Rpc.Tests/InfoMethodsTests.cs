using static MirrorChain.Rpc.Tests.Golden;

namespace MirrorChain.Rpc.Tests;

public sealed class InfoMethodsTests
{
    [Fact]
    public async Task Status_IsTheCometBft038Shape()
    {
        await using var s = await RpcTestServer.StartAsync();
        var expected = Ok(
            "{\"node_info\":{\"protocol_version\":{\"p2p\":\"8\",\"block\":\"11\",\"app\":\"1\"}," +
            "\"id\":\"0a1b2c3d4e5f60718293a4b5c6d7e8f901234567\",\"listen_addr\":\"tcp://0.0.0.0:26656\"," +
            "\"network\":\"mirrorchain-devnet-1\",\"version\":\"0.38.17\",\"channels\":\"40202122233038606100\"," +
            "\"moniker\":\"devnode\",\"other\":{\"tx_index\":\"on\",\"rpc_address\":\"tcp://127.0.0.1:26657\"}}," +
            $"\"sync_info\":{{\"latest_block_hash\":\"{Rep("B3", 32)}\",\"latest_app_hash\":\"{Rep("A3", 32)}\"," +
            "\"latest_block_height\":\"3\",\"latest_block_time\":\"2025-01-01T00:00:03.123456789Z\"," +
            $"\"earliest_block_hash\":\"{Rep("B1", 32)}\",\"earliest_app_hash\":\"{Rep("A0", 32)}\"," +
            "\"earliest_block_height\":\"1\",\"earliest_block_time\":\"2025-01-01T00:00:01Z\",\"catching_up\":false}," +
            $"\"validator_info\":{{\"address\":\"{Rep("11", 20)}\",\"pub_key\":{{\"type\":\"tendermint/PubKeyEd25519\"," +
            "\"value\":\"IiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiI=\"},\"voting_power\":\"10\"}}");
        Assert.Equal(expected, await s.CallAsync("status"));
    }

    [Fact]
    public async Task Status_WithoutParams_AndWithNullParams_Work()
    {
        await using var s = await RpcTestServer.StartAsync();
        var withEmpty = await s.CallAsync("status");
        var (_, noParams) = await s.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"status"}""");
        var (_, nullParams) = await s.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"status","params":null}""");
        var (_, emptyArray) = await s.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"status","params":[]}""");
        Assert.Equal(withEmpty, noParams);
        Assert.Equal(withEmpty, nullParams);
        Assert.Equal(withEmpty, emptyArray);
    }

    [Fact]
    public async Task Health_IsAnEmptyObject()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(Ok("{}"), await s.CallAsync("health"));
    }

    [Fact]
    public async Task AbciInfo_ReportsHeightAndBase64AppHash()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(
            Ok("""{"response":{"data":"mirrorchain","version":"0.1.0","app_version":"1","last_block_height":"3","last_block_app_hash":"o6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6M="}}"""),
            await s.CallAsync("abci_info"));
    }

    [Fact]
    public async Task Genesis_PassesIndentedDocumentsThroughAsJson()
    {
        var backend = new IndentedGenesisBackend();
        await using var s = await RpcTestServer.StartAsync(backend);
        var body = await s.CallAsync("genesis");
        using var doc = System.Text.Json.JsonDocument.Parse(body);
        Assert.Equal("mirrorchain-devnet-1", doc.RootElement.GetProperty("result").GetProperty("genesis").GetProperty("chain_id").GetString());
    }

    [Fact]
    public async Task Status_BeforeTheFirstBlock_StillHasNonEmptyHashesAndTheGenesisTime()
    {
        await using var s = await RpcTestServer.StartAsync(new EmptyChainBackend());
        using var doc = System.Text.Json.JsonDocument.Parse(await s.CallAsync("status"));
        var sync = doc.RootElement.GetProperty("result").GetProperty("sync_info");
        Assert.Equal(CometBft.EmptyHash, sync.GetProperty("latest_block_hash").GetString());
        Assert.Equal("0", sync.GetProperty("latest_block_height").GetString());
        Assert.Equal("2025-01-01T00:00:00Z", sync.GetProperty("latest_block_time").GetString());
        Assert.Equal("", sync.GetProperty("earliest_block_hash").GetString());
    }

    private sealed class IndentedGenesisBackend : FakeBackend
    {
        public override string GenesisJson => "{\n  \"chain_id\": \"mirrorchain-devnet-1\",\n  \"x\": [1, 2]\n}\n";
    }

    private sealed class EmptyChainBackend : FakeBackend
    {
        public override long LatestHeight => 0;
    }

    [Fact]
    public async Task Genesis_EmbedsTheDocumentAsAnObject()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(Ok("{\"genesis\":" + FakeBackend.Genesis + "}"), await s.CallAsync("genesis"));
    }
}
