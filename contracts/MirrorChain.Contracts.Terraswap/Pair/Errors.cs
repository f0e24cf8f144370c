using MirrorChain.Core.Numerics;

namespace MirrorChain.Contracts.Terraswap.Pair;

/// <summary>terraswap_pair 2.4 <c>ContractError</c> texts and the Rust type names its parse errors name.</summary>
public static class PairErrors
{
    public const string Unauthorized = "Unauthorized";

    public const string InvalidZeroAmount = "Invalid zero amount";

    public const string MaxSpreadAssertion = "Max spread assertion";

    public const string MaxSlippageAssertion = "Max slippage assertion";

    public const string AssetMismatch = "Asset mismatch";

    /// <summary>The <c>expect</c> in provide_liquidity when an asset is not one of the pair's (a panic).</summary>
    public const string WrongAssetInfo = "Wrong asset info is given";

    public const string InstantiateMsgType = "terraswap::pair::InstantiateMsg";

    public const string ExecuteMsgType = "terraswap::pair::ExecuteMsg";

    public const string QueryMsgType = "terraswap::pair::QueryMsg";

    public const string HookMsgType = "terraswap::pair::Cw20HookMsg";

    public const string PairInfoType = "terraswap::asset::PairInfoRaw";

    internal static ContractException Error(string message) => new(message);

    /// <summary><c>ContractError::OverflowError</c> (<c>#[error("{0}")]</c>): "Cannot Sub with 1 and 2".</summary>
    internal static ContractException SubOverflow(UInt128 a, UInt128 b) =>
        new(StdException.Overflow(OverflowOperation.Sub, a, b).Detail);

    /// <summary><c>a.checked_sub(b)?</c> in a function returning the pair's ContractError.</summary>
    internal static UInt128 CheckedSub(UInt128 a, UInt128 b) => a < b ? throw SubOverflow(a, b) : a - b;
}
