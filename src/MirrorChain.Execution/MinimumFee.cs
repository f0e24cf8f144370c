using MirrorChain.Core;

namespace MirrorChain.Execution;

/// <summary>The minimum-gas-price rule of the SDK's fee checker, with the prices coming from chain params.</summary>
public static class MinimumFee
{
    /// <summary>The required fee per configured denom: ceil(price × gas limit), in the prices' (denom) order.</summary>
    public static IReadOnlyList<Coin> Required(IReadOnlyList<GasPrice> minGasPrices, ulong gasLimit) =>
        minGasPrices.Select(p => new Coin(p.Denom, p.RequiredFee(gasLimit))).ToList();

    /// <summary>
    /// Passes when no price is set (or all are zero), or when the fee holds, in at least one configured denom, at
    /// least the required amount (a zero requirement never counts, as the SDK's IsAnyGTE). Otherwise code 13
    /// "insufficient fees; got: 100uluna required: 3000uluna,30000uusd: insufficient fee".
    /// </summary>
    public static void Check(IReadOnlyList<Coin> fee, IReadOnlyList<GasPrice> minGasPrices, ulong gasLimit)
    {
        ArgumentNullException.ThrowIfNull(fee);
        ArgumentNullException.ThrowIfNull(minGasPrices);
        var allZero = true;
        for (var i = 0; i < minGasPrices.Count; i++)
        {
            allZero &= minGasPrices[i].IsZero;
        }
        if (allZero)
        {
            return;
        }
        for (var c = 0; c < fee.Count; c++)
        {
            var coin = fee[c];
            for (var i = 0; i < minGasPrices.Count; i++)
            {
                var price = minGasPrices[i];
                if (price.Denom == coin.Denom && price.RequiredFee(gasLimit) is var need && need != UInt128.Zero && coin.Amount >= need)
                {
                    return;
                }
            }
        }
        var required = Required(minGasPrices, gasLimit);
        throw SdkError.InsufficientFee.Wrap($"insufficient fees; got: {Coins.Format(fee)} required: {Coins.Format(required)}");
    }
}
