namespace MirrorChain.Rpc.Tests.Lcd;

/// <summary>node_info, syncing and blocks in the gateway's proto3 JSON (hashes base64).</summary>
public sealed class LcdTendermintTests : IAsyncLifetime
{
    private LcdTestNode _n = null!;

    public async Task InitializeAsync() => _n = await LcdTestNode.StartAsync();

    public async Task DisposeAsync() => await _n.DisposeAsync();

    [Fact]
    public async Task Node_info_and_syncing()
    {
        var (status, body) = await _n.GetAsync("/cosmos/base/tendermint/v1beta1/node_info");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($$$$"""
            {"default_node_info":{"protocol_version":{"p2p":"8","block":"11","app":"1"},"default_node_id":"{{{{new string('a', 40)}}}}",
            "listen_addr":"tcp://0.0.0.0:26656","network":"mirrorchain-devnet-1","version":"0.38.17","channels":"QCAhIiMwOGBhAA==",
            "moniker":"lcd-test","other":{"tx_index":"on","rpc_address":"tcp://127.0.0.1:26657"}},
            "application_version":{"name":"mirrorchain","app_name":"mirrorchain","version":"0.1.0","git_commit":"","build_tags":"",
            "go_version":"","build_deps":[],"cosmos_sdk_version":""}}
            """.ReplaceLineEndings(""), body);

        (status, body) = await _n.GetAsync("/cosmos/base/tendermint/v1beta1/syncing");
        Assert.Equal((HttpStatusCode.OK, """{"syncing":false}"""), (status, body));
    }

    [Fact]
    public async Task Blocks_latest_and_by_height()
    {
        var (status, body) = await _n.GetAsync("/cosmos/base/tendermint/v1beta1/blocks/latest");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(LcdTestNode.Error(5, "no block has been committed yet"), body);

        Assert.Equal(0u, _n.Backend.BroadcastTx(_n.Send(0, 1)).Code);
        var (block, _) = _n.ProduceBlock();
        var h = block.Header;
        string B(byte[] b) => Convert.ToBase64String(b);
        string Header(string proposer) => $$$$"""
            "header":{"version":{"block":"11","app":"1"},"chain_id":"mirrorchain-devnet-1","height":"1","time":"2026-03-02T15:00:00.25Z",
            "last_block_id":{"hash":"","part_set_header":{"total":0,"hash":""}},"last_commit_hash":"","data_hash":"{{{{B(h.DataHash)}}}}",
            "validators_hash":"","next_validators_hash":"","consensus_hash":"","app_hash":"{{{{B(h.AppHash)}}}}",
            "last_results_hash":"{{{{B(h.LastResultsHash)}}}}","evidence_hash":"","proposer_address":"{{{{proposer}}}}"},
            "data":{"txs":["{{{{B(block.Txs[0])}}}}"]},"evidence":{"evidence":[]},
            "last_commit":{"height":"0","round":0,"block_id":{"hash":"","part_set_header":{"total":0,"hash":""}},"signatures":[]}
            """;
        var expected = $$$$"""
            {"block_id":{"hash":"{{{{B(block.Hash)}}}}","part_set_header":{"total":1,"hash":"{{{{B(block.Hash)}}}}"}},
            "block":{{{{{Header(B(h.ProposerAddress))}}}}},
            "sdk_block":{{{{{Header(Bech32.Encode("terravalcons", h.ProposerAddress))}}}}}}
            """.ReplaceLineEndings("");

        (status, body) = await _n.GetAsync("/cosmos/base/tendermint/v1beta1/blocks/1");
        Assert.Equal((HttpStatusCode.OK, expected), (status, body));
        (status, body) = await _n.GetAsync("/cosmos/base/tendermint/v1beta1/blocks/latest");
        Assert.Equal((HttpStatusCode.OK, expected), (status, body));

        (status, body) = await _n.GetAsync("/cosmos/base/tendermint/v1beta1/blocks/2");
        Assert.Equal((HttpStatusCode.BadRequest, LcdTestNode.Error(3, "requested block height is bigger then the chain length")), (status, body));
        (status, body) = await _n.GetAsync("/cosmos/base/tendermint/v1beta1/blocks/abc");
        Assert.Equal((HttpStatusCode.BadRequest, LcdTestNode.Error(3, "type mismatch, parameter: height, error: strconv.ParseInt: parsing \"abc\": invalid syntax")), (status, body));
        (status, _) = await _n.GetAsync("/cosmos/base/tendermint/v1beta1/blocks/0");
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }
}
