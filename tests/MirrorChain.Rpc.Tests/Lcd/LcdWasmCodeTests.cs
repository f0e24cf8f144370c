using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace MirrorChain.Rpc.Tests.Lcd;

/// <summary>Codes, contracts by code, history, raw and all state (wasmd's gateway routes) against the echo contract.</summary>
public sealed class LcdWasmCodeTests : IAsyncLifetime
{
    private static readonly string WasmModule = MirrorChain.Execution.ModuleAccounts.AddressOf("wasm").ToString();
    private static readonly string EchoHash = Convert.ToHexString(SHA256.HashData("echo"u8));
    private static readonly string EchoCodeInfo =
        $$$$"""{"code_id":"901","creator":"{{{{WasmModule}}}}","data_hash":"{{{{EchoHash}}}}","instantiate_permission":{"permission":"Nobody","addresses":[]}}""";

    private LcdTestNode _n = null!;

    public async Task InitializeAsync() => _n = await LcdTestNode.StartAsync();

    public async Task DisposeAsync() => await _n.DisposeAsync();

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task Codes_list_native_codes_with_the_wasm_module_as_creator_and_the_crate_name_hash()
    {
        var (status, body) = await _n.GetAsync("/cosmwasm/wasm/v1/code");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($$$$"""{"code_infos":[{{{{EchoCodeInfo}}}}],"pagination":{"next_key":null,"total":"0"}}""", body);
    }

    [Fact]
    public async Task Code_by_id_serves_the_crate_name_as_its_bytes_whose_sha256_is_the_checksum()
    {
        var (status, body) = await _n.GetAsync("/cosmwasm/wasm/v1/code/901");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($$$$"""{"code_info":{{{{EchoCodeInfo}}}},"data":"{{{{B64("echo")}}}}"}""", body);
    }

    [Fact]
    public async Task Code_by_id_errors_unknown_404_zero_400_not_a_number_400()
    {
        var (status, body) = await _n.GetAsync("/cosmwasm/wasm/v1/code/77");
        Assert.Equal((HttpStatusCode.NotFound, LcdTestNode.Error(5, "code id 77: no such code")), (status, body));
        (status, body) = await _n.GetAsync("/cosmwasm/wasm/v1/code/0");
        Assert.Equal((HttpStatusCode.BadRequest, LcdTestNode.Error(3, "code id cannot be 0")), (status, body));
        (status, body) = await _n.GetAsync("/cosmwasm/wasm/v1/code/x1");
        Assert.Equal((HttpStatusCode.BadRequest, LcdTestNode.Error(3, "type mismatch, parameter: code_id, error: strconv.ParseUint: parsing \"x1\": invalid syntax")), (status, body));
    }

    [Fact]
    public async Task Contracts_of_a_code_list_its_instances()
    {
        var (status, body) = await _n.GetAsync("/cosmwasm/wasm/v1/code/901/contracts");
        Assert.Equal((HttpStatusCode.OK, $$$$"""{"contracts":["{{{{_n.Contract}}}}"],"pagination":{"next_key":null,"total":"0"}}"""), (status, body));
        (status, body) = await _n.GetAsync("/cosmwasm/wasm/v1/code/5/contracts");
        Assert.Equal((HttpStatusCode.OK, """{"contracts":[],"pagination":{"next_key":null,"total":"0"}}"""), (status, body));
    }

