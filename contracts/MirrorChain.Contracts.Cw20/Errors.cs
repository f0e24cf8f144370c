namespace MirrorChain.Contracts.Cw20;

/// <summary>
/// cw20-base's error texts (0.8-era <c>ContractError</c> plus the <c>StdError::generic_err</c> strings of
/// <c>InstantiateMsg::validate</c>), exactly as they display; the runtime appends ": execute wasm contract failed".
/// </summary>
public static class Cw20Errors
{
    public const string NameFormat = "Name is not in the expected format (3-50 UTF-8 bytes)";

    /// <summary>The Rust literal is <c>"[a-zA-Z\\-]{3,12}"</c>, which displays with one backslash.</summary>
    public const string SymbolFormat = @"Ticker symbol is not in expected format [a-zA-Z\-]{3,12}";

    public const string DecimalsTooLarge = "Decimals must not exceed 18";

    public const string InitialSupplyOverCap = "Initial supply greater than cap";

    public const string DuplicateInitialBalanceAddresses = "Duplicate initial balance addresses";

    public const string Unauthorized = "Unauthorized";

    public const string CannotSetOwnAccount = "Cannot set to own account";

    public const string InvalidZeroAmount = "Invalid zero amount";

    public const string InvalidExpiration = "Invalid expiration value";

    public const string Expired = "Allowance is expired";

    public const string NoAllowance = "No allowance for this account";

    public const string CannotExceedCap = "Minting cannot exceed the cap";

    /// <summary>The Rust type the allowance map stores: its "not found" error names it.</summary>
    public const string AllowanceTypeName = "cw20::query::AllowanceResponse";

    public const string TokenInfoTypeName = "cw20_base::state::TokenInfo";

    public const string InstantiateMsgType = "cw20_base::msg::InstantiateMsg";

    public const string ExecuteMsgType = "cw20_base::msg::ExecuteMsg";

    public const string QueryMsgType = "cw20_base::msg::QueryMsg";

    internal static ContractException Generic(string message) => ContractException.Generic(message);

    internal static ContractException Error(string message) => new(message);
}
