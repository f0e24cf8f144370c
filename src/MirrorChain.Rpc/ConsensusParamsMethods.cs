using System.Text.Json.Nodes;
using MirrorChain.Node;

namespace MirrorChain.Rpc;

/// <summary>
/// <c>consensus_params</c> (CometBFT rpc/core/consensus.go): the genesis consensus params — they never change on
/// this chain — at the requested height (default: the next, uncommitted one, as CometBFT). <c>block.max_bytes</c>
/// and <c>block.max_gas</c> are the values the node enforces (CometBFT's defaults where the genesis is silent).
/// </summary>
internal sealed class ConsensusParamsMethods(IRpcBackend backend)
{
    private readonly Lazy<string> _params = new(() => Render(backend.GenesisJson));

    public void Register(RpcMethodTable table) => table.Add("consensus_params", ["height"], (args, w) =>
    {
        var latest = backend.LatestHeight;
        var height = Heights.Resolve(args.Int64("height"), latest + 1, Math.Max(1, backend.EarliestHeight));
        w.WriteStartObject();
        w.WriteInt64String("block_height", height);
        w.WritePropertyName("consensus_params");
        w.WriteRawValue(_params.Value);
        w.WriteEndObject();
    });

    private static string Render(string genesisJson)
    {
        var genesis = GenesisDoc.Parse(genesisJson);
        var given = JsonNode.Parse(genesisJson)?["consensus_params"] as JsonObject;
        var result = new JsonObject
        {
            ["block"] = new JsonObject
            {
                ["max_bytes"] = genesis.MaxBlockBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["max_gas"] = genesis.MaxBlockGas.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            ["evidence"] = Section(given, "evidence", """{"max_age_num_blocks":"100000","max_age_duration":"172800000000000","max_bytes":"1048576"}"""),
            ["validator"] = Section(given, "validator", """{"pub_key_types":["ed25519"]}"""),
            ["version"] = Section(given, "version", """{"app":"0"}"""),
            ["abci"] = Section(given, "abci", """{"vote_extensions_enable_height":"0"}"""),
        };
        return result.ToJsonString();
    }

    private static JsonNode Section(JsonObject? given, string name, string fallback) =>
        given?[name]?.DeepClone() ?? JsonNode.Parse(fallback)!;
}
