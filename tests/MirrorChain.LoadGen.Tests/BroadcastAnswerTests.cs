using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MirrorChain.LoadGen.Tests;

public class BroadcastAnswerTests
{
    private static SignedTx Tx(long id, byte[] bytes, int sender = 0, ulong sequence = 0) =>
        new(sender, sequence, Convert.ToHexString(SHA256.HashData(bytes)), id, BroadcastRequest.Encode(id, bytes));

    private static readonly SignedTx A = Tx(7, [1, 2, 3]);
    private static readonly SignedTx B = Tx(8, [4, 5, 6], sender: 1);
    private static readonly SignedTx C = Tx(9, [7, 8, 9], sender: 2);

    private static string Ok(SignedTx tx, string? hash = null) =>
        $$$"""{"jsonrpc":"2.0","id":{{{tx.RequestId}}},"result":{"code":0,"data":"","log":"","codespace":"","hash":"{{{hash ?? tx.HashHex}}}"}}""";

    private static string?[] Rejections(IReadOnlyList<SignedTx> txs, string reply, bool batch)
    {
        var answers = BroadcastAnswer.Match(txs, BroadcastAnswer.ParseReply(Encoding.UTF8.GetBytes(reply)), batch);
        return [.. txs.Select((t, i) => answers[i].Rejection(t))];
    }

    [Fact]
    public void A_broadcast_request_is_the_json_rpc_envelope_with_the_base64_tx_and_its_fixed_id()
    {
        using var doc = JsonDocument.Parse(A.Request);

        Assert.Equal("2.0", doc.RootElement.GetProperty("jsonrpc").GetString());
        Assert.Equal(7, doc.RootElement.GetProperty("id").GetInt64());
        Assert.Equal("broadcast_tx_sync", doc.RootElement.GetProperty("method").GetString());
        Assert.Equal(Convert.ToBase64String([1, 2, 3]), doc.RootElement.GetProperty("params").GetProperty("tx").GetString());
    }

    [Fact]
    public void A_batch_request_is_an_array_of_the_txs_request_objects_and_a_lone_tx_is_sent_as_its_object()
    {
        using var doc = JsonDocument.Parse(BroadcastRequest.Join([A, B, C]));

        Assert.Equal([7L, 8, 9], doc.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
        Assert.Same(A.Request, BroadcastRequest.Join([A]));
    }

    [Fact]
    public void An_answer_with_code_0_and_the_txs_hash_in_any_case_accepts_it()
    {
        Assert.Null(Rejections([A], Ok(A), batch: false).Single());
        Assert.Null(Rejections([A], Ok(A, A.HashHex.ToLowerInvariant()), batch: false).Single());
    }

    [Fact]
    public void An_answer_with_a_nonzero_code_rejects_the_tx_with_code_codespace_and_log()
    {
        var reply = """{"jsonrpc":"2.0","id":7,"result":{"code":32,"data":"","log":"account sequence mismatch, expected 1, got 0: incorrect \"sequence\"","codespace":"sdk","hash":"AB"}}""";

        Assert.Equal("code 32 (sdk): account sequence mismatch, expected 1, got 0: incorrect \"sequence\"", Rejections([A], reply, batch: false).Single());
    }

    [Fact]
    public void A_code_0_answer_with_another_hash_is_a_rejection_naming_both_hashes()
    {
        var other = new string('0', 64);

        Assert.Equal($"node reported hash {other}, expected {A.HashHex}", Rejections([A], Ok(A, other), batch: false).Single());
    }

    [Fact]
    public void A_json_rpc_error_object_rejects_the_tx_with_the_error_as_the_node_wrote_it()
    {
        var reply = """{"jsonrpc":"2.0","id":7,"error":{"code":-32602,"message":"Invalid params","data":"tx: illegal base64 data"}}""";

        Assert.Equal("""request failed: broadcast_tx_sync: {"code":-32602,"message":"Invalid params","data":"tx: illegal base64 data"}""", Rejections([A], reply, batch: false).Single());
    }

    [Fact]
    public void Batch_answers_match_their_txs_by_id_in_any_order_and_a_tx_without_an_element_is_rejected()
    {
        var reply = $$$"""[{{{Ok(C)}}},{"jsonrpc":"2.0","id":7,"result":{"code":5,"data":"","log":"insufficient funds","codespace":"sdk","hash":"{{{A.HashHex}}}"}}]""";

        var rejections = Rejections([A, B, C], reply, batch: true);

        Assert.Equal("code 5 (sdk): insufficient funds", rejections[0]);
        Assert.Equal("request failed: broadcast_tx_sync: the batch answer has no element with id 8", rejections[1]);
        Assert.Null(rejections[2]);
    }

    [Fact]
    public void A_batch_refused_whole_with_one_error_object_rejects_every_tx_of_it()
    {
        var reply = """{"jsonrpc":"2.0","error":{"code":-32600,"message":"Invalid Request","data":"batch request exceeds maximum (20) allowed number of requests"}}""";

        var rejections = Rejections([A, B], reply, batch: true);

        Assert.All(rejections, r => Assert.Contains("batch request exceeds maximum (20)", r, StringComparison.Ordinal));
        Assert.Equal(2, rejections.Length);
    }

    [Fact]
    public void An_answer_without_result_or_error_is_a_rejection_not_an_acceptance()
    {
        Assert.Equal("request failed: broadcast_tx_sync: reply has no result", Rejections([A], """{"jsonrpc":"2.0","id":7}""", batch: false).Single());
    }

    [Fact]
    public void A_reply_that_is_not_json_is_a_json_exception()
    {
        Assert.ThrowsAny<JsonException>(() => BroadcastAnswer.ParseReply("<html>bad gateway</html>"u8));
    }
}
