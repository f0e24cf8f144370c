using MirrorChain.Rpc.Lcd;

namespace MirrorChain.Rpc.Tests.Lcd;

/// <summary>Routing, HTTP errors, limits, CORS and headers of the LCD server.</summary>
public sealed class LcdTransportTests : IAsyncLifetime
{
    private LcdTestNode _n = null!;

    public async Task InitializeAsync() => _n = await LcdTestNode.StartAsync(new LcdServerOptions { MaxRequestBodyBytes = 4096 });

    public async Task DisposeAsync() => await _n.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/cosmos/auth/v1beta1")]
    [InlineData("/cosmos/auth/v1beta1/accounts")]
    [InlineData("/cosmos/auth/v1beta1/accounts/a/b")]
    [InlineData("/terra/treasury/v1beta1/tax_rate")]
    public async Task Unknown_routes_are_404_json(string path)
    {
        var (status, body) = await _n.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("""{"code":5,"message":"Not Found","details":[]}""", body);
    }

    [Fact]
    public async Task Wrong_method_is_405_and_a_too_large_body_is_413()
    {
        var (status, body) = await _n.GetAsync("/cosmos/tx/v1beta1/simulate");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, status);
        Assert.Equal("""{"code":12,"message":"Method Not Allowed","details":[]}""", body);

        (status, body) = await _n.PostAsync("/cosmos/tx/v1beta1/txs", $$$$"""{"tx_bytes":"{{{{new string('A', 8000)}}}}","mode":"BROADCAST_MODE_SYNC"}""");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("""{"code":8,"message":"request body too large (limit 4096 bytes)","details":[]}""", body);
    }

    [Fact]
    public async Task Answers_carry_cors_json_content_type_and_the_query_height()
    {
        _n.ProduceBlock();
        using var get = new HttpRequestMessage(HttpMethod.Get, $"/cosmos/bank/v1beta1/balances/{LcdTestNode.Test3}");
        using var response = await _n.SendAsync(get);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("1", Assert.Single(response.Headers.GetValues(LcdServer.HeightHeader)));

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/cosmos/tx/v1beta1/txs");
        preflight.Headers.Add("Origin", "http://example.test");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
        using var pre = await _n.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, pre.StatusCode);
        Assert.Equal("*", Assert.Single(pre.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("POST", Assert.Single(pre.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
        Assert.Equal("content-type", Assert.Single(pre.Headers.GetValues("Access-Control-Allow-Headers")));
    }

    [Fact]
    public async Task Routes_cover_the_feather_and_terra_flows()
    {
        Assert.Superset(
            new HashSet<string>
            {
                "GET /cosmos/auth/v1beta1/accounts/{address}",
                "GET /cosmos/bank/v1beta1/balances/{address}",
                "GET /cosmos/bank/v1beta1/balances/{address}/by_denom",
                "POST /cosmos/tx/v1beta1/simulate",
                "POST /cosmos/tx/v1beta1/txs",
                "GET /cosmos/tx/v1beta1/txs/{hash}",
                "GET /cosmos/tx/v1beta1/txs",
                "GET /cosmwasm/wasm/v1/contract/{address}/smart/{query_data*}",
                "GET /cosmwasm/wasm/v1/contract/{address}",
                "GET /cosmos/base/tendermint/v1beta1/node_info",
                "GET /cosmos/base/tendermint/v1beta1/blocks/latest",
                "GET /cosmos/base/tendermint/v1beta1/blocks/{height}",
                "GET /cosmos/auth/v1beta1/params",
                "GET /cosmos/bank/v1beta1/params",
            },
            _n.Server.RouteNames.ToHashSet());

        // a second server on a taken port fails to start with an IOException (the CLI reports it)
        await using var clash = new LcdServer(_n.Backend, new LcdServerOptions { Endpoint = _n.Server.BoundEndpoint! });
        await Assert.ThrowsAnyAsync<IOException>(() => clash.StartAsync());
        var (status, _) = await _n.PostAsync("/cosmos/tx/v1beta1/simulate", Encoding.UTF8.GetString("{}"u8));
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }
}
