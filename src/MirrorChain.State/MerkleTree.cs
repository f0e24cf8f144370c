using System.Security.Cryptography;

namespace MirrorChain.State;

// The state tree: a versioned, content-addressed, 16-ary sparse Merkle tree (Jellyfish-style).
// docs/state.md describes the same design with the storage layout, commit protocol and proof format.
//
// Path. A key's path is SHA256(key) read as 64 nibbles, high nibble of each byte first.
//
// Shape (canonical). The node at a path prefix p is: nothing if no key's hash starts with p; a leaf if exactly
// one does (the leaf sits at the highest position where it is alone); otherwise an internal node whose child n
// is the node at p ‖ n. So an internal node has ≥ 2 leaves below it, but may have a single child when that child
// is itself internal (no extension nodes). The shape is a function of the key set alone: inserting, deleting,
// reordering or batching differently always gives the same root; a delete that leaves one leaf in a subtree
// collapses that leaf upwards.
//
// Hashes.
//   leaf     = SHA256(0x00 ‖ SHA256(key) ‖ SHA256(value))
//   internal = SHA256(0x01 ‖ bitmap ‖ hashes of the present children in nibble order)
//              bitmap = u16 big-endian, bit (1 << n) set when child n is present
//   empty tree root = 32 zero bytes (no node is stored for it)
//
// Storage. Nodes are immutable and stored by hash (see NodeCodec); leaves keep the raw key and value, so any
// version's value can be read by walking from that version's root. Versions share unchanged subtrees. Nothing is
// ever deleted (no pruning yet). The tree itself is a pure function over an INodeReader: Apply returns the new
// root plus the nodes to persist, children before parents; the caller decides when (and whether) to write them.
//
// Proofs. See MerkleProof: the internal nodes on the key's path (each as bitmap + sibling hashes) and what ends
// the path — the key's leaf (membership), a different leaf in the key's slot, or an empty slot (non-membership).
//
// Cache. Decoded nodes are kept in a bounded NodeCache: the nodes near the root (every block walks through them)
// in a tier of their own, deeper ones in a smaller generational tier; nodes that a committed update replaced leave
// the cache. Nodes are content-addressed and immutable, so results are identical whatever the cache holds.
//
// Known values. Apply may be given the values at the root (the flat latest-value entries): a leaf slot holding
// exactly SHA256(0x00 ‖ SHA256(key) ‖ SHA256(current value)) is that key's leaf, so an update of an existing key
// needs no read of its leaf. A value that does not match the slot (absent, stale) only means the leaf is read.
// A leaf still in the node cache (e.g. written by a recent block) is taken from there first: no read, no hash.
//
// Parallelism. A large Apply updates the root's 16 subtrees on several threads. Each subtree is a pure function of
// its changes and the stored nodes; results and new-node lists are merged in nibble order, so the root and the
// NewNodes list are identical to a sequential run. The INodeReader must therefore allow concurrent reads.

/// <summary>The state tree over a node store. See the comment at the top of this file for the design.</summary>
public sealed class MerkleTree
{
    /// <summary>
    /// Default node cache size: half of it for the nodes above <see cref="NodeCache.UpperDepth"/> (all 69 905 of
    /// them fit, so a block finds every one of them cached), half for deeper nodes.
    /// </summary>
    public const int DefaultCacheCapacity = 1 << 18;

    // Below this many changes an Apply runs on the calling thread only.
    private const int ParallelThreshold = 512;

    // At most this many changed keys are tried as the leaf already in a slot (usually one key lands there).
    private const int MaxKnownLeafProbes = 4;

    private readonly INodeReader _reader;
    private readonly NodeCache _cache;
    private readonly bool _parallel;
    private long _storeReads;

