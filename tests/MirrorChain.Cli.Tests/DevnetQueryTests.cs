using System.Text.Json.Nodes;

namespace MirrorChain.Cli.Tests;

/// <summary>The query commands against a real devnet node (the genesis deployment of Mirror).</summary>
public sealed class DevnetQueryTests(DevnetFixture devnet) : IClassFixture<DevnetFixture>
{
    private const string Test3 = "terra1757tkx08n0cqrw7p86ny9lnxsqeth0wgp0em95";

    private MirrorContracts Contracts => ContractsFile.Load(devnet.Home.Contracts);

    private TxFlags Flags(OutputFormat format = OutputFormat.Text, bool dryRun = false) => new() { Node = devnet.Node, Output = format, DryRun = dryRun };

    [Fact]
    public async Task The_devnet_signs_its_blocks_with_the_validator_that_validators_names()
    {
        using var rpc = new RpcClient(devnet.Node);
        var commit = (await rpc.CallAsync("commit", new JsonObject { ["height"] = "1" }))["signed_header"]!["commit"]!;
        var validator = (await rpc.CallAsync("validators", new JsonObject { ["height"] = "1" }))["validators"]![0]!;
        var sig = Assert.Single(commit["signatures"]!.AsArray())!;
        Assert.Equal(validator["address"]!.GetValue<string>(), sig["validator_address"]!.GetValue<string>());
        var hash = MirrorChain.Core.Hex.Decode(commit["block_id"]!["hash"]!.GetValue<string>());
        var signBytes = MirrorChain.Node.CanonicalVote.PrecommitSignBytes("mirrorchain-devnet-1", 1, hash,
            MirrorChain.Core.BlockTime.ParseRfc3339(sig["timestamp"]!.GetValue<string>()));
        Assert.True(MirrorChain.Crypto.Ed25519Key.Verify(Convert.FromBase64String(validator["pub_key"]!["value"]!.GetValue<string>()),
            signBytes, Convert.FromBase64String(sig["signature"]!.GetValue<string>())));
        Assert.Contains("signing     validator 9299B90DEABAD9A62DB679F91287AE121382E340", devnet.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Smart_query_prints_the_contracts_answer_under_data()
    {
        var text = new StringWriter();
        await WasmQueryCommands.SmartAsync(devnet.Node, Contracts.Mint, "{\"config\":{}}", OutputFormat.Text, text, default);
        var json = new StringWriter();
        await WasmQueryCommands.SmartAsync(devnet.Node, Contracts.Mint, "{\"config\":{}}", OutputFormat.Json, json, default);

        Assert.StartsWith("data:\n  owner: terra1", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("\n  base_denom: uusd\n  token_code_id: 1\n  protocol_fee_rate: \"0.015\"\n", text.ToString(), StringComparison.Ordinal);
        var data = JsonNode.Parse(json.ToString())!["data"]!;
        Assert.Equal("uusd", data["base_denom"]!.GetValue<string>());
        Assert.Equal(Contracts.Oracle, data["oracle"]!.GetValue<string>());
    }

    [Fact]
    public async Task Contract_prints_the_contract_info()
    {
        var json = new StringWriter();
        await WasmQueryCommands.ContractAsync(devnet.Node, Contracts.Mint, OutputFormat.Json, json, default);

        var answer = JsonNode.Parse(json.ToString())!;
        Assert.Equal(Contracts.Mint, answer["address"]!.GetValue<string>());
        Assert.Equal("Mirror mint", answer["contract_info"]!["label"]!.GetValue<string>());
        Assert.Equal("14", answer["contract_info"]!["code_id"]!.GetValue<string>());
        Assert.Equal("0", answer["contract_info"]!["created"]!["block_height"]!.GetValue<string>());

        var text = new StringWriter();
        await WasmQueryCommands.ContractAsync(devnet.Node, Contracts.Mint, OutputFormat.Text, text, default);
        Assert.Contains("\ncontract_info:\n  code_id: \"14\"\n", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("\n  label: Mirror mint\n", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_code_lists_every_code_of_the_chain()
    {
        var json = new StringWriter();
        await WasmQueryCommands.ListCodeAsync(devnet.Node, new WasmQueryCommands.Page(), OutputFormat.Json, json, default);

        var codes = JsonNode.Parse(json.ToString())!["code_infos"]!.AsArray();
        Assert.Equal(AppFactory.Registry().Codes.Select(c => c.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)), codes.Select(c => c!["code_id"]!.GetValue<string>()));
        Assert.All(codes, c => Assert.Equal("Nobody", c!["instantiate_permission"]!["permission"]!.GetValue<string>()));

        var page = new StringWriter();
        await WasmQueryCommands.ListCodeAsync(devnet.Node, new WasmQueryCommands.Page(Limit: 2, CountTotal: true), OutputFormat.Text, page, default);
        Assert.StartsWith("code_infos:\n- code_id: \"1\"\n", page.ToString(), StringComparison.Ordinal);
        Assert.Contains($"\n  total: \"{codes.Count}\"\n", page.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("next_key: null", page.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_contract_by_code_finds_the_genesis_contracts_of_a_code()
    {
        var mintCode = new StringWriter();
        await WasmQueryCommands.ListContractByCodeAsync(devnet.Node, "14", new WasmQueryCommands.Page(), OutputFormat.Json, mintCode, default);
        Assert.Equal([Contracts.Mint], JsonNode.Parse(mintCode.ToString())!["contracts"]!.AsArray().Select(c => c!.GetValue<string>()));

        var cw20 = new StringWriter();
        await WasmQueryCommands.ListContractByCodeAsync(devnet.Node, "1", new WasmQueryCommands.Page(), OutputFormat.Json, cw20, default);
        var tokens = JsonNode.Parse(cw20.ToString())!["contracts"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        Assert.All(Contracts.Assets, a => Assert.Contains(a.Token, tokens));

        var none = new StringWriter();
        await WasmQueryCommands.ListContractByCodeAsync(devnet.Node, "999", new WasmQueryCommands.Page(), OutputFormat.Text, none, default);
        Assert.Equal("contracts: []\npagination:\n  next_key: null\n  total: \"0\"\n", none.ToString());
    }

    [Fact]
    public async Task Mirror_positions_show_ratio_minimum_and_the_auction_trigger_and_assets_show_prices()
    {
        var home = devnet.Home;
        var c = Contracts;
        var mTsla = c.Assets.Single(a => a.Symbol == "mTSLA").Token;
        var mAapl = c.Assets.Single(a => a.Symbol == "mAAPL").Token;
        var log = new StringWriter();

        // the genesis prices are older than 60 s: estimating gas for a mint fails, with a hint
        var stale = await Assert.ThrowsAsync<RpcException>(() => TxCommands.WasmExecuteAsync(home, "test3", c.Mint, OpenPosition(mAapl, "300000000", "2"), "300000000uusd", Flags(), log, default));
        Assert.Contains("Price is too old", stale.Message, StringComparison.Ordinal);
        Assert.EndsWith("(hint: the oracle price is older than 60 s: feed a price (mirrorchain feeder --once) or run the devnet with --feeder)", stale.Message, StringComparison.Ordinal);

        Assert.Equal(0, await TxCommands.WasmExecuteAsync(home, "test1", c.Oracle, $"{{\"feed_price\":{{\"prices\":[[\"{mTsla}\",\"670\"]]}}}}", null, Flags(), log, default));
        var dry = new StringWriter();
        Assert.Equal(0, await TxCommands.WasmExecuteAsync(home, "test3", c.Mint, OpenPosition(mTsla, "1340000000", "2"), "1340000000uusd", Flags(dryRun: true), dry, default));
        Assert.Matches("^gas estimate: [0-9]+ \\(simulated gas used [0-9]+ × --gas-adjustment 1.4\\)\n$", dry.ToString());
        var opened = new StringWriter();
        Assert.Equal(0, await TxCommands.WasmExecuteAsync(home, "test3", c.Mint, OpenPosition(mTsla, "1340000000", "2"), "1340000000uusd", Flags(OutputFormat.Json), opened, default));
        Assert.Equal(0, JsonNode.Parse(opened.ToString())!["code"]!.GetValue<long>());

        var json = new StringWriter();
        await MirrorCommands.PositionsAsync(devnet.Node, home, Test3, OutputFormat.Json, json, default);
        var p = JsonNode.Parse(json.ToString())!["positions"]!.AsArray().Single()!;
        Assert.Equal("999999", p["asset"]!["amount"]!.GetValue<string>());
        Assert.Equal("1340000000", p["collateral"]!["amount"]!.GetValue<string>());
        Assert.Equal("2.000002000002000002", p["collateral_ratio"]!.GetValue<string>());
        Assert.Equal("1.5", p["min_collateral_ratio"]!.GetValue<string>());
        Assert.Equal("893.334227335", p["auction_trigger_price"]!.GetValue<string>());
        Assert.Equal("33.3%", p["auction_trigger_move"]!.GetValue<string>());
        Assert.False(p["auctionable"]!.GetValue<bool>());

        var text = new StringWriter();
        await MirrorCommands.PositionsAsync(devnet.Node, home, Test3, OutputFormat.Text, text, default);
        Assert.Contains("  collateral ratio  2.000002\n", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("  minimum ratio     1.5 (mTSLA min 1.5 × collateral multiplier 1)\n", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("  auctionable if mTSLA rises 33.3% to 893.334227335 uusd\n", text.ToString(), StringComparison.Ordinal);

        // the price rises past the trigger: the position is auctionable now
        Assert.Equal(0, await TxCommands.WasmExecuteAsync(home, "test1", c.Oracle, $"{{\"feed_price\":{{\"prices\":[[\"{mTsla}\",\"893.334227335\"]]}}}}", null, Flags(), log, default));
        var after = new StringWriter();
        await MirrorCommands.PositionsAsync(devnet.Node, home, Test3, OutputFormat.Json, after, default);
        var q = JsonNode.Parse(after.ToString())!["positions"]!.AsArray().Single()!;
        Assert.True(q["auctionable"]!.GetValue<bool>());
        Assert.Equal("auctionable now: mTSLA at 893.334227335 uusd is at or above the trigger 893.334227335 uusd", q["status"]!.GetValue<string>());

        var assets = new StringWriter();
        await MirrorCommands.AssetsAsync(devnet.Node, home, OutputFormat.Json, assets, default);
        var rows = JsonNode.Parse(assets.ToString())!["assets"]!.AsArray();
        var tsla = rows.Single(r => r!["symbol"]!.GetValue<string>() == "mTSLA")!;
        Assert.Equal("893.334227335", tsla["oracle_price"]!.GetValue<string>());
        Assert.Equal("active", tsla["status"]!.GetValue<string>());
        Assert.NotNull(tsla["pool_price"]);
        Assert.StartsWith("-", tsla["premium"]!.GetValue<string>(), StringComparison.Ordinal); // the pool still trades near the genesis 670
        Assert.Null(rows.Single(r => r!["symbol"]!.GetValue<string>() == "MIR")!["oracle_price"]);
        var table = new StringWriter();
        await MirrorCommands.AssetsAsync(devnet.Node, home, OutputFormat.Text, table, default);
        Assert.Matches("\nmTSLA +893\\.334227335 +[0-9.]+ +-[0-9.]+% +1\\.5 +active\n", table.ToString());
    }

    [Fact]
    public async Task Positions_of_an_owner_without_any_say_so()
    {
        var text = new StringWriter();
        await MirrorCommands.PositionsAsync(devnet.Node, devnet.Home, "terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v", OutputFormat.Text, text, default);
        Assert.Equal("no open positions for terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v\n", text.ToString());
    }

    private static string OpenPosition(string token, string amount, string ratio) =>
        $"{{\"open_position\":{{\"collateral\":{{\"info\":{{\"native_token\":{{\"denom\":\"uusd\"}}}},\"amount\":\"{amount}\"}},\"asset_info\":{{\"token\":{{\"contract_addr\":\"{token}\"}}}},\"collateral_ratio\":\"{ratio}\"}}}}";
}
