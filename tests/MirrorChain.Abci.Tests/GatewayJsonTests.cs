using System.Text;
using System.Text.Json;
using MirrorChain.Rpc.Remote;

namespace MirrorChain.Abci.Tests;

/// <summary>
/// CometBFT 0.38 JSON-RPC answers with the fields the devnet leaves empty (validator and consensus hashes, commit
/// signatures, nanosecond times) rewritten as the gateway's proto3 JSON.
/// </summary>
public sealed class GatewayJsonTests
{
    private const string ResultBlock = """
        {"block_id":{"hash":"0A0B","parts":{"total":1,"hash":"0C0D"}},
         "block":{"header":{"version":{"block":"11","app":"1"},"chain_id":"c","height":"7","time":"2026-03-02T15:00:01.12345Z",
           "last_block_id":{"hash":"01","parts":{"total":1,"hash":"02"}},"last_commit_hash":"03","data_hash":"",
           "validators_hash":"04","next_validators_hash":"05","consensus_hash":"06","app_hash":"07","last_results_hash":"08",
           "evidence_hash":"","proposer_address":"0000000000000000000000000000000000000001"},
          "data":{"txs":null},"evidence":{"evidence":[]},
          "last_commit":{"height":"6","round":1,"block_id":{"hash":"01","parts":{"total":1,"hash":"02"}},
           "signatures":[{"block_id_flag":2,"validator_address":"0000000000000000000000000000000000000001","timestamp":"2026-03-02T15:00:00.5Z","signature":"AAE="},
                         {"block_id_flag":1,"validator_address":"","timestamp":"0001-01-01T00:00:00Z","signature":null}]}}}
        """;

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            write(w);
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    [Fact]
    public void A_CometBFT_block_with_signatures_and_hashes_becomes_the_gateways_block_and_sdk_block()
    {
        using var doc = JsonDocument.Parse(ResultBlock);
        var json = Write(w => GatewayJson.WriteGetBlockResponse(w, doc.RootElement));
        using var answer = JsonDocument.Parse(json);
        var root = answer.RootElement;
        Assert.Equal("""{"hash":"Cgs=","part_set_header":{"total":1,"hash":"DA0="}}""", root.GetProperty("block_id").GetRawText());
        var header = root.GetProperty("block").GetProperty("header");
        Assert.Equal("2026-03-02T15:00:01.12345Z", header.GetProperty("time").GetString());
        Assert.Equal("BA==", header.GetProperty("validators_hash").GetString());
        Assert.Equal("Bg==", header.GetProperty("consensus_hash").GetString());
        Assert.Equal("Aw==", header.GetProperty("last_commit_hash").GetString());
        Assert.Equal("", header.GetProperty("data_hash").GetString());
        Assert.Equal("AAAAAAAAAAAAAAAAAAAAAAAAAAE=", header.GetProperty("proposer_address").GetString());
        Assert.StartsWith("terravalcons1", root.GetProperty("sdk_block").GetProperty("header").GetProperty("proposer_address").GetString(), StringComparison.Ordinal);
        Assert.Equal("[]", root.GetProperty("block").GetProperty("data").GetProperty("txs").GetRawText());
        var commit = root.GetProperty("block").GetProperty("last_commit");
        Assert.Equal("6", commit.GetProperty("height").GetString());
        Assert.Equal(1, commit.GetProperty("round").GetInt32());
        Assert.Equal(
            """[{"block_id_flag":"BLOCK_ID_FLAG_COMMIT","validator_address":"AAAAAAAAAAAAAAAAAAAAAAAAAAE=","timestamp":"2026-03-02T15:00:00.5Z","signature":"AAE="},"""
            + """{"block_id_flag":"BLOCK_ID_FLAG_ABSENT","validator_address":"","timestamp":"0001-01-01T00:00:00Z","signature":null}]""",
            commit.GetProperty("signatures").GetRawText());
    }

    [Fact]
    public void A_CometBFT_block_without_a_header_field_is_refused_naming_the_field()
    {
        using var doc = JsonDocument.Parse(ResultBlock.Replace("\"validators_hash\":\"04\",", "", StringComparison.Ordinal));
        var e = Assert.Throws<FormatException>(() => Write(w => GatewayJson.WriteGetBlockResponse(w, doc.RootElement)));
        Assert.Equal("no \"validators_hash\" in the answer", e.Message);
    }

    [Fact]
    public void CometBFTs_node_info_becomes_the_gateways_default_node_info()
    {
        using var doc = JsonDocument.Parse("""
            {"protocol_version":{"p2p":"8","block":"11","app":"1"},"id":"abcd","listen_addr":"tcp://0.0.0.0:26656","network":"c",
             "version":"0.38.25","channels":"40202122233038606100","moniker":"m","other":{"tx_index":"on","rpc_address":"tcp://127.0.0.1:26657"}}
            """);
        Assert.Equal(
            """{"n":{"protocol_version":{"p2p":"8","block":"11","app":"1"},"default_node_id":"abcd","listen_addr":"tcp://0.0.0.0:26656","network":"c","version":"0.38.25","channels":"QCAhIiMwOGBhAA==","moniker":"m","other":{"tx_index":"on","rpc_address":"tcp://127.0.0.1:26657"}}}""",
            Write(w =>
            {
                w.WriteStartObject();
                GatewayJson.WriteDefaultNodeInfo(w, "n", doc.RootElement);
                w.WriteEndObject();
            }));
    }
}
