using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MirrorChain.Core;

namespace MirrorChain.Node;

/// <summary>
/// The genesis document (CometBFT layout): chain id, genesis time, initial height, consensus params, validators
/// and the application state, which the execution layer applies at height 0.
/// </summary>
public sealed record GenesisDoc
{
    public required string ChainId { get; init; }

    public required BlockTime GenesisTime { get; init; }

    public long InitialHeight { get; init; } = 1;

    /// <summary>Max bytes of a block's txs.</summary>
    public long MaxBlockBytes { get; init; } = 22_020_096;

    /// <summary>Max sum of gas limits in a block; -1 = unlimited.</summary>
    public long MaxBlockGas { get; init; } = -1;

    public required IReadOnlyList<GenesisValidator> Validators { get; init; }

    /// <summary>The raw app_state object.</summary>
    public required JsonElement AppState { get; init; }

    /// <summary>The document exactly as read, for the genesis RPC and the genesis hash.</summary>
    public required string RawJson { get; init; }

    public byte[] Hash => Hashing.Sha256(System.Text.Encoding.UTF8.GetBytes(RawJson));

    public static GenesisDoc Load(string path) => Parse(File.ReadAllText(path));

    public static GenesisDoc Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"genesis is not valid JSON: {e.Message}", e);
        }
        if (root is not JsonObject obj)
        {
            throw new InvalidDataException("genesis must be a JSON object");
        }
        var chainId = obj["chain_id"]?.GetValue<string>();
        if (string.IsNullOrEmpty(chainId) || chainId.Length > 50)
        {
            throw new InvalidDataException("genesis chain_id must be 1..50 characters");
        }
        var time = obj["genesis_time"]?.GetValue<string>()
            ?? throw new InvalidDataException("genesis_time is required");
        var initialHeight = ParseLong(obj["initial_height"], 1, "initial_height");
        if (initialHeight != 1)
        {
            throw new InvalidDataException("initial_height must be 1 (chains restarting at a later height are not supported)");
        }
        var block = obj["consensus_params"]?["block"];
        var validators = new List<GenesisValidator>();
        foreach (var v in obj["validators"]?.AsArray() ?? [])
        {
            validators.Add(new GenesisValidator(
                Hex.Decode(v!["address"]!.GetValue<string>()),
                v["pub_key"]!["type"]!.GetValue<string>(),
                Convert.FromBase64String(v["pub_key"]!["value"]!.GetValue<string>()),
                ParseLong(v["power"], 1, "validator power"),
                v["name"]?.GetValue<string>() ?? ""));
        }
        if (validators.Count != 1)
        {
            throw new InvalidDataException("a single-node devnet genesis needs exactly one validator");
        }
        var appState = obj["app_state"] ?? throw new InvalidDataException("app_state is required");
        using var appDoc = JsonDocument.Parse(appState.ToJsonString());
        return new GenesisDoc
        {
            ChainId = chainId,
            GenesisTime = BlockTime.ParseRfc3339(time),
            InitialHeight = initialHeight,
            MaxBlockBytes = ParseLong(block?["max_bytes"], 22_020_096, "max_bytes"),
            MaxBlockGas = ParseLong(block?["max_gas"], -1, "max_gas"),
            Validators = validators,
            AppState = appDoc.RootElement.Clone(),
            RawJson = json,
        };
    }

    private static long ParseLong(JsonNode? node, long fallback, string name)
    {
        if (node is null)
        {
            return fallback;
        }
        var text = node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new InvalidDataException($"genesis {name} must be an integer, got {text}");
    }
}

/// <summary>A genesis validator: 20-byte address, public key (type + bytes), voting power.</summary>
public sealed record GenesisValidator(byte[] Address, string PubKeyType, byte[] PubKey, long Power, string Name);
