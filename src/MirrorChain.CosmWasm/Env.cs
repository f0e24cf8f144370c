using MirrorChain.Core;

namespace MirrorChain.CosmWasm;

/// <summary>The block and the contract's own address, as CosmWasm's <c>Env</c>.</summary>
public sealed record Env(BlockInfo Block, Address ContractAddress);

/// <summary>Block height, time and chain id. <see cref="TimeSeconds"/> is what Mirror compares prices' age against.</summary>
public sealed record BlockInfo(long Height, BlockTime Time, string ChainId)
{
    /// <summary>Seconds since the epoch (cosmwasm 0.16 <c>env.block.time.seconds()</c>).</summary>
    public ulong TimeSeconds => (ulong)Time.Seconds;

    /// <summary>Nanoseconds since the epoch.</summary>
    public ulong TimeNanos => (ulong)Time.UnixNanoseconds;
}

/// <summary>Who called and which native coins came along (already credited to the contract).</summary>
public sealed record MessageInfo(Address Sender, IReadOnlyList<Coin> Funds);
