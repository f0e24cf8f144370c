using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MirrorChain.Node;
using MirrorChain.Storage;

namespace MirrorChain.Benchmarks;

/// <summary>
/// A chain whose genesis state holds <c>N</c> extra funded accounts, for <see cref="StateGrowthBenchmarks"/>.
/// <para>
/// Built once per N by the node's own InitChain: the devnet genesis (without its wasm deployment) plus N generated
/// <c>bank.balances</c> entries (account i's key is <see cref="BenchTxs.Key"/>(i), 1 000 000 000 uluna), opened by
/// <see cref="ChainNode.Open"/> over RocksDB. So the state is exactly what that genesis writes: the accounts
/// (numbers 11 … 10 + N, in file order), balances, supply, the tree nodes and the version-0 root. The only departure
/// from a node's start is that the one InitChain batch (≈ 4 N puts) is written in chunks of
/// <see cref="ChunkPuts"/> (unsynced, the last one synced) so that 1M accounts do not need one multi-GB batch.
/// After the build the stored genesis hash is set to that of the devnet document without the generated balances,
/// which is the document the benchmark opens the node with (the node reads app_state only at InitChain), so a
/// run never re-parses a 100 MB genesis.
/// </para>
/// <para>
/// Cache: the built database stays in <c>$TMPDIR/mirrorchain-stategrowth/base-N-v1-G</c>, G the first 12 hex digits
/// of the base genesis hash (a <c>complete</c> marker is written last; delete the directory to rebuild; stale ones
/// of an older genesis can be deleted). Each benchmark case runs on a fresh working copy
/// (<see cref="CheckOut"/>): the immutable SST files are symlinked, the rest (manifest, WAL, options) copied, so
/// every case starts from the same untouched state in well under a second and the base is never written.
/// </para>
/// </summary>
internal static class StateGrowthFixture
{
    /// <summary>Puts per written chunk of the InitChain batch.</summary>
    public const int ChunkPuts = 200_000;

    /// <summary>Accounts of the devnet genesis before the generated ones (test1..test10, validator).</summary>
    public const ulong FirstGeneratedAccountNumber = 11;

    public const string Denom = "uluna";
    public const ulong Funds = 1_000_000_000;

    private const string Version = "v1";

    // A block has 1000 distinct senders: a state needs at least that many accounts.
    private const int MinimumAccounts = 1000;

    public static string CacheRoot => Path.Combine(Path.GetTempPath(), "mirrorchain-stategrowth");

