using System.Text.Json;
using System.Text.Json.Serialization;

namespace MirrorChain.Execution;

/// <summary>
/// The genesis app_state this layer reads (snake_case JSON, amounts as strings; other top-level sections such as
/// contracts are ignored here):
/// { "auth": { "accounts": [ { "address": "terra1…" } ] },
///   "bank": { "balances": [ { "address": "terra1…", "coins": [ { "denom": "uluna", "amount": "1000" } ] } ],
///             "supply": [ … optional, must equal the sum of balances … ] },
///   "params": { "min_gas_prices": "0.015uluna,0.15uusd", "max_tx_bytes": 1048576, "max_memo_characters": 256,
///               "max_block_gas": -1 } }
/// </summary>
public sealed record GenesisAppState
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        ReadCommentHandling = JsonCommentHandling.Skip,
        WriteIndented = true,
    };

    public GenesisAuth Auth { get; init; } = new();

    public GenesisBank Bank { get; init; } = new();

    public GenesisParams Params { get; init; } = new();

    /// <exception cref="InvalidDataException">Not valid JSON for this model.</exception>
    public static GenesisAppState Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<GenesisAppState>(json, JsonOptions) ?? new GenesisAppState();
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"genesis app_state: {e.Message}", e);
        }
    }

    /// <exception cref="InvalidDataException">Not valid JSON for this model.</exception>
    public static GenesisAppState FromJson(JsonElement appState)
    {
        try
        {
            return appState.Deserialize<GenesisAppState>(JsonOptions) ?? new GenesisAppState();
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"genesis app_state: {e.Message}", e);
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}

public sealed record GenesisAuth
{
    /// <summary>Accounts created first, numbered 0, 1, … in this order.</summary>
    public IReadOnlyList<GenesisAccount> Accounts { get; init; } = [];
}

public sealed record GenesisAccount
{
    public string Address { get; init; } = "";
}

public sealed record GenesisBank
{
    public IReadOnlyList<GenesisBalance> Balances { get; init; } = [];

    /// <summary>Optional; when given it must equal the sum of <see cref="Balances"/> per denom.</summary>
    public IReadOnlyList<GenesisCoin> Supply { get; init; } = [];
}

public sealed record GenesisBalance
{
    public string Address { get; init; } = "";

    public IReadOnlyList<GenesisCoin> Coins { get; init; } = [];
}

public sealed record GenesisCoin
{
    public string Denom { get; init; } = "";

    /// <summary>Decimal integer string.</summary>
    public string Amount { get; init; } = "";
}

public sealed record GenesisParams
{
    public string MinGasPrices { get; init; } = "";

    public long MaxTxBytes { get; init; } = Tx.DecodeOptions.DefaultMaxTxBytes;

    public long MaxMemoCharacters { get; init; } = Tx.DecodeOptions.DefaultMaxMemoCharacters;

    public long MaxBlockGas { get; init; } = -1;
}
