using Google.Protobuf.WellKnownTypes;
using MirrorChain.Core;
using MirrorChain.State;
using MirrorChain.Tx;

namespace MirrorChain.Execution;

/// <summary>
/// Runs one tx: decode → ante on a tx cache → messages on a nested cache. The three entry points differ only in
/// mode: <see cref="Deliver(BlockContext, byte[], StateCache, int, bool, ChainParams?)"/> (block execution), <see cref="CheckTx(byte[], StateCache, BlockContext, bool)"/> (ante only, into the mempool's pending
/// state) and <see cref="Simulate"/> (everything on a throw-away copy, unlimited gas, no signature/min-fee checks).
/// Gas is charged identically in all three, so simulating a tx's exact bytes reports the gas delivering it uses.
/// </summary>
public sealed class TxExecutor
{
    public TxExecutor(IContractRuntime? contracts = null, GasConfig? gasConfig = null)
    {
        GasConfig = gasConfig ?? GasConfig.Default;
        Router = new Router(contracts ?? EmptyContractRuntime.Instance);
        Ante = new AnteHandler(GasConfig);
    }

    public GasConfig GasConfig { get; }

    public Router Router { get; }

    public AnteHandler Ante { get; }

    /// <summary>
    /// Executes a tx of a block into <paramref name="blockState"/>. Decode or ante failure: no state change (gas
    /// 0/0 for decode errors). Message failure: fee and sequence stay, message writes are dropped, result carries
    /// the module's code and "failed to execute message; message index: i: …" (out of gas: the meter's log).
    /// </summary>
    public TxResult Deliver(BlockContext block, byte[] txBytes, StateCache blockState, int txIndex = 0,
        bool signaturePreverified = false, ChainParams? chainParams = null) =>
        Deliver(block, new TxEnvelope(txBytes), blockState, txIndex, signaturePreverified, chainParams);

    /// <summary><see cref="Deliver(BlockContext, byte[], StateCache, int, bool, ChainParams?)"/> of a tx whose decode may already be known.</summary>
    public TxResult Deliver(BlockContext block, TxEnvelope tx, StateCache blockState, int txIndex = 0,
        bool signaturePreverified = false, ChainParams? chainParams = null)
    {
        var outcome = Run(ExecutionMode.Deliver, tx, blockState, block, chainParams ?? ChainParams.Load(blockState),
            txIndex, signaturePreverified);
        return new TxResult
        {
            Code = outcome.Error?.Error.Code ?? 0,
            Codespace = outcome.Error?.Error.Codespace ?? "",
            Log = outcome.Error?.Log ?? "",
            Info = outcome.Info,
            Data = outcome.Error is null ? TxMsgData(outcome.MsgResponses) : [],
            GasWanted = (long)outcome.GasWanted,
            GasUsed = ToLong(outcome.GasUsed),
            Events = outcome.Events,
        };
    }

    /// <summary>
    /// Mempool admission: decode and ante against <paramref name="pendingState"/> (which keeps the fee and sequence
    /// bump on success, so the same account can queue its next tx). Messages are not run.
    /// </summary>
    public CheckTxResponse CheckTx(byte[] txBytes, StateCache pendingState, BlockContext block, bool signaturePreverified = false) =>
        CheckTx(new TxEnvelope(txBytes), pendingState, block, signaturePreverified);

    /// <summary><see cref="CheckTx(byte[], StateCache, BlockContext, bool)"/> of a tx whose decode may already be known.</summary>
    public CheckTxResponse CheckTx(TxEnvelope tx, StateCache pendingState, BlockContext block, bool signaturePreverified = false)
    {
        var outcome = Run(ExecutionMode.CheckTx, tx, pendingState, block, ChainParams.Load(pendingState), 0, signaturePreverified);
        return new CheckTxResponse(outcome.Error?.Error.Code ?? 0, outcome.Error?.Error.Codespace ?? "", outcome.Error?.Log ?? "",
            (long)outcome.GasWanted, ToLong(outcome.GasUsed), outcome.Signer);
    }

    /// <summary>
    /// Runs the whole tx on a throw-away copy of <paramref name="state"/> with unlimited gas; gas 0 is accepted,
    /// signatures and minimum fees are not checked, the sequence is. <paramref name="state"/> is never written.
    /// </summary>
    public SimulationResult Simulate(byte[] txBytes, IStateReader state, BlockContext block)
    {
        var scratch = new StateCache(state);
        var outcome = Run(ExecutionMode.Simulate, new TxEnvelope(txBytes), scratch, block, ChainParams.Load(state), 0, false);
        return new SimulationResult
        {
            Code = outcome.Error?.Error.Code ?? 0,
            Codespace = outcome.Error?.Error.Codespace ?? "",
            Log = outcome.Error?.Log ?? "",
            GasWanted = outcome.GasWanted,
            GasUsed = outcome.GasUsed,
            Data = outcome.Error is null ? TxMsgData(outcome.MsgResponses) : [],
            Events = outcome.Error is null ? outcome.Events : [],
            MsgResponses = outcome.Error is null ? outcome.MsgResponses : [],
        };
    }

