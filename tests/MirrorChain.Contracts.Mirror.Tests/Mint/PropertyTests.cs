using static MirrorChain.Contracts.Mirror.Tests.Mint.MintFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Mint;

/// <summary>
/// Seeded random walks over owners' own actions (open, deposit, withdraw, mint, burn) and price moves:
/// after a successful open, mint or withdraw the position satisfies ⌊⌊value × mcr⌋ × multiplier⌋ ≤ collateral;
/// a failed action changes nothing; uusd is conserved (users + mint + collector), and the mAsset supply always
/// equals the sum of the positions' debts.
/// </summary>
public sealed class PropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    [InlineData(2024)]
    public void Owner_actions_never_leave_a_position_below_the_minimum_and_funds_are_conserved(int seed)
    {
        var rng = new Random(seed);
        var f = new MintFixture();
        var asset = f.NewAsset("mAAA", "10", mcr: "1.5");
        Address[] users = [Alice, Bob, TestAddress.Of("addr0002")];
        UInt128 minted = 0;
        var price = 10;
        var minCr = Core.Numerics.Decimal.Parse("1.5");
        var checkedActions = 0;

        for (var step = 0; step < 120; step++)
        {
            if (rng.Next(8) == 0)
            {
                price = Math.Max(1, price + rng.Next(-3, 4));
                f.FeedPrice(asset, price.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            var user = users[rng.Next(users.Length)];
            var positions = Positions(f);
            var before = Snapshot(f);
            var idx = positions.Count > 0 && (positions.Count >= 25 || rng.Next(4) != 0) ? positions[rng.Next(positions.Count)] : UInt128.Zero;
            var owner = idx == 0 ? user : Address.Parse(f.Position(idx).GetProperty("owner").GetString()!);
            var action = idx == 0 ? 0 : 1 + rng.Next(4);
            UInt128 amount = (ulong)rng.Next(1, 200_000);
            var checksRatio = false;
            try
            {
                switch (action)
                {
                    case 0:
                        var cr = "1." + rng.Next(4, 99).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
                        minted += amount;
                        var r = f.OpenNative(owner, amount, asset, cr);
                        idx = UInt128.Parse(r.Attribute("position_idx")!, System.Globalization.CultureInfo.InvariantCulture);
                        checksRatio = true;
                        break;
                    case 1:
                        minted += amount;
                        f.DepositNative(owner, idx, amount);
                        break;
                    case 2:
                        f.WithdrawUusd(owner, idx, amount);
                        checksRatio = true;
                        break;
                    case 3:
                        f.MintMore(owner, idx, asset, amount / 100 + 1);
                        checksRatio = true;
                        break;
                    default:
                        var held = f.Cw20Balance(asset, owner);
                        var debt = f.PositionAsset(idx);
                        f.Burn(owner, idx, asset, UInt128.Min(UInt128.Min(held, debt), amount / 50 + 1));
                        break;
                }
            }
            catch (SdkException)
            {
                Assert.Equal(before, Snapshot(f)); // a failed action leaves every position as it was
                continue;
            }

            if (checksRatio && f.PositionExists(idx))
            {
                checkedActions++;
                var p = f.Position(idx);
                var value = Amount(p.GetProperty("asset")) * (UInt128)price;
                Assert.True(Core.Numerics.Decimal.Mul(value, minCr) <= Amount(p.GetProperty("collateral")),
                    $"seed {seed} step {step}: position {idx} below the minimum after action {action}");
            }

            var inPositions = Positions(f).Aggregate(UInt128.Zero, (s, i) => s + f.PositionCollateral(i));
            var held2 = users.Aggregate(UInt128.Zero, (s, u) => s + f.App.Balance(u, Uusd));
            Assert.Equal(minted, held2 + f.App.Balance(f.Mint, Uusd) + f.App.Balance(CollectorAddr, Uusd));
            Assert.True(inPositions <= f.App.Balance(f.Mint, Uusd)); // dust of closed positions may remain
            Assert.Equal(Positions(f).Aggregate(UInt128.Zero, (s, i) => s + f.PositionAsset(i)), f.TotalSupply(asset));
        }
        Assert.True(checkedActions >= 20, $"only {checkedActions} ratio-checked actions succeeded");
    }

    private static List<UInt128> Positions(MintFixture f) =>
        f.App.Query(f.Mint, "{\"positions\":{\"limit\":30,\"order_by\":\"asc\"}}").GetProperty("positions").EnumerateArray()
            .Select(p => UInt128.Parse(p.GetProperty("idx").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    private static string Snapshot(MintFixture f) =>
        f.App.Query(f.Mint, "{\"positions\":{\"limit\":30,\"order_by\":\"asc\"}}").GetRawText();
}
