using System.Text;
using System.Text.Json.Serialization;
using MirrorChain.Contracts.Cw20;
using MirrorChain.Contracts.Terraswap;
using MirrorChain.Core;

namespace MirrorChain.Contracts.Mirror.Collector;

/// <summary>contracts/mirror_collector/src/swap.rs: the convert routes and the luna swap hook.</summary>
public sealed partial class CollectorContract
{
    private const string LunaDenom = "uluna";

    /// <summary>AMM_MAX_ALLOWED_SLIPPAGE: the max_spread of the UST→MIR swap (set for Astroport, kept for Terraswap).</summary>
    private static readonly Decimal MirSwapMaxSpread = Decimal.Permille(500);

    /// <summary>Anchor money market's cw20 hook <c>{"redeem_stable":{}}</c> (Anchor is not deployed here; no typed surface).</summary>
    private static readonly byte[] RedeemStableHook = Encoding.UTF8.GetBytes("""{"redeem_stable":{}}""");

    /// <summary>
    /// Anyone. Routes by token: aUST → anchor redeem, bLuna → bluna swap, LunaX → lunax swap, anything else (an
    /// mAsset, another cw20 collateral, or MIR itself) → direct swap against base_denom.
    /// </summary>
    private static Response Convert(Deps deps, Env env, Address assetToken)
    {
        var config = CollectorState.Config.Load(deps.Storage);
        var token = assetToken.ToString();
        if (token == config.AustToken)
        {
            return AnchorRedeem(deps, env, config, assetToken);
        }
        if (token == config.BlunaToken)
        {
            return LunaTokenSwap(deps, env, config, assetToken, "bluna_swap");
        }
        if (token == config.LunaxToken)
        {
            return LunaTokenSwap(deps, env, config, assetToken, "lunax_swap");
        }
        return DirectSwap(deps, env, config, assetToken);
    }

    /// <summary>
    /// The pair is mir_ust_pair for MIR when set, else the factory's [native base_denom, token] pair (a missing pair
    /// fails even with nothing to sell). MIR: the whole base_denom balance, net of Terra tax, is offered to the pair
    /// with max_spread 0.5 (buying MIR). Other tokens: the whole token balance is sent to the pair with a plain swap
    /// hook (selling for base_denom). A zero balance sends nothing. Attributes action=convert, swap_type=direct,
    /// asset_token.
    /// </summary>
    private static Response DirectSwap(Deps deps, Env env, Config config, Address assetToken)
    {
        var isMir = assetToken.ToString() == config.MirrorToken;
        var pair = isMir && config.MirUstPair is not null
            ? Address.Parse(config.MirUstPair)
            : PairOf(deps, config, AssetInfo.Native(config.BaseDenom), assetToken);

        var response = new Response();
        if (isMir)
        {
            var balance = deps.Querier.QueryBalance(env.ContractAddress, config.BaseDenom);
            if (balance != UInt128.Zero)
            {
                var swapAsset = Asset.Of(AssetInfo.Native(config.BaseDenom), balance);
                var offer = swapAsset.DeductTax(deps.Querier);
                response.AddMessage(Terraswap.Pair.PairMessages.Swap(pair, Asset.Of(swapAsset.Info, offer.Amount), null, MirSwapMaxSpread, null, [offer]));
            }
        }
        else
        {
            var balance = TerraswapQuerier.QueryTokenBalance(deps.Querier, assetToken, env.ContractAddress);
            if (balance != UInt128.Zero)
            {
                response.AddMessage(Cw20Messages.Send(assetToken, pair, balance, SwapHookJson()));
            }
        }
        return response.AddAttributes(("action", "convert"), ("swap_type", "direct"), ("asset_token", assetToken.ToString()));
    }

