using System.Text.Json;

namespace MirrorChain.Rpc;

/// <summary><c>abci_query</c>: forwards to the application's Query and renders ABCI ResponseQuery.</summary>
internal sealed class AbciMethods(IRpcBackend backend)
{
    public void Register(RpcMethodTable table) =>
        table.Add("abci_query", ["path", "data", "height", "prove"], Query);

    private void Query(RpcParams args, Utf8JsonWriter w)
    {
        var path = args.String("path") ?? "";
        var data = args.HexBytes("data") ?? [];
        var height = args.Int64("height") ?? 0;
        var prove = args.Bool("prove") ?? false;
        if (height < 0)
        {
            throw RpcException.Internal($"height must be non-negative, but got {Heights.Str(height)}");
        }

        var r = backend.Query(path, data, height, prove);

        // cosmjs rejects a successful answer without a height ("No query height returned").
        var answerHeight = r.Height;
        if (answerHeight == 0 && r.Code == 0)
        {
            answerHeight = height > 0 ? height : backend.LatestHeight;
        }

        w.WriteStartObject();
        w.WriteStartObject("response");
        w.WriteNumber("code", r.Code);
        w.WriteString("log", r.Log);
        w.WriteString("info", "");
        w.WriteString("index", "0");
        w.WriteBase64OrNull("key", r.Key);
        w.WriteBase64OrNull("value", r.Value);
        if (r.ProofOps is { } ops)
        {
            w.WriteStartObject("proofOps");
            w.WriteStartArray("ops");
            foreach (var (type, key, opData) in ops)
            {
                w.WriteStartObject();
                w.WriteString("type", type);
                w.WriteBase64String("key", key);
                w.WriteBase64String("data", opData);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("proofOps");
        }
        w.WriteInt64String("height", answerHeight);
        w.WriteString("codespace", r.Codespace);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
