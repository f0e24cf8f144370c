namespace MirrorChain.CosmWasm;

/// <summary>A contract's own key space (CosmWasm's <c>deps.storage</c>).</summary>
public interface IContractStorage : IReadOnlyContractStorage
{
    void Set(byte[] key, byte[] value);

    void Remove(byte[] key);
}
