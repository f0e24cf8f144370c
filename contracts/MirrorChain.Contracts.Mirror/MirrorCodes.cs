using MirrorChain.Contracts.Cw20;
using MirrorChain.Contracts.Mirror.AdminManager;
using MirrorChain.Contracts.Mirror.CollateralOracle;
using MirrorChain.Contracts.Mirror.Collector;
using MirrorChain.Contracts.Mirror.Community;
using MirrorChain.Contracts.Mirror.Factory;
using MirrorChain.Contracts.Mirror.Gov;
using MirrorChain.Contracts.Mirror.Lock;
using MirrorChain.Contracts.Mirror.Mint;
using MirrorChain.Contracts.Mirror.Oracle;
using MirrorChain.Contracts.Mirror.ShortReward;
using MirrorChain.Contracts.Mirror.Staking;
using TerraswapFactory = MirrorChain.Contracts.Terraswap.Factory.FactoryContract;
using TerraswapPair = MirrorChain.Contracts.Terraswap.Pair.PairContract;

namespace MirrorChain.Contracts.Mirror;

/// <summary>
/// Every contract code MirrorChain runs, under its fixed id (<see cref="CodeIds"/>). The chain builds its code table
/// (the host's ContractRegistry) from this list.
/// </summary>
public static class MirrorCodes
{
    public static IReadOnlyList<KeyValuePair<ulong, IContract>> All() =>
    [
        new(CodeIds.Cw20Base, new Cw20BaseContract()),
        new(CodeIds.TerraswapPair, new TerraswapPair()),
        new(CodeIds.TerraswapFactory, new TerraswapFactory()),
        new(CodeIds.MirrorOracle, new OracleContract()),
        new(CodeIds.MirrorCollateralOracle, new CollateralOracleContract()),
        new(CodeIds.MirrorMint, new MintContract()),
        new(CodeIds.MirrorLock, new LockContract()),
        new(CodeIds.MirrorFactory, new MirrorFactoryContract()),
        new(CodeIds.MirrorGov, new GovContract()),
        new(CodeIds.MirrorStaking, new StakingContract()),
        new(CodeIds.MirrorShortReward, new ShortRewardContract()),
        new(CodeIds.MirrorCollector, new CollectorContract()),
        new(CodeIds.MirrorCommunity, new CommunityContract()),
        new(CodeIds.MirrorAdminManager, new AdminManagerContract()),
    ];
}
