using static MirrorChain.Contracts.Mirror.Tests.Mint.MintFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Mint;

/// <summary>
/// The Mirror docs' LUNA example: a 4/3 collateral multiplier turns an mAsset's 150% minimum into 200%. (The mTSLA
/// price-rise example and the docs' mXXX / mYYY auction example live in DepositWithdrawMintTests and BurnAuctionTests.)
/// </summary>
public sealed class LunaMultiplierTests
{
    private readonly MintFixture _f = new();

    [Fact]
    public void Luna_multiplier_four_thirds_makes_a_150_percent_masset_need_200_percent_in_luna()
    {
        var asset = _f.NewAsset("mAAPL", "150");               // min C-ratio 1.5
        _f.RegisterFixedCollateral("uluna", "80", "1.333333333333333333");   // 4/3 at 18 dp

        // the effective minimum is decimal_multiplication(1.5, 4/3) = 1.999999999 (9 dp): 1.99 is refused …
        Assert.Equal("Generic error: Can not open a position with low collateral ratio than minimum: execute wasm contract failed",
            Fail(() => _f.OpenNative(Alice, 3_000_000, asset, "1.99", denom: "uluna")));
        // … and 200% opens. Mint amount (open_position) = ⌊⌊3000000 × decimal_division(80, 150)⌋ × reverse_decimal(2)⌋
        //   = ⌊⌊3000000 × 0.533333333333333333⌋ × 0.5⌋ = ⌊1599999 × 0.5⌋ = 799999 (0.8 mAAPL less the floors)
        var r = _f.OpenNative(Alice, 3_000_000, asset, "2", denom: "uluna");
        Assert.Equal($"799999{asset}", r.Attribute("mint_amount"));
        Assert.Equal((UInt128)3_000_000, _f.PositionCollateral(1));

        // with UST collateral (multiplier 1) the same asset opens at 150%
        var ust = _f.OpenNative(Bob, 240_000_000, asset, "1.5");
        // ⌊⌊240000000 × 0.006666666666666666⌋ × 0.666666666666666666⌋ = ⌊1599999 × 0.666666666666666666⌋ = 1066665
        Assert.Equal($"1066665{asset}", ust.Attribute("mint_amount"));
    }
}
