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

    /// <summary>
    /// <c>consensus_params.block.max_bytes</c>: max size of a whole block (CometBFT's default 22020096; -1 = CometBFT's
    /// 100 MiB cap). The txs get <see cref="MaxDataBytes"/> of it.
    /// </summary>
    public long MaxBlockBytes { get; init; } = 22_020_096;

    /// <summary><c>consensus_params.block.max_gas</c>: max sum of the txs' gas limits in a block; -1 = unlimited.</summary>
    public long MaxBlockGas { get; init; } = -1;

    /// <summary>Bytes of txs a block may carry (<see cref="BlockLimits.MaxDataBytes"/>, CometBFT's arithmetic).</summary>
    public long MaxDataBytes => BlockLimits.MaxDataBytes(MaxBlockBytes, Validators.Count);

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
        var maxBytes = ParseLong(block?["max_bytes"], 22_020_096, "max_bytes");
        // CometBFT types/params.go ValidateBasic, plus room for the header and commit (types.MaxDataBytes).
        if (maxBytes == 0 || maxBytes < -1 || maxBytes > BlockLimits.MaxBlockSizeBytes)
        {
            throw new InvalidDataException($"genesis consensus_params.block.max_bytes must be -1 or 1..{BlockLimits.MaxBlockSizeBytes}, got {maxBytes}");
        }
        if (BlockLimits.MaxDataBytes(maxBytes, validators.Count) <= 0)
        {
            throw new InvalidDataException($"genesis consensus_params.block.max_bytes {maxBytes} leaves no room for txs after the header and commit");
        }
        var maxGas = ParseLong(block?["max_gas"], -1, "max_gas");
        if (maxGas < -1 || maxGas == 0)
        {
            throw new InvalidDataException($"genesis consensus_params.block.max_gas must be -1 (unlimited) or positive, got {maxGas}");
        }
        var appState = obj["app_state"] ?? throw new InvalidDataException("app_state is required");
        using var appDoc = JsonDocument.Parse(appState.ToJsonString());
        return new GenesisDoc
        {
            ChainId = chainId,
            GenesisTime = BlockTime.ParseRfc3339(time),
            InitialHeight = initialHeight,
            MaxBlockBytes = maxBytes,
            MaxBlockGas = maxGas,
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
public sealed record GenesisValidator(byte[] Address, string PubKeyType, byte[] PubKey, long Power, string Name)
{
    /// <summary>The amino type name of an Ed25519 consensus key.</summary>
    public const string Ed25519Type = "tendermint/PubKeyEd25519";
}
