using MirrorChain.Core;

namespace MirrorChain.Sim.Invariants;

/// <summary>
/// What an invariant sees: a state (committed, or a scratch copy in tests), the deployment, the feeder, and the short
/// debt mint wrote off and the collateral dust closed positions left in mint so far (see
/// <see cref="Simulation.WrittenOffShortDebt"/>, <see cref="Simulation.MintDust"/>).
/// </summary>
public sealed record InvariantContext(
    ChainView View, Deployment D, Address Feeder, IReadOnlyDictionary<Address, UInt128> WrittenOffShortDebt, IReadOnlyDictionary<string, UInt128> MintDust);

/// <summary>A property of the whole state that every block must keep. <see cref="Check"/> yields one line per break, with the numbers.</summary>
public interface IInvariant
{
    string Name { get; }

    IEnumerable<string> Check(InvariantContext ctx);
}

public static class InvariantCatalog
{
    public static IReadOnlyList<IInvariant> All() =>
    [
        new BankSupplyInvariant(),
        new Cw20SupplyInvariant(),
        new PoolReservesInvariant(),
        new MintCollateralInvariant(),
        new ShortBondInvariant(),
        new StakingBondInvariant(),
        new GovBalanceInvariant(),
        new AuctionableInvariant(),
    ];
}
