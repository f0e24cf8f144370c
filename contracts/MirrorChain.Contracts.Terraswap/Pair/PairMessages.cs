using MirrorChain.Core;

namespace MirrorChain.Contracts.Terraswap.Pair;

/// <summary>
/// Builders for the messages other contracts send a Terraswap pair (Mirror's collector and staking; the mint's short
/// sale): typed <see cref="ExecuteMsg"/> / <see cref="Cw20HookMsg"/> values written with <see cref="ContractJson"/>.
/// </summary>
public static class PairMessages
{
    /// <summary><c>{"provide_liquidity":{"assets","slippage_tolerance","receiver"}}</c> with the native leg as funds.</summary>
    public static WasmExecute ProvideLiquidity(Address pair, Asset[] assets, Decimal? slippageTolerance, string? receiver, IReadOnlyList<Coin> funds) =>
        new(pair, ContractJson.Serialize(new ExecuteMsg
        {
            ProvideLiquidity = new() { Assets = assets, SlippageTolerance = slippageTolerance, Receiver = receiver },
        }), funds);

    /// <summary><c>{"swap":{"offer_asset","belief_price","max_spread","to"}}</c> of a native offer paid by <paramref name="funds"/>.</summary>
    public static WasmExecute Swap(Address pair, Asset offerAsset, Decimal? beliefPrice, Decimal? maxSpread, string? to, IReadOnlyList<Coin> funds) =>
        new(pair, ContractJson.Serialize(new ExecuteMsg
        {
            Swap = new() { OfferAsset = offerAsset, BeliefPrice = beliefPrice, MaxSpread = maxSpread, To = to },
        }), funds);

    /// <summary>The cw20 hook <c>{"swap":{"belief_price","max_spread","to"}}</c>, the msg of a token <c>send</c> to the pair.</summary>
    public static byte[] SwapHook(Decimal? beliefPrice, Decimal? maxSpread, string? to) =>
        ContractJson.Serialize(new Cw20HookMsg { Swap = new() { BeliefPrice = beliefPrice, MaxSpread = maxSpread, To = to } });
}
