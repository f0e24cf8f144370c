namespace MirrorChain.Rpc.Tests.Lcd;

/// <summary>Golden JSON of the auth and bank routes over a real node and a real Kestrel listener.</summary>
public sealed class LcdAuthBankTests : IAsyncLifetime
{
    private const string Test2 = "terra17lmam6zguazs5q5u6z5mmx76uj63gldnse2pdp";
    private static readonly string Unknown = MirrorChain.Core.Address.FromBytes(new byte[20]).ToString();
    private LcdTestNode _n = null!;

    public async Task InitializeAsync() => _n = await LcdTestNode.StartAsync();

    public async Task DisposeAsync() => await _n.DisposeAsync();

    [Fact]
    public async Task Account_is_a_base_account_without_a_pub_key_until_its_first_tx()
    {
        var (status, body) = await _n.GetAsync($"/cosmos/auth/v1beta1/accounts/{Test2}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($$$$"""{"account":{"@type":"/cosmos.auth.v1beta1.BaseAccount","address":"{{{{Test2}}}}","pub_key":null,"account_number":"2","sequence":"0"}}""", body);

        Assert.Equal(0u, _n.Backend.BroadcastTx(_n.Send(0, 5)).Code);
        _n.ProduceBlock();
        var key = Convert.ToBase64String(_n.Test2.PublicKey);
        (status, body) = await _n.GetAsync($"/cosmos/auth/v1beta1/accounts/{Test2}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($$$$"""{"account":{"@type":"/cosmos.auth.v1beta1.BaseAccount","address":"{{{{Test2}}}}","pub_key":{"@type":"/cosmos.crypto.secp256k1.PubKey","key":"{{{{key}}}}"},"account_number":"2","sequence":"1"}}""", body);
    }

    [Fact]
    public async Task Unknown_account_is_404_code_5_and_a_bad_address_is_400_code_3()
    {
        var (status, body) = await _n.GetAsync($"/cosmos/auth/v1beta1/accounts/{Unknown}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(LcdTestNode.Error(5, $"account {Unknown} not found"), body);

        body = await _n.GetInvalidAddressAsync("/cosmos/auth/v1beta1/accounts/terra1notanaddress");
        Assert.EndsWith("\",\"details\":[]}", body);

        await _n.GetInvalidAddressAsync("/cosmos/bank/v1beta1/balances/cosmos1xyz");
    }

    [Fact]
    public async Task Balances_list_every_denom_with_pagination()
    {
        var (status, body) = await _n.GetAsync($"/cosmos/bank/v1beta1/balances/{Test2}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"balances":[{"denom":"uluna","amount":"1000000000000000"},{"denom":"uusd","amount":"1000000000000000"}],"pagination":{"next_key":null,"total":"2"}}""", body);

        (status, body) = await _n.GetAsync($"/cosmos/bank/v1beta1/balances/{Test2}?pagination.limit=1&pagination.count_total=true");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"balances":[{"denom":"uluna","amount":"1000000000000000"}],"pagination":{"next_key":"dXVzZA==","total":"2"}}""", body);

        (status, body) = await _n.GetAsync($"/cosmos/bank/v1beta1/balances/{Test2}?pagination.key=dXVzZA%3D%3D&pagination.limit=5");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"balances":[{"denom":"uusd","amount":"1000000000000000"}],"pagination":{"next_key":null,"total":"0"}}""", body);

        (status, body) = await _n.GetAsync($"/cosmos/bank/v1beta1/balances/{Unknown}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"balances":[],"pagination":{"next_key":null,"total":"0"}}""", body);

        (status, _) = await _n.GetAsync($"/cosmos/bank/v1beta1/balances/{Test2}?pagination.limit=x");
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Balance_by_denom_always_answers_a_coin()
    {
        var (status, body) = await _n.GetAsync($"/cosmos/bank/v1beta1/balances/{Test2}/by_denom?denom=uusd");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"balance":{"denom":"uusd","amount":"1000000000000000"}}""", body);

        (status, body) = await _n.GetAsync($"/cosmos/bank/v1beta1/balances/{Test2}/by_denom?denom=ukrw");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"balance":{"denom":"ukrw","amount":"0"}}""", body);

        (status, body) = await _n.GetAsync($"/cosmos/bank/v1beta1/balances/{Test2}/by_denom");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(LcdTestNode.Error(3, "invalid denom: "), body);
    }

    [Fact]
    public async Task Params_of_auth_and_bank()
    {
        var (status, body) = await _n.GetAsync("/cosmos/auth/v1beta1/params");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches("""^\{"params":\{"max_memo_characters":"256","tx_sig_limit":"1","tx_size_cost_per_byte":"\d+","sig_verify_cost_ed25519":"590","sig_verify_cost_secp256k1":"\d+"\}\}$""", body);

        (status, body) = await _n.GetAsync("/cosmos/bank/v1beta1/params");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"params":{"send_enabled":[],"default_send_enabled":true}}""", body);

        (status, body) = await _n.GetAsync("/cosmos/bank/v1beta1/supply/by_denom?denom=uusd");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches("""^\{"amount":\{"denom":"uusd","amount":"\d+"\}\}$""", body);
    }
}
