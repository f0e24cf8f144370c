namespace MirrorChain.Node;

/// <summary>Why <see cref="BlockProducer.RunAsync"/> returned.</summary>
public enum ProductionStopKind
{
    /// <summary>Asked to stop (SIGINT/SIGTERM): the block in progress was finished.</summary>
    Cancelled,

    /// <summary>The store failed (I/O error, disk full): the block in progress was not written; restart resumes at it.</summary>
    StorageFailure,

    /// <summary>An invariant broke (or the node itself failed outside any tx): block production halted, nothing of the block was committed.</summary>
    Halted,
}

/// <summary>
/// The end of block production: <see cref="Height"/> is the last committed block, <see cref="Message"/> what the
/// operator reads (empty when cancelled).
/// </summary>
public sealed record ProductionStop(ProductionStopKind Kind, long Height, string Message, Exception? Error = null)
{
    /// <summary>Process exit code for <c>mirrorchain start</c>: 0 cancelled, 1 storage failure, 3 halted.</summary>
    public int ExitCode => Kind switch
    {
        ProductionStopKind.Cancelled => 0,
        ProductionStopKind.StorageFailure => 1,
        _ => 3,
    };
}
