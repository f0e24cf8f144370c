using System.Diagnostics;
using MirrorChain.Core;
using MirrorChain.Execution;
using MirrorChain.State;
using MirrorChain.Storage;
using MirrorChain.Tx;

namespace MirrorChain.Node;

/// <summary>
/// The node: committed state and blocks in one RocksDB, a mempool with its pending (check) state, and the one
/// path that changes state: <see cref="PrepareBlock"/> executes a block over a cache, <see cref="Commit"/> writes
/// state nodes, block, results, the tx-hash and block-hash indexes and the new height in one atomic batch, then hands
/// the results to the <see cref="EventIndexer"/>, which writes the event index off the block's critical path.
/// </summary>
public sealed class ChainNode : IDisposable
{
    private readonly IKeyValueStore _db;
    private readonly IChainApplication _app;
    private readonly SemaphoreSlim _commitLock = new(1, 1); // not thread-affine: prepare and commit may run on different threads
    private readonly Lock _checkLock = new();

    // Tx hashes whose signature CheckTx verified: the block that includes them skips the second verification.
    // Safe because a signature check is a pure function of the tx bytes, the chain id and the signer's account
    // number, which never changes once assigned. Entries leave with the tx (commit or eviction).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Hash32, byte> _verifiedSignatures = new();
    private StateCache _checkState;

    // Committed-state reads of admission (signature check and CheckTx) since the latest commit: the chain params and
    // the signer's account are read once per committed state, not once or twice per tx. Invalidated before the next
    // block's write and replaced with the pending state after it (under the check lock).
    private CommittedReadCache _committedReads;
    private long _latestHeight;
    private byte[] _latestAppHash;
    private Block? _latestBlock;

    // The results of the block this node committed last, when it stored them (the next header's last_results_hash
    // comes from them instead of reading and decoding them back); read and written under the commit lock.
    private BlockResults? _latestResults;
    private bool _disposed;

    // Loads the state a block will read and the tree paths it writes while it executes (NodeOptions.PrefetchState);
    // null when off.
    private readonly StatePrefetcher? _prefetcher;

    private ChainNode(IKeyValueStore db, GenesisDoc genesis, IChainApplication app, NodeOptions options)
    {
        _db = db;
        _app = app;
        Genesis = genesis;
        Options = options;
        State = new StateDb(db);
        _prefetcher = options.PrefetchState ? new StatePrefetcher(options.PrefetchDrainsAtBlockEnd) : null;
        Blocks = new BlockStore(db, Math.Max(0, options.RecentResultsKept));
        Mempool = new Mempool(options.MempoolMaxTxs, options.MempoolMaxBytes, options.MempoolMaxTxsPerSender, options.MempoolMaxBytesPerSender);
        SeenTxs = new SeenTxCache(options.MempoolCacheSize);
        AdmissionGate = new AdmissionGate(options.AdmissionChecksDuringBlock);
        ProposerAddress = genesis.Validators[0].Address;
        if (options.BlockSigner is { } signer)
        {
            CheckSigner(genesis.Validators[0], signer);
        }
        _latestHeight = Blocks.LatestHeight;
        _latestBlock = _latestHeight > 0 ? Blocks.GetBlock(_latestHeight) : null;
        _latestAppHash = State.LatestRoot;
        _committedReads = new CommittedReadCache(State.Committed);
        _checkState = new StateCache(_committedReads);
        if (options.IndexEvents)
        {
            var indexed = Math.Min(Blocks.IndexedHeight ?? 0, _latestHeight);
            if (indexed < _latestHeight)
            {
                options.Log?.Invoke($"event index: blocks {indexed + 1}..{_latestHeight} are not indexed (the node stopped before indexing them); " +
                    "re-indexing them from the stored results in the background (tx_search waits for it)");
            }
            Indexer = new EventIndexer(db, Blocks, indexed, _latestHeight, options.EventIndexQueueBlocks, options.Log);
        }
    }

    /// <summary>The validator key must be the genesis validator's (an Ed25519 key): otherwise no one could verify its commits.</summary>
    private static void CheckSigner(GenesisValidator validator, BlockSigner signer)
    {
        if (validator.PubKeyType != GenesisValidator.Ed25519Type)
        {
            throw new InvalidOperationException(
                $"the genesis validator has a {validator.PubKeyType} key, which cannot sign blocks here (Ed25519 only); start without the validator key, " +
                "or re-create the home from a genesis with an Ed25519 validator (tools/devnet --reset for the devnet's)");
        }
        if (!validator.PubKey.AsSpan().SequenceEqual(signer.PublicKey))
        {
            throw new InvalidOperationException(
                $"the validator key (address {Hex.Upper(signer.Address)}) is not the genesis validator's (address {Hex.Upper(validator.Address)}): " +
                "use the priv_validator_key.json that belongs to this genesis");
        }
        // CometBFT types/genesis.go ValidateAndComplete: a validator's address is its key's (SHA-256, first 20 bytes);
        // the commit names the signer by it, and validators lists the genesis address.
        if (!validator.Address.AsSpan().SequenceEqual(signer.Address))
        {
            throw new InvalidOperationException(
                $"the genesis validator's address {Hex.Upper(validator.Address)} is not its Ed25519 key's ({Hex.Upper(signer.Address)}, the first 20 bytes of SHA-256 of the key): fix the genesis");
        }
    }

