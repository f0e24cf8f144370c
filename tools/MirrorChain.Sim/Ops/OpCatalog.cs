namespace MirrorChain.Sim.Ops;

/// <summary>The default op mix (weights are relative).</summary>
public static class OpCatalog
{
    public static IReadOnlyList<ISimOp> All() =>
    [
        new BankSendOp(),
        new SwapBuyOp(),
        new SwapSellOp(),
        new ProvideLiquidityOp(),
        new WithdrawLiquidityOp(),
        new CdpOpenOp(),
        new CdpDepositOp(),
        new CdpWithdrawOp(),
        new CdpMintOp(),
        new CdpBurnOp(),
        new AuctionOp(),
        new ShortOpenOp(),
        new ShortUnlockOp(),
        new StakingBondOp(),
        new StakingUnbondOp(),
        new StakingWithdrawOp(),
        new GovStakeOp(),
        new GovUnstakeOp(),
        new GovCreatePollOp(),
        new GovVoteOp(),
        new GovEndPollOp(),
        new GovExecutePollOp(),
        new FactoryDistributeOp(),
        new CollectorConvertOp(),
        new CollectorDistributeOp(),
        new DelistOp(),
        new BurnAtEndPriceOp(),
    ];
}

/// <summary>Gas limits per op family: generous against the measured use (docs/simulation.md), so out-of-gas is rare.</summary>
public static class Gas
{
    public const ulong Bank = 100_000;
    public const ulong Contract = 800_000;
    public const ulong Heavy = 2_000_000;
}
