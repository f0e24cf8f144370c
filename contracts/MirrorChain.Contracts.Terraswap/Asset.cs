using System.Globalization;
using System.Text.Json.Serialization;
using MirrorChain.Contracts.Cw20;
using MirrorChain.Core;
using MirrorChain.Core.Numerics;

namespace MirrorChain.Contracts.Terraswap;

/// <summary>
/// Terraswap's <c>Asset</c> {info, amount} (terraswap 2.4 <c>asset.rs</c>). JSON <c>{"info": AssetInfo, "amount": "100"}</c>;
/// Display is the amount immediately followed by the denom or address ("1000000uusd", "100terra1…").
/// </summary>
public sealed record Asset
{
    public required AssetInfo Info { get; init; }

    public required UInt128 Amount { get; init; }

    public static Asset Of(AssetInfo info, UInt128 amount) => new() { Info = info, Amount = amount };

    [JsonIgnore]
    public bool IsNativeToken => Info.IsNative;

    public override string ToString() => Amount.ToString(CultureInfo.InvariantCulture) + Info;

    /// <summary>
    /// <c>compute_tax</c>: the Terra stability tax a native transfer of this asset pays (0 for a cw20 token and for
    /// uluna), with the treasury's rate and cap from the querier (MirrorChain's rate is 0).
    /// </summary>
    public UInt128 ComputeTax(Querier querier)
    {
        if (!Info.IsNative || Info.Denom == "uluna")
        {
            return UInt128.Zero;
        }
        return TerraTax.Compute(Amount, querier.TerraTaxRateAtomics(), querier.TerraTaxCap(Info.Denom!));
    }

    /// <summary><c>deduct_tax</c>: the coin actually sent, amount − tax ("Overflow: …" if the tax exceeded it).</summary>
    public Coin DeductTax(Querier querier) => new(Info.Denom!, Uint128Math.CheckedSub(Amount, ComputeTax(querier)));

    /// <summary>
    /// <c>into_msg</c>: a native asset becomes a bank send of amount − tax; a token becomes a cw20
    /// <c>transfer</c> of the full amount.
    /// </summary>
    public CosmosMsg IntoMsg(Querier querier, Address recipient) =>
        Info.IsNative
            ? new BankSend(recipient, [DeductTax(querier)])
            : Cw20Messages.Transfer(Address.Parse(Info.ContractAddr!), recipient, Amount);

    /// <inheritdoc cref="IntoMsg(Querier, Address)"/>
    public CosmosMsg IntoMsg(Querier querier, string recipient) => IntoMsg(querier, Address.Parse(recipient));

    /// <summary>
    /// <c>assert_sent_native_token_balance</c>: a native asset's amount must equal the coins of its denom sent with
    /// the message (zero when none were sent); tokens pass.
    /// </summary>
    public void AssertSentNativeTokenBalance(MessageInfo info)
    {
        if (!Info.IsNative)
        {
            return;
        }
        var sent = UInt128.Zero;
        foreach (var coin in info.Funds)
        {
            if (coin.Denom == Info.Denom)
            {
                sent = coin.Amount;
                break;
            }
        }
        if (sent != Amount)
        {
            throw ContractException.Generic(TerraswapErrors.NativeBalanceMismatch);
        }
    }
}

/// <summary>Terra's stability tax (terraswap 2.4 <c>compute_tax</c>), kept as a hook: MirrorChain's rate is 0.</summary>
public static class TerraTax
{
    /// <summary>
    /// min(amount − ⌊amount·10^18 / (rate·10^18 + 10^18)⌋, cap), with <paramref name="rateAtomics"/> = rate·10^18
    /// (<c>DECIMAL_FRACTION * tax_rate</c>).
    /// </summary>
    public static UInt128 Compute(UInt128 amount, UInt128 rateAtomics, UInt128 cap)
    {
        var net = Uint128Math.MultiplyRatio(amount, Decimal.Fractional, Uint128Math.Add(rateAtomics, Decimal.Fractional));
        var tax = Uint128Math.CheckedSub(amount, net);
        return tax < cap ? tax : cap;
    }
}
