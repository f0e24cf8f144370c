using System.Text;
using System.Text.Json.Nodes;
using MirrorChain.Core;
using MirrorChain.Sim.Invariants;
using MirrorChain.State;
using StateKeys = MirrorChain.Execution.StateKeys;

namespace MirrorChain.Sim.Tests;

/// <summary>A short run whose committed state the detection tests corrupt (on a scratch copy).</summary>
public sealed class SimFixture : IDisposable
{
    public SimFixture()
    {
        Sim = new Simulation(new SimOptions { Seed = 7, Blocks = 45, Accounts = 80, TxsPerBlock = 14 });
        Sim.Run();
    }

    public Simulation Sim { get; }

    public void Dispose() => Sim.Dispose();
}

/// <summary>Each invariant holds on the real state and fails when one state write corrupts what it guards.</summary>
public sealed class InvariantDetectionTests(SimFixture fixture) : IClassFixture<SimFixture>
{
    private Simulation Sim => fixture.Sim;

    private Deployment D => Sim.Deployment;

    private List<string> Check(IInvariant invariant, Action<StateCache>? corrupt = null)
    {
        var cache = new StateCache(Sim.Node.State.Committed);
        corrupt?.Invoke(cache);
        var view = new ChainView(cache, Sim.QueryRuntime, Sim.View().Block);
        return invariant.Check(new InvariantContext(view, D, Sim.FeederAccount.Address, Sim.WrittenOffShortDebt, Sim.MintDust)).ToList();
    }

    private static void EditJson(StateCache cache, byte[] key, Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(cache.Get(key) ?? throw new InvalidOperationException("no value at the key"))!;
        edit(node);
        cache.Set(key, Encoding.UTF8.GetBytes(node.ToJsonString()));
    }

    private static string Plus(JsonNode? n, UInt128 delta) => Dec.U(ChainView.U(n) + delta);

    private static byte[] Key(Address contract, string ns, byte[] key) => [.. ChainView.MapPrefix(contract, ns), .. key];

    private static byte[] Item(Address contract, string name) => [.. MirrorChain.Execution.Contracts.ContractKeys.StoragePrefix(contract), .. Encoding.UTF8.GetBytes(name)];

    private PositionView SomePosition(bool isShort) =>
        Sim.View().Positions(D.Mint).First(p => p.IsShort == isShort && p.AssetAmount > 0 && p.Collateral > 0
            && !Sim.Feeder.Delisted.Contains(D.AssetByToken(p.AssetToken)!.Symbol));

    private static byte[] IdxKey(UInt128 idx)
    {
        var b = new byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(b, idx);
        return b;
    }

    [Fact]
    public void Every_invariant_holds_on_the_simulated_state()
    {
        foreach (var invariant in InvariantCatalog.All())
        {
            var broken = Check(invariant);
            Assert.True(broken.Count == 0, invariant.Name + ": " + string.Join("\n", broken));
        }
    }

    [Fact]
    public void Bank_supply_detects_a_balance_written_without_its_supply()
    {
        var holder = Sim.Accounts[0].Address;
        var broken = Check(new BankSupplyInvariant(), c =>
            c.Set(StateKeys.Balance(holder, "uusd"), Encoding.ASCII.GetBytes(Dec.U(Sim.View().Bank(holder, "uusd") + 5))));
        Assert.Contains(broken, b => b.StartsWith("uusd: supply", StringComparison.Ordinal));
    }

    [Fact]
    public void Cw20_supply_detects_a_token_balance_written_without_its_supply()
    {
        var broken = Check(new Cw20SupplyInvariant(), c =>
            c.Set(Key(D.MirrorToken, "balance", Sim.Accounts[1].Address.ToArray()), Encoding.UTF8.GetBytes($"\"{Sim.View().Cw20(D.MirrorToken, Sim.Accounts[1].Address) + 1}\"")));
        Assert.Contains(broken, b => b.Contains("MIR", StringComparison.Ordinal) && b.Contains("!= sum of balances", StringComparison.Ordinal));
    }

    [Fact]
    public void Pool_reserves_detect_a_pair_that_lost_its_native_reserve()
    {
        var pair = D.MAssets[0].Pair;
        var broken = Check(new PoolReservesInvariant(), c => c.Delete(StateKeys.Balance(pair, "uusd")));
        Assert.Contains(broken, b => b.Contains("LP shares outstanding over an empty reserve", StringComparison.Ordinal));
    }

    [Fact]
    public void Mint_collateral_detects_a_position_whose_collateral_mint_does_not_hold()
    {
        var p = SomePosition(isShort: false);
        var broken = Check(new MintCollateralInvariant(), c =>
            EditJson(c, Key(D.Mint, "position", IdxKey(p.Idx)), n => n["collateral"]!["amount"] = Plus(n["collateral"]!["amount"], 1000)));
        Assert.Contains(broken, b => b.StartsWith($"collateral {p.CollateralKey}", StringComparison.Ordinal));
    }

    [Fact]
    public void Short_bonds_detect_a_short_position_whose_debt_changed_without_its_sLP()
    {
        var p = SomePosition(isShort: true);
        var broken = Check(new ShortBondInvariant(), c =>
            EditJson(c, Key(D.Mint, "position", IdxKey(p.Idx)), n => n["asset"]!["amount"] = Plus(n["asset"]!["amount"], 7)));
        Assert.Contains(broken, b => b.StartsWith(D.AssetByToken(p.AssetToken)!.Symbol + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void Staking_bonds_detect_a_pool_total_that_is_not_the_sum_of_its_bonds()
    {
        var asset = D.Mir.Token;
        var broken = Check(new StakingBondInvariant(), c =>
            EditJson(c, Key(D.Staking, "pool_info", asset.ToArray()), n => n["total_bond_amount"] = Plus(n["total_bond_amount"], 3)));
        Assert.Contains(broken, b => b.StartsWith("MIR: total_bond_amount", StringComparison.Ordinal));
    }

    [Fact]
    public void Gov_balance_detects_deposits_gov_does_not_hold()
    {
        var broken = Check(new GovBalanceInvariant(), c =>
            EditJson(c, Item(D.Gov, "state"), n => n["total_deposit"] = Plus(n["total_deposit"], Sim.View().Cw20(D.MirrorToken, D.Gov))));
        Assert.Contains(broken, b => b.Contains("> gov MIR balance", StringComparison.Ordinal));
    }

    [Fact]
    public void Auctionable_accepts_an_under_collateralised_position_that_mint_can_auction()
    {
        var p = SomePosition(isShort: false);
        var broken = Check(new AuctionableInvariant(), c =>
            EditJson(c, Key(D.Mint, "position", IdxKey(p.Idx)), n => n["asset"]!["amount"] = Dec.U(ChainView.U(n["asset"]!["amount"]) * 100)));
        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }

    [Fact]
    public void Auctionable_detects_an_under_collateralised_position_that_mint_refuses_to_auction()
    {
        var p = SomePosition(isShort: false);
        var broken = Check(new AuctionableInvariant(), c =>
        {
            EditJson(c, Key(D.Mint, "position", IdxKey(p.Idx)), n => n["asset"]!["amount"] = Dec.U(ChainView.U(n["asset"]!["amount"]) * 100));
            EditJson(c, Item(D.Mint, "config"), n => n["oracle"] = D.Factory.ToString()); // mint can no longer price it
        });
        Assert.Contains(broken, b => b.StartsWith($"position {p.Idx} ", StringComparison.Ordinal) && b.Contains("refuses the auction", StringComparison.Ordinal));
    }
}
