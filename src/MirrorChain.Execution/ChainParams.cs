using System.Text;
using System.Text.Json;
using MirrorChain.State;

namespace MirrorChain.Execution;

/// <summary>
/// Consensus parameters set at genesis and stored at <see cref="StateKeys.ChainParams"/> as canonical JSON
/// (fixed field order, no whitespace): {"min_gas_prices":"0.015uluna,0.15uusd","max_tx_bytes":1048576,
/// "max_memo_characters":256,"max_block_gas":-1}.
/// </summary>
public sealed record ChainParams
{
    public static readonly ChainParams Default = new();

    /// <summary>Minimum gas prices enforced in CheckTx and DeliverTx (empty = free).</summary>
    public IReadOnlyList<GasPrice> MinGasPrices { get; init; } = [];

    public int MaxTxBytes { get; init; } = Tx.DecodeOptions.DefaultMaxTxBytes;

    public int MaxMemoCharacters { get; init; } = Tx.DecodeOptions.DefaultMaxMemoCharacters;

    /// <summary>
    /// The genesis <c>consensus_params.block.max_gas</c> (the node writes it here at InitChain): max sum of gas
    /// limits per block, and so the largest gas limit the ante accepts (code 41); -1 = unlimited.
    /// </summary>
    public long MaxBlockGas { get; init; } = -1;

    public Tx.DecodeOptions DecodeOptions(bool simulate = false) =>
        new() { MaxTxBytes = MaxTxBytes, MaxMemoCharacters = MaxMemoCharacters, Simulate = simulate };

    /// <summary>Throws <see cref="InvalidDataException"/> naming the bad field.</summary>
    public void Validate()
    {
        if (MaxTxBytes <= 0)
        {
            throw new InvalidDataException($"params.max_tx_bytes must be positive, got {MaxTxBytes}");
        }
        if (MaxMemoCharacters < 0)
        {
            throw new InvalidDataException($"params.max_memo_characters must not be negative, got {MaxMemoCharacters}");
        }
        if (MaxBlockGas < -1 || MaxBlockGas == 0)
        {
            throw new InvalidDataException($"params.max_block_gas must be -1 (unlimited) or positive, got {MaxBlockGas}");
        }
    }

    public byte[] Encode()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("min_gas_prices", GasPrice.FormatList(MinGasPrices));
            w.WriteNumber("max_tx_bytes", MaxTxBytes);
            w.WriteNumber("max_memo_characters", MaxMemoCharacters);
            w.WriteNumber("max_block_gas", MaxBlockGas);
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    public static ChainParams Decode(byte[] value)
    {
        using var doc = JsonDocument.Parse(value);
        var root = doc.RootElement;
        return new ChainParams
        {
            MinGasPrices = GasPrice.ParseList(root.GetProperty("min_gas_prices").GetString()),
            MaxTxBytes = root.GetProperty("max_tx_bytes").GetInt32(),
            MaxMemoCharacters = root.GetProperty("max_memo_characters").GetInt32(),
            MaxBlockGas = root.GetProperty("max_block_gas").GetInt64(),
        };
    }

    /// <summary>
    /// The stored params, or <see cref="Default"/> when none were written (no genesis params). Params rarely change,
    /// and CheckTx loads them for every tx: the last decoded value is kept with its exact stored bytes and reused
    /// while the stored bytes are the same (a record with no mutable state, so sharing it is safe).
    /// </summary>
    public static ChainParams Load(IStateReader state)
    {
        if (state.Get(StoredKey) is not { } value)
        {
            return Default;
        }
        var last = LastLoaded;
        if (last is not null && last.Bytes.AsSpan().SequenceEqual(value))
        {
            return last.Params;
        }
        var decoded = Decode(value);
        LastLoaded = new LoadedParams((byte[])value.Clone(), decoded);
        return decoded;
    }

    private static readonly byte[] StoredKey = StateKeys.ChainParams();

    private static volatile LoadedParams? LastLoaded;

    private sealed record LoadedParams(byte[] Bytes, ChainParams Params);

    public void Store(IStateWriter state) => state.Set(StateKeys.ChainParams(), Encode());

    public override string ToString() => Encoding.UTF8.GetString(Encode());
}
