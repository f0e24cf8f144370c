using System.Text.Json;
using MirrorChain.Core;
using MirrorChain.Core.Numerics;
using MirrorChain.CosmWasm;

namespace MirrorChain.Execution.Contracts;

/// <summary>
/// Keeps .NET exceptions inside the contract error model. A contract's own errors (<see cref="ContractException"/>,
/// <see cref="StdException"/>, <see cref="PanicException"/>), the chain's typed errors (<see cref="SdkException"/>:
/// out of gas, call depth) and host faults (<see cref="HostFaults"/>) pass unchanged; anything else raised inside a
/// contract call — a <see cref="JsonException"/> that escaped a converter, an <see cref="OverflowException"/>, an
/// <see cref="InvalidOperationException"/>, a <see cref="KeyNotFoundException"/>, an <see cref="InvalidCastException"/>,
/// a <see cref="NullReferenceException"/> — is a bug in the port where the Rust contract would have failed, and
/// becomes a <see cref="PanicException"/>: the tx fails with wasm's code and an abort text, its writes are reverted,
/// and a caller with reply_on_error (gov's <c>execute_poll</c>) gets the error like any other.
/// </summary>
public static class ContractFailures
{
    public static T Contain<T>(Func<T> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return call();
        }
        catch (Exception e) when (IsUnexpected(e))
        {
            throw new PanicException(Describe(e));
        }
    }

    /// <summary>Whether <paramref name="e"/> is a stray .NET exception (not a contract error, a chain error or a host fault).</summary>
    public static bool IsUnexpected(Exception e) =>
        e is not (ContractException or StdException or PanicException or SdkException) && !HostFaults.Is(e);

    /// <summary>wasmd's text for a contract that aborted: "Error executing Wasm: Aborted: panicked at '…'".</summary>
    public static string AbortText(string panic) => $"Error executing Wasm: Aborted: panicked at '{panic}'";

    private static string Describe(Exception e) => e switch
    {
        JsonException json => $"Error parsing: {SerdeErrorText.Of(json)}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
