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
using MirrorChain.Execution.Contracts;
using TerraswapFactory = MirrorChain.Contracts.Terraswap.Factory.FactoryContract;
using TerraswapPair = MirrorChain.Contracts.Terraswap.Pair.PairContract;

namespace MirrorChain.Contracts.Mirror;

/// <summary>Every contract code MirrorChain runs, under its fixed id (<see cref="CodeIds"/>).</summary>
public static class MirrorCodes
{
    public static ContractRegistry Registry() => new ContractRegistry()
        .Register(CodeIds.Cw20Base, new Cw20BaseContract())
        .Register(CodeIds.TerraswapPair, new TerraswapPair())
        .Register(CodeIds.TerraswapFactory, new TerraswapFactory())
        .Register(CodeIds.MirrorOracle, new OracleContract())
        .Register(CodeIds.MirrorCollateralOracle, new CollateralOracleContract())
        .Register(CodeIds.MirrorMint, new MintContract())
        .Register(CodeIds.MirrorLock, new LockContract())
        .Register(CodeIds.MirrorFactory, new MirrorFactoryContract())
        .Register(CodeIds.MirrorGov, new GovContract())
        .Register(CodeIds.MirrorStaking, new StakingContract())
        .Register(CodeIds.MirrorShortReward, new ShortRewardContract())
        .Register(CodeIds.MirrorCollector, new CollectorContract())
        .Register(CodeIds.MirrorCommunity, new CommunityContract())
        .Register(CodeIds.MirrorAdminManager, new AdminManagerContract());
}
