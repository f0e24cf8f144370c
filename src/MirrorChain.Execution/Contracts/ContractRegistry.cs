using MirrorChain.CosmWasm;

namespace MirrorChain.Execution.Contracts;

/// <summary>
/// The codes a chain can instantiate, by code id (the native stand-in for uploaded wasm). Ids are part of consensus:
/// they appear in contract infos and derive contract addresses, so they never change once a chain uses them.
/// </summary>
public sealed class ContractRegistry
{
    private readonly SortedDictionary<ulong, IContract> _codes = [];

    /// <summary>A registry holding <paramref name="codes"/> (e.g. a contract package's list of its codes).</summary>
    public static ContractRegistry Of(IEnumerable<KeyValuePair<ulong, IContract>> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var registry = new ContractRegistry();
        foreach (var (codeId, code) in codes)
        {
            registry.Register(codeId, code);
        }
        return registry;
    }

    public ContractRegistry Register(ulong codeId, IContract code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (codeId == 0 || !_codes.TryAdd(codeId, code))
        {
            throw new ArgumentException($"code id {codeId} is invalid or already registered", nameof(codeId));
        }
        return this;
    }

    public IContract? Get(ulong codeId) => _codes.GetValueOrDefault(codeId);

    public IReadOnlyList<KeyValuePair<ulong, IContract>> Codes => [.. _codes];
}
