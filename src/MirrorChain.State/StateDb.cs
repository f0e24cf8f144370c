using System.Buffers;
using MirrorChain.Storage;

namespace MirrorChain.State;

/// <summary>
/// Versioned application state in a shared key-value store (layout in <see cref="StateStoreKeys"/>): the flat latest
/// values, the content-addressed tree nodes and one root per version. The root after each block is the app hash.
/// <para>
/// Commit is two-phase so state and block data land in one atomic write: <see cref="PrepareCommit"/> puts
/// everything into the caller's batch and returns the new root without writing; the caller adds its own data,
/// writes the batch, then calls <see cref="MarkCommitted"/>. If the batch is never written, nothing changed.
/// </para>
/// <para>
/// Thread-safety: one committer; any number of concurrent readers. <see cref="Committed"/> reads the store
/// directly (between the caller's write and <see cref="MarkCommitted"/> it may already show the new values);
/// use <see cref="OpenReadView"/> for reads that must all see one version.
/// </para>
/// </summary>
public sealed class StateDb
{
    private static readonly byte[] RootsStart = [StateStoreKeys.Root];
    private static readonly byte[] RootsEnd = [StateStoreKeys.Root + 1];

    private readonly IKeyValueStore _store;
    private readonly Lock _commitLock = new();
    private CommitPoint _latest;
    private Prepared? _prepared;

