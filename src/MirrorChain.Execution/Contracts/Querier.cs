using System.Text;
using System.Text.Json;
using MirrorChain.Core;
using MirrorChain.State;

namespace MirrorChain.Execution.Contracts;

/// <summary>
/// CosmWasm's <c>deps.querier</c>: smart queries to other contracts and bank/treasury queries, over the state the
/// calling contract runs in (so it sees writes already made in this tx). Failures read like cosmwasm-std 0.16:
/// "Generic error: Querier contract error: …" / "Generic error: Querier system error: No such contract: …".
/// </summary>
public sealed class Querier(ContractRuntime runtime, IStateReader state, BlockInfo block, int depth)
{
    /// <summary>Raw smart query: JSON bytes in, JSON bytes out.</summary>
    public byte[] QueryWasmSmartRaw(Address contract, byte[] msg)
    {
        if (runtime.LoadInfo(state, contract) is null)
        {
            throw ContractException.Generic($"Querier system error: No such contract: {contract}");
        }
        try
        {
            return runtime.QueryContract(state, block, contract, msg, depth + 1);
        }
        catch (Exception e) when (e is ContractException or Core.Numerics.StdException)
        {
            throw ContractException.Generic($"Querier contract error: {e.Message}");
        }
    }

    public byte[] QueryWasmSmart(Address contract, string json) => QueryWasmSmartRaw(contract, Encoding.UTF8.GetBytes(json));

    /// <summary>Serializes <paramref name="msg"/>, queries, and deserializes the answer with <paramref name="options"/>.</summary>
    public T QueryWasmSmart<T>(Address contract, object msg, JsonSerializerOptions options)
    {
        var answer = QueryWasmSmartRaw(contract, JsonSerializer.SerializeToUtf8Bytes(msg, msg.GetType(), options));
        try
        {
            return JsonSerializer.Deserialize<T>(answer, options) ?? throw ContractException.Parse(typeof(T).Name, "null answer");
        }
        catch (JsonException e)
        {
            throw ContractException.Parse(typeof(T).Name, SerdeErrorText.Of(e));
        }
    }

    public UInt128 QueryBalance(Address address, string denom) => Bank.GetBalance(state, address, denom);

    public IReadOnlyList<Coin> QueryAllBalances(Address address) => Bank.GetAllBalances(state, address);

    /// <summary>Terra's treasury tax rate, in Decimal atomics (1e18 = 100%). MirrorChain runs with a rate of 0.</summary>
    public UInt128 TerraTaxRateAtomics() => UInt128.Zero;

    /// <summary>Terra's tax cap for <paramref name="denom"/> (irrelevant with a zero rate; Terra's 1 SDT-equivalent).</summary>
    public UInt128 TerraTaxCap(string denom) => 1_000_000;

    /// <summary>The code id of a contract, or null if no contract lives there.</summary>
    public ulong? ContractCodeId(Address contract) => runtime.LoadInfo(state, contract)?.CodeId;
}
