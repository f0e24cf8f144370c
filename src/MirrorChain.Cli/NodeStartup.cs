using System.Runtime.InteropServices;
using MirrorChain.Node;
using MirrorChain.Storage;

namespace MirrorChain.Cli;

/// <summary>
/// What the long-running commands (<c>start</c>, <c>start --abci</c>, <c>watch</c>) do alike: stop cleanly on
/// SIGTERM/SIGINT, open the home's store with a clear message when another process holds it, and the node settings
/// that come from node.json.
/// </summary>
internal static class NodeStartup
{
    /// <summary>A token cancelled by <paramref name="ct"/>, SIGTERM or SIGINT (which then do not kill the process).</summary>
    public static StopSignals StopOnSignals(CancellationToken ct) => new(ct);

    /// <summary>The home's store, or null after printing why it cannot be opened (another node holds it).</summary>
    public static RocksDbStore? OpenStore(HomeLayout home, TextWriter output)
    {
        try
        {
            return RocksDbStore.Open(home.Data);
        }
        catch (StoreLockedException e)
        {
            output.WriteLine($"error: {e.Message}");
            return null;
        }
    }

    /// <summary>The node options node.json sets; the caller adds what its mode needs (block time, signer).</summary>
    public static NodeOptions Options(NodeConfigFile config, Action<string> log, INodeMetrics metrics) => new()
    {
        Moniker = config.Moniker,
        MempoolMaxTxs = config.MempoolMaxTxs,
        MempoolMaxBytes = config.MempoolMaxBytes,
        MempoolMaxTxsPerSender = config.MempoolMaxTxsPerSender,
        MempoolMaxBytesPerSender = config.MempoolMaxBytesPerSender,
        MempoolCacheSize = config.MempoolCacheSize,
        AdmissionVerifyThreads = config.AdmissionVerifyThreads,
        AdmissionChecksDuringBlock = config.AdmissionChecksDuringBlock,
        PrefetchState = config.PrefetchState,
        Log = log,
        Metrics = metrics,
    };

    /// <summary>A linked cancellation source with SIGTERM and SIGINT handlers; disposing removes the handlers.</summary>
    internal sealed class StopSignals : IDisposable
    {
        private readonly CancellationTokenSource _stop;
        private readonly PosixSignalRegistration _sigterm;
        private readonly PosixSignalRegistration _sigint;

        public StopSignals(CancellationToken ct)
        {
            _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        }

        public CancellationToken Token => _stop.Token;

        public bool IsCancellationRequested => _stop.IsCancellationRequested;

        private void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            _stop.Cancel();
        }

        public void Dispose()
        {
            _sigterm.Dispose();
            _sigint.Dispose();
            _stop.Dispose();
        }
    }
}