    /// <summary>Opens the state in <paramref name="store"/>, loading the latest version from its root entries.</summary>
    public StateDb(IKeyValueStore store, int nodeCacheCapacity = MerkleTree.DefaultCacheCapacity)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        Tree = new MerkleTree(new StoreNodeReader(store), nodeCacheCapacity);
        Committed = new FlatStateReader(store);
        _latest = ReadLatest(store);
    }

    public MerkleTree Tree { get; }

    /// <summary>The last committed version; -1 before the first commit (version 0 is the genesis state).</summary>
    public long LatestVersion => Volatile.Read(ref _latest).Version;

    /// <summary>The root of <see cref="LatestVersion"/>; 32 zero bytes before the first commit.</summary>
    public byte[] LatestRoot => (byte[])Volatile.Read(ref _latest).Root.Clone();

    /// <summary>The latest committed values, read from the flat entries.</summary>
    public IStateReader Committed { get; }

    /// <summary>A snapshot-bound view of the latest committed state, with its version and root.</summary>
    public StateReadView OpenReadView()
    {
        var snapshot = _store.GetSnapshot();
        try
        {
            var point = ReadLatest(snapshot);
            return new StateReadView(snapshot, point.Version, point.Root);
        }
        catch
        {
            snapshot.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Computes version <paramref name="version"/> (the next one: <see cref="LatestVersion"/> + 1, or any
    /// version ≥ 0 for the first commit) from <paramref name="sortedChanges"/> (key → value, null = delete; keys
    /// unique) and puts the flat values, new tree nodes and the version's root into <paramref name="batch"/>.
    /// Returns the new root. Nothing is written; call <see cref="MarkCommitted"/> after writing the batch.
    /// </summary>
    /// <param name="version">The version to prepare.</param>
    /// <param name="sortedChanges">Key → value (null = delete), keys unique.</param>
    /// <param name="batch">Receives the flat values, the new tree nodes and the root.</param>
    /// <param name="reads">
    /// When the changes were computed over a <see cref="ReadRecorder"/> on <see cref="Committed"/>: the values it saw
    /// spare the tree re-reading the changed keys' current values. The root and nodes are the same either way.
    /// </param>
    public byte[] PrepareCommit(long version, IReadOnlyList<KeyValuePair<byte[], byte[]?>> sortedChanges, IWriteBatch batch, ReadRecorder? reads = null)
    {
        ArgumentNullException.ThrowIfNull(sortedChanges);
        ArgumentNullException.ThrowIfNull(batch);
        lock (_commitLock)
        {
            var latest = _latest;
            var expected = latest.Version < 0 ? Math.Max(0, version) : latest.Version + 1;
            if (version != expected)
            {
                throw new ArgumentOutOfRangeException(nameof(version), version,
                    $"the next state version is {(latest.Version < 0 ? "any version ≥ 0" : expected)} (latest is {latest.Version})");
            }
            // The flat entries hold the latest version's values: they let the tree recognise the changed keys'
            // leaves without reading them (a value that does not match the tree is simply not used).
            var update = Tree.Apply(latest.Root, sortedChanges, reads?.KnownValues ?? Committed);
            PutFlatValues(sortedChanges, batch);
            PutNodes(update, batch);
            batch.Put(StateStoreKeys.RootKey(version), update.Root);
            _prepared = new Prepared(version, update);
            return (byte[])update.Root.Clone();
        }
    }

    /// <summary>
    /// Puts the nodes of prepared version <paramref name="version"/> into the tree's node cache now, and drops the
    /// nodes they replace, so that <see cref="MarkCommitted"/> only has to switch versions: meant to run on another
    /// thread while the caller writes the batch. Harmless if the batch is then never written: nodes are immutable
    /// and content-addressed, so a cached node is only found through a parent that names its hash (a committed tree
    /// never names one that is not stored), and a dropped node is read from the store again. False when that version
    /// is not the prepared one.
    /// </summary>
    public bool WarmCache(long version)
    {
        lock (_commitLock)
        {
            if (_prepared is not { } prepared || prepared.Version != version)
            {
                return false;
            }
            if (!prepared.Cached)
            {
                Tree.Remember(prepared.Update);
                prepared.Cached = true;
            }
            return true;
        }
    }

    /// <summary>Records that the batch from the matching <see cref="PrepareCommit"/> was written.</summary>
    public void MarkCommitted(long version, byte[] root)
    {
        ArgumentNullException.ThrowIfNull(root);
        lock (_commitLock)
        {
            if (_prepared is not { } prepared || prepared.Version != version || !prepared.Update.Root.AsSpan().SequenceEqual(root))
            {
                throw new InvalidOperationException($"state version {version} with this root was not prepared");
            }
            if (!prepared.Cached)
            {
                Tree.Remember(prepared.Update);
            }
            Volatile.Write(ref _latest, new CommitPoint(version, (byte[])root.Clone()));
            _prepared = null;
        }
    }

    // 0x01 ‖ key → value (or a delete) for each change; keys are built in one reused buffer (the batch copies them).
    private static void PutFlatValues(IReadOnlyList<KeyValuePair<byte[], byte[]?>> changes, IWriteBatch batch)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(256);
        try
        {
            foreach (var (key, value) in changes)
            {
                if (key.Length + 1 > buffer.Length)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(key.Length + 1);
                }
                buffer[0] = StateStoreKeys.Flat;
                key.CopyTo(buffer, 1);
                var flatKey = buffer.AsSpan(0, key.Length + 1);
                if (value is null)
                {
                    batch.Delete(flatKey);
                }
                else
                {
                    batch.Put(flatKey, value);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // 0x02 ‖ hash → encoded node for each new node, children before parents, encoded into one reused buffer.
    private static void PutNodes(MerkleUpdate update, IWriteBatch batch)
    {
        Span<byte> nodeKey = stackalloc byte[1 + TreeHashing.HashSize];
        nodeKey[0] = StateStoreKeys.Node;
        var buffer = ArrayPool<byte>.Shared.Rent(1024);
        try
        {
            foreach (var node in update.Nodes)
            {
                var length = NodeCodec.EncodedLength(node);
                if (length > buffer.Length)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(length);
                }
                NodeCodec.EncodeTo(node, buffer);
                node.Hash.CopyTo(nodeKey[1..]);
                batch.Put(nodeKey, buffer.AsSpan(0, length));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The root of a committed version, or null if that version was never committed.</summary>
    public byte[]? RootAt(long version) => version < 0 ? null : _store.Get(StateStoreKeys.RootKey(version));

    /// <summary>The value of <paramref name="key"/> as of <paramref name="version"/>, read from the tree.</summary>
    public byte[]? GetAt(long version, byte[] key) => Tree.Get(RequireRoot(version), key);

    /// <summary>The value (null if absent) and its (non-)membership proof as of <paramref name="version"/>.</summary>
    public (byte[]? Value, MerkleProof Proof) Prove(long version, byte[] key)
    {
        var proof = Tree.Prove(RequireRoot(version), key, out var value);
        return (value, proof);
    }

    private byte[] RequireRoot(long version) =>
        RootAt(version) ?? throw new ArgumentOutOfRangeException(nameof(version), version,
            $"state version {version} is not committed (latest is {LatestVersion})");

    private static CommitPoint ReadLatest(IKeyValueReader reader)
    {
        foreach (var (key, root) in reader.Range(RootsStart, RootsEnd, reverse: true))
        {
            if (root.Length != 32)
            {
                throw new InvalidDataException($"state root entry {Convert.ToHexStringLower(key)} is {root.Length} bytes, not 32");
            }
            return new CommitPoint(StateStoreKeys.VersionOfRootKey(key), root);
        }
        return new CommitPoint(-1, MerkleTree.EmptyRoot);
    }

    private sealed record CommitPoint(long Version, byte[] Root);

    private sealed class Prepared(long Version, MerkleUpdate Update)
    {
        public long Version { get; } = Version;

        public MerkleUpdate Update { get; } = Update;

        /// <summary>Whether <see cref="WarmCache"/> already put the update's nodes into the cache.</summary>
        public bool Cached { get; set; }
    }
}
