using System.Text;
using System.Text.Json.Nodes;
using MirrorChain.Core;

namespace MirrorChain.LoadGen.Tests;

/// <summary>
/// The workloads' contract messages against the JSON of Mirror v2.1.4 (packages/mirror_protocol/src/mint.rs,
/// oracle.rs), Terraswap 2.4 (packages/terraswap/src/pair.rs, asset.rs) and cw20 0.8 (ExecuteMsg), serde snake_case.
/// </summary>
public class MirrorMsgsTests
{
    private static readonly Address Token = Address.FromBytes(Enumerable.Repeat((byte)1, 20).ToArray());
    private static readonly Address Pair = Address.FromBytes(Enumerable.Repeat((byte)2, 20).ToArray());
    private static readonly Address Mint = Address.FromBytes(Enumerable.Repeat((byte)3, 20).ToArray());

    private static void AssertJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"expected {expected}\nactual   {actual}");

    [Fact]
    public void Swap_offers_native_uusd_with_a_max_spread()
    {
        AssertJson("""
            {"swap":{"offer_asset":{"info":{"native_token":{"denom":"uusd"}},"amount":"1000000"},"max_spread":"0.5"}}
            """, MirrorMsgs.Swap(1_000_000, "0.5"));
    }

    [Fact]
    public void Provide_liquidity_lists_the_token_and_the_uusd_with_a_slippage_tolerance()
    {
        AssertJson($$$"""
            {"provide_liquidity":{"assets":[
              {"info":{"token":{"contract_addr":"{{{Token}}}"}},"amount":"53333"},
              {"info":{"native_token":{"denom":"uusd"}},"amount":"8000001"}],
             "slippage_tolerance":"0.02"}}
            """, MirrorMsgs.ProvideLiquidity(Token, 53_333, 8_000_001, "0.02"));
    }

    [Fact]
    public void Increase_allowance_names_the_spender_and_amount()
    {
        AssertJson($$$"""{"increase_allowance":{"spender":"{{{Pair}}}","amount":"5"}}""", MirrorMsgs.IncreaseAllowance(Pair, 5));
    }

    [Fact]
    public void Open_position_has_native_collateral_the_mAsset_token_and_a_ratio()
    {
        AssertJson($$$"""
            {"open_position":{"collateral":{"info":{"native_token":{"denom":"uusd"}},"amount":"1000000000"},
             "asset_info":{"token":{"contract_addr":"{{{Token}}}"}},"collateral_ratio":"1.55"}}
            """, MirrorMsgs.OpenPosition("uusd", 1_000_000_000, Token, "1.55"));
    }

    [Fact]
    public void Deposit_names_the_position_as_a_uint128_string()
    {
        AssertJson("""
            {"deposit":{"position_idx":"42","collateral":{"info":{"native_token":{"denom":"uusd"}},"amount":"100000000"}}}
            """, MirrorMsgs.Deposit(42, "uusd", 100_000_000));
    }

    [Fact]
    public void Feed_price_is_a_list_of_token_and_decimal_price_pairs()
    {
        AssertJson($$$"""{"feed_price":{"prices":[["{{{Token}}}","150"],["{{{Pair}}}","670.5"],["{{{Mint}}}","0.000001"]]}}""",
            MirrorMsgs.FeedPrice([(Token, 150_000_000), (Pair, 670_500_000), (Mint, 1)]));
    }

    [Fact]
    public void Auction_is_a_cw20_send_to_mint_with_the_base64_auction_hook()
    {
        var send = JsonNode.Parse(MirrorMsgs.Cw20Send(Mint, 416_666, MirrorMsgs.AuctionHook(7)))!["send"]!;

        Assert.Equal(Mint.ToString(), send["contract"]!.GetValue<string>());
        Assert.Equal("416666", send["amount"]!.GetValue<string>());
        var hook = Encoding.UTF8.GetString(Convert.FromBase64String(send["msg"]!.GetValue<string>()));
        AssertJson("""{"auction":{"position_idx":"7"}}""", hook);
        Assert.Equal(3, send.AsObject().Count);
    }

    [Theory]
    [InlineData(150_000_000, "150")]
    [InlineData(670_500_000, "670.5")]
    [InlineData(2_300_000_001, "2300.000001")]
    [InlineData(0, "0")]
    public void Prices_are_written_as_cosmwasm_decimals(long micro, string expected)
    {
        Assert.Equal(expected, MirrorMsgs.PriceDecimal(micro));
    }

    [Fact]
    public void Contracts_file_gives_mint_oracle_and_the_mAssets_without_MIR_in_file_order()
    {
        var json = $$$"""
            {"mint":"{{{Mint}}}","oracle":"{{{Pair}}}","assets":{
              "mAAPL":{"symbol":"mAAPL","token":"{{{Token}}}","pair":"{{{Pair}}}","lpToken":"{{{Mint}}}"},
              "MIR":{"symbol":"MIR","token":"{{{Mint}}}","pair":"{{{Pair}}}","lpToken":"{{{Token}}}"},
              "mTSLA":{"symbol":"mTSLA","token":"{{{Pair}}}","pair":"{{{Token}}}","lpToken":"{{{Mint}}}"}
            } }
            """;
        using var doc = System.Text.Json.JsonDocument.Parse(json);

        var d = MirrorDeployment.Parse(doc.RootElement, "test");

        Assert.Equal(Mint, d.Mint);
        Assert.Equal(Pair, d.Oracle);
        Assert.Equal(["mAAPL", "mTSLA"], d.Assets.Select(a => a.Symbol));
        Assert.Equal(Token, d.Assets[0].Token);
        Assert.Equal(Pair, d.Assets[0].Pair);
    }
}
