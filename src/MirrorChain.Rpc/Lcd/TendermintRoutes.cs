using System.Globalization;
using System.Text.Json;

namespace MirrorChain.Rpc.Lcd;

/// <summary><c>/cosmos/base/tendermint/v1beta1/…</c>: node_info, syncing, blocks/latest, blocks/{height}.</summary>
internal sealed class TendermintRoutes(IRpcBackend backend)
{
    public IEnumerable<LcdRoute> Routes() =>
    [
        new("GET", "/cosmos/base/tendermint/v1beta1/node_info", NodeInfo),
        new("GET", "/cosmos/base/tendermint/v1beta1/syncing", Syncing),
        new("GET", "/cosmos/base/tendermint/v1beta1/blocks/latest", Latest),
        new("GET", "/cosmos/base/tendermint/v1beta1/blocks/{height}", ByHeight),
    ];

    private ValueTask NodeInfo(LcdRequest request, Utf8JsonWriter w, CancellationToken ct)
    {
        w.WriteStartObject();
        NodeInfoJson.Write(w, "default_node_info", backend, gateway: true);
        w.WriteStartObject("application_version");
        w.WriteString("name", backend.AppName);
        w.WriteString("app_name", backend.AppName);
        w.WriteString("version", backend.AppVersion);
        w.WriteString("git_commit", "");
        w.WriteString("build_tags", "");
        w.WriteString("go_version", "");
        w.WriteStartArray("build_deps");
        w.WriteEndArray();
        w.WriteString("cosmos_sdk_version", "");
        w.WriteEndObject();
        w.WriteEndObject();
        return ValueTask.CompletedTask;
    }

    private ValueTask Syncing(LcdRequest request, Utf8JsonWriter w, CancellationToken ct)
    {
        w.WriteStartObject();
        w.WriteBoolean("syncing", false);
        w.WriteEndObject();
        return ValueTask.CompletedTask;
    }

    private ValueTask Latest(LcdRequest request, Utf8JsonWriter w, CancellationToken ct)
    {
        var height = backend.LatestHeight;
        var block = (height > 0 ? backend.GetBlock(height) : null) ?? throw LcdException.NotFound("no block has been committed yet");
        return Write(request, w, block);
    }

    private ValueTask ByHeight(LcdRequest request, Utf8JsonWriter w, CancellationToken ct)
    {
        var text = request.Path("height");
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var height))
        {
            throw LcdException.TypeMismatch("height", $"strconv.ParseInt: parsing \"{text}\": invalid syntax");
        }
        var latest = backend.LatestHeight;
        if (height > latest)
        {
            throw LcdException.InvalidArgument("requested block height is bigger then the chain length");
        }
        if (height < 1)
        {
            throw LcdException.InvalidArgument($"height must be at least 1, got {height}");
        }
        var block = backend.GetBlock(height) ?? throw LcdException.NotFound($"block {height} not found");
        return Write(request, w, block);
    }

    private ValueTask Write(LcdRequest request, Utf8JsonWriter w, MirrorChain.Node.Block block)
    {
        request.Height = backend.LatestHeight;
        LcdBlockJson.WriteGetBlockResponse(w, block, backend.AppProtocolVersion);
        return ValueTask.CompletedTask;
    }
}
