using System.Text;
using System.Text.Json;
using MirrorChain.Core;

namespace MirrorChain.CosmWasm;

/// <summary>
/// CosmWasm's <c>deps.querier</c> (cosmwasm-std's <c>QuerierWrapper</c>): typed helpers over the chain's
/// <see cref="IQuerier"/>, which answers smart queries to other contracts and bank queries over the state the
/// calling contract runs in (so it sees writes already made in this tx).
/// </summary>
public sealed class Querier(IQuerier host)
{
    /// <summary>Raw smart query: JSON bytes in, JSON bytes out.</summary>
    public byte[] QueryWasmSmartRaw(Address contract, byte[] msg) => host.QueryWasmSmart(contract, msg);

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

    public UInt128 QueryBalance(Address address, string denom) => host.QueryBalance(address, denom);

    public IReadOnlyList<Coin> QueryAllBalances(Address address) => host.QueryAllBalances(address);

    /// <summary>Terra's treasury tax rate, in Decimal atomics (1e18 = 100%). MirrorChain runs with a rate of 0.</summary>
    public UInt128 TerraTaxRateAtomics() => UInt128.Zero;

    /// <summary>Terra's tax cap for <paramref name="denom"/> (irrelevant with a zero rate; Terra's 1 SDT-equivalent).</summary>
    public UInt128 TerraTaxCap(string denom) => 1_000_000;

    /// <summary>The code id of a contract, or null if no contract lives there.</summary>
    public ulong? ContractCodeId(Address contract) => host.ContractCodeId(contract);
}