    [Fact]
    public async Task History_of_a_genesis_contract_is_one_genesis_entry_with_an_empty_msg()
    {
        var (status, body) = await _n.GetAsync($"/cosmwasm/wasm/v1/contract/{_n.Contract}/history");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            """{"entries":[{"operation":"CONTRACT_CODE_HISTORY_OPERATION_TYPE_GENESIS","code_id":"901","updated":{"block_height":"0","tx_index":"0"},"msg":{}}],"pagination":{"next_key":null,"total":"1"}}""",
            body);
        var unknown = Address.FromBytes(new byte[32]);
        (status, body) = await _n.GetAsync($"/cosmwasm/wasm/v1/contract/{unknown}/history");
        Assert.Equal((HttpStatusCode.NotFound, LcdTestNode.Error(5, $"no such contract: {unknown}: not found")), (status, body));
        await _n.GetInvalidAddressAsync("/cosmwasm/wasm/v1/contract/terra1bad/history");
    }

    [Fact]
    public async Task Raw_state_answers_the_stored_bytes_or_null()
    {
        var (status, body) = await _n.GetAsync($"/cosmwasm/wasm/v1/contract/{_n.Contract}/raw/{B64("b")}");
        Assert.Equal((HttpStatusCode.OK, $$$$"""{"data":"{{{{B64("b")}}}}"}"""), (status, body));
        (status, body) = await _n.GetAsync($"/cosmwasm/wasm/v1/contract/{_n.Contract}/raw/{B64("zz")}");
        Assert.Equal((HttpStatusCode.OK, """{"data":null}"""), (status, body));
        var unknown = Address.FromBytes(new byte[32]);
        (status, _) = await _n.GetAsync($"/cosmwasm/wasm/v1/contract/{unknown}/raw/{B64("b")}");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task All_state_lists_models_in_key_order_with_hex_keys_and_pages_by_key_and_offset()
    {
        static string Model(string k) => $$$$"""{"key":"{{{{Convert.ToHexString(Encoding.UTF8.GetBytes(k))}}}}","value":"{{{{B64(k)}}}}"}""";
        var path = $"/cosmwasm/wasm/v1/contract/{_n.Contract}/state";

        var (status, body) = await _n.GetAsync(path);
        Assert.Equal((HttpStatusCode.OK, $$$$"""{"models":[{{{{Model("a")}}}},{{{{Model("b")}}}},{{{{Model("c")}}}}],"pagination":{"next_key":null,"total":"3"}}"""), (status, body));

        (_, body) = await _n.GetAsync(path + "?pagination.limit=2");
        Assert.Equal($$$$"""{"models":[{{{{Model("a")}}}},{{{{Model("b")}}}}],"pagination":{"next_key":"{{{{B64("c")}}}}","total":"0"}}""", body);
        (_, body) = await _n.GetAsync(path + "?pagination.key=" + Uri.EscapeDataString(B64("c")));
        Assert.Equal($$$$"""{"models":[{{{{Model("c")}}}}],"pagination":{"next_key":null,"total":"0"}}""", body);
        (_, body) = await _n.GetAsync(path + "?pagination.offset=1&pagination.limit=1&pagination.count_total=true");
        Assert.Equal($$$$"""{"models":[{{{{Model("b")}}}}],"pagination":{"next_key":"{{{{B64("c")}}}}","total":"3"}}""", body);
        (_, body) = await _n.GetAsync(path + "?pagination.reverse=true&pagination.limit=1");
        Assert.Equal($$$$"""{"models":[{{{{Model("c")}}}}],"pagination":{"next_key":"{{{{B64("b")}}}}","total":"0"}}""", body);
        (_, body) = await _n.GetAsync(path + "?pagination.reverse=true&pagination.key=" + Uri.EscapeDataString(B64("b")));
        Assert.Equal($$$$"""{"models":[{{{{Model("b")}}}},{{{{Model("a")}}}}],"pagination":{"next_key":null,"total":"0"}}""", body);

        (status, body) = await _n.GetAsync(path + "?pagination.offset=1&pagination.key=" + Uri.EscapeDataString(B64("c")));
        Assert.Equal((HttpStatusCode.BadRequest, LcdTestNode.Error(3, "paginate: invalid request, either offset or key is expected, got both")), (status, body));
    }

    [Fact]
    public async Task Total_supply_lists_every_denom_in_order_and_pages_and_supply_of_a_denom_has_both_routes()
    {
        var (status, body) = await _n.GetAsync("/cosmos/bank/v1beta1/supply");
        Assert.Equal(HttpStatusCode.OK, status);
        var all = JsonNode.Parse(body)!;
        var supply = all["supply"]!.AsArray().Select(c => (Denom: c!["denom"]!.GetValue<string>(), Amount: c["amount"]!.GetValue<string>())).ToList();
        Assert.Contains(supply, c => c.Denom == "uluna");
        Assert.Equal(supply.Select(c => c.Denom).Order(StringComparer.Ordinal), supply.Select(c => c.Denom));
        Assert.All(supply, c => Assert.NotEqual("0", c.Amount));
        Assert.Equal(supply.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), all["pagination"]!["total"]!.GetValue<string>());

        (_, body) = await _n.GetAsync("/cosmos/bank/v1beta1/supply?pagination.limit=1");
        var first = JsonNode.Parse(body)!;
        Assert.Equal(supply[0].Denom, first["supply"]![0]!["denom"]!.GetValue<string>());
        Assert.Equal(supply.Count > 1 ? B64(supply[1].Denom) : null, first["pagination"]!["next_key"]?.GetValue<string>());

        var luna = supply.Single(c => c.Denom == "uluna").Amount;
        var expected = $$$$"""{"amount":{"denom":"uluna","amount":"{{{{luna}}}}"}}""";
        Assert.Equal((HttpStatusCode.OK, expected), await _n.GetAsync("/cosmos/bank/v1beta1/supply/by_denom?denom=uluna"));
        Assert.Equal((HttpStatusCode.OK, expected), await _n.GetAsync("/cosmos/bank/v1beta1/supply/uluna"));
    }
}
