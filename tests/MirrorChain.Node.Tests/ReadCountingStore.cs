using MirrorChain.State;
using MirrorChain.Tests;

namespace MirrorChain.Node.Tests;

/// <summary>A memory store that counts the reads of each committed-state (flat) key while <see cref="Counting"/> is on.</summary>
internal sealed class ReadCountingStore(MemoryKeyValueStore inner) : ForwardingStore<MemoryKeyValueStore>(inner)
{
    private readonly Dictionary<byte[], int> _flatReads = new(ByteArrayComparer.Instance);
    private readonly Lock _lock = new();

    public bool Counting { get; set; }

    /// <summary>Reads of each flat state key (without the store prefix) since the last <see cref="Reset"/>.</summary>
    public IReadOnlyDictionary<byte[], int> FlatReads
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<byte[], int>(_flatReads, ByteArrayComparer.Instance);
            }
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _flatReads.Clear();
        }
    }

    public override byte[]? Get(ReadOnlySpan<byte> key)
    {
        if (Counting && key.Length > 0 && key[0] == StateStoreKeys.Flat)
        {
            lock (_lock)
            {
                var stateKey = key[1..].ToArray();
                _flatReads[stateKey] = _flatReads.GetValueOrDefault(stateKey) + 1;
            }
        }
        return Inner.Get(key);
    }
}
