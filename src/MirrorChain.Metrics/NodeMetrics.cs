using System.Globalization;
using MirrorChain.Execution;
using MirrorChain.Node;
using MirrorChain.Rpc;
using Prometheus;

namespace MirrorChain.Metrics;

/// <summary>
/// The node's Prometheus metrics (docs/metrics.md) in a registry of its own (several nodes in one process do not
/// share counters): block, mempool, RPC and LCD counters and histograms updated after the fact through
/// <see cref="INodeMetrics"/> and <see cref="IRpcMetrics"/>, plus gauges read when scraped (height, mempool size, store
/// size) and prometheus-net's process metrics. Nothing the node executes reads any of it; every update is a counter
/// increment or a histogram observation (prometheus-net's lock-free paths), so the block path never waits on a scrape.
/// </summary>
public sealed class NodeMetrics : INodeMetrics, IRpcMetrics
{
    private static readonly double[] SecondsBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private static readonly double[] IntervalBuckets = [0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 30, 60];
    private static readonly double[] TxCountBuckets = [0, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];
    private static readonly double[] GasBuckets = [0, 100_000, 1_000_000, 5_000_000, 10_000_000, 25_000_000, 50_000_000, 100_000_000, 250_000_000, 1_000_000_000];
    private static readonly double[] TxBytesBuckets = [256, 512, 1024, 2048, 4096, 16384, 65536, 262144, 1048576];

    private readonly Gauge _height;
    private readonly Histogram _blockInterval;
    private readonly Gauge _numTxs;
    private readonly Gauge _totalTxs;
    private readonly Gauge _mempoolSize;
    private readonly Gauge _mempoolBytes;
    private readonly Histogram _txSize;
    private readonly Histogram _blockTxs;
    private readonly Histogram _blockGas;
    private readonly Counter _committedTxs;
    private readonly Counter _gasUsed;
    private readonly Histogram _execution;
    private readonly Histogram _commit;
    private readonly Histogram _mempoolUpdate;
    private readonly Counter _admitted;
    private readonly Counter _rejected;
    private readonly Histogram _checkTx;
    private readonly Counter _rpcRequests;
    private readonly Histogram _rpcDuration;
    private readonly Counter _rpcHttp;
    private readonly Counter _lcdRequests;
    private readonly Histogram _lcdDuration;
    private readonly Gauge _storeDisk;
    private readonly Gauge _storeSst;
    private readonly Gauge _storeMemtables;
    private long _lastBlockNanos = long.MinValue;
    private ChainNode? _node;
    private string? _storePath;
    private Func<string, long?>? _storeProperty;

