namespace MirrorChain.Node.Tests;

internal static class TestGenesis
{
    public const string Json = """
        {
          "genesis_time": "2026-01-01T00:00:00Z",
          "chain_id": "mirrorchain-test-1",
          "initial_height": "1",
          "consensus_params": { "block": { "max_bytes": "4096", "max_gas": "-1" } },
          "validators": [
            { "address": "6E32820F36FAE0E6108F3134523506994C734542",
              "pub_key": { "type": "tendermint/PubKeySecp256k1", "value": "A9LqkwtSMP8rSYaqfSU3v2I1Ml1UR6kvFu/qcpgd4+tP" },
              "power": "1", "name": "validator" }
          ],
          "app_state": {}
        }
        """;

    public static GenesisDoc Doc => GenesisDoc.Parse(Json);

    /// <summary>The test genesis with other block limits (strings as written in the JSON).</summary>
    public static GenesisDoc WithLimits(string maxBytes, string maxGas) =>
        GenesisDoc.Parse(Json.Replace("\"max_bytes\": \"4096\", \"max_gas\": \"-1\"", $"\"max_bytes\": \"{maxBytes}\", \"max_gas\": \"{maxGas}\"", StringComparison.Ordinal));
}
