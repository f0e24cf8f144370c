using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MirrorChain.Core;
using MirrorChain.Crypto;

namespace MirrorChain.Cli;

/// <summary>
/// Writes a CometBFT 0.38 home for running the node under <c>cometbft start</c>: <c>config/config.toml</c>
/// (proxy_app pointing at <c>mirrorchain start --abci</c>), <c>config/genesis.json</c> (the app's genesis with
/// Ed25519 validators), <c>config/priv_validator_key.json</c>, <c>config/node_key.json</c> and
/// <c>data/priv_validator_state.json</c>, in CometBFT's own file formats (privval/file.go, p2p/key.go).
/// </summary>
public static class CometBftHome
{
    /// <summary>One validator of a CometBFT genesis.</summary>
    public sealed record Validator(string Name, byte[] PublicKey, long Power);

    /// <summary>Where one node listens: p2p, CometBFT's RPC, and the app's ABCI socket.</summary>
    public sealed record Ports(int P2p, int Rpc, int Abci);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>
    /// CometBFT's genesis.json: the app's genesis document with its validators replaced by <paramref name="validators"/>
    /// (Ed25519) and <c>consensus_params.validator.pub_key_types</c> set to ed25519; <c>app_state</c> is kept as it is.
    /// </summary>
    public static string GenesisJson(string appGenesisJson, IReadOnlyList<Validator> validators)
    {
        ArgumentNullException.ThrowIfNull(validators);
        var doc = JsonNode.Parse(appGenesisJson)!.AsObject();
        var list = new JsonArray();
        foreach (var v in validators)
        {
            list.Add(new JsonObject
            {
                ["address"] = Hex.Upper(Ed25519Key.AddressOf(v.PublicKey)),
                ["pub_key"] = new JsonObject { ["type"] = "tendermint/PubKeyEd25519", ["value"] = Convert.ToBase64String(v.PublicKey) },
                ["power"] = v.Power.ToString(CultureInfo.InvariantCulture),
                ["name"] = v.Name,
            });
        }
        doc["validators"] = list;
        if (doc["consensus_params"] is JsonObject cp)
        {
            cp["validator"] = new JsonObject { ["pub_key_types"] = new JsonArray("ed25519") };
        }
        doc["app_hash"] = "";
        return doc.ToJsonString(Indented) + "\n";
    }

    /// <summary>priv_validator_key.json: address, public key and the 64-byte private key (seed ‖ public key).</summary>
    public static string PrivValidatorKeyJson(Ed25519Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var o = new JsonObject
        {
            ["address"] = Hex.Upper(key.Address),
            ["pub_key"] = new JsonObject { ["type"] = "tendermint/PubKeyEd25519", ["value"] = Convert.ToBase64String(key.PublicKey) },
            ["priv_key"] = new JsonObject { ["type"] = "tendermint/PrivKeyEd25519", ["value"] = Convert.ToBase64String(key.CometBftPrivateKey()) },
        };
        return o.ToJsonString(Indented) + "\n";
    }

    /// <summary>node_key.json: the p2p key; the node id is the hex of its address.</summary>
    public static string NodeKeyJson(Ed25519Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var o = new JsonObject
        {
            ["priv_key"] = new JsonObject { ["type"] = "tendermint/PrivKeyEd25519", ["value"] = Convert.ToBase64String(key.CometBftPrivateKey()) },
        };
        return o.ToJsonString(Indented) + "\n";
    }

    /// <summary>The node id CometBFT derives from a node key (lower-case hex of the key's address).</summary>
    public static string NodeId(Ed25519Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Hex.Lower(key.Address);
    }

    /// <summary>
    /// config.toml with the settings this layout needs; CometBFT takes its defaults for everything else. Local
    /// testnets need <c>addr_book_strict = false</c> and <c>allow_duplicate_ip = true</c> (all nodes on 127.0.0.1).
    /// </summary>
    public static string ConfigToml(string moniker, Ports ports, IReadOnlyList<string> persistentPeers, bool local)
    {
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(persistentPeers);
        var b = new StringBuilder();
        b.AppendLine("# CometBFT 0.38 config for a MirrorChain node, written by mirrorchain; unlisted settings take CometBFT's defaults.");
        b.AppendLine(CultureInfo.InvariantCulture, $"proxy_app = \"tcp://127.0.0.1:{ports.Abci}\"");
        b.AppendLine(CultureInfo.InvariantCulture, $"moniker = \"{moniker}\"");
        b.AppendLine("abci = \"socket\"");
        b.AppendLine();
        b.AppendLine("[rpc]");
        b.AppendLine(CultureInfo.InvariantCulture, $"laddr = \"tcp://127.0.0.1:{ports.Rpc}\"");
        b.AppendLine();
        b.AppendLine("[p2p]");
        b.AppendLine(CultureInfo.InvariantCulture, $"laddr = \"tcp://0.0.0.0:{ports.P2p}\"");
        b.AppendLine(CultureInfo.InvariantCulture, $"persistent_peers = \"{string.Join(',', persistentPeers)}\"");
        b.AppendLine(CultureInfo.InvariantCulture, $"addr_book_strict = {(local ? "false" : "true")}");
        b.AppendLine(CultureInfo.InvariantCulture, $"allow_duplicate_ip = {(local ? "true" : "false")}");
        b.AppendLine();
        b.AppendLine("[consensus]");
        b.AppendLine("timeout_commit = \"1s\"");
        return b.ToString();
    }

    /// <summary>Writes one node's CometBFT home under <paramref name="root"/>; refuses to overwrite existing keys.</summary>
    public static void Write(string root, string genesisJson, Ed25519Key validatorKey, Ed25519Key nodeKey, string config)
    {
        var configDir = Path.Combine(root, "config");
        var dataDir = Path.Combine(root, "data");
        var privValidator = Path.Combine(configDir, "priv_validator_key.json");
        if (File.Exists(privValidator))
        {
            throw new IOException($"{privValidator} exists: refusing to replace a validator key (delete the CometBFT home to start over)");
        }
        Directory.CreateDirectory(configDir);
        Directory.CreateDirectory(dataDir);
        File.WriteAllText(Path.Combine(configDir, "genesis.json"), genesisJson);
        File.WriteAllText(Path.Combine(configDir, "config.toml"), config);
        WritePrivate(privValidator, PrivValidatorKeyJson(validatorKey));
        WritePrivate(Path.Combine(configDir, "node_key.json"), NodeKeyJson(nodeKey));
        File.WriteAllText(Path.Combine(dataDir, "priv_validator_state.json"), "{\n  \"height\": \"0\",\n  \"round\": 0,\n  \"step\": 0\n}\n");
    }

    /// <summary>Writes a key file readable by its owner only.</summary>
    internal static void WritePrivate(string path, string text)
    {
        File.WriteAllText(path, text);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
