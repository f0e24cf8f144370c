using System.Text;
using MirrorChain.Core;
using MirrorChain.Core.Numerics;

namespace MirrorChain.CosmWasm;

/// <summary>
/// JSON values under <c>namespace ‖ key</c> (cosmwasm-storage's <c>Bucket</c> / cw-storage-plus's <c>Map</c>):
/// the namespace is length-prefixed, so namespaces never overlap; ranges iterate in key-byte order.
/// </summary>
public sealed class Map<T>(string ns)
{
    private readonly byte[] _prefix = Prefix(ns);

    public string TypeName { get; init; } = typeof(T).Name;

    public T Load(IReadOnlyContractStorage storage, byte[] key) =>
        May(storage, key) ?? throw new StdErrorAdapter(StdException.NotFound(TypeName));

    public T? May(IReadOnlyContractStorage storage, byte[] key) =>
        storage.Get([.. _prefix, .. key]) is { } bytes ? ContractJson.Deserialize<T>(bytes, TypeName) : default;

    public bool Has(IReadOnlyContractStorage storage, byte[] key) => storage.Get([.. _prefix, .. key]) is not null;

    public void Save(IContractStorage storage, byte[] key, T value) => storage.Set([.. _prefix, .. key], ContractJson.Serialize(value));

    public void Remove(IContractStorage storage, byte[] key) => storage.Remove([.. _prefix, .. key]);

    /// <summary>Entries with start ≤ key &lt; end (keys without the namespace), ascending or descending.</summary>
    public IEnumerable<(byte[] Key, T Value)> Range(IReadOnlyContractStorage storage, byte[]? start = null, byte[]? end = null, bool descending = false)
    {
        byte[] lo = start is null ? _prefix : [.. _prefix, .. start];
        var hi = end is null ? KeyRanges.PrefixEnd(_prefix) : [.. _prefix, .. end];
        foreach (var (k, v) in storage.Range(lo, hi, descending))
        {
            yield return (k[_prefix.Length..], ContractJson.Deserialize<T>(v, TypeName));
        }
    }

    private static byte[] Prefix(string ns)
    {
        var bytes = Encoding.UTF8.GetBytes(ns);
        if (bytes.Length > 0xFFFF)
        {
            throw new ArgumentException("namespace too long", nameof(ns));
        }
        return [(byte)(bytes.Length >> 8), (byte)bytes.Length, .. bytes];
    }
}