    public GenesisDoc Genesis { get; }

    public NodeOptions Options { get; }

    public StateDb State { get; }

    public BlockStore Blocks { get; }

    /// <summary>The event index writer, or null when <see cref="NodeOptions.IndexEvents"/> is off.</summary>
    public EventIndexer? Indexer { get; }

    public Mempool Mempool { get; }

    /// <summary>How many CheckTxs may run while a block is produced (<see cref="NodeOptions.AdmissionChecksDuringBlock"/>).</summary>
    public AdmissionGate AdmissionGate { get; }

    /// <summary>CometBFT's mempool cache: recently seen tx hashes, refused before CheckTx.</summary>
    public SeenTxCache SeenTxs { get; }

    public byte[] ProposerAddress { get; }

    public long LatestHeight => Volatile.Read(ref _latestHeight);

    public byte[] LatestAppHash => Volatile.Read(ref _latestAppHash);

    public Block? LatestBlock => Volatile.Read(ref _latestBlock);

    /// <summary>How many waiting txs ran CheckTx again after the latest block (the others were kept unchanged).</summary>
    public int LastRecheckedTxs { get; private set; }

    /// <summary>Raised after each commit, outside the commit lock.</summary>
    public event Action<Block, BlockResults>? BlockCommitted;

    /// <summary>
    /// Opens the node over <paramref name="db"/>. A fresh store gets the genesis state committed as version 0;
    /// an existing one must have been created from the same genesis. A home without the indexed-height key was
    /// written by a build that put event keys into each block's batch: it is fully indexed, and gets the key now.
    /// </summary>
    public static ChainNode Open(IKeyValueStore db, GenesisDoc genesis, IChainApplication app, NodeOptions? options = null)
    {
        var stored = db.Get(StoreKeys.GenesisHash);
        if (stored is null)
        {
            InitChain(db, genesis, app);
        }
        else if (!stored.AsSpan().SequenceEqual(genesis.Hash))
        {
            throw new InvalidOperationException(
                "this data directory was initialised from a different genesis file; use --reset or another --home");
        }
        else if (db.Get(StoreKeys.IndexedHeight) is null)
        {
            using var batch = db.CreateBatch();
            batch.Put(StoreKeys.IndexedHeight, StoreKeys.EncodeHeight(new BlockStore(db).LatestHeight));
            db.Write(batch, sync: true);
        }
        return new ChainNode(db, genesis, app, options ?? new NodeOptions());
    }

    private static void InitChain(IKeyValueStore db, GenesisDoc genesis, IChainApplication app)
    {
        var state = new StateDb(db);
        var cache = new StateCache(state.Committed);
        app.InitChain(genesis, cache);
        using var batch = db.CreateBatch();
        var root = state.PrepareCommit(0, cache.Changes(), batch);
        batch.Put(StoreKeys.ChainId, System.Text.Encoding.UTF8.GetBytes(genesis.ChainId));
        batch.Put(StoreKeys.GenesisHash, genesis.Hash);
        batch.Put(StoreKeys.LatestHeight, StoreKeys.EncodeHeight(0));
        batch.Put(StoreKeys.IndexedHeight, StoreKeys.EncodeHeight(0)); // marks the format: event keys written after the block
        db.Write(batch, sync: true);
        state.MarkCommitted(0, root);
    }

    /// <summary>The context queries and CheckTx see: the next height at the latest block's time.</summary>
    public BlockContext NextContext()
    {
        var latest = LatestBlock;
        return new BlockContext(Genesis.ChainId, LatestHeight + 1, latest?.Header.Time ?? Genesis.GenesisTime);
    }

    /// <summary>
    /// CheckTx and admission to the mempool, in CometBFT 0.38's order (mempool/clist_mempool.go CheckTx): mempool
    /// full (20), too large for a block (21), seen recently (19 "tx already exists in cache", without running
    /// CheckTx), already committed (19); then the app's CheckTx, the block gas limit (41) and the per-sender limits
    /// (20). A tx refused after the cache check leaves the cache again, so it may be resent once the state allows
    /// it (CometBFT's <c>keep-invalid-txs-in-cache = false</c>).
    /// </summary>
    public CheckTxResponse SubmitTx(byte[] tx) => Submit(new TxEnvelope(tx));