    /// <param name="reader">The node store; must allow concurrent reads when <paramref name="parallel"/>.</param>
    /// <param name="cacheCapacity">Decoded nodes to keep in memory (0 = none).</param>
    /// <param name="parallel">Update the root's subtrees on several threads for large change sets.</param>
    public MerkleTree(INodeReader reader, int cacheCapacity = DefaultCacheCapacity, bool parallel = true)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfNegative(cacheCapacity);
        _reader = reader;
        _cache = new NodeCache(cacheCapacity);
        _parallel = parallel;
    }

    /// <summary>The root of the empty tree: 32 zero bytes.</summary>
    public static byte[] EmptyRoot => new byte[TreeHashing.HashSize];

    public static bool IsEmptyRoot(ReadOnlySpan<byte> root) =>
        root.Length == TreeHashing.HashSize && !root.ContainsAnyExcept((byte)0);

    /// <summary>Number of decoded nodes currently cached (diagnostics only).</summary>
    public int CachedNodes => _cache.Count;

    /// <summary>
    /// Nodes read from the store so far, by any thread (a <see cref="TreeWarmup"/>'s reads included; diagnostics and
    /// tests: it says how much of the tree was found in memory).
    /// </summary>
    public long StoreReads => Interlocked.Read(ref _storeReads);

    /// <summary>
    /// Starts loading paths of the tree at <paramref name="root"/> into the node cache ahead of an
    /// <see cref="Apply(byte[], IReadOnlyList{KeyValuePair{byte[], byte[]}}, IStateReader)"/> from that root (see
    /// <see cref="TreeWarmup"/>). Only speed depends on it.
    /// </summary>
    /// <param name="root">The committed root the coming update starts from.</param>
    /// <param name="reads">The recorder execution reads through, if any: a key it saw with a value needs no leaf read.</param>
    public TreeWarmup StartWarmup(byte[] root, ReadRecorder? reads = null)
    {
        CheckRoot(root);
        return new TreeWarmup(this, (byte[])root.Clone(), reads, _cache);
    }

    /// <summary>
    /// Applies <paramref name="changes"/> (key → value, null value = delete; any order, keys unique) to the tree at
    /// <paramref name="root"/>. Returns the new root and the nodes to persist. Nothing is written or cached.
    /// </summary>
    public MerkleUpdate Apply(byte[] root, IReadOnlyList<KeyValuePair<byte[], byte[]?>> changes) => Apply(root, changes, null);

    /// <summary>
    /// As <see cref="Apply(byte[], IReadOnlyList{KeyValuePair{byte[], byte[]}})"/>, with <paramref name="currentValues"/>
    /// giving the values at <paramref name="root"/> (null = unknown). They only spare reads: a key's leaf is taken
    /// from its value when the value's leaf hash is the one in the tree, and read from the store otherwise, so a
    /// wrong or stale value never changes the result. Must allow concurrent reads (see <c>parallel</c>).
    /// </summary>
    public MerkleUpdate Apply(byte[] root, IReadOnlyList<KeyValuePair<byte[], byte[]?>> changes, IStateReader? currentValues)
    {
        CheckRoot(root);
        ArgumentNullException.ThrowIfNull(changes);
        var sorted = new Change[changes.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            var (key, value) = changes[i];
            ArgumentNullException.ThrowIfNull(key, $"{nameof(changes)}[{i}].Key");
            var keyCopy = (byte[])key.Clone();
            var put = value is null ? null : new LeafNode(keyCopy, (byte[])value.Clone());
            sorted[i] = new Change(keyCopy, put?.KeyHash ?? TreeHashing.Sha256(keyCopy), put);
        }
        Array.Sort(sorted, static (a, b) => a.KeyHash.AsSpan().SequenceCompareTo(b.KeyHash));
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].KeyHash.AsSpan().SequenceEqual(sorted[i - 1].KeyHash))
            {
                throw new ArgumentException("the same key appears twice in one set of changes", nameof(changes));
            }
        }

        var log = new UpdateLog(currentValues);
        NodeRef? current = IsEmptyRoot(root) ? null : new NodeRef(root, IsLeaf: false);
        var result = _parallel && sorted.Length >= ParallelThreshold
            ? UpdateRootInParallel(current, sorted, log)
            : Update(current, 0, sorted, log);
        return new MerkleUpdate(result?.Hash ?? EmptyRoot, log.Nodes, log.Depths, log.Replaced);
    }

    /// <summary>The value of <paramref name="key"/> in the tree at <paramref name="root"/>, or null.</summary>
    public byte[]? Get(byte[] root, byte[] key)
    {
        CheckRoot(root);
        ArgumentNullException.ThrowIfNull(key);
        if (IsEmptyRoot(root))
        {
            return null;
        }
        var keyHash = SHA256.HashData(key);
        var hash = root;
        for (var depth = 0; ; depth++)
        {
            switch (Load(hash, depth))
            {
                case LeafNode leaf:
                    return leaf.Key.AsSpan().SequenceEqual(key) ? (byte[])leaf.Value.Clone() : null;
                case InternalNode inner:
                    var child = inner.Child(Nibbles.At(keyHash, depth));
                    if (child is null)
                    {
                        return null;
                    }
                    hash = child;
                    break;
            }
        }
    }

    /// <summary>A membership or non-membership proof for <paramref name="key"/> against <paramref name="root"/>.</summary>
    public MerkleProof Prove(byte[] root, byte[] key) => Prove(root, key, out _);

    /// <summary>As <see cref="Prove(byte[], byte[])"/>, also giving the value (null when absent).</summary>
    public MerkleProof Prove(byte[] root, byte[] key, out byte[]? value)
    {
        CheckRoot(root);
        ArgumentNullException.ThrowIfNull(key);
        value = null;
        var levels = new List<ProofLevel>();
        if (IsEmptyRoot(root))
        {
            return new MerkleProof(levels, null, null);
        }
        var keyHash = SHA256.HashData(key);
        var hash = root;
        for (var depth = 0; ; depth++)
        {
            switch (Load(hash, depth))
            {
                case LeafNode leaf:
                    if (leaf.Key.AsSpan().SequenceEqual(key))
                    {
                        value = (byte[])leaf.Value.Clone();
                    }
                    return new MerkleProof(levels, leaf.KeyHash, leaf.ValueHash);
                case InternalNode inner:
                    var nibble = Nibbles.At(keyHash, depth);
                    var siblings = new List<byte[]>(inner.ChildCount);
                    for (var n = 0; n < 16; n++)
                    {
                        if (n != nibble && inner.Child(n) is { } sibling)
                        {
                            siblings.Add(sibling);
                        }
                    }
                    levels.Add(new ProofLevel(inner.ChildMask, siblings));
                    var child = inner.Child(nibble);
                    if (child is null)
                    {
                        return new MerkleProof(levels, null, null);
                    }
                    hash = child;
                    break;
            }
        }
    }

    /// <summary>Caches the nodes of an update once they are persisted, and drops the ones it replaced.</summary>
    internal void Remember(MerkleUpdate update) => _cache.Update(update.Replaced, update.Nodes, update.Depths);

    // ---- update -------------------------------------------------------------------------------------------------

    // A change in key-hash order; Put null = delete.
    private readonly record struct Change(byte[] Key, byte[] KeyHash, LeafNode? Put);

    // What an update (or one parallel part of it) produced: new nodes with their depth, children before parents,
    // and the stored nodes it replaced.
    private sealed class UpdateLog(IStateReader? currentValues)
    {
        public IStateReader? CurrentValues { get; } = currentValues;

        public List<TreeNode> Nodes { get; } = [];

        public List<int> Depths { get; } = [];

        public List<byte[]> Replaced { get; } = [];

        public void Add(TreeNode node, int depth)
        {
            Nodes.Add(node);
            Depths.Add(depth);
        }

        public void Append(UpdateLog part)
        {
            Nodes.AddRange(part.Nodes);
            Depths.AddRange(part.Depths);
            Replaced.AddRange(part.Replaced);
        }
    }

    // The subtree at `current` (depth = its path length) with `changes` applied; all changes share that path.
    private NodeRef? Update(NodeRef? current, int depth, ReadOnlySpan<Change> changes, UpdateLog log)
    {
        if (changes.IsEmpty)
        {
            return current;
        }
        if (current is not { } existing)
        {
            var puts = new List<LeafNode>(changes.Length);
            foreach (var change in changes)
            {
                if (change.Put is { } put)
                {
                    puts.Add(put);
                }
            }
            return Build(depth, [.. puts], null, log);
        }
        // A cached node first (a dictionary lookup); then a leaf recognised from the changed keys' current values
        // (two hashes and a flat read per probe); the store last.
        var node = _cache.TryGet(existing.Hash, out var cached) ? cached : null;
        if (node is null && existing.IsLeaf && KnownLeaf(existing.Hash, changes, log.CurrentValues) is { } known)
        {
            return UpdateLeaf(known, depth, changes, log);
        }
        node ??= Load(existing.Hash, depth);
        if (node is LeafNode leaf)
        {
            return UpdateLeaf(leaf, depth, changes, log);
        }
        var inner = (InternalNode)node;
        var children = inner.ChildRefs();
        var i = 0;
        while (i < changes.Length)
        {
            var nibble = Nibbles.At(changes[i].KeyHash, depth);
            var j = i + 1;
            while (j < changes.Length && Nibbles.At(changes[j].KeyHash, depth) == nibble)
            {
                j++;
            }
            children[nibble] = Update(children[nibble], depth + 1, changes[i..j], log);
            i = j;
        }
        return Seal(children, inner, depth, log);
    }

    // Update() at depth 0, with each first-nibble subtree on its own work item, merged in nibble order.
    private NodeRef? UpdateRootInParallel(NodeRef? current, Change[] sorted, UpdateLog log)
    {
        var node = current is { } existing ? Load(existing.Hash, 0) : null;
        if (node is LeafNode)
        {
            return Update(current, 0, sorted, log);
        }
        var inner = (InternalNode?)node;
        var children = inner?.ChildRefs() ?? new NodeRef?[16];
        var groups = new List<(int Nibble, int Start, int Length)>();
        for (var i = 0; i < sorted.Length;)
        {
            var nibble = Nibbles.At(sorted[i].KeyHash, 0);
            var j = i + 1;
            while (j < sorted.Length && Nibbles.At(sorted[j].KeyHash, 0) == nibble)
            {
                j++;
            }
            groups.Add((nibble, i, j - i));
            i = j;
        }
        var results = new NodeRef?[groups.Count];
        var parts = new UpdateLog[groups.Count];
        try
        {
            Parallel.For(0, groups.Count, g =>
            {
                var (nibble, start, length) = groups[g];
                parts[g] = new UpdateLog(log.CurrentValues);
                results[g] = Update(children[nibble], 1, sorted.AsSpan(start, length), parts[g]);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
        for (var g = 0; g < groups.Count; g++)
        {
            children[groups[g].Nibble] = results[g];
            log.Append(parts[g]);
        }
        return Seal(children, inner, 0, log);
    }

    // The leaf stored under `hash`, recognised without a read: the leaf of one of the changed keys with its current
    // value (from `currentValues`), if that leaf's hash is `hash`. Null when no changed key matches.
    private static LeafNode? KnownLeaf(byte[] hash, ReadOnlySpan<Change> changes, IStateReader? currentValues)
    {
        if (currentValues is null || changes.Length > MaxKnownLeafProbes)
        {
            return null;
        }
        foreach (var change in changes)
        {
            if (currentValues.Get(change.Key) is { } value)
            {
                var candidate = new LeafNode(change.Key, value, keyHash: change.KeyHash);
                if (candidate.Hash.AsSpan().SequenceEqual(hash))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    // A leaf's position with changes landing on it: the subtree becomes whatever the surviving leaves build.
    private static NodeRef? UpdateLeaf(LeafNode leaf, int depth, ReadOnlySpan<Change> changes, UpdateLog log)
    {
        var leaves = new List<LeafNode>(changes.Length + 1);
        var touched = false;
        var replaced = false;
        foreach (var change in changes)
        {
            var cmp = change.KeyHash.AsSpan().SequenceCompareTo(leaf.KeyHash);
            if (cmp > 0 && !touched)
            {
                leaves.Add(leaf);
                touched = true;
            }
            if (cmp == 0)
            {
                touched = true;
                if (change.Put is { } put && put.Value.AsSpan().SequenceEqual(leaf.Value))
                {
                    leaves.Add(leaf);
                }
                else
                {
                    replaced = true;
                    if (change.Put is { } changed)
                    {
                        leaves.Add(changed);
                    }
                }
            }
            else if (change.Put is { } put)
            {
                leaves.Add(put);
            }
        }
        if (!touched)
        {
            leaves.Add(leaf);
        }
        if (replaced)
        {
            log.Replaced.Add(leaf.Hash);
        }
        return Build(depth, [.. leaves], leaf, log);
    }

    // The canonical subtree of `leaves` (sorted by key hash) at `depth`; `stored` is a leaf already persisted.
    private static NodeRef? Build(int depth, ReadOnlySpan<LeafNode> leaves, LeafNode? stored, UpdateLog log)
    {
        if (leaves.IsEmpty)
        {
            return null;
        }
        if (leaves.Length == 1)
        {
            var only = leaves[0];
            if (!ReferenceEquals(only, stored))
            {
                log.Add(only, depth);
            }
            return new NodeRef(only.Hash, IsLeaf: true);
        }
        if (depth >= Nibbles.PerHash)
        {
            throw new InvalidOperationException("two keys have the same SHA-256 hash");
        }
        var children = new NodeRef?[16];
        var i = 0;
        while (i < leaves.Length)
        {
            var nibble = Nibbles.At(leaves[i].KeyHash, depth);
            var j = i + 1;
            while (j < leaves.Length && Nibbles.At(leaves[j].KeyHash, depth) == nibble)
            {
                j++;
            }
            children[nibble] = Build(depth + 1, leaves[i..j], stored, log);
            i = j;
        }
        var node = new InternalNode(children);
        log.Add(node, depth);
        return new NodeRef(node.Hash, IsLeaf: false);
    }

    // The node for updated children: empty, a lone leaf bubbling up, or an internal node (reusing the old one if
    // equal). A previous node that does not come out equal is replaced.
    private static NodeRef? Seal(NodeRef?[] children, InternalNode? previous, int depth, UpdateLog log)
    {
        NodeRef? only = null;
        var count = 0;
        foreach (var child in children)
        {
            if (child is not null)
            {
                only = child;
                count++;
            }
        }
        NodeRef? result;
        if (count == 0)
        {
            result = null;
        }
        else if (count == 1 && only!.Value.IsLeaf)
        {
            result = only;
        }
        else
        {
            var node = new InternalNode(children);
            if (previous is not null && node.Hash.AsSpan().SequenceEqual(previous.Hash))
            {
                return new NodeRef(previous.Hash, IsLeaf: false);
            }
            log.Add(node, depth);
            result = new NodeRef(node.Hash, IsLeaf: false);
        }
        if (previous is not null)
        {
            log.Replaced.Add(previous.Hash);
        }
        return result;
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    private TreeNode Load(byte[] hash, int depth)
    {
        if (_cache.TryGet(hash, out var cached))
        {
            return cached;
        }
        var node = ReadStored(hash);
        _cache.Add(hash, node, depth);
        return node;
    }

    /// <summary>The node stored under <paramref name="hash"/>, read and decoded (not cached here).</summary>
    internal TreeNode ReadStored(byte[] hash)
    {
        Interlocked.Increment(ref _storeReads);
        var data = _reader.ReadNode(hash)
            ?? throw new InvalidDataException($"state tree node {Convert.ToHexStringLower(hash)} is missing from the store");
        return NodeCodec.Decode(hash, data);
    }

    private static void CheckRoot(byte[] root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (root.Length != TreeHashing.HashSize)
        {
            throw new ArgumentException($"a tree root is {TreeHashing.HashSize} bytes, got {root.Length}", nameof(root));
        }
    }
}
