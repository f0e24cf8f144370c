using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace MirrorChain.LoadGen;

/// <summary>
/// <c>broadcast_tx_sync</c> requests as UTF-8 bytes: one request object per tx, encoded once before a round is timed,
/// and batches (JSON arrays of those objects, as cosmjs' <c>HttpBatchClient</c> sends them) joined from them.
/// </summary>
internal static class BroadcastRequest
{
    public const string Method = "broadcast_tx_sync";

    private static readonly byte[] Head = "{\"jsonrpc\":\"2.0\",\"id\":"u8.ToArray();
    private static readonly byte[] Middle = Encoding.UTF8.GetBytes(",\"method\":\"" + Method + "\",\"params\":{\"tx\":\"");
    private static readonly byte[] Tail = "\"}}"u8.ToArray();

    /// <summary><c>{"jsonrpc":"2.0","id":ID,"method":"broadcast_tx_sync","params":{"tx":"BASE64"}}</c>.</summary>
    public static byte[] Encode(long id, ReadOnlySpan<byte> tx)
    {
        var idText = Encoding.UTF8.GetBytes(id.ToString(CultureInfo.InvariantCulture));
        var b64 = Base64.GetMaxEncodedToUtf8Length(tx.Length);
        var body = new byte[Head.Length + idText.Length + Middle.Length + b64 + Tail.Length];
        var at = 0;
        Head.CopyTo(body, at);
        at += Head.Length;
        idText.CopyTo(body, at);
        at += idText.Length;
        Middle.CopyTo(body, at);
        at += Middle.Length;
        Base64.EncodeToUtf8(tx, body.AsSpan(at), out _, out var written);
        at += written;
        Tail.CopyTo(body, at);
        return body;
    }

    /// <summary>One tx: its request object as is; more: <c>[r1,r2,…]</c>.</summary>
    public static byte[] Join(IReadOnlyList<SignedTx> txs)
    {
        if (txs.Count == 1)
        {
            return txs[0].Request;
        }
        var length = 1 + txs.Count;
        for (var i = 0; i < txs.Count; i++)
        {
            length += txs[i].Request.Length;
        }
        var body = new byte[length];
        var at = 0;
        body[at++] = (byte)'[';
        for (var i = 0; i < txs.Count; i++)
        {
            if (i > 0)
            {
                body[at++] = (byte)',';
            }
            txs[i].Request.CopyTo(body, at);
            at += txs[i].Request.Length;
        }
        body[at] = (byte)']';
        return body;
    }
}