    /// <summary>
    /// <see cref="SubmitTx(byte[])"/> of a tx already hashed (the RPC hashes it once for its answer and waiters);
    /// the envelope, decoded here once, is what the mempool keeps for recheck and the block.
    /// </summary>
    public CheckTxResponse Submit(TxEnvelope envelope)
    {
        var started = Stopwatch.GetTimestamp();
        var response = Admit(envelope);
        Options.Metrics.TxChecked(envelope.Bytes.Length, response, Stopwatch.GetElapsedTime(started));
        return response;
    }

    private CheckTxResponse Admit(TxEnvelope envelope)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(envelope);
        var tx = envelope.Bytes;
        var hash = envelope.Hash;
        if (Mempool.FullReason(tx.Length) is { } full)
        {
            return Fail(SdkError.MempoolIsFull, full);
        }
        if (TooLarge(tx.Length) is { } tooLarge)
        {
            return tooLarge;
        }
        if (!SeenTxs.Push(hash) || Mempool.Contains(hash))
        {
            return Fail(SdkError.TxInMempoolCache, "tx already exists in cache");
        }
        if (Blocks.GetTxLocation(envelope.HashBytes) is not null)
        {
            return Fail(SdkError.TxInMempoolCache, "tx already committed"); // stays in the cache: it is a valid tx
        }
        var admitted = false;
        AdmissionGate.Enter();
        try
        {
            var outcome = Check(envelope);
            admitted = outcome.Code == 0;
            return outcome;
        }
        finally
        {
            AdmissionGate.Leave();
            if (!admitted)
            {
                SeenTxs.Remove(hash);
            }
        }
    }

    /// <summary>
    /// CheckTx for an external consensus engine (ABCI: CometBFT keeps the mempool): the same checks against the
    /// pending state as <see cref="Submit"/>, without this node's mempool, cache or per-sender limits. A recheck
    /// (after each commit, for every tx the engine still holds) reuses the signature answer of its first check.
    /// </summary>
    public CheckTxResponse CheckExternal(TxEnvelope envelope, bool recheck)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(envelope);
        if (TooLarge(envelope.Bytes.Length) is { } tooLarge)
        {
            return tooLarge;
        }
        // The engine evicts txs without telling the app: bound the cache (answers are only a shortcut). Counting a
        // ConcurrentDictionary takes all its locks, so look only every few thousand checks.
        if (Interlocked.Increment(ref _externalChecks) % 4096 == 0 && _verifiedSignatures.Count > MaxExternalVerifiedSignatures)
        {
            _verifiedSignatures.Clear();
        }
        var known = recheck && _verifiedSignatures.ContainsKey(envelope.Hash);
        var outcome = Check(envelope, admit: false, known ? true : null);
        if (outcome.Code != 0)
        {
            _verifiedSignatures.TryRemove(envelope.Hash, out _);
        }
        return outcome;
    }

    private const int MaxExternalVerifiedSignatures = 200_000;
    private long _externalChecks;

    /// <summary>CometBFT's check that a tx fits in a block's data (code 21), or null when it fits.</summary>
    private CheckTxResponse? TooLarge(int length)
    {
        var size = BlockLimits.TxSize(length);
        return size <= Genesis.MaxDataBytes ? null : Fail(SdkError.TxTooLarge,
            $"tx size {size} exceeds the {Genesis.MaxDataBytes} bytes a block has for txs (consensus_params.block.max_bytes {Genesis.MaxBlockBytes})");
    }

    private CheckTxResponse Check(TxEnvelope tx, bool admit = true, bool? signatureKnownOk = null)
    {
        // The signature check is the expensive part and pure: run it outside the lock, so concurrent
        // broadcasts verify in parallel; only the sequence/fee bookkeeping on the pending state is serialized.
        var signatureOk = signatureKnownOk ?? VerifyForAdmission(tx);
        lock (_checkLock)
        {
            var txCache = new StateCache(_checkState);
            CheckTxResponse outcome;
            try
            {
                outcome = _app.CheckTx(tx, txCache, NextContext(), signatureOk);
            }
            catch (Exception e) when (!ExecutionErrors.IsNodeFault(e))
            {
                Options.Log?.Invoke($"CheckTx of tx {tx.Hash} panicked: {ExecutionErrors.Detail(e)}");
                return new CheckTxResponse(ExecutionErrors.Panic.Code, ExecutionErrors.Panic.Codespace, ExecutionErrors.PanicLog, 0, 0);
            }
            if (outcome.Code != 0)
            {
                return outcome;
            }
            // CometBFT mempool PostCheckMaxGas: a tx that wants more gas than a block allows could never be reaped.
            // The app's ante refuses it first (code 41); this keeps the mempool safe with any app.
            if (Genesis.MaxBlockGas >= 0 && outcome.GasWanted > Genesis.MaxBlockGas)
            {
                return Fail(SdkError.InvalidGasLimit, $"tx gas limit {outcome.GasWanted} exceeds block max gas {Genesis.MaxBlockGas}");
            }
            if (admit && !Mempool.TryAdd(new MempoolTx(tx, outcome.GasWanted, outcome.Sender), out var reason))
            {
                return Fail(SdkError.MempoolIsFull, reason ?? "mempool is full");
            }
            txCache.WriteTo(_checkState);
            if (signatureOk)
            {
                _verifiedSignatures.TryAdd(tx.Hash, 0);
            }
            return outcome;
        }
    }

    /// <summary>CheckTx's signature check, on the lower-priority admission threads when the options ask for them.</summary>
    private bool VerifyForAdmission(TxEnvelope tx)
    {
        var committed = Volatile.Read(ref _committedReads);
        if (Options.AdmissionVerifyThreads <= 0)
        {
            return _app.VerifyEnvelopeSignatures([tx], committed, Genesis.ChainId)[0];
        }
        var verifier = LazyInitializer.EnsureInitialized(ref _admissionVerifier, ref _admissionVerifierLock,
            () => new LowPriorityWorkers(Options.AdmissionVerifyThreads, "admission verify"));
        return verifier.Run(() => _app.VerifyEnvelopeSignatures([tx], committed, Genesis.ChainId)[0]);
    }

    private LowPriorityWorkers? _admissionVerifier;
    private object? _admissionVerifierLock;

    private static CheckTxResponse Fail(SdkError e, string context) => new(e.Code, e.Codespace, $"{context}: {e.Description}", 0, 0);

    /// <summary>Executes the next block over a cache and stages its atomic write; nothing is visible until <see cref="Commit"/>.</summary>
    public PendingBlock PrepareBlock(BlockTime time, IReadOnlyList<byte[]> txs) => PrepareEnvelopes(time, TxEnvelope.Wrap(txs));

    /// <summary>
    /// <see cref="PrepareBlock"/> over envelopes (the mempool's): their hashes
    /// and decodes are reused, not recomputed.
    /// </summary>
    public PendingBlock PrepareEnvelopes(BlockTime time, IReadOnlyList<TxEnvelope> envelopes)
    {
        ArgumentNullException.ThrowIfNull(envelopes);
        ObjectDisposedException.ThrowIf(_disposed, this);
        _commitLock.Wait();
        try
        {
            var previous = LatestBlock;
            if (previous is not null && time <= previous.Header.Time)
            {
                time = previous.Header.Time.AddNanoseconds(1_000_000); // block time strictly increases
            }
            var header = NextHeader(time, Hashing.MerkleRoot(envelopes.Select(t => t.HashBytes).ToList()), ProposerAddress);
            var block = new Block(header, envelopes.Select(t => t.Bytes).ToList(), BlockCodec.HeaderHash(header));
            // The validator's precommit: a pure function of the header (~50 µs), stored atomically with the block.
            var signature = Options.StoreBlocks ? Options.BlockSigner?.Sign(Genesis.ChainId, header.Height, block.Hash, header.Time) : null;
            return Execute(block, envelopes, signature: signature);
        }
        catch
        {
            _commitLock.Release();
            throw;
        }
    }

    /// <summary>
    /// Executes a block an external consensus engine decided (ABCI FinalizeBlock): the header is built here as for
    /// a produced block, with the engine's time and proposer, and the block is stored under the engine's block hash
    /// (the header hash when none is given). Nothing is visible until the pending block commits.
    /// </summary>
    public PendingBlock PrepareDecidedBlock(long height, BlockTime time, IReadOnlyList<byte[]> txs, byte[] proposer, byte[] hash)
    {
        ArgumentNullException.ThrowIfNull(txs);
        ArgumentNullException.ThrowIfNull(proposer);
        ArgumentNullException.ThrowIfNull(hash);
        ObjectDisposedException.ThrowIf(_disposed, this);
        _commitLock.Wait();
        try
        {
            if (height != LatestHeight + 1)
            {
                throw new InvalidOperationException($"expected block {LatestHeight + 1}, got {height}");
            }
            var envelopes = TxEnvelope.Wrap(txs);
            var header = NextHeader(time, Hashing.MerkleRoot(envelopes.Select(t => t.HashBytes).ToList()), proposer);
            return Execute(new Block(header, txs, hash.Length == 0 ? BlockCodec.HeaderHash(header) : hash), envelopes);
        }
        catch
        {
            _commitLock.Release();
            throw;
        }
    }

    /// <summary>The header of the next height over the latest block (caller holds the commit lock).</summary>
    private BlockHeader NextHeader(BlockTime time, byte[] dataHash, byte[] proposer)
    {
        var previous = LatestBlock;
        var previousResults = previous is null ? null
            : _latestResults is { } kept && kept.Height == previous.Header.Height ? kept
            : Blocks.GetResults(previous.Header.Height);
        return new BlockHeader
        {
            ChainId = Genesis.ChainId,
            Height = LatestHeight + 1,
            Time = time,
            LastBlockHash = previous?.Hash ?? [],
            DataHash = dataHash,
            AppHash = LatestAppHash,
            LastResultsHash = previousResults is null ? [] : BlockCodec.ResultsHash(previousResults.TxResults),
            ProposerAddress = proposer,
        };
    }

    /// <summary>CometBFT's data hash: the RFC 6962 Merkle root over the SHA-256 hashes of the txs.</summary>
    public static byte[] DataHash(IReadOnlyList<byte[]> txs) => Hashing.MerkleRoot(txs.Select(t => Hashing.TxHash(t)).ToList());

    /// <summary>Re-executes a stored block (replay): same path as production, header taken as given.</summary>
    public PendingBlock PrepareStoredBlock(Block block) => PrepareStoredBlock(block, null);

    /// <summary>
    /// <see cref="PrepareStoredBlock(Block)"/> with the block's signatures checked beforehand (replay's pipeline
    /// verifies upcoming blocks on other threads while this one executes): one answer per tx from
    /// <see cref="IChainApplication.VerifySignatures"/> against any committed state at or before the one this block
    /// starts from. A true answer is kept (a valid signature stays valid: account numbers and stored keys never
    /// change once set, as the CheckTx cache also relies on); a false one is checked again here against the state
    /// the block starts from, exactly as without pre-verification. So the answers execution sees are the
    /// sequential path's.
    /// </summary>
    /// <param name="block">The stored block.</param>
    /// <param name="signaturesOk">One pre-checked answer per tx, or null to check them here.</param>
    /// <param name="envelopes">The block's txs already wrapped (and decoded by the pre-check), or null to wrap them here.</param>
    public PendingBlock PrepareStoredBlock(Block block, bool[]? signaturesOk, IReadOnlyList<TxEnvelope>? envelopes = null)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (signaturesOk is not null && signaturesOk.Length != block.Txs.Count)
        {
            throw new ArgumentException($"signaturesOk has {signaturesOk.Length} entries for {block.Txs.Count} txs", nameof(signaturesOk));
        }
        if (envelopes is not null && envelopes.Count != block.Txs.Count)
        {
            throw new ArgumentException($"envelopes has {envelopes.Count} entries for {block.Txs.Count} txs", nameof(envelopes));
        }
        _commitLock.Wait();
        try
        {
            if (block.Header.Height != LatestHeight + 1)
            {
                throw new InvalidOperationException($"expected block {LatestHeight + 1}, got {block.Header.Height}");
            }
            return Execute(block, envelopes, signaturesOk);
        }
        catch
        {
            _commitLock.Release();
            throw;
        }
    }

    /// <summary>
    /// Validates the block against the consensus limits (bytes before execution, gas wanted after: the app knows
    /// each tx's gas limit), executes it over a cache and stages its batch. Throws <see cref="InvalidBlockException"/>
    /// with nothing staged when a limit is broken.
    /// </summary>
    private PendingBlock Execute(Block block, IReadOnlyList<TxEnvelope>? envelopes = null, bool[]? preverified = null, BlockSignature? signature = null)
    {
        var started = Stopwatch.GetTimestamp();
        var height = block.Header.Height;
        var dataBytes = BlockLimits.TxsSize(block.Txs);
        if (dataBytes > Genesis.MaxDataBytes)
        {
            throw new InvalidBlockException(height,
                $"its txs take {dataBytes} bytes, more than the {Genesis.MaxDataBytes} that consensus_params.block.max_bytes {Genesis.MaxBlockBytes} leaves for txs");
        }
        var ctx = new BlockContext(Genesis.ChainId, height, block.Header.Time);
        var reads = new ReadRecorder(State.Committed); // the values execution reads, for the tree (StateDb.PrepareCommit)
        envelopes ??= TxEnvelope.Wrap(block.Txs); // a stored block: hashed here once, decoded once when verified
        // The prefetcher loads, from the state and tree the block starts from, the keys the app expects the txs to
        // read, then the path of each key the block writes, handed over as it enters the block's cache (at the end
        // of its tx); ended before the update. Only speed depends on it (StatePrefetcher).
        var blockTxs = envelopes;
        TreeWarmup? warmup = null;
        if (_prefetcher is not null)
        {
            warmup = State.Tree.StartWarmup(State.LatestRoot, reads);
            _prefetcher.Begin(warmup, State.Committed, () => _app.LikelyReads(blockTxs, State.Committed));
        }
        var cache = new StateCache(reads) { KeyAdded = _prefetcher is { } prefetcher ? prefetcher.Add : null };
        var hashes = envelopes.Select(t => t.HashBytes).ToList();
        IReadOnlyList<TxResult> results;
        try
        {
            var sigs = preverified is null ? VerifyBlockSignatures(envelopes) : RecheckRefusedSignatures(envelopes, preverified);
            results = _app.ExecuteEnvelopes(ctx, envelopes, cache, sigs);
        }
        finally
        {
            _prefetcher?.End();
        }
        if (Genesis.MaxBlockGas >= 0)
        {
            Int128 gasWanted = 0;
            foreach (var r in results)
            {
                gasWanted += r.GasWanted;
            }
            if (gasWanted > Genesis.MaxBlockGas)
            {
                throw new InvalidBlockException(height,
                    $"its txs want {gasWanted} gas, more than consensus_params.block.max_gas {Genesis.MaxBlockGas}");
            }
        }
        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].Code == ExecutionErrors.Panic.Code && results[i].Codespace == ExecutionErrors.Panic.Codespace)
            {
                Options.Log?.Invoke($"tx {envelopes[i].Hash} (block {height}, index {i}) panicked and failed with code {ExecutionErrors.Panic.Code}: {results[i].Info}");
            }
        }
        var batch = _db.CreateBatch();
        var changes = cache.Changes();
        var appHash = State.PrepareCommit(block.Header.Height, changes, batch, reads);
        var blockResults = new BlockResults(block.Header.Height, results, appHash);
        var resultsExact = false;
        if (Options.StoreBlocks)
        {
            resultsExact = BlockStore.Append(batch, block, blockResults, hashes, signature);
        }
        else
        {
            batch.Put(StoreKeys.LatestHeight, StoreKeys.EncodeHeight(block.Header.Height)); // the state's height only
        }
        return new PendingBlock(this, block, blockResults, batch, hashes, changes)
        {
            ExecutionTime = Stopwatch.GetElapsedTime(started),
            ResultsStoredExactly = resultsExact,
            PrefetchedTreeNodes = warmup?.NodesRead ?? 0,
        };
    }

    /// <summary>Signature checks for a block: cached CheckTx results, the rest verified in parallel by the app.</summary>
    private bool[] VerifyBlockSignatures(IReadOnlyList<TxEnvelope> txs)
    {
        var result = new bool[txs.Count];
        var unknown = new List<int>();
        for (var i = 0; i < txs.Count; i++)
        {
            if (_verifiedSignatures.ContainsKey(txs[i].Hash))
            {
                result[i] = true;
            }
            else
            {
                unknown.Add(i);
            }
        }
        if (unknown.Count > 0)
        {
            var verified = _app.VerifyEnvelopeSignatures(unknown.Select(i => txs[i]).ToList(), State.Committed, Genesis.ChainId);
            for (var j = 0; j < unknown.Count; j++)
            {
                result[unknown[j]] = verified[j];
            }
        }
        return result;
    }

    /// <summary>Pre-verified answers with every false one verified again against the committed state (a copy).</summary>
    private bool[] RecheckRefusedSignatures(IReadOnlyList<TxEnvelope> txs, bool[] preverified)
    {
        var result = (bool[])preverified.Clone();
        var refused = new List<int>();
        for (var i = 0; i < result.Length; i++)
        {
            if (!result[i])
            {
                refused.Add(i);
            }
        }
        if (refused.Count > 0)
        {
            var verified = _app.VerifyEnvelopeSignatures(refused.Select(i => txs[i]).ToList(), State.Committed, Genesis.ChainId);
            for (var j = 0; j < refused.Count; j++)
            {
                result[refused[j]] = verified[j];
            }
        }
        return result;
    }

    /// <summary>
    /// Writes the staged block atomically, then updates the in-memory view and the mempool. A failing write (a
    /// <c>RocksDbException</c>: I/O error, disk full) propagates with nothing written and the view unchanged; a
    /// failure after the write is an <see cref="InvariantViolationException"/> (the disk is ahead of the view).
    /// </summary>
    internal void Commit(PendingBlock pending)
    {
        var writeStarted = Stopwatch.GetTimestamp();
        try
        {
            // The tree's node cache takes the block's new nodes on another core while the batch is written (mostly
            // waiting for the disk); harmless if the write fails (StateDb.WarmCache).
            var height = pending.Block.Header.Height;
            var warming = Task.Run(() => State.WarmCache(height));
            // From here on the committed state may change: admission's cached reads of it go to the store until
            // RecheckMempool starts a cache over the new state (also when the write fails: reads stay correct).
            Volatile.Read(ref _committedReads).Invalidate();
            try
            {
                _db.Write(pending.Batch, Options.SyncWrites);
            }
            catch
            {
                WaitQuietly(warming);
                throw;
            }
            try
            {
                warming.GetAwaiter().GetResult();
                State.MarkCommitted(height, pending.Results.AppHash);
                Volatile.Write(ref _latestBlock, pending.Block);
                _latestResults = Options.StoreBlocks ? pending.Results : null; // as Blocks.GetResults would give them
                if (Options.StoreBlocks)
                {
                    Blocks.RememberResults(pending.Results, pending.ResultsStoredExactly);
                }
                Volatile.Write(ref _latestAppHash, pending.Results.AppHash);
                Volatile.Write(ref _latestHeight, pending.Block.Header.Height);
                Indexer?.Enqueue(pending.Results); // under the commit lock: in height order; never blocks
            }
            catch (Exception e) when (e is not InvariantViolationException)
            {
                throw new InvariantViolationException(
                    $"block {pending.Block.Header.Height} was written but the node could not take it as its latest block: {e.Message}", e);
            }
        }
        finally
        {
            pending.Batch.Dispose();
            _commitLock.Release();
        }
        var written = Stopwatch.GetTimestamp();
        // The mempool cache keeps committed valid txs (a resend is refused without CheckTx) and forgets failed
        // ones (CometBFT mempool Update with keep-invalid-txs-in-cache = false).
        for (var i = 0; i < pending.TxHashes.Count; i++)
        {
            if (pending.Results.TxResults[i].Code == 0)
            {
                SeenTxs.Push(pending.TxHashes[i]);
            }
            else
            {
                SeenTxs.Remove(pending.TxHashes[i]);
            }
        }
        RecheckMempool(pending);
        Options.Metrics.BlockCommitted(new CommittedBlockSample(pending.Block, pending.Results, pending.ExecutionTime,
            Stopwatch.GetElapsedTime(writeStarted, written), Stopwatch.GetElapsedTime(written)));
        // Admission goes on before the listeners run: one may broadcast (a no-op when no produced block started it).
        AdmissionGate.BlockEnded();
        if (BlockCommitted is { } handlers)
        {
            // A failing listener (e.g. an RPC waiter) must not stop block production: report it and go on.
            foreach (var handler in handlers.GetInvocationList().Cast<Action<Block, BlockResults>>())
            {
                try
                {
                    handler(pending.Block, pending.Results);
                }
                catch (Exception e) when (!ExecutionErrors.IsNodeFault(e))
                {
                    Options.Log?.Invoke($"a block-committed listener failed at height {pending.Block.Header.Height}: {ExecutionErrors.Detail(e)}");
                }
            }
        }
    }

    // Waits for a task whose outcome no longer matters (the write it ran beside failed and that failure is reported).
    private static void WaitQuietly(Task task)
    {
        try
        {
            task.Wait();
        }
        catch (AggregateException)
        {
            // nothing to add to the write's own exception: MarkCommitted is not reached
        }
    }

    internal void Abandon(PendingBlock pending)
    {
        pending.Batch.Dispose();
        _commitLock.Release();
    }

    /// <summary>
    /// Produces and commits the next block from the mempool's oldest txs, within max_bytes and max_gas. A block
    /// built here that still breaks a limit is an <see cref="InvariantViolationException"/> (reaping is broken).
    /// </summary>
    public (Block Block, BlockResults Results) ProduceBlock(BlockTime time)
    {
        // The block in progress takes precedence over admission (AdmissionGate) from the reap until the mempool is
        // rechecked; Commit opens the gate before the listeners, the finally when the block fails.
        AdmissionGate.BlockStarted();
        try
        {
            var txs = Mempool.Reap(Genesis.MaxDataBytes, Genesis.MaxBlockGas).Select(t => t.Tx).ToList();
            PendingBlock prepared;
            try
            {
                prepared = PrepareEnvelopes(time, txs);
            }
            catch (InvalidBlockException e)
            {
                throw new InvariantViolationException($"the block producer built an invalid block: {e.Message}", e);
            }
            using var pending = prepared;
            pending.Commit();
            return (pending.Block, pending.Results);
        }
        finally
        {
            AdmissionGate.BlockEnded();
        }
    }

    /// <summary>
    /// After a block: drops its txs from the mempool and checks the waiting ones again against the new state, in
    /// order, evicting those that fail. With the app's <see cref="IChainApplication.RecheckScope"/> only the txs of
    /// senders the block may have changed run CheckTx again: a sender is rechecked when the block changed a state
    /// key the scope attributes to it, or included one of its waiting txs (whatever the result), or one of its
    /// waiting txs depends on the block height or time; every sender when the block changed a global key (chain
    /// params) or a waiting tx names no sender. A sender not rechecked keeps its txs, and the pending state keeps
    /// its keys as the previous pending state had them: they were computed from the same committed values (the
    /// block did not change them) by the same txs, so CheckTx would compute them again. Signatures are never
    /// verified again (a valid signature stays valid), and each envelope keeps its decode.
    /// </summary>
    private void RecheckMempool(PendingBlock pending)
    {
        var committed = pending.TxHashes;
        lock (_checkLock)
        {
            var previous = _checkState;
            Volatile.Write(ref _committedReads, new CommittedReadCache(State.Committed));
            _checkState = new StateCache(_committedReads);
            var ctx = NextContext();
            var committedHashes = new Hash32[committed.Count];
            for (var i = 0; i < committedHashes.Length; i++)
            {
                committedHashes[i] = Hash32.FromBytes(committed[i]);
                _verifiedSignatures.TryRemove(committedHashes[i], out _);
            }
            // Admissions wait on the check lock, so nothing enters the mempool between these two steps.
            var included = Mempool.RemoveCommitted(committedHashes);
            if (Mempool.Count == 0)
            {
                LastRecheckedTxs = 0;
                return;
            }
            var scope = _app.RecheckScope;
            var recheck = scope is null ? null : SendersToRecheck(scope, pending.Changes, included);
            var kept = new HashSet<string>(StringComparer.Ordinal);
            var checkedAgain = 0;
            var evicted = Mempool.Recheck(tx =>
            {
                if (recheck is not null && !recheck.Contains(tx.Sender))
                {
                    kept.Add(tx.Sender);
                    return true;
                }
                checkedAgain++;
                var txCache = new StateCache(_checkState);
                try
                {
                    if (_app.CheckTx(tx.Tx, txCache, ctx, signatureOk: true).Code != 0) // admitted txs had valid signatures
                    {
                        return false;
                    }
                }
                catch (Exception e) when (!ExecutionErrors.IsNodeFault(e))
                {
                    Options.Log?.Invoke($"recheck of tx {tx.TxHash} panicked, evicted: {ExecutionErrors.Detail(e)}");
                    return false;
                }
                txCache.WriteTo(_checkState);
                return true;
            });
            if (kept.Count > 0)
            {
                // The rechecked txs read no key of a kept sender (the scope's contract), so the order does not matter.
                foreach (var (key, value) in previous.Changes())
                {
                    if (scope!.Owner(key) is { Length: > 0 } owner && kept.Contains(owner))
                    {
                        if (value is null)
                        {
                            _checkState.Delete(key);
                        }
                        else
                        {
                            _checkState.Set(key, value);
                        }
                    }
                }
            }
            LastRecheckedTxs = checkedAgain;
            foreach (var tx in evicted)
            {
                _verifiedSignatures.TryRemove(tx.TxHash, out _);
                SeenTxs.Remove(tx.TxHash);
            }
        }
    }

    /// <summary>The senders whose waiting txs the block may have changed (see <see cref="RecheckMempool"/>); null = all.</summary>
    private HashSet<string>? SendersToRecheck(IRecheckScope scope, IReadOnlyList<KeyValuePair<byte[], byte[]?>> changes, IReadOnlyList<MempoolTx> included)
    {
        var senders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tx in included)
        {
            if (tx.Sender.Length == 0)
            {
                return null;
            }
            senders.Add(tx.Sender); // its pending effects assumed this tx passes: whatever the block made of it, check again
        }
        foreach (var (key, _) in changes)
        {
            switch (scope.Owner(key))
            {
                case null:
                    break;
                case { Length: 0 }:
                    return null;
                case var owner:
                    senders.Add(owner);
                    break;
            }
        }
        foreach (var tx in Mempool.Snapshot(int.MaxValue))
        {
            if (tx.Sender.Length == 0)
            {
                return null;
            }
            if (!senders.Contains(tx.Sender) && scope.DependsOnBlockContext(tx.Tx, _checkState))
            {
                senders.Add(tx.Sender);
            }
        }
        return senders;
    }

    /// <summary>ABCI query over the committed state (a consistent snapshot).</summary>
    public (QueryAnswer Result, long Height) Query(string path, byte[] data)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var view = State.OpenReadView();
        return (_app.Query(path, data, view, NextContext()), view.Version);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _commitLock.Wait();
        _disposed = true;
        _commitLock.Release();
        // No block commits any more: let the indexer finish the committed blocks for a while, then abandon the rest
        // (re-indexed at the next start). The store must stay open until this returns.
        if (Indexer is { } indexer)
        {
            indexer.Stop(Options.EventIndexDrainTimeout);
            indexer.Dispose();
        }
        Volatile.Read(ref _admissionVerifier)?.Dispose();
        _prefetcher?.Dispose();
    }
}
