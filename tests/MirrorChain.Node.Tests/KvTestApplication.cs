using MirrorChain.Execution;
using MirrorChain.State;

namespace MirrorChain.Node.Tests;

/// <summary>
/// A deterministic stand-in application for node tests: a tx is UTF-8 "key=value" (set) or "key=" (delete);
/// "bad..." txs fail CheckTx and fail in blocks with code 7; "sig..." txs fail signature checks. A "N|" prefix
/// makes the tx want N gas (default 100); its sender is its key.
/// </summary>
internal sealed class KvTestApplication : IChainApplication
{
    public int ExecutedTxs { get; private set; }

    /// <summary>How many times CheckTx ran (admission and recheck).</summary>
    public int CheckTxCalls { get; private set; }

    /// <summary>Optional CheckTx hook: return a log to refuse the tx with code 7, or throw.</summary>
    public Func<string, string?>? CheckHook { get; set; }

    /// <summary>Optional: what a tx's "kv" event shows as its value (default: the value set).</summary>
    public Func<string, string>? EventValueHook { get; set; }

    /// <summary>Optional block hook, called per tx before it runs (throw to simulate a node fault).</summary>
    public Action<string>? ExecuteHook { get; set; }

    public static long GasOf(string text) =>
        text.IndexOf('|', StringComparison.Ordinal) is var bar and > 0 ? long.Parse(text[..bar], System.Globalization.CultureInfo.InvariantCulture) : 100;

    private static string Body(string text) =>
        text.IndexOf('|', StringComparison.Ordinal) is var bar and > 0 ? text[(bar + 1)..] : text;

    private int _verifiedSignatures;

    /// <summary>How many signatures <see cref="VerifySignatures"/> was asked to check, over the app's life (replay's read-ahead calls it from its own thread).</summary>
    public int VerifiedSignatures => Volatile.Read(ref _verifiedSignatures);

    public void InitChain(GenesisDoc genesis, IStateWriter state) =>
        state.Set(Encoding.UTF8.GetBytes("genesis"), Encoding.UTF8.GetBytes(genesis.ChainId));

    public bool[] VerifySignatures(IReadOnlyList<byte[]> txs, IStateReader state, string chainId)
    {
        Interlocked.Add(ref _verifiedSignatures, txs.Count);
        return txs.Select(t => !Encoding.UTF8.GetString(t).StartsWith("sig", StringComparison.Ordinal)).ToArray();
    }

    public IReadOnlyList<TxResult> ExecuteBlock(BlockContext ctx, IReadOnlyList<byte[]> txs, StateCache state, bool[] signaturesOk)
    {
        var results = new List<TxResult>();
        for (var i = 0; i < txs.Count; i++)
        {
            ExecutedTxs++;
            var raw = Encoding.UTF8.GetString(txs[i]);
            ExecuteHook?.Invoke(raw);
            var gas = GasOf(raw);
            var text = Body(raw);
            if (!signaturesOk[i])
            {
                results.Add(new TxResult { Code = 4, Codespace = "sdk", Log = "signature verification failed" });
                continue;
            }
            var eq = text.IndexOf('=', StringComparison.Ordinal);
            if (text.StartsWith("bad", StringComparison.Ordinal) || eq <= 0)
            {
                results.Add(new TxResult { Code = 7, Codespace = "test", Log = "bad tx", GasWanted = gas });
                continue;
            }
            var key = Encoding.UTF8.GetBytes("kv/" + text[..eq]);
            var value = text[(eq + 1)..];
            if (value.Length == 0)
            {
                state.Delete(key);
            }
            else
            {
                state.Set(key, Encoding.UTF8.GetBytes(value));
            }
            state.Set(Encoding.UTF8.GetBytes("height"), Encoding.UTF8.GetBytes(ctx.Height.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            results.Add(new TxResult
            {
                GasWanted = gas,
                GasUsed = 10 + text.Length,
                Events = [Event.Of("kv", ("key", text[..eq]), ("value", EventValueHook?.Invoke(value) ?? value))],
            });
        }
        return results;
    }

    public CheckTxResponse CheckTx(byte[] tx, StateCache pending, BlockContext ctx, bool signatureOk)
    {
        CheckTxCalls++;
        var raw = Encoding.UTF8.GetString(tx);
        var text = Body(raw);
        if (text.StartsWith("bad", StringComparison.Ordinal))
        {
            return new CheckTxResponse(7, "test", "bad tx", 0, 0);
        }
        if (CheckHook?.Invoke(raw) is { } refusal)
        {
            return new CheckTxResponse(7, "test", refusal, 0, 0);
        }
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        return CheckTxResponse.Ok(GasOf(raw), 10) with { Sender = eq > 0 ? text[..eq] : "" };
    }

    public QueryAnswer Query(string path, byte[] data, IStateReader state, BlockContext ctx) =>
        path == "/kv" && state.Get([.. "kv/"u8, .. data]) is { } v
            ? QueryAnswer.Ok(v)
            : new QueryAnswer(22, "sdk", "key not found", []);
}
