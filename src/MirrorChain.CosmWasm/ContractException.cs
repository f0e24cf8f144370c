namespace MirrorChain.CosmWasm;

/// <summary>
/// A contract error. <see cref="Exception.Message"/> is the error exactly as the Rust contract displays it, e.g.
/// "Unauthorized", "Generic error: Price is too old", "Overflow: Cannot Sub with 100 and 200".
/// </summary>
public class ContractException(string message) : Exception(message)
{
    /// <summary>cosmwasm-std's <c>StdError::generic_err(msg)</c>, displayed as "Generic error: msg".</summary>
    public static ContractException Generic(string message) => new("Generic error: " + message);

    /// <summary>cosmwasm-std's <c>StdError::not_found(kind)</c>, displayed as "kind not found".</summary>
    public static ContractException NotFound(string kind) => new(kind + " not found");

    /// <summary>cosmwasm-std's <c>StdError::parse_err(target, msg)</c>: "Error parsing into type target: msg".</summary>
    public static ContractException Parse(string target, string message) => new($"Error parsing into type {target}: {message}");

    /// <summary>"Unauthorized" (StdError::unauthorized / most contracts' ContractError::Unauthorized).</summary>
    public static ContractException Unauthorized() => new("Unauthorized");
}