    /// <summary>
    /// The state sizes to benchmark: <c>MC_STATE_GROWTH_ACCOUNTS</c> (comma-separated, e.g. <c>10000,1000000</c>)
    /// or 10 000, 100 000 and 1 000 000.
    /// </summary>
    public static IReadOnlyList<int> Sizes()
    {
        var text = Environment.GetEnvironmentVariable("MC_STATE_GROWTH_ACCOUNTS");
        if (string.IsNullOrWhiteSpace(text))
        {
            return [10_000, 100_000, 1_000_000];
        }
        return [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= MinimumAccounts
                ? count
                : throw new ArgumentException($"MC_STATE_GROWTH_ACCOUNTS: '{n}' is not a number of accounts ≥ {MinimumAccounts}"))];
    }

    /// <summary>Builds the states of <see cref="Sizes"/> when the command line selects the state-growth benchmarks.</summary>
    public static void BuildIfSelected(IReadOnlyList<string> args)
    {
        if (args.Contains("--list") || !args.Any(a => a.Contains("StateGrowth", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }
        foreach (var accounts in Sizes())
        {
            EnsureBuilt(accounts, Console.WriteLine);
        }
    }

    /// <summary>The devnet genesis without its wasm deployment: what the benchmark's node is opened with.</summary>
    public static GenesisDoc BaseGenesis() => GenesisDoc.Parse(BaseGenesisJson().ToJsonString());

    /// <summary>The database directory of the built state with <paramref name="accounts"/> generated accounts (building it if missing).</summary>
    public static string EnsureBuilt(int accounts, Action<string>? log = null)
    {
        // Named for the devnet genesis it was built from: a changed genesis (the node refuses a home initialised from
        // another one) builds a new state instead of failing every case.
        var genesisTag = Convert.ToHexStringLower(BaseGenesis().Hash)[..12];
        var dir = Path.Combine(CacheRoot, $"base-{accounts}-{Version}-{genesisTag}");
        var marker = Path.Combine(dir, "complete");
        if (File.Exists(marker))
        {
            return Path.Combine(dir, "db");
        }
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
        Directory.CreateDirectory(dir);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var genesis = GenesisDoc.Parse(GeneratedGenesisJson(accounts));
        log?.Invoke($"state builder: genesis with {accounts} generated accounts in {watch.Elapsed.TotalSeconds:F1} s");
        using (var store = RocksDbStore.Open(Path.Combine(dir, "db")))
        {
            using (var chunked = new ChunkedWriteStore(store, ChunkPuts))
            using (ChainNode.Open(chunked, genesis, new MirrorApplication()))
            {
            }
            using var batch = store.CreateBatch();
            batch.Put(StoreKeys.GenesisHash, BaseGenesis().Hash);
            store.Write(batch, sync: true);
        }
        File.WriteAllText(marker, $"{accounts} accounts, built in {watch.Elapsed.TotalSeconds:F1} s\n");
        log?.Invoke($"state builder: {accounts} accounts committed in {watch.Elapsed.TotalSeconds:F1} s");
        return Path.Combine(dir, "db");
    }

    /// <summary>A fresh working copy of a built database (SST files symlinked, the rest copied) in a new temp dir.</summary>
    public static string CheckOut(string builtDb)
    {
        var work = Directory.CreateTempSubdirectory("mirrorchain-stategrowth-work-").FullName;
        foreach (var file in Directory.EnumerateFiles(builtDb))
        {
            var name = Path.GetFileName(file);
            if (name == "LOCK" || name.StartsWith("LOG", StringComparison.Ordinal))
            {
                continue;
            }
            var target = Path.Combine(work, name);
            if (name.EndsWith(".sst", StringComparison.Ordinal))
            {
                File.CreateSymbolicLink(target, file);
            }
            else
            {
                File.Copy(file, target);
            }
        }
        return work;
    }

    /// <summary>Key of generated account i (0-based): <see cref="BenchTxs.Key"/>(i).</summary>
    public static Crypto.PrivateKey Key(int i) => BenchTxs.Key(i);

    private static JsonNode BaseGenesisJson()
    {
        var json = JsonNode.Parse(File.ReadAllText(RepoFiles.Find("genesis/devnet.json")))!;
        json["app_state"]!.AsObject().Remove("wasm");
        return json;
    }

    private static string GeneratedGenesisJson(int accounts)
    {
        var addresses = new string[accounts];
        Parallel.For(0, accounts, i => addresses[i] = Key(i).Address.ToString());
        var json = BaseGenesisJson();
        var balances = json["app_state"]!["bank"]!["balances"]!.AsArray();
        // Appended as raw JSON text: a million JsonNode objects would cost far more than the text.
        var text = new StringBuilder(accounts * 120);
        foreach (var address in addresses)
        {
            text.Append(",{\"address\":\"").Append(address).Append("\",\"coins\":[{\"denom\":\"").Append(Denom)
                .Append("\",\"amount\":\"").Append(Funds.ToString(CultureInfo.InvariantCulture)).Append("\"}]}");
        }
        const string Placeholder = "\"__generated_balances__\"";
        balances.Add(JsonValue.Create("__generated_balances__"));
        var doc = json.ToJsonString();
        var at = doc.IndexOf(Placeholder, StringComparison.Ordinal);
        // the placeholder is the array's last element and follows the existing ones' comma
        return string.Concat(doc.AsSpan(0, at - 1), text.ToString(), doc.AsSpan(at + Placeholder.Length));
    }

    /// <summary>A store whose batches write themselves out every <c>chunk</c> puts (unsynced); the final write is as asked.</summary>
    private sealed class ChunkedWriteStore(IKeyValueStore inner, int chunk) : IKeyValueStore
    {
        public byte[]? Get(ReadOnlySpan<byte> key) => inner.Get(key);

        public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start, byte[]? end, bool reverse = false) =>
            inner.Range(start, end, reverse);

        public IWriteBatch CreateBatch() => new ChunkedBatch(inner, chunk);

        public void Write(IWriteBatch batch, bool sync = false) => ((ChunkedBatch)batch).Flush(sync);

        public IKeyValueSnapshot GetSnapshot() => inner.GetSnapshot();

        public void Dispose()
        {
            // the inner store belongs to the caller
        }
    }

    private sealed class ChunkedBatch(IKeyValueStore store, int chunk) : IWriteBatch
    {
        private IWriteBatch _current = store.CreateBatch();
        private int _written;

        public int Count => _written + _current.Count;

        public void Put(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
        {
            _current.Put(key, value);
            SpillIfFull();
        }

        public void Delete(ReadOnlySpan<byte> key)
        {
            _current.Delete(key);
            SpillIfFull();
        }

        public void Flush(bool sync)
        {
            _written += _current.Count;
            store.Write(_current, sync);
            _current.Dispose();
            _current = store.CreateBatch();
        }

        public void Dispose() => _current.Dispose();

        private void SpillIfFull()
        {
            if (_current.Count >= chunk)
            {
                Flush(sync: false);
            }
        }
    }
}
