using System.Text;
using MirrorChain.Core.Numerics;

namespace MirrorChain.CosmWasm;

/// <summary>
/// A single JSON value under one key (cosmwasm-storage's <c>Singleton</c> / cw-storage-plus's <c>Item</c>).
/// Values are serialized with <see cref="ContractJson.Options"/>, so encodings are deterministic.
/// </summary>
public sealed class Item<T>(string key)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(key);

    /// <summary>The Rust type name used in "… not found" errors (e.g. "mirror_mint::state::Config").</summary>
    public string TypeName { get; init; } = typeof(T).Name;

    public T Load(IReadOnlyContractStorage storage) => May(storage) ?? throw new StdErrorAdapter(StdException.NotFound(TypeName));

    public T? May(IReadOnlyContractStorage storage) =>
        storage.Get(_key) is { } bytes ? ContractJson.Deserialize<T>(bytes, TypeName) : default;

    public void Save(IContractStorage storage, T value) => storage.Set(_key, ContractJson.Serialize(value));

    public void Remove(IContractStorage storage) => storage.Remove(_key);
}
