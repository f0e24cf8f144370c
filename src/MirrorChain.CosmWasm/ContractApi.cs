using MirrorChain.Core;

namespace MirrorChain.CosmWasm;

/// <summary>CosmWasm's <c>deps.api</c>: address validation (bech32 "terra", 20 or 32 bytes, lowercase).</summary>
public sealed class ContractApi
{
    public static ContractApi Instance { get; } = new();

    /// <summary>Validates a human address; the error reads like cosmwasm's "Generic error: addr_validate errored: …".</summary>
    public Address AddrValidate(string? human)
    {
        if (Address.TryParse(human, out var a, out var error))
        {
            return a!;
        }
        throw ContractException.Generic($"addr_validate errored: {error}");
    }
}
