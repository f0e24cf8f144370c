using System.Text.Json;
using MirrorChain.Core;
using MirrorChain.Crypto;

namespace MirrorChain.Cli;

/// <summary>Reads CometBFT's <c>priv_validator_key.json</c> (privval/file.go <c>FilePVKey</c>), Ed25519 keys only.</summary>
public static class PrivValidatorKeyFile
{
    /// <summary>The key in <paramref name="path"/>; <see cref="InvalidDataException"/> naming the file when it is not one.</summary>
    public static Ed25519Key Load(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var priv = doc.RootElement.GetProperty("priv_key");
            var type = priv.GetProperty("type").GetString();
            if (type != "tendermint/PrivKeyEd25519")
            {
                throw new InvalidDataException($"{path}: priv_key type is {type}; only tendermint/PrivKeyEd25519 validator keys can sign blocks");
            }
            var key = Ed25519Key.FromCometBftPrivateKey(Convert.FromBase64String(priv.GetProperty("value").GetString() ?? ""));
            if (doc.RootElement.TryGetProperty("address", out var address) && !string.Equals(address.GetString(), Hex.Upper(key.Address), StringComparison.OrdinalIgnoreCase))
            {
                key.Dispose();
                throw new InvalidDataException($"{path}: address {address.GetString()} is not the address of its key ({Hex.Upper(key.Address)})");
            }
            return key;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path} is not a CometBFT Ed25519 priv_validator_key.json: {e.Message}", e);
        }
    }
}