    /// <summary>
    /// aUST: the whole balance is sent to anchor_market with <c>{"redeem_stable":{}}</c> (Anchor pays base_denom back).
    /// Attributes action=convert, swap_type=anchor_redeem, asset_token.
    /// </summary>
    private static Response AnchorRedeem(Deps deps, Env env, Config config, Address assetToken)
    {
        var balance = TerraswapQuerier.QueryTokenBalance(deps.Querier, assetToken, env.ContractAddress);
        var response = new Response();
        if (balance != UInt128.Zero)
        {
            response.AddMessage(Cw20Messages.Send(assetToken, Address.Parse(config.AnchorMarket), balance, RedeemStableHook));
        }
        return response.AddAttributes(("action", "convert"), ("swap_type", "anchor_redeem"), ("asset_token", assetToken.ToString()));
    }

    /// <summary>
    /// bLuna / LunaX: the factory's [native uluna, token] pair (looked up first), then the whole balance is sold there
    /// for uluna and the collector calls its own <c>luna_swap_hook</c>. A zero balance sends nothing. Attributes
    /// action=convert, swap_type=bluna_swap|lunax_swap, asset_token.
    /// </summary>
    private static Response LunaTokenSwap(Deps deps, Env env, Config config, Address assetToken, string swapType)
    {
        var pair = PairOf(deps, config, AssetInfo.Native(LunaDenom), assetToken);
        var balance = TerraswapQuerier.QueryTokenBalance(deps.Querier, assetToken, env.ContractAddress);
        var response = new Response();
        if (balance != UInt128.Zero)
        {
            response.AddMessage(Cw20Messages.Send(assetToken, pair, balance, SwapHookJson()));
            response.AddMessage(new WasmExecute(env.ContractAddress, ContractJson.Serialize(new ExecuteMsg { LunaSwapHook = EmptyMsg.Instance }), []));
        }
        return response.AddAttributes(("action", "convert"), ("swap_type", swapType), ("asset_token", assetToken.ToString()));
    }

    /// <summary>
    /// Anyone (no sender check, as in v2.1.4). With a nonzero uluna balance v2.1.4 emits a Terra market swap
    /// uluna→base_denom. MirrorChain has no market module: it sells the whole uluna balance on the Terraswap factory's
    /// [native uluna, native base_denom] pair (swap with no belief price or max spread; uluna pays no tax), and fails
    /// with <see cref="CollectorErrors.NoLunaPair"/> when no such pair exists. Attribute action=luna_swap_hook.
    /// </summary>
    private static Response LunaSwapHook(Deps deps, Env env)
    {
        var config = CollectorState.Config.Load(deps.Storage);
        var balance = deps.Querier.QueryBalance(env.ContractAddress, LunaDenom);
        var response = new Response().AddAttribute("action", "luna_swap_hook");
        if (balance != UInt128.Zero)
        {
            Address pair;
            try
            {
                pair = PairOf(deps, config, AssetInfo.Native(LunaDenom), AssetInfo.Native(config.BaseDenom));
            }
            catch (ContractException)
            {
                throw CollectorErrors.NoLunaPair(config.BaseDenom);
            }
            var offer = Asset.Of(AssetInfo.Native(LunaDenom), balance);
            response.AddMessage(Terraswap.Pair.PairMessages.Swap(pair, offer, null, null, null, [new Coin(LunaDenom, balance)]));
        }
        return response;
    }

    private static Address PairOf(Deps deps, Config config, AssetInfo first, Address token) =>
        PairOf(deps, config, first, AssetInfo.Token(token));

    /// <summary><c>query_pair_info</c> on the configured Terraswap factory.</summary>
    private static Address PairOf(Deps deps, Config config, AssetInfo first, AssetInfo second)
    {
        var info = TerraswapQuerier.QueryPairInfo(deps.Querier, Address.Parse(config.TerraswapFactory), [first, second]);
        return Address.Parse(info.ContractAddr);
    }

    /// <summary>Terraswap's <c>Cw20HookMsg::Swap {belief_price: None, max_spread: None, to: None}</c>.</summary>
    private static byte[] SwapHookJson() => Terraswap.Pair.PairMessages.SwapHook(null, null, null);
}
