using System.Numerics;
using MirrorChain.Core.Numerics;

namespace MirrorChain.Contracts.Terraswap.Pair;

/// <summary>
/// Terraswap 2.4's pricing (terraswap_pair <c>contract.rs</c> + <c>math.rs</c>), bit-exact: every step floors where the
/// Rust floors, in the width the Rust uses (u128, cosmwasm 0.16 <c>Decimal</c>, cosmwasm-bignumber <c>Decimal256</c>).
/// </summary>
public static class SwapMath
{
    /// <summary>COMMISSION_RATE = "0.003": the 0.3% LP fee, kept in the ask pool.</summary>
    public static readonly Decimal CommissionRate = Decimal.Permille(3);

    /// <summary>Terraswap's <c>math.rs</c> DECIMAL_FRACTION (10^9, not 10^18).</summary>
    private static readonly UInt128 DecimalFraction = 1_000_000_000UL;

    /// <summary>
    /// <c>compute_swap(offer_pool, ask_pool, offer_amount)</c> → (return N, spread S, commission C):
    /// R = ⌊P_a − from_ratio256(P_o·P_a, P_o + x)⌋; S = max(0, ⌊x·from_ratio(P_a, P_o)⌋ − R); C = ⌊R·0.003⌋; N = R − C.
    /// P_o·P_a is a u128 product (panics on overflow); a zero offer pool panics in <c>from_ratio</c>.
    /// </summary>
    public static (UInt128 Return, UInt128 Spread, UInt128 Commission) ComputeSwap(UInt128 offerPool, UInt128 askPool, UInt128 offerAmount)
    {
        var cp = Uint128Math.Mul(offerPool, askPool);
        var afterOffer = Uint128Math.Add(offerPool, offerAmount);
        var gross = (Decimal256.FromInteger(askPool) - Decimal256.FromRatio(cp, afterOffer)).Floor();
        var returnAmount = (UInt128)gross;

        var spread = Uint128Math.SaturatingSub(Decimal.Mul(offerAmount, Decimal.FromRatio(askPool, offerPool)), returnAmount);
        var commission = Decimal.Mul(returnAmount, CommissionRate);
        return (returnAmount - commission, spread, commission);
    }

    /// <summary>
    /// <c>compute_offer_amount(offer_pool, ask_pool, ask_amount)</c> → (offer, spread, commission), in Decimal256:
    /// inv = 1/0.997 (18 digits), B = ⌊a·inv⌋, offer = ⌊P_o·P_a / (P_a − B)⌋ − P_o,
    /// S = max(0, ⌊offer·from_ratio(P_a, P_o)⌋ − B), C = ⌊B·0.003⌋. Asking for the whole pool or more panics.
    /// </summary>
    public static (UInt128 Offer, UInt128 Spread, UInt128 Commission) ComputeOfferAmount(UInt128 offerPool, UInt128 askPool, UInt128 askAmount)
    {
        var commissionRate = (Decimal256)CommissionRate;
        var cp = (BigInteger)(Uint128Math.Mul(offerPool, askPool));
        var invOneMinusCommission = Decimal256.One / (Decimal256.One - commissionRate);

        var beforeCommission = Decimal256.Mul((BigInteger)askAmount, invOneMinusCommission);
        var afterAsk = AssertSub((BigInteger)askPool, beforeCommission);
        if (afterAsk.IsZero)
        {
            throw new PanicException("Denominator must not be zero");
        }
        var offerAmount = AssertSub(cp / afterAsk, (BigInteger)offerPool);

        var beforeSpread = Decimal256.Mul(offerAmount, Decimal256.FromRatio((BigInteger)askPool, (BigInteger)offerPool));
        var spread = beforeSpread > beforeCommission ? beforeSpread - beforeCommission : BigInteger.Zero;
        var commission = Decimal256.Mul(beforeCommission, commissionRate);
        return (ToUint128(offerAmount), ToUint128(spread), ToUint128(commission));
    }

    /// <summary>
    /// <c>assert_max_spread</c> (2.4: called with the gross return R = N + C). With both belief_price and max_spread:
    /// expected = ⌊x·reverse_decimal(belief_price)⌋ (9-digit), fail iff return &lt; expected and
    /// from_ratio(expected − return, expected) &gt; max_spread. With max_spread only: fail iff
    /// from_ratio(S, return + S) &gt; max_spread. Otherwise no check.
    /// </summary>
    public static void AssertMaxSpread(Decimal? beliefPrice, Decimal? maxSpread, UInt128 offerAmount, UInt128 returnAmount, UInt128 spreadAmount)
    {
        if (maxSpread is { } max && beliefPrice is { } belief)
        {
            var expectedReturn = Decimal.Mul(offerAmount, ReverseDecimal(belief));
            var spread = Uint128Math.SaturatingSub(expectedReturn, returnAmount);
            if (returnAmount < expectedReturn && Decimal.FromRatio(spread, expectedReturn) > max)
            {
                throw PairErrors.Error(PairErrors.MaxSpreadAssertion);
            }
        }
        else if (maxSpread is { } onlyMax)
        {
            if (Decimal.FromRatio(spreadAmount, Uint128Math.Add(returnAmount, spreadAmount)) > onlyMax)
            {
                throw PairErrors.Error(PairErrors.MaxSpreadAssertion);
            }
        }
    }

    /// <summary>
    /// <c>assert_slippage_tolerance</c> (2.4, price based, 9-digit math): with t set, fail iff
    /// mul9(d0/d1, 1 − t) &gt; P0/P1 or mul9(d1/d0, 1 − t) &gt; P1/P0 (pools without the deposit). t &gt; 1 fails the
    /// subtraction ("Overflow: Cannot Sub with …"); a zero deposit or pool panics in <c>from_ratio</c>.
    /// </summary>
    public static void AssertSlippageTolerance(Decimal? slippageTolerance, UInt128[] deposits, UInt128[] pools)
    {
        if (slippageTolerance is not { } tolerance)
        {
            return;
        }
        var oneMinusTolerance = MirrorMath.CheckedDecimalSubtraction(Decimal.One, tolerance);
        if (MirrorMath.DecimalMultiplication(Decimal.FromRatio(deposits[0], deposits[1]), oneMinusTolerance) > Decimal.FromRatio(pools[0], pools[1])
            || MirrorMath.DecimalMultiplication(Decimal.FromRatio(deposits[1], deposits[0]), oneMinusTolerance) > Decimal.FromRatio(pools[1], pools[0]))
        {
            throw PairErrors.Error(PairErrors.MaxSlippageAssertion);
        }
    }

    /// <summary>Terraswap's <c>reverse_decimal</c>: 0 for 0, else from_ratio(10^9, ⌊d·10^9⌋) (panics below 10^-9).</summary>
    public static Decimal ReverseDecimal(Decimal value) =>
        value.IsZero ? Decimal.Zero : Decimal.FromRatio(DecimalFraction, Decimal.Mul(DecimalFraction, value));

    /// <summary>cosmwasm-bignumber's <c>Uint256 - Uint256</c>: <c>assert!(self.0 &gt;= rhs.0)</c>.</summary>
    private static BigInteger AssertSub(BigInteger a, BigInteger b) =>
        a >= b ? a - b : throw new PanicException("assertion failed: self.0 >= rhs.0");

    private static UInt128 ToUint128(BigInteger value) =>
        value <= UInt128.MaxValue ? (UInt128)value : throw new PanicException("Integer overflow when casting to u128");
}
