using MirrorChain.Core;

namespace MirrorChain.CosmWasm;

/// <summary>
/// What the chain answers for a contract's queries (cosmwasm-std's <c>Querier</c> trait, the host side of
/// <c>deps.querier</c>): raw smart queries, bank balances and contract infos, over the state the calling contract
/// runs in. Contracts use it through <see cref="Querier"/>. Failures read like cosmwasm-std 0.16:
/// "Generic error: Querier contract error: …" / "Generic error: Querier system error: No such contract: …".
/// </summary>
public interface IQuerier
{
    /// <summary>Smart query: JSON bytes in, JSON bytes out.</summary>
    byte[] QueryWasmSmart(Address contract, byte[] msg);

    UInt128 QueryBalance(Address address, string denom);

    IReadOnlyList<Coin> QueryAllBalances(Address address);

    /// <summary>The code id of a contract, or null if no contract lives there.</summary>
    ulong? ContractCodeId(Address contract);
}
