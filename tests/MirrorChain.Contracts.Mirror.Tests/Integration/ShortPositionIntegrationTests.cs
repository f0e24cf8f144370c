using static MirrorChain.Contracts.Mirror.Tests.Integration.DevnetDeployment;

namespace MirrorChain.Contracts.Mirror.Tests.Integration;

/// <summary>
/// A short position across the real contracts of the devnet deployment (Mirror v2.1.4
/// contracts/mirror_mint/src/positions.rs <c>open_position</c> with <c>short_params</c>): mint mints the mAsset to
/// itself, sells it on the Terraswap pair with the proceeds sent to lock, lock records them for the owner, and staking
/// books the short amount as the owner's sLP bond.
/// </summary>
public sealed class ShortPositionIntegrationTests
{
    private readonly DevnetDeployment _d = new();

    [Fact]
    public void Opening_a_short_sells_the_minted_asset_locks_the_proceeds_and_books_the_slp_bond()
    {
        var app = _d.App;
        app.AdvanceTime(10);
        var (mint, lockAddr, staking, tsla, pair) = (_d["mint"], _d["lock"], _d["staking"], _d["mTSLA"], _d["mTSLA.pair"]);
        var owner = _d["test2"];
        _d.FeedPrice(tsla, "670");

        // minted = ⌊⌊2000000000 × decimal_division(1, 670)⌋ × reverse_decimal(2)⌋ = ⌊⌊2000000000 × 0.001492537313432835⌋ × 0.5⌋
        const ulong Minted = 1_492_537;
        var expectedReturn = U(app.Query(pair, $"{{\"simulation\":{{\"offer_asset\":{{\"info\":{{\"token\":{{\"contract_addr\":\"{tsla}\"}}}},\"amount\":\"{Minted}\"}}}}}}")
            .GetProperty("return_amount"));
        var idx = _d.NextPositionIdx();
        var uusdBefore = app.Balance(owner, "uusd");

        var r = _d.OpenShort(owner, tsla, 2_000_000_000, "2");

        Assert.Equal("true", r.Attribute("is_short"));
        Assert.Equal($"{Minted}{tsla}", r.Attribute("mint_amount"));
        var position = app.Query(mint, $"{{\"position\":{{\"position_idx\":\"{idx}\"}}}}");
        Assert.True(position.GetProperty("is_short").GetBoolean());
        Assert.Equal((UInt128)Minted, U(position.GetProperty("asset").GetProperty("amount")));

        // the owner never holds the minted mAsset: it was sold, and the UST went to lock for the owner
        Assert.Equal("0", app.Query(tsla, $"{{\"balance\":{{\"address\":\"{owner}\"}}}}").GetProperty("balance").GetString());
        var locked = app.Query(lockAddr, $"{{\"position_lock_info\":{{\"position_idx\":\"{idx}\"}}}}");
        Assert.Equal(owner.ToString(), locked.GetProperty("receiver").GetString());
        Assert.Equal(expectedReturn, U(locked.GetProperty("locked_amount")));
        Assert.Equal(uusdBefore - 2_000_000_000, app.Balance(owner, "uusd"));

        // staking books the short amount as the owner's sLP bond on mTSLA
        var rewards = app.Query(staking, $"{{\"reward_info\":{{\"staker_addr\":\"{owner}\",\"asset_token\":\"{tsla}\"}}}}").GetProperty("reward_infos");
        var slp = Assert.Single(rewards.EnumerateArray(), e => e.GetProperty("is_short").GetBoolean());
        Assert.Equal((UInt128)Minted, U(slp.GetProperty("bond_amount")));

        // the proceeds unlock after the devnet's 600 s lock period, not before
        var unlock = $"{{\"unlock_position_funds\":{{\"positions_idx\":[\"{idx}\"]}}}}";
        app.AdvanceTime(599);
        Assert.Contains("There are no unlockable funds for the provided positions",
            Assert.Throws<SdkException>(() => app.Execute(owner, lockAddr, unlock)).Log, StringComparison.Ordinal);
        app.AdvanceTime(1);
        app.Execute(owner, lockAddr, unlock);
        Assert.Equal(uusdBefore - 2_000_000_000 + expectedReturn, app.Balance(owner, "uusd"));
    }
}
