using MirrorChain.Core;
using MirrorChain.Execution;
using MirrorChain.Fuzz.Engine;
using MirrorChain.State;
using MirrorChain.Tx;
using MirrorChain.Tx.Messages;

namespace MirrorChain.Fuzz.Targets;

/// <summary>
/// Mutated TxRaw bytes into <see cref="TxDecoder"/> and into <see cref="TxExecutor.Deliver(BlockContext, byte[], MirrorChain.State.StateCache, int, bool, ChainParams?)"/> over the devnet state.
/// Properties: the decoder throws nothing but <see cref="SdkException"/>, and its answer (the hand-written fast path
/// first) is exactly the Google.Protobuf reference decoder's: the same tx, or the same code and log; Deliver never reports code 1 "internal" (an
/// exception it had to catch); a tx rejected before its messages (decode, ante) leaves the state untouched.
/// </summary>
public sealed class TxTarget : IFuzzTarget
{
    private readonly DevnetWorld _world;
    private readonly TxExecutor _executor;
    private readonly List<byte[]> _seeds;

    public TxTarget(DevnetWorld world)
    {
        _world = world;
        _executor = new TxExecutor(world.Runtime);
        var test2 = world.Keys["test2"];
        _seeds =
        [
            world.SendTx,
            world.ExecuteTx,
            DevnetWorld.Sign(world.Node, test2, new MsgSend(test2.Address, world.Keys["test3"].Address, [new Coin("uusd", 5), new Coin("uluna", 7)]), 0),
            DevnetWorld.Sign(world.Node, test2, new MsgExecuteContract(test2.Address, world["mTSLA.pair"],
                """{"swap":{"offer_asset":{"info":{"native_token":{"denom":"uusd"}},"amount":"1000"}}}"""u8.ToArray(), [new Coin("uusd", 1000)]), 0),
        ];
    }

    public string Name => "tx";

    public byte[] Generate(FuzzRandom random) =>
        random.Chance(3) ? random.Pick(_seeds) : ByteMutator.Mutate(random.Pick(_seeds), random, _seeds);

    public string? Run(byte[] input)
    {
        if (DecoderDifference(input) is { } difference)
        {
            return difference;
        }
        var state = new StateCache(_world.Node.State.Committed);
        var block = _world.Node.NextContext();
        var result = _executor.Deliver(block, input, state);
        if (result.Code == ExecutionErrors.Panic.Code && result.Codespace == ExecutionErrors.Panic.Codespace)
        {
            return "Deliver reported the SDK panic code (a host exception escaped): " + result.Log;
        }
        var messageFailure = result.Log.StartsWith("failed to execute message", StringComparison.Ordinal) || (result.Code == SdkError.OutOfGas.Code && result.Codespace == SdkError.OutOfGas.Codespace);
        if (result.Code != 0 && !messageFailure && state.WriteCount != 0)
        {
            return $"a tx rejected before its messages (code {result.Code}: {result.Log}) changed {state.WriteCount} state keys";
        }
        return null;
    }

    /// <summary>Null when <see cref="TxDecoder.Decode(byte[], DecodeOptions)"/> and the reference decode agree.</summary>
    private static string? DecoderDifference(byte[] input)
    {
        var options = new DecodeOptions();
        var (decoded, error) = Outcome(() => TxDecoder.Decode(input, options));
        if (input.Length == 0 || input.Length > options.MaxTxBytes)
        {
            return null; // the size checks run before either decoder
        }
        var (reference, referenceError) = Outcome(() => TxDecoder.DecodeReference(input, options, hash: null));
        if (reference is null || decoded is null)
        {
            return reference is null && decoded is null && error!.Error == referenceError!.Error && error.Log == referenceError.Log
                ? null
                : $"decoder answered {error?.Log ?? "a tx"}, the reference {referenceError?.Log ?? "a tx"}";
        }
        var same = decoded.Hash.AsSpan().SequenceEqual(reference.Hash) && decoded.Signer == reference.Signer
            && decoded.Sequence == reference.Sequence && decoded.GasLimit == reference.GasLimit && decoded.Memo == reference.Memo
            && decoded.TimeoutHeight == reference.TimeoutHeight && Equals(decoded.TimeoutTimestamp, reference.TimeoutTimestamp)
            && decoded.Fee.SequenceEqual(reference.Fee) && decoded.SignMode == reference.SignMode
            && (decoded.PubKey ?? []).AsSpan().SequenceEqual(reference.PubKey ?? []) && (decoded.PubKey is null) == (reference.PubKey is null)
            && decoded.Body.Equals(reference.Body) && decoded.AuthInfo.Equals(reference.AuthInfo)
            && decoded.Signatures.Count == reference.Signatures.Count
            && decoded.Signatures.Zip(reference.Signatures).All(p => p.First.AsSpan().SequenceEqual(p.Second))
            && decoded.Messages.Count == reference.Messages.Count
            && decoded.Messages.Zip(reference.Messages).All(p => p.First.GetType() == p.Second.GetType() && p.First.ToAny().Equals(p.Second.ToAny()));
        return same ? null : "the decoder's tx differs from the reference decoder's";
    }

    private static (DecodedTx? Tx, SdkException? Error) Outcome(Func<DecodedTx> decode)
    {
        try
        {
            return (decode(), null);
        }
        catch (SdkException e)
        {
            return (null, e);
        }
    }
}
