using MirrorChain.Contracts.Terraswap;
using MirrorChain.Core;

namespace MirrorChain.Contracts.Mirror.Factory;

/// <summary>
/// Whitelisting, in three steps chained by replies:
/// 1. <c>whitelist</c> stores the params and the feeder, and instantiates the mAsset token (reply 1);
/// 2. reply 1 (<c>token_creation_hook</c>) gives the token its weight, registers it in mint and mirror_oracle, and asks
///    the Terraswap factory for the [base_denom, mAsset] pair (reply 2);
/// 3. reply 2 (<c>terraswap_creation_hook</c>) registers the pair's LP token as the asset's staking token.
/// </summary>
public sealed partial class MirrorFactoryContract
{
    /// <summary>
    /// Owner only. Order: owner, "A whitelist process is in progress" (params stored), store params, validate and
    /// store the feeder. The symbol goes verbatim into the token (v2.1.4 has no symbol formatting).
    /// Attributes: action=whitelist, symbol, name.
    /// </summary>
    private static Response Whitelist(Deps deps, string sender, WhitelistMsg m)
    {
        var config = LoadOwned(deps, sender);
        if (FactoryState.Params.May(deps.Storage) is not null)
        {
            throw FactoryErrors.WhitelistInProgress();
        }
        FactoryState.Params.Save(deps.Storage, m.Params);
        FactoryState.TmpOracleFeeder.Save(deps.Storage, Addr(deps, m.OracleFeeder));
        return new Response()
            .AddSubMessage(Outgoing.CreateToken(config, m.Name, m.Symbol))
            .AddAttribute("action", "whitelist")
            .AddAttribute("symbol", m.Symbol)
            .AddAttribute("name", m.Name);
    }

    /// <summary>Reply 1: the mAsset token exists; reply 2: its Terraswap pair exists. Any other id: "reply id is invalid".</summary>
    public Response Reply(Deps deps, Env env, Reply reply)
    {
        switch (reply.Id)
        {
            case Outgoing.TokenCreatedReplyId:
            {
                var feeder = FactoryState.TmpOracleFeeder.Load(deps.Storage);
                var token = InstantiatedAddress(reply);
                return TokenCreationHook(deps, env, Addr(deps, token), feeder);
            }
            case Outgoing.PairCreatedReplyId:
            {
                var asset = FactoryState.TmpAssetToken.Load(deps.Storage);
                return TerraswapCreationHook(deps, FactoryState.Config.Load(deps.Storage), asset);
            }
            default:
                throw FactoryErrors.InvalidReplyId();
        }
    }

    /// <summary>
    /// Weight = params.weight or 30 (added to total_weight); params removed. Pre-IPO when mint_period,
    /// min_collateral_ratio_after_ipo and pre_ipo_price are all given: mint_end = now + mint_period. Messages: mint
    /// register_asset, mirror_oracle register_asset {asset, feeder}, Terraswap create_pair (reply 2).
    /// </summary>
    private static Response TokenCreationHook(Deps deps, Env env, string asset, string feeder)
    {
        var config = FactoryState.Config.Load(deps.Storage);
        var p = FactoryState.Params.May(deps.Storage) ?? throw FactoryErrors.NoWhitelistInProgress();
        var weight = p.Weight ?? NormalTokenWeight;
        FactoryState.SaveWeight(deps.Storage, asset, weight);
        FactoryState.IncreaseTotalWeight(deps.Storage, weight);
        FactoryState.Params.Remove(deps.Storage);

        Mint.IpoParams? ipo = null;
        if (p is { MintPeriod: { } period, MinCollateralRatioAfterIpo: { } mcrAfter, PreIpoPrice: { } preIpoPrice })
        {
            ipo = new Mint.IpoParams { MintEnd = AddU64(env.Block.TimeSeconds, period), PreIpoPrice = preIpoPrice, MinCollateralRatioAfterIpo = mcrAfter };
        }
        FactoryState.TmpAssetToken.Save(deps.Storage, asset);

        var response = new Response()
            .AddMessage(Outgoing.MintRegisterAsset(config, asset, p, ipo))
            .AddMessage(Outgoing.OracleRegisterAsset(config, asset, feeder))
            .AddSubMessage(Outgoing.CreatePair(config, asset))
            .AddAttribute("asset_token_addr", asset);
        if (ipo is null)
        {
            return response.AddAttribute("is_pre_ipo", "false");
        }
        return response
            .AddAttribute("is_pre_ipo", "true")
            .AddAttribute("mint_end", ipo.MintEnd.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .AddAttribute("min_collateral_ratio_after_ipo", ipo.MinCollateralRatioAfterIpo.ToString())
            .AddAttribute("pre_ipo_price", ipo.PreIpoPrice.ToString());
    }

    /// <summary>
    /// Reads the [base_denom, asset] pair from the Terraswap factory (it must exist) and registers its LP token in staking:
    /// <c>register_asset {asset_token, staking_token}</c>.
    /// </summary>
    private static Response TerraswapCreationHook(Deps deps, Config config, string asset)
    {
        var pair = TerraswapQuerier.QueryPairInfo(deps.Querier, FactoryState.Humanize(config.TerraswapFactory), Outgoing.PairAssets(config, asset));
        return new Response().AddMessage(Outgoing.StakingRegisterAsset(config, asset, pair.LiquidityToken));
    }

    /// <summary>Field 1 (contract_address) of the protobuf MsgInstantiateContractResponse in the reply data.</summary>
    private static string InstantiatedAddress(Reply reply) =>
        reply.Data is null ? throw FactoryErrors.InstantiateResponseParse() : InstantiateReply.ContractAddress(reply.Data);
}
