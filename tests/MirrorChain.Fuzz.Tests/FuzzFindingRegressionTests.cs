using System.Text;
using MirrorChain.Fuzz.Targets;

namespace MirrorChain.Fuzz.Tests;

/// <summary>The escapes the fuzzer found, each pinned as the clean answer it now gets.</summary>
public sealed class FuzzFindingRegressionTests(WorldFixture fixture) : IClassFixture<WorldFixture>
{
    /// <summary>rpc-post seed 1 iteration 98: a method name with a lone surrogate threw from the processor.</summary>
    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"\ud800"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":"\udc00","method":"status"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tx_search","params":{"query":"tx.height=1\ud800"}}""")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"method":"status"},{"jsonrpc":"2.0","id":2,"method":"x\ud800\ud800"}]""")]
    public void A_json_rpc_request_with_a_lone_surrogate_is_a_parse_error(string body)
    {
        var target = new JsonRpcPostTarget(fixture.World);
        var input = Encoding.UTF8.GetBytes(body);
        Assert.Null(target.Run(input));
        var (status, answer) = target.Answer(input);
        Assert.Equal(500, status);
        Assert.Contains("\"code\":-32700", answer, StringComparison.Ordinal);
        Assert.Contains("lone surrogate", answer, StringComparison.Ordinal);
    }

    /// <summary>lcd seed 1 iteration 1628: a broadcast body whose mode held a lone surrogate threw inside the route.</summary>
    [Theory]
    [InlineData("""{"method":"POST","path":"/cosmos/tx/v1beta1/txs","query":{},"body":{"tx_bytes":"CgA=","mode":"\ud800"}}""")]
    [InlineData("""{"method":"POST","path":"/cosmos/tx/v1beta1/simulate","query":{},"body":{"tx_bytes":"\udc00"}}""")]
    public void An_lcd_body_with_a_lone_surrogate_is_invalid_argument(string request)
    {
        var target = new LcdTarget(fixture.World);
        var input = Encoding.UTF8.GetBytes(request);
        Assert.Null(target.Run(input));
        var answer = target.Answer(input)!;
        Assert.Equal(400, answer.StatusCode);
        Assert.Contains("lone surrogate", Encoding.UTF8.GetString(answer.Body), StringComparison.Ordinal);
    }
}