    /// <summary><see cref="Info"/>: the detail of an unexpected exception (non-deterministic, hashed nowhere).</summary>
    private sealed record Outcome(SdkException? Error, ulong GasWanted, ulong GasUsed, IReadOnlyList<Event> Events, IReadOnlyList<Any> MsgResponses)
    {
        public string Info { get; init; } = "";

        public string Signer { get; init; } = "";
    }

    private static Outcome Failed(Exception e, ulong gasWanted, ulong gasUsed, IReadOnlyList<Event> events, string signer = "") =>
        e is SdkException sdk
            ? new Outcome(sdk, gasWanted, gasUsed, events, []) { Signer = signer }
            : new Outcome(ExecutionErrors.FromUnexpected(e), gasWanted, gasUsed, events, []) { Info = ExecutionErrors.Detail(e), Signer = signer };

    private Outcome Run(ExecutionMode mode, TxEnvelope txEnvelope, StateCache parent, BlockContext block, ChainParams chainParams,
        int txIndex, bool signaturePreverified)
    {
        DecodedTx tx;
        try
        {
            tx = txEnvelope.Decode(chainParams.DecodeOptions(simulate: mode == ExecutionMode.Simulate));
        }
        catch (Exception e) when (!ExecutionErrors.IsNodeFault(e))
        {
            return Failed(e, 0, 0, []);
        }
        var signer = mode == ExecutionMode.CheckTx ? tx.Signer.ToString() : ""; // for the mempool's per-sender limit

        var meter = mode == ExecutionMode.Simulate ? GasMeter.Infinite() : new GasMeter(tx.GasLimit);
        var txCache = new StateCache(parent);
        IReadOnlyList<Event> anteEvents;
        try
        {
            anteEvents = Ante.Run(tx, new GasMeteredState(txCache, meter, GasConfig), block, chainParams, mode, signaturePreverified);
        }
        catch (Exception e) when (!ExecutionErrors.IsNodeFault(e))
        {
            return Failed(e, tx.GasLimit, meter.Consumed, [], signer);
        }
        if (mode == ExecutionMode.CheckTx)
        {
            txCache.WriteTo(parent);
            return new Outcome(null, tx.GasLimit, meter.Consumed, anteEvents, []) { Signer = signer };
        }

        var ctx = new TxContext(block, new StateCache(txCache), meter, GasConfig, mode, tx.Hash, txIndex);
        var events = new List<Event>(anteEvents);
        var responses = new List<Any>(tx.Messages.Count);
        try
        {
            for (var i = 0; i < tx.Messages.Count; i++)
            {
                var message = tx.Messages[i];
                var outcome = RunMessage(ctx, message, i);
                events.Capacity = Math.Max(events.Capacity, events.Count + 1 + outcome.Events.Count);
                events.Add(TxEvents.Message(message.TypeUrl, message.Signer, i));
                TxEvents.AddWithMessageIndex(events, outcome.Events, i);
                responses.Add(outcome.Response);
            }
        }
        catch (Exception e) when (!ExecutionErrors.IsNodeFault(e))
        {
            // Any failure of the messages, an unexpected host exception (a module or contract bug) included: the
            // ante's fee and sequence stay (as the SDK keeps the ante's writes when runMsgs panics), the message
            // cache is dropped. Node faults (storage, invariants) are not the tx's doing and stop the block.
            txCache.WriteTo(parent);
            return Failed(e, tx.GasLimit, meter.Consumed, anteEvents, signer);
        }
        ctx.Commit();
        txCache.WriteTo(parent);
        return new Outcome(null, tx.GasLimit, meter.Consumed, events, responses) { Signer = signer };
    }

    private MessageOutcome RunMessage(TxContext ctx, ITxMessage message, int index)
    {
        try
        {
            return Router.Dispatch(ctx, message);
        }
        catch (SdkException e) when (e.Error != SdkError.OutOfGas)
        {
            throw new SdkException(e.Error, $"failed to execute message; message index: {index}: {e.Log}");
        }
    }

    private static byte[] TxMsgData(IReadOnlyList<Any> responses) => TxMsgDataWriter.Write(responses);

    private static long ToLong(ulong gas) => gas > long.MaxValue ? long.MaxValue : (long)gas;
}
