using MirrorChain.Core;
using MirrorChain.Storage;

namespace MirrorChain.Execution;

/// <summary>Errors of the execution layer itself, and which host exceptions a tx may turn into a result.</summary>
public static class ExecutionErrors
{
    /// <summary>
    /// An unexpected exception while executing a tx (a bug in a module or contract), as the Cosmos SDK reports a
    /// recovered panic: cosmossdk.io/errors <c>ErrPanic</c> (codespace "undefined", code 111222) with the redacted
    /// log of <c>errors.Redact</c>. The log is deterministic; the exception itself goes to the result's
    /// <c>info</c> (CometBFT: "additional information, may be non-deterministic"), which no hash covers.
    /// </summary>
    public static readonly SdkError Panic = new("undefined", 111222, "panic");

    /// <summary>The log every node writes for a recovered panic: cosmos-sdk's <c>errPanicWithMsg</c>.</summary>
    public const string PanicLog = "panic message redacted to hide potentially sensitive system info: panic";

    public static SdkException FromUnexpected(Exception e) => new(Panic, PanicLog);

    /// <summary>The non-deterministic detail of an unexpected exception, for the result's info and the node log.</summary>
    public static string Detail(Exception e) => $"{e.GetType().FullName}: {e.Message}";

    /// <summary>
    /// True for exceptions that are not the tx's fault and must stop the block instead of becoming a tx result:
    /// storage failures (<see cref="RocksDbException"/>: I/O errors, disk full — a result would differ between
    /// nodes), broken invariants (<see cref="InvariantViolationException"/>) and out-of-memory.
    /// </summary>
    public static bool IsNodeFault(Exception e) =>
        e is RocksDbException or InvariantViolationException or OutOfMemoryException
        || (e is AggregateException a && a.InnerExceptions.Any(IsNodeFault))
        || (e.InnerException is { } inner && IsNodeFault(inner));
}
