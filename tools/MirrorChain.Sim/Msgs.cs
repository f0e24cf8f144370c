using System.Text;
using System.Text.Json.Nodes;
using MirrorChain.Core;
using MirrorChain.Tx;
using MirrorChain.Tx.Messages;

namespace MirrorChain.Sim;

/// <summary>Builders for the contract messages the ops send (CosmWasm JSON).</summary>
public static class Msgs
{
    public static JsonObject Native(string denom) => new() { ["native_token"] = new JsonObject { ["denom"] = denom } };

    public static JsonObject Token(Address token) => new() { ["token"] = new JsonObject { ["contract_addr"] = token.ToString() } };

    public static JsonObject Asset(JsonObject info, UInt128 amount) => new() { ["info"] = info, ["amount"] = Dec.U(amount) };

    public static JsonObject Variant(string name, JsonNode? body = null) => new() { [name] = body ?? new JsonObject() };

    public static ITxMessage Execute(SimAccount sender, Address contract, JsonNode msg, params Coin[] funds) =>
        new MsgExecuteContract(sender.Address, contract, Encoding.UTF8.GetBytes(msg.ToJsonString()), funds);

    /// <summary>cw20 <c>send {contract, amount, msg: base64(hook)}</c>.</summary>
    public static ITxMessage Cw20Send(SimAccount sender, Address token, Address contract, UInt128 amount, JsonNode hook) =>
        Execute(sender, token, Variant("send", new JsonObject
        {
            ["contract"] = contract.ToString(),
            ["amount"] = Dec.U(amount),
            ["msg"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(hook.ToJsonString())),
        }));

    public static ITxMessage IncreaseAllowance(SimAccount sender, Address token, Address spender, UInt128 amount) =>
        Execute(sender, token, Variant("increase_allowance", new JsonObject { ["spender"] = spender.ToString(), ["amount"] = Dec.U(amount) }));

    public static Coin Uusd(UInt128 amount) => new("uusd", amount);

    public static string B64(JsonNode msg) => Convert.ToBase64String(Encoding.UTF8.GetBytes(msg.ToJsonString()));
}
