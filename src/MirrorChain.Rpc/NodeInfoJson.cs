using System.Text.Json;
using MirrorChain.Core;

namespace MirrorChain.Rpc;

/// <summary>
/// The node's p2p.DefaultNodeInfo, which the JSON-RPC <c>status</c> (<c>node_info</c>) and the gateway's
/// <c>node_info</c> (<c>default_node_info</c>) both carry. The two wires differ in two fields: the id is <c>id</c> /
/// <c>default_node_id</c>, and <c>channels</c> is CometBFT's HexBytes (hex) / proto3 bytes (base64).
/// </summary>
internal static class NodeInfoJson
{
    public static void Write(Utf8JsonWriter w, string name, IRpcBackend backend, bool gateway)
    {
        w.WriteStartObject(name);
        w.WriteStartObject("protocol_version");
        w.WriteUInt64String("p2p", CometBft.P2PProtocol);
        w.WriteUInt64String("block", CometBft.BlockProtocol);
        w.WriteUInt64String("app", backend.AppProtocolVersion);
        w.WriteEndObject();
        w.WriteString(gateway ? "default_node_id" : "id", backend.NodeId);
        w.WriteString("listen_addr", backend.P2PListenAddress);
        w.WriteString("network", backend.ChainId);
        w.WriteString("version", CometBft.Version);
        if (gateway)
        {
            w.WriteBase64String("channels", Hex.Decode(CometBft.Channels));
        }
        else
        {
            w.WriteString("channels", CometBft.Channels);
        }
        w.WriteString("moniker", backend.Moniker);
        w.WriteStartObject("other");
        w.WriteString("tx_index", "on");
        w.WriteString("rpc_address", backend.RpcListenAddress);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
