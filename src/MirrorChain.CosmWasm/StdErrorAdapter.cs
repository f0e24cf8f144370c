using MirrorChain.Core.Numerics;

namespace MirrorChain.CosmWasm;

/// <summary>Carries a cosmwasm <see cref="StdException"/> as a <see cref="ContractException"/> (same text).</summary>
public sealed class StdErrorAdapter(StdException inner) : ContractException(inner.Message)
{
    public StdException Inner { get; } = inner;
}
