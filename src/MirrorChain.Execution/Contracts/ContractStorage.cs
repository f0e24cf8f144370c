using MirrorChain.Core;
using MirrorChain.CosmWasm;
using MirrorChain.State;

namespace MirrorChain.Execution.Contracts;

/// <summary>
/// A contract instance's storage inside the app state: every key is <c>0x03 0x01 ‖ contract address ‖ key</c>, so
/// instances never see each other's keys and everything they write is committed by the Merkle tree.
/// </summary>
public sealed class ContractStorage(IStateReader state, Address contract, bool readOnly) : IContractStorage
{
    private readonly byte[] _prefix = ContractKeys.StoragePrefix(contract);

    public byte[]? Get(byte[] key) => state.Get([.. _prefix, .. key]);

    public void Set(byte[] key, byte[] value)
    {
        if (key.Length == 0)
        {
            throw new ContractException("Generic error: storage key must not be empty");
        }
        Writer().Set([.. _prefix, .. key], value);
    }

    public void Remove(byte[] key) => Writer().Delete([.. _prefix, .. key]);

    public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[]? start, byte[]? end, bool descending = false)
    {
        byte[] lo = start is null ? _prefix : [.. _prefix, .. start];
        var hi = end is null ? KeyRanges.PrefixEnd(_prefix) : [.. _prefix, .. end];
        foreach (var (k, v) in state.Range(lo, hi, descending))
        {
            yield return new KeyValuePair<byte[], byte[]>(k[_prefix.Length..], v);
        }
    }

    private IStateWriter Writer() =>
        !readOnly && state is IStateWriter w ? w : throw new ContractException("Generic error: storage is read-only in queries");
}
