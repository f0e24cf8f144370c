using MirrorChain.Contracts.Cw20;
using MirrorChain.Contracts.Terraswap;
using MirrorChain.Core;

namespace MirrorChain.Contracts.Mirror.Factory;

/// <summary>
/// The messages the factory sends: the mAsset cw20 instantiate, mint register_asset / register_migration, mirror_oracle
/// register_asset, Terraswap create_pair, staking register_asset and the MIR cw20 send with the staking hook
/// deposit_reward. Field order is the Rust structs'; Option fields are written as null.
/// </summary>
internal static class Outgoing
{
    public const ulong TokenCreatedReplyId = 1;
    public const ulong PairCreatedReplyId = 2;

    /// <summary>
    /// SubMsg id 1 (reply on success): <c>WasmMsg::Instantiate{admin: None, code_id: token_code_id, label: "", funds: []}</c> of
    /// the token <c>{name, symbol, decimals: 6, initial_balances: [], mint: {minter: mint, cap: null}}</c>.
    /// </summary>
    public static SubMsg CreateToken(Config config, string name, string symbol)
    {
        var init = Cw20Messages.InstantiateMsgJson(name, symbol, 6, [], FactoryState.Humanize(config.MintContract));
        return SubMsg.ReplyOnSuccess(new WasmInstantiate(config.TokenCodeId, init, [], "", null), TokenCreatedReplyId);
    }

    public static WasmExecute MintRegisterAsset(Config config, string asset, Params p, Mint.IpoParams? ipo) =>
        Mint.MintMessages.RegisterAsset(FactoryState.Humanize(config.MintContract), asset, p.AuctionDiscount, p.MinCollateralRatio, ipo);

    public static WasmExecute MintRegisterMigration(Config config, string asset, Decimal endPrice) =>
        Mint.MintMessages.RegisterMigration(FactoryState.Humanize(config.MintContract), asset, endPrice);

    public static WasmExecute OracleRegisterAsset(Config config, string asset, string feeder) =>
        Oracle.OracleMessages.RegisterAsset(FactoryState.Humanize(config.OracleContract), asset, feeder);

    /// <summary>SubMsg id 2 (reply on success): Terraswap factory <c>create_pair</c> [native base_denom, token asset].</summary>
    public static SubMsg CreatePair(Config config, string asset) =>
        SubMsg.ReplyOnSuccess(Terraswap.Factory.FactoryMessages.CreatePair(FactoryState.Humanize(config.TerraswapFactory), PairAssets(config, asset)), PairCreatedReplyId);

    public static WasmExecute StakingRegisterAsset(Config config, string asset, string stakingToken) =>
        Staking.StakingMessages.RegisterAsset(FactoryState.Humanize(config.StakingContract), asset, stakingToken);

    /// <summary>MIR cw20 <c>send {contract: staking, amount: Σ, msg: deposit_reward {rewards}}</c>.</summary>
    public static WasmExecute SendRewards(Config config, IReadOnlyList<RewardEntry> rewards)
    {
        var total = UInt128.Zero;
        foreach (var r in rewards)
        {
            total = Core.Numerics.Uint128Math.Add(total, r.Amount);
        }
        var hook = Staking.StakingMessages.DepositRewardHook(rewards.Select(r => (r.AssetToken, r.Amount)));
        return Cw20Messages.Send(FactoryState.Humanize(config.MirrorToken), FactoryState.Humanize(config.StakingContract), total, hook);
    }

    /// <summary>The pair of an mAsset: [native base_denom, token asset].</summary>
    public static AssetInfo[] PairAssets(Config config, string asset) => [AssetInfo.Native(config.BaseDenom), AssetInfo.Token(asset)];
}
