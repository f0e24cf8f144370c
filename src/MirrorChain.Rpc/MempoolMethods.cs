namespace MirrorChain.Rpc;

/// <summary><c>num_unconfirmed_txs</c> and <c>unconfirmed_txs</c> (counts are Go ints, so JSON strings).</summary>
internal sealed class MempoolMethods(IRpcBackend backend)
{
    public void Register(RpcMethodTable table)
    {
        table.Add("num_unconfirmed_txs", [], (_, w) =>
        {
            var count = backend.UnconfirmedTxCount;
            w.WriteStartObject();
            w.WriteInt64String("n_txs", count);
            w.WriteInt64String("total", count);
            w.WriteInt64String("total_bytes", backend.UnconfirmedTxBytes);
            w.WriteNull("txs");
            w.WriteEndObject();
        });
        table.Add("unconfirmed_txs", ["limit"], (args, w) =>
        {
            var txs = backend.UnconfirmedTxs(Heights.PerPage(args.Int32("limit")));
            w.WriteStartObject();
            w.WriteInt64String("n_txs", txs.Count);
            w.WriteInt64String("total", backend.UnconfirmedTxCount);
            w.WriteInt64String("total_bytes", backend.UnconfirmedTxBytes);
            w.WriteStartArray("txs");
            foreach (var tx in txs)
            {
                w.WriteBase64StringValue(tx);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
