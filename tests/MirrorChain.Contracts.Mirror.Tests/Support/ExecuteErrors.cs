namespace MirrorChain.Contracts.Mirror.Tests.Support;

/// <summary>The tx logs of failed contract executes, as wasmd wraps a contract's error.</summary>
internal static class ExecuteErrors
{
    public const string Unauthorized = "Generic error: unauthorized: execute wasm contract failed";

    /// <summary>A contract error <paramref name="reason"/> (its Display text) as an execute's log.</summary>
    public static string Exec(string reason) => reason + ": execute wasm contract failed";

    /// <summary>A <c>StdError::GenericErr</c> with <paramref name="message"/>.</summary>
    public static string Generic(string message) => Exec("Generic error: " + message);

    /// <summary>A contract panic with <paramref name="message"/>.</summary>
    public static string Panic(string message) => Exec($"Error executing Wasm: Aborted: panicked at '{message}'");
}
