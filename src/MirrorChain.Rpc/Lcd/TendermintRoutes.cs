using System.Globalization;
using System.Text.Json;

namespace MirrorChain.Rpc.Lcd;

/// <summary>
/// <c>/cosmos/base/tendermint/v1beta1/…</c>: node_info, syncing, blocks/latest, blocks/{height}, from
/// <see cref="ILcdChain"/> (the node itself, or CometBFT's RPC); <c>application_version</c> is the local application's.
/// </summary>
internal sealed class TendermintRoutes(IRpcBackend backend, ILcdChain chain)
{
    public IEnumerable<LcdRoute> Routes() =>
    [
        new("GET", "/cosmos/base/tendermint/v1beta1/node_info", NodeInfo),
        new("GET", "/cosmos/base/tendermint/v1beta1/syncing", Syncing),
        new("GET", "/cosmos/base/tendermint/v1beta1/blocks/latest", Latest),
        new("GET", "/cosmos/base/tendermint/v1beta1/blocks/{height}", ByHeight),
    ];

    private async ValueTask NodeInfo(LcdRequest request, Utf8JsonWriter w, CancellationToken ct)
    {
        w.WriteStartObject();
        await chain.WriteNodeInfoAsync(w, "default_node_info", ct).ConfigureAwait(false);
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
    }

    private async ValueTask Syncing(LcdRequest request, Utf8JsonWriter w, CancellationToken ct)
    {
        var syncing = await chain.SyncingAsync(ct).ConfigureAwait(false);
        w.WriteStartObject();
        w.WriteBoolean("syncing", syncing);
        w.WriteEndObject();
    }

    private async ValueTask Latest(LcdRequest request, Utf8JsonWriter w, CancellationToken ct)
    {
        var height = await chain.LatestHeightAsync(ct).ConfigureAwait(false);
        if (height < 1)
        {
            throw LcdException.NotFound("no block has been committed yet");
        }
        await Write(request, w, height, ct).ConfigureAwait(false);
    }

    private async ValueTask ByHeight(LcdRequest request, Utf8JsonWriter w, CancellationToken ct)
    {
        var text = request.Path("height");
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var height))
        {
            throw LcdException.TypeMismatch("height", $"strconv.ParseInt: parsing \"{text}\": invalid syntax");
        }
        var latest = await chain.LatestHeightAsync(ct).ConfigureAwait(false);
        if (height > latest)
        {
            throw LcdException.InvalidArgument("requested block height is bigger then the chain length");
        }
        if (height < 1)
        {
            throw LcdException.InvalidArgument($"height must be at least 1, got {height}");
        }
        await Write(request, w, height, ct).ConfigureAwait(false);
    }

    private async ValueTask Write(LcdRequest request, Utf8JsonWriter w, long height, CancellationToken ct)
    {
        if (!await chain.WriteBlockAsync(w, height, ct).ConfigureAwait(false))
        {
            throw LcdException.NotFound(height == 0 ? "no block has been committed yet" : $"block {height} not found");
        }
        request.Height = backend.LatestHeight;
    }
}
