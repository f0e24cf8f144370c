using System.Text;
using MirrorChain.Execution;
using MirrorChain.State;

namespace MirrorChain.Node.Tests;

/// <summary>
/// A deterministic stand-in application for node tests: a tx is UTF-8 "key=value" (set) or "key=" (delete);
/// "bad..." txs fail CheckTx and fail in blocks with code 7; "sig..." txs fail signature checks.
/// </summary>
internal sealed class KvTestApplication : IChainApplication
{
    public int ExecutedTxs { get; private set; }

    /// <summary>How many signatures <see cref="VerifySignatures"/> was asked to check, over the app's life.</summary>
    public int VerifiedSignatures { get; private set; }

    public void InitChain(GenesisDoc genesis, IStateWriter state) =>
        state.Set(Encoding.UTF8.GetBytes("genesis"), Encoding.UTF8.GetBytes(genesis.ChainId));

    public bool[] VerifySignatures(IReadOnlyList<byte[]> txs, IStateReader state, string chainId)
    {
        VerifiedSignatures += txs.Count;
        return txs.Select(t => !Encoding.UTF8.GetString(t).StartsWith("sig", StringComparison.Ordinal)).ToArray();
    }

    public IReadOnlyList<TxResult> ExecuteBlock(BlockContext ctx, IReadOnlyList<byte[]> txs, StateCache state, bool[] signaturesOk)
    {
        var results = new List<TxResult>();
        for (var i = 0; i < txs.Count; i++)
        {
            ExecutedTxs++;
            var text = Encoding.UTF8.GetString(txs[i]);
            if (!signaturesOk[i])
            {
                results.Add(new TxResult { Code = 4, Codespace = "sdk", Log = "signature verification failed" });
                continue;
            }
            var eq = text.IndexOf('=', StringComparison.Ordinal);
            if (text.StartsWith("bad", StringComparison.Ordinal) || eq <= 0)
            {
                results.Add(new TxResult { Code = 7, Codespace = "test", Log = "bad tx" });
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
                GasWanted = 100,
                GasUsed = 10 + text.Length,
                Events = [Event.Of("kv", ("key", text[..eq]), ("value", value))],
            });
        }
        return results;
    }

    public CheckTxOutcome CheckTx(byte[] tx, StateCache pending, BlockContext ctx, bool signatureOk) =>
        Encoding.UTF8.GetString(tx).StartsWith("bad", StringComparison.Ordinal)
            ? new CheckTxOutcome(7, "test", "bad tx", 0, 0)
            : CheckTxOutcome.Ok(100, 10);

    public AppQueryResult Query(string path, byte[] data, IStateReader state, BlockContext ctx) =>
        path == "/kv" && state.Get([.. "kv/"u8, .. data]) is { } v
            ? AppQueryResult.Ok(v)
            : new AppQueryResult(22, "sdk", "key not found", []);
}