    public NodeMetrics()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var f = Prometheus.Metrics.WithCustomRegistry(Registry);
        // CometBFT's names (consensus/metrics.go, mempool/metrics.go) where the meaning is the same.
        _height = f.CreateGauge("cometbft_consensus_height", "Height of the chain: the latest committed block.");
        _blockInterval = f.CreateHistogram("cometbft_consensus_block_interval_seconds",
            "Time between this and the last block (Block.Header.Time) in seconds.", new HistogramConfiguration { Buckets = IntervalBuckets });
        _numTxs = f.CreateGauge("cometbft_consensus_num_txs", "Number of transactions in the latest block.");
        _totalTxs = f.CreateGauge("cometbft_consensus_total_txs", "Total number of transactions committed since the node started.");
        _mempoolSize = f.CreateGauge("cometbft_mempool_size", "Number of uncommitted transactions in the mempool.");
        _mempoolBytes = f.CreateGauge("cometbft_mempool_size_bytes", "Total size of the mempool in bytes.");
        _txSize = f.CreateHistogram("cometbft_mempool_tx_size_bytes", "Sizes of the transactions admitted to the mempool, in bytes.",
            new HistogramConfiguration { Buckets = TxBytesBuckets });
        // The node's own.
        _blockTxs = f.CreateHistogram("mirrorchain_block_txs", "Transactions per committed block.", new HistogramConfiguration { Buckets = TxCountBuckets });
        _blockGas = f.CreateHistogram("mirrorchain_block_gas_used", "Gas used per committed block (sum over its txs).", new HistogramConfiguration { Buckets = GasBuckets });
        _committedTxs = f.CreateCounter("mirrorchain_committed_txs_total", "Transactions committed in blocks, by result (ok: code 0; failed: any other code).",
            new CounterConfiguration { LabelNames = ["result"] });
        _gasUsed = f.CreateCounter("mirrorchain_gas_used_total", "Gas used by all committed transactions.");
        _execution = f.CreateHistogram("mirrorchain_block_execution_seconds",
            "Time to execute a block: signature checks, txs, state root and staging its batch.", new HistogramConfiguration { Buckets = SecondsBuckets });
        _commit = f.CreateHistogram("mirrorchain_block_commit_seconds",
            "Time to write a block's atomic batch (state, block, results, indexes; WAL and fsync) and make it the latest.", new HistogramConfiguration { Buckets = SecondsBuckets });
        _mempoolUpdate = f.CreateHistogram("mirrorchain_mempool_update_seconds",
            "Time to update the mempool after a block: the seen-tx cache and the recheck of the remaining txs.", new HistogramConfiguration { Buckets = SecondsBuckets });
        _admitted = f.CreateCounter("mirrorchain_mempool_admitted_txs_total", "Transactions admitted to the mempool (CheckTx code 0).");
        _rejected = f.CreateCounter("mirrorchain_mempool_rejected_txs_total",
            "Transactions refused at admission, by reason (full, sender_limit, too_large, duplicate, check_failed) and the answer's codespace and code.",
            new CounterConfiguration { LabelNames = ["reason", "codespace", "code"] });
        _checkTx = f.CreateHistogram("mirrorchain_check_tx_duration_seconds",
            "Time to answer a tx's admission (limits, cache, signature, CheckTx, mempool insert), admitted or not.", new HistogramConfiguration { Buckets = SecondsBuckets });
        _rpcRequests = f.CreateCounter("mirrorchain_rpc_requests_total",
            "JSON-RPC calls answered (URI GET, POST, each batch element, WebSocket), by method and status (ok or the JSON-RPC error code).",
            new CounterConfiguration { LabelNames = ["method", "status"] });
        _rpcDuration = f.CreateHistogram("mirrorchain_rpc_request_duration_seconds", "Time to answer a JSON-RPC call, by method.",
            new HistogramConfiguration { LabelNames = ["method"], Buckets = SecondsBuckets });
        _rpcHttp = f.CreateCounter("mirrorchain_rpc_http_responses_total", "HTTP responses of the JSON-RPC server, by status code.",
            new CounterConfiguration { LabelNames = ["status"] });
        _lcdRequests = f.CreateCounter("mirrorchain_lcd_requests_total", "LCD (Cosmos REST) requests answered, by HTTP method, route template and status code.",
            new CounterConfiguration { LabelNames = ["method", "route", "status"] });
        _lcdDuration = f.CreateHistogram("mirrorchain_lcd_request_duration_seconds", "Time to answer an LCD request, by route template.",
            new HistogramConfiguration { LabelNames = ["route"], Buckets = SecondsBuckets });
        _storeDisk = f.CreateGauge("mirrorchain_store_disk_bytes", "Bytes of the RocksDB directory on disk (SST files, WAL, MANIFEST, logs), read when scraped.");
        _storeSst = f.CreateGauge("mirrorchain_rocksdb_sst_files_bytes",
            "RocksDB SST file bytes, read when scraped: kind total (rocksdb.total-sst-files-size) or live (rocksdb.live-sst-files-size).",
            new GaugeConfiguration { LabelNames = ["kind"] });
        _storeMemtables = f.CreateGauge("mirrorchain_rocksdb_memtables_bytes", "RocksDB memtable bytes (rocksdb.cur-size-all-mem-tables), read when scraped.");
        DotNetStats.Register(Registry);
        Registry.AddBeforeCollectCallback(Sample);
    }

    /// <summary>The registry this node's metrics live in.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>
    /// Reads the node's height and mempool size at each scrape (and takes its latest block's time as the start of the
    /// first block interval).
    /// </summary>
    public void Observe(ChainNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.LatestBlock is { } latest)
        {
            Interlocked.CompareExchange(ref _lastBlockNanos, latest.Header.Time.UnixNanoseconds, long.MinValue);
        }
        Volatile.Write(ref _node, node);
    }

    /// <summary>
    /// Reads the store's size at each scrape: the bytes of the files under <paramref name="path"/> and RocksDB's
    /// numeric properties through <paramref name="intProperty"/> (e.g. <c>RocksDbStore.GetIntProperty</c>).
    /// </summary>
    public void ObserveStore(string path, Func<string, long?>? intProperty)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _storeProperty = intProperty;
        Volatile.Write(ref _storePath, path);
    }

    /// <summary>Writes every metric in the Prometheus text format (what <c>GET /metrics</c> serves).</summary>
    public Task ExportAsync(Stream destination, CancellationToken ct) => Registry.CollectAndExportAsTextAsync(destination, ct);

    public void BlockCommitted(CommittedBlockSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var header = sample.Block.Header;
        _height.Set(header.Height);
        var now = header.Time.UnixNanoseconds;
        var previous = Interlocked.Exchange(ref _lastBlockNanos, now);
        if (previous != long.MinValue && now > previous)
        {
            _blockInterval.Observe((now - previous) / 1e9);
        }
        var results = sample.Results.TxResults;
        long gas = 0;
        var failed = 0;
        foreach (var r in results)
        {
            gas += r.GasUsed;
            if (r.Code != 0)
            {
                failed++;
            }
        }
        _numTxs.Set(results.Count);
        _totalTxs.Inc(results.Count);
        _blockTxs.Observe(results.Count);
        _blockGas.Observe(gas);
        _gasUsed.Inc(gas);
        _committedTxs.WithLabels("ok").Inc(results.Count - failed);
        _committedTxs.WithLabels("failed").Inc(failed);
        _execution.Observe(sample.Execution.TotalSeconds);
        _commit.Observe(sample.Write.TotalSeconds);
        _mempoolUpdate.Observe(sample.MempoolUpdate.TotalSeconds);
    }

    public void TxChecked(int txBytes, CheckTxResponse response, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(response);
        _checkTx.Observe(elapsed.TotalSeconds);
        if (response.Code == 0)
        {
            _admitted.Inc();
            _txSize.Observe(txBytes);
            return;
        }
        _rejected.WithLabels(MempoolRejection.Reason(response), response.Codespace, response.Code.ToString(CultureInfo.InvariantCulture)).Inc();
    }

    public void RpcCall(string method, int errorCode, TimeSpan elapsed)
    {
        _rpcRequests.WithLabels(method, errorCode == 0 ? "ok" : errorCode.ToString(CultureInfo.InvariantCulture)).Inc();
        _rpcDuration.WithLabels(method).Observe(elapsed.TotalSeconds);
    }

    public void RpcHttpResponse(int statusCode) => _rpcHttp.WithLabels(statusCode.ToString(CultureInfo.InvariantCulture)).Inc();

    public void LcdRequest(string method, string route, int statusCode, TimeSpan elapsed)
    {
        _lcdRequests.WithLabels(method, route, statusCode.ToString(CultureInfo.InvariantCulture)).Inc();
        _lcdDuration.WithLabels(route).Observe(elapsed.TotalSeconds);
    }

    /// <summary>The scrape-time gauges; runs on the scraping thread, never on the block path.</summary>
    private void Sample()
    {
        if (Volatile.Read(ref _node) is { } node)
        {
            _height.Set(node.LatestHeight);
            _mempoolSize.Set(node.Mempool.Count);
            _mempoolBytes.Set(node.Mempool.Bytes);
        }
        if (Volatile.Read(ref _storePath) is { } path)
        {
            _storeDisk.Set(DirectoryBytes(path));
            if (_storeProperty is { } property)
            {
                SetIfKnown(_storeSst.WithLabels("total"), property("rocksdb.total-sst-files-size"));
                SetIfKnown(_storeSst.WithLabels("live"), property("rocksdb.live-sst-files-size"));
                SetIfKnown(_storeMemtables, property("rocksdb.cur-size-all-mem-tables"));
            }
        }
    }

    private static void SetIfKnown(IGauge gauge, long? value)
    {
        if (value is { } v)
        {
            gauge.Set(v);
        }
    }

    /// <summary>Sum of the file sizes under <paramref name="path"/>; files that vanish mid-walk (compaction) are skipped.</summary>
    public static long DirectoryBytes(string path)
    {
        long total = 0;
        var dir = new DirectoryInfo(path);
        if (!dir.Exists)
        {
            return 0;
        }
        foreach (var file in dir.EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
        {
            try
            {
                total += file.Length;
            }
            catch (FileNotFoundException)
            {
            }
        }
        return total;
    }
}
