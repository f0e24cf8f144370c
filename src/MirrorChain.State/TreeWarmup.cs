using System.Security.Cryptography;

namespace MirrorChain.State;

/// <summary>
/// One block's prefetch of tree paths: loads the nodes on a key's path in the tree at a fixed committed root into
/// the tree's node cache, so that the block's <see cref="MerkleTree.Apply(byte[], IReadOnlyList{KeyValuePair{byte[], byte[]}}, IStateReader)"/>
/// from that root finds them in memory instead of reading them from the store one by one. The design of geth's
/// trie prefetcher (core/state/trie_prefetcher.go): while the block executes, another thread walks the paths of the
/// keys the block has written so far, from the root the block started from.
/// <para>
/// Why results cannot change: nodes are immutable and stored by hash, so a cached node is exactly what a store read
/// of that hash gives; the cache is only consulted by hash, through a parent that names it. A path of the root the
/// block started from only holds nodes of that committed tree (stored, never deleted). Whatever this loads, misses
/// or fails to load, the update reads what it still needs itself and computes the same root and nodes.
/// </para>
/// <para>
/// Self-limiting: cached nodes are skipped (a lookup, no read), and the leaf of a key that execution read with a
/// value is not read (the update recognises that leaf from the value, <see cref="MerkleTree"/> "Known values").
/// After <see cref="Stop"/> returns, nothing more enters the cache through this warmup (a read in flight is
/// dropped), so no prefetch of one block's tree lands after the block moved on. Thread-safe: one thread may walk
/// while another stops it; the node cache does its own locking.
/// </para>
/// </summary>
public sealed class TreeWarmup
{
    private readonly MerkleTree _tree;
    private readonly byte[] _root;
    private readonly ReadRecorder? _reads;
    private readonly NodeCache _cache;
    private readonly Lock _gate = new();
    private bool _stopped;
    private int _nodesRead;
    private int _pathsWalked;

    internal TreeWarmup(MerkleTree tree, byte[] root, ReadRecorder? reads, NodeCache cache)
    {
        _tree = tree;
        _root = root;
        _reads = reads;
        _cache = cache;
    }

    /// <summary>Nodes this warmup read from the store (and cached, unless stopped meanwhile).</summary>
    public int NodesRead => Volatile.Read(ref _nodesRead);

    /// <summary>Paths walked to their end (a leaf, an empty slot, or a leaf known from its value).</summary>
    public int PathsWalked => Volatile.Read(ref _pathsWalked);

    /// <summary>Whether <see cref="Stop"/> was called.</summary>
    public bool Stopped
    {
        get
        {
            lock (_gate)
            {
                return _stopped;
            }
        }
    }

    /// <summary>
    /// Loads the nodes on <paramref name="key"/>'s path that are not cached yet. Returns false when stopped before
    /// the path's end. A node missing from the store throws (as the update itself would).
    /// </summary>
    public bool WarmPath(byte[] key) => WarmPath(key, null);

    /// <summary>
    /// <see cref="WarmPath(byte[])"/>, told whether <paramref name="key"/> holds a value at the root (e.g. from a
    /// flat read): an existing key's leaf is not read (the update recognises it from its value); null = ask the
    /// read recorder. A wrong answer only costs a read, here or in the update.
    /// </summary>
    public bool WarmPath(byte[] key, bool? exists)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (MerkleTree.IsEmptyRoot(_root))
        {
            return true;
        }
        var keyHash = SHA256.HashData(key);
        var hash = _root;
        for (var depth = 0; ; depth++)
        {
            if (!_cache.TryGet(hash, out var node))
            {
                if (Volatile.Read(ref _stopped))
                {
                    return false;
                }
                node = _tree.ReadStored(hash);
                Interlocked.Increment(ref _nodesRead);
                lock (_gate)
                {
                    if (_stopped)
                    {
                        return false;
                    }
                    _cache.Add(hash, node, depth);
                }
            }
            if (node is not InternalNode inner || inner.ChildRef(Nibbles.At(keyHash, depth)) is not { } child
                || (child.IsLeaf && (exists ?? KnownToExist(key))))
            {
                Interlocked.Increment(ref _pathsWalked);
                return true;
            }
            hash = child.Hash;
        }
    }

    /// <summary>
    /// Whether execution already read <paramref name="key"/> (through the recorder the warmup was started with), and
    /// whether it found a value: a prefetcher that fell behind execution skips the flat read of such a key.
    /// </summary>
    public bool WasRead(byte[] key, out bool exists)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_reads is not null && _reads.TryGetSeen(key, out var value))
        {
            exists = value is not null;
            return true;
        }
        exists = false;
        return false;
    }

    /// <summary>Ends the warmup: when this returns, nothing more enters the node cache through it.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            Volatile.Write(ref _stopped, true);
        }
    }

    // A key execution read with a value: its leaf is the one in its slot, and the update recognises it from that
    // value without a read, so reading it here would be wasted.
    private bool KnownToExist(byte[] key) => _reads is not null && _reads.TryGetSeen(key, out var value) && value is not null;
}
