using MirrorChain.Core;

namespace MirrorChain.Execution;

/// <summary>Errors of the execution layer itself.</summary>
public static class ExecutionErrors
{
    /// <summary>An unexpected exception while executing a tx (a bug or corrupt state), reported, not thrown.</summary>
    public static readonly SdkError Internal = new("undefined", 1, "internal");

    public static SdkException FromUnexpected(Exception e) => Internal.Wrap($"{e.GetType().Name}: {e.Message}");
}
