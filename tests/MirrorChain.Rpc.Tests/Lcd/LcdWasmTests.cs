namespace MirrorChain.Rpc.Tests.Lcd;

/// <summary>Smart queries and contract info against a contract instantiated at genesis.</summary>
public sealed class LcdWasmTests : IAsyncLifetime
{
    private LcdTestNode _n = null!;

    public async Task InitializeAsync() => _n = await LcdTestNode.StartAsync();

    public async Task DisposeAsync() => await _n.DisposeAsync();

    private static string B64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    [Fact]
    public async Task Smart_query_answers_the_contract_json_as_a_json_value()
    {
        var expected = $$$$"""{"data":{"name":"echo","contract":"{{{{_n.Contract}}}}","values":[1,"two",null]}}""";
        var (status, body) = await _n.GetAsync($"/cosmwasm/wasm/v1/contract/{_n.Contract}/smart/{B64("""{"config":{}}""")}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, body);

        // URL-safe unpadded base64, and standard base64 percent-encoded or raw (a '/' splits the path), are accepted too
        var query = B64("""{"config":{},"x":"???"}""");
        Assert.Equal("eyJjb25maWciOnt9LCJ4IjoiPz8/In0=", query); // has '/' and '=' to exercise both decodings
        (status, body) = await _n.GetAsync($"/cosmwasm/wasm/v1/contract/{_n.Contract}/smart/{query.TrimEnd('=').Replace('+', '-').Replace('/', '_')}");
        Assert.Equal((HttpStatusCode.OK, expected), (status, body));
        (status, body) = await _n.GetAsync($"/cosmwasm/wasm/v1/contract/{_n.Contract}/smart/{Uri.EscapeDataString(query)}");
        Assert.Equal((HttpStatusCode.OK, expected), (status, body));
        (status, body) = await _n.GetAsync($"/cosmwasm/wasm/v1/contract/{_n.Contract}/smart/{query}");
        Assert.Equal((HttpStatusCode.OK, expected), (status, body));
    }

    [Fact]
    public async Task Smart_query_errors_bad_base64_400_not_json_400_unknown_contract_404_contract_error_500()
    {
        var (status, body) = await _n.GetAsync($"/cosmwasm/wasm/v1/contract/{_n.Contract}/smart/%%%");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(LcdTestNode.Error(3, "type mismatch, parameter: query_data, error: illegal base64 data: %%%"), body);

        (status, body) = await _n.GetAsync($"/cosmwasm/wasm/v1/contract/{_n.Contract}/smart/{B64("not json")}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(LcdTestNode.Error(3, "invalid query data"), body);

        var unknown = MirrorChain.Core.Address.FromBytes(new byte[32]);
        (status, body) = await _n.GetAsync($"/cosmwasm/wasm/v1/contract/{unknown}/smart/{B64("{}")}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.StartsWith("""{"code":5,"message":"no such contract: """, body);

        (status, body) = await _n.GetAsync($"/cosmwasm/wasm/v1/contract/{_n.Contract}/smart/{B64("""{"nope":{}}""")}");
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.StartsWith("""{"code":2,"message":""", body);
        Assert.Contains("Generic error: unknown query", body);

        await _n.GetInvalidAddressAsync($"/cosmwasm/wasm/v1/contract/terra1bad/smart/{B64("{}")}");
    }

    [Fact]
    public async Task Contract_info_in_proto3_json()
    {
        var (status, body) = await _n.GetAsync($"/cosmwasm/wasm/v1/contract/{_n.Contract}");
        Assert.Equal(HttpStatusCode.OK, status);
        const string Test1 = "terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v";
        Assert.Matches(
            $$$$"""^\{"address":"{{{{_n.Contract}}}}","contract_info":\{"code_id":"901","creator":"{{{{Test1}}}}","admin":"{{{{Test1}}}}","label":"echo","""
            + "\"created\":(null|\\{\"block_height\":\"\\d+\",\"tx_index\":\"\\d+\"\\}),\"ibc_port_id\":\"\",\"extension\":null\\}\\}$",
            body);

        var unknown = MirrorChain.Core.Address.FromBytes(new byte[32]);
        (status, body) = await _n.GetAsync($"/cosmwasm/wasm/v1/contract/{unknown}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(LcdTestNode.Error(5, $"no such contract: {unknown}: not found"), body);
    }
}
