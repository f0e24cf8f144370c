using static MirrorChain.Contracts.Mirror.Tests.Integration.DevnetDeployment;

namespace MirrorChain.Contracts.Mirror.Tests.Integration;

/// <summary>
/// Found by tools/sim (seed 2, block 133): when an auction takes all of a short position's collateral, mint closes the
/// position and decreases the owner's sLP only by the liquidated amount, so the unpaid (written-off) debt stays bonded
/// in staking. Mirror v2.1.4 does the same (contracts/mirror_mint/src/positions.rs <c>auction</c>: DecreaseShortToken
/// with <c>liquidated_asset_amount</c> after <c>remove_position</c>); this test pins that upstream behaviour.
/// </summary>
public sealed class ShortAuctionWriteOffTests
{
    private readonly DevnetDeployment _d = new();

    [Fact]
    public void An_auction_that_takes_all_of_a_shorts_collateral_leaves_the_unpaid_debt_bonded_as_slp()
    {
        var app = _d.App;
        app.AdvanceTime(10);
        var (mint, staking, tsla) = (_d["mint"], _d["staking"], _d["mTSLA"]);
        var (owner, liquidator) = (_d["test2"], _d["validator"]);
        _d.FeedPrice(tsla, "670");
        var idx = _d.NextPositionIdx();
        _d.OpenShort(owner, tsla, 2_000_000_000, "1.6");
        var debt = U(app.Query(mint, $"{{\"position\":{{\"position_idx\":\"{idx}\"}}}}").GetProperty("asset").GetProperty("amount"));

        // the price triples: the collateral covers less than the debt at the auction's discounted price
        _d.FeedPrice(tsla, "2010");
        var r = app.Execute(liquidator, tsla, Support.Cw20Token.SendJson(mint, debt, $"{{\"auction\":{{\"position_idx\":\"{idx}\"}}}}"));

        var liquidated = UInt128.Parse(new string(r.WasmAttributes.First(a => a.Key == "liquidated_amount").Value.TakeWhile(char.IsAsciiDigit).ToArray()), CultureInfo.InvariantCulture);
        Assert.True(liquidated < debt, $"liquidated {liquidated} of {debt}");
        Assert.Throws<SdkException>(() => app.Query(mint, $"{{\"position\":{{\"position_idx\":\"{idx}\"}}}}")); // closed
        var slp = app.Query(staking, $"{{\"reward_info\":{{\"staker_addr\":\"{owner}\",\"asset_token\":\"{tsla}\"}}}}").GetProperty("reward_infos")
            .EnumerateArray().Single(e => e.GetProperty("is_short").GetBoolean());
        Assert.Equal(debt - liquidated, U(slp.GetProperty("bond_amount")));
    }
}
