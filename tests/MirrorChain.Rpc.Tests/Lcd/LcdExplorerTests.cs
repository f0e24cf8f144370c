using System.Text.Json.Nodes;
using MirrorChain.Rpc.Explorer;
using MirrorChain.Rpc.Lcd;

namespace MirrorChain.Rpc.Tests.Lcd;

/// <summary>The explorer's HTTP side on the LCD port: the embedded pages, config.json and the JSON-RPC relay (the pages themselves: tests/MirrorChain.Explorer.Tests).</summary>
public sealed class LcdExplorerTests
{
    private static readonly ExplorerOptions Options = new()
    {
        RpcUrl = "http://127.0.0.1:26657",
        WebSocketUrl = "ws://127.0.0.1:26657/websocket",
        ContractsJson = """{"mint":"terra1mint","assets":{"mTSLA":{"token":"terra1tsla"}}}""",
    };

    [Fact]
    public async Task Explorer_pages_are_served_from_the_assembly_under_explorer()
    {
        await using var n = await LcdTestNode.StartAsync(new LcdServerOptions { Explorer = Options });

        using var index = await n.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/explorer/"));
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("text/html; charset=utf-8", index.Content.Headers.ContentType!.ToString());
        Assert.Contains("<script src=\"app.js\"></script>", await index.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", index.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        foreach (var (file, type) in new[] { ("app.js", "text/javascript; charset=utf-8"), ("style.css", "text/css; charset=utf-8") })
        {
            using var answer = await n.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/explorer/" + file));
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal(type, answer.Content.Headers.ContentType!.ToString());
            Assert.True((await answer.Content.ReadAsByteArrayAsync()).Length > 1000);
        }

        using var bare = await n.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/explorer"));
        Assert.Equal("/explorer/", bare.RequestMessage!.RequestUri!.AbsolutePath); // 301 followed
        var (status, _) = await n.GetAsync("/explorer/missing.js");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Explorer_config_names_the_rpc_the_websocket_the_relay_and_the_contracts()
    {
        await using var n = await LcdTestNode.StartAsync(new LcdServerOptions { Explorer = Options });

        var (status, body) = await n.GetAsync("/explorer/config.json");

        Assert.Equal(HttpStatusCode.OK, status);
        var config = JsonNode.Parse(body)!;
        Assert.Equal("http://127.0.0.1:26657", config["rpc"]!.GetValue<string>());
        Assert.Equal("ws://127.0.0.1:26657/websocket", config["websocket"]!.GetValue<string>());
        Assert.Equal("/explorer/rpc", config["rpc_relay"]!.GetValue<string>());
        Assert.Equal("terra1tsla", config["contracts"]!["assets"]!["mTSLA"]!["token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Explorer_config_has_null_contracts_when_the_node_has_no_valid_contracts_file()
    {
        await using var n = await LcdTestNode.StartAsync(new LcdServerOptions { Explorer = Options with { ContractsJson = "not json" } });

        var (_, body) = await n.GetAsync("/explorer/config.json");

        Assert.Null(JsonNode.Parse(body)!["contracts"]);
    }

    [Fact]
    public async Task Explorer_rpc_relay_answers_json_rpc_as_the_rpc_port_does()
    {
        await using var n = await LcdTestNode.StartAsync(new LcdServerOptions { Explorer = Options });
        n.ProduceBlock();

        var (status, body) = await n.PostAsync("/explorer/rpc", """{"jsonrpc":"2.0","id":7,"method":"block","params":{"height":"1"}}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var answer = JsonNode.Parse(body)!;
        Assert.Equal(7, answer["id"]!.GetValue<int>());
        Assert.Equal("1", answer["result"]!["block"]!["header"]!["height"]!.GetValue<string>());

        (_, body) = await n.PostAsync("/explorer/rpc", """{"jsonrpc":"2.0","id":8,"method":"no_such_method"}""");
        Assert.Equal(-32601, JsonNode.Parse(body)!["error"]!["code"]!.GetValue<int>());
        var (getStatus, _) = await n.GetAsync("/explorer/rpc");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, getStatus);
    }

    [Fact]
    public async Task Without_explorer_options_nothing_is_served_under_explorer()
    {
        await using var n = await LcdTestNode.StartAsync();

        var (status, body) = await n.GetAsync("/explorer/");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(LcdTestNode.Error(5, "Not Found"), body);
        (status, _) = await n.GetAsync("/explorer/config.json");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}
