using System.Security.Cryptography;
using System.Text;

namespace MirrorChain.LoadGen.Tests;

public class BlockRepliesTests
{
    [Fact]
    public void Block_results_give_each_txs_code_and_gas_and_the_log_of_failed_txs_only_skipping_the_events()
    {
        var reply = """
            {"jsonrpc":"2.0","id":12,"result":{"height":"40","txs_results":[
              {"code":0,"data":null,"log":"[{\"msg_index\":0,\"events\":[]}]","info":"","gas_wanted":"100000","gas_used":"38123",
               "events":[{"type":"transfer","attributes":[{"key":"amount","value":"1uluna","index":true}]}],"codespace":""},
              {"code":5,"data":null,"log":"failed to execute message; message index: 0: 1uluna is smaller than 2uluna: insufficient funds","info":"",
               "gas_wanted":"100000","gas_used":"30011","events":[{"type":"tx","attributes":[{"key":"fee","value":"3000uluna","index":true}]}],"codespace":"sdk"},
              {"code":18,"data":null,"log":"invalid \"coins\" \u00e9","info":"","gas_wanted":"160000","gas_used":"0","events":[],"codespace":"sdk"}],
             "finalize_block_events":[],"validator_updates":[],"consensus_param_updates":null,"app_hash":"AAAA"}}
            """u8;

        var outcomes = BlockReplies.TxResults(reply, keepEvents: false);

        Assert.Equal([0u, 5, 18], outcomes.Select(o => o.Code));
        Assert.Equal([38_123L, 30_011, 0], outcomes.Select(o => o.GasUsed));
        Assert.Equal(["", "failed to execute message; message index: 0: 1uluna is smaller than 2uluna: insufficient funds", "invalid \"coins\" é"],
            outcomes.Select(o => o.Log));
        Assert.All(outcomes, o => Assert.Null(o.Events));
    }

    [Fact]
    public void A_failed_txs_log_is_read_even_when_the_code_comes_after_it()
    {
        var reply = """{"jsonrpc":"2.0","id":1,"result":{"txs_results":[{"log":"out of gas","gas_used":7,"code":11},{"log":"fine","code":0}]}}"""u8;

        var outcomes = BlockReplies.TxResults(reply, keepEvents: false);

        Assert.Equal("out of gas", outcomes[0].Log);
        Assert.Equal(11u, outcomes[0].Code);
        Assert.Equal(7, outcomes[0].GasUsed);
        Assert.Equal("", outcomes[1].Log);
    }

    [Fact]
    public void A_block_without_txs_has_no_results_and_no_hashes()
    {
        Assert.Empty(BlockReplies.TxResults("""{"jsonrpc":"2.0","id":1,"result":{"height":"3","txs_results":null}}"""u8, keepEvents: false));
        Assert.Empty(BlockReplies.TxHashes("""{"jsonrpc":"2.0","id":1,"result":{"block_id":{},"block":{"header":{},"data":{"txs":[]}}}}"""u8));
        Assert.Empty(BlockReplies.TxHashes("""{"jsonrpc":"2.0","id":1,"result":{"block":{"data":{"txs":null}}}}"""u8));
    }

    [Fact]
    public void Block_tx_hashes_are_the_upper_case_sha256_of_each_base64_tx_in_block_order_escaped_or_not()
    {
        byte[] first = [0xfb, 0xff, 0x01];  // base64 "+/8B": the '+' and '/' may come escaped
        byte[] second = [.. Enumerable.Range(0, 300).Select(i => (byte)i)];
        var reply = Encoding.UTF8.GetBytes($$$"""
            {"jsonrpc":"2.0","id":2,"result":{"block_id":{"hash":"AB"},"block":{"header":{"height":"9","data_hash":"CD"},
             "data":{"txs":["\u002B\/8B","{{{Convert.ToBase64String(second)}}}"]},"evidence":{"evidence":[]},"last_commit":null} } }
            """);

        var hashes = BlockReplies.TxHashes(reply);

        Assert.Equal([Convert.ToHexString(SHA256.HashData(first)), Convert.ToHexString(SHA256.HashData(second))], hashes);
    }

    [Fact]
    public void An_error_answer_to_block_results_is_an_exception_with_the_error_text()
    {
        var reply = """{"jsonrpc":"2.0","id":3,"error":{"code":-32603,"message":"Internal error","data":"could not find results for height #99"}}""";

        var e = Assert.Throws<JsonRpcException>(() => BlockReplies.TxResults(Encoding.UTF8.GetBytes(reply), keepEvents: false));

        Assert.Contains("block_results: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("could not find results for height #99", e.Message, StringComparison.Ordinal);
    }
}
