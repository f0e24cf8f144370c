using System.Text.Json;
using System.Text.Json.Serialization;

namespace MirrorChain.Cli;

/// <summary>config/node.json: settings a flag may override at start.</summary>
public sealed record NodeConfigFile
{
    [JsonPropertyName("moniker")]
    public string Moniker { get; init; } = "mirrorchain-devnet";

    [JsonPropertyName("rpc_laddr")]
    public string RpcListen { get; init; } = "127.0.0.1:26657";

    /// <summary>Cosmos REST ("LCD") API listen address for feather.js/terra.js; "off" disables it.</summary>
    [JsonPropertyName("lcd_laddr")]
    public string LcdListen { get; init; } = "127.0.0.1:1317";

    [JsonPropertyName("block_time")]
    public string BlockTime { get; init; } = "1s";

    /// <summary>
    /// Prometheus <c>GET /metrics</c> listen address (CometBFT config.toml <c>instrumentation.prometheus_listen_addr</c>,
    /// same default port 26660; docs/metrics.md); "off" disables it.
    /// </summary>
    [JsonPropertyName("metrics_laddr")]
    public string MetricsListen { get; init; } = "127.0.0.1:26660";

    [JsonPropertyName("mempool_max_txs")]
    public int MempoolMaxTxs { get; init; } = 5000;

    [JsonPropertyName("mempool_max_bytes")]
    public long MempoolMaxBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Max txs one account may have waiting in the mempool.</summary>
    [JsonPropertyName("mempool_max_txs_per_sender")]
    public int MempoolMaxTxsPerSender { get; init; } = 1000;

    /// <summary>Max bytes of txs one account may have waiting in the mempool.</summary>
    [JsonPropertyName("mempool_max_bytes_per_sender")]
    public long MempoolMaxBytesPerSender { get; init; } = 16L * 1024 * 1024;

    /// <summary>Recently seen tx hashes refused without CheckTx (CometBFT config.toml <c>cache_size</c>); 0 = off.</summary>
    [JsonPropertyName("mempool_cache_size")]
    public int MempoolCacheSize { get; init; } = 10_000;

    /// <summary>
    /// Threads for CheckTx's signature checks, at a lower scheduling priority than block production (docs/node-limits.md);
    /// 0 (the default) = on the RPC's own threads: measured on 2 cores, the lower priority bought no clear block-time
    /// gain and cost a quarter of the admission rate (docs/performance.md).
    /// </summary>
    [JsonPropertyName("admission_verify_threads")]
    public int AdmissionVerifyThreads { get; init; }

    /// <summary>
    /// CheckTxs that may run at once while this node produces a block (docs/node-limits.md): 0 = broadcasts wait until
    /// the block is committed, as CometBFT 0.38's local ABCI client serializes CheckTx with FinalizeBlock and Commit;
    /// -1 = no limit (admission and the block share the cores); N ≥ 1 = N at once.
    /// </summary>
    [JsonPropertyName("admission_checks_during_block")]
    public int AdmissionChecksDuringBlock { get; init; } = MirrorChain.Node.NodeOptions.DefaultAdmissionChecksDuringBlock;

    /// <summary>
    /// While a block executes, load the state it will read and the tree paths it writes on one low-priority thread
    /// (docs/state-growth.md); only speed depends on it. On by default; off leaves that work to the block thread.
    /// </summary>
    [JsonPropertyName("prefetch_state")]
    public bool PrefetchState { get; init; } = true;

    /// <summary>The JSON-RPC and LCD request body limit: room for a max-size (1 MiB) tx in base64 plus the JSON envelope (docs/limits.md).</summary>
    [JsonPropertyName("max_request_bytes")]
    public long MaxRequestBytes { get; init; } = MirrorChain.Rpc.RpcServerOptions.DefaultMaxRequestBodyBytes;

    /// <summary>Serve the explorer and Mirror dashboard at the LCD's <c>/explorer/</c> (docs/explorer.md); <c>--no-explorer</c> overrides.</summary>
    [JsonPropertyName("explorer")]
    public bool Explorer { get; init; } = true;

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static NodeConfigFile Load(string path)
    {
        if (!File.Exists(path))
        {
            return new NodeConfigFile();
        }
        return FromJson(File.ReadAllText(path), path);
    }

    public void Save(string path) => File.WriteAllText(path, ToJson() + "\n");

    /// <summary>The file's text (indented JSON).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>Parses a node.json text; <paramref name="path"/> names it in errors.</summary>
    public static NodeConfigFile FromJson(string json, string path)
    {
        NodeConfigFile config;
        try
        {
            config = JsonSerializer.Deserialize<NodeConfigFile>(json, Options) ?? new NodeConfigFile();
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid: {e.Message}", e);
        }
        if (config.AdmissionChecksDuringBlock < -1)
        {
            throw new InvalidDataException(
                $"{path} is not valid: admission_checks_during_block is {config.AdmissionChecksDuringBlock}; it must be -1 (no limit), 0 (broadcasts wait for the block) or a positive number of CheckTxs");
        }
        return config;
    }
}
