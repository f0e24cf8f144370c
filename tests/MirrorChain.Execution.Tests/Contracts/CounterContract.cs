using System.Globalization;
using System.Text.Json;
using MirrorChain.CosmWasm;
using MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1;

namespace MirrorChain.Execution.Tests.Contracts;

/// <summary>A toy contract exercising every runtime feature: storage, sub-messages, replies, bank, instantiate, queries.</summary>
internal sealed class CounterContract : IContract
{
    public const ulong CodeId = 7;
    private static readonly byte[] CountKey = "count"u8.ToArray();
    private static readonly byte[] LastReplyKey = "last_reply"u8.ToArray();

    public string Name => "counter";

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        Save(deps, msg.GetProperty("count").GetInt64());
        return new Response().AddAttribute("action", "instantiate");
    }

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        var (name, body) = Variant(msg);
        switch (name)
        {
            case "increment":
                Save(deps, Load(deps) + 1);
                return new Response().AddAttribute("action", "increment").AddAttribute("count", Load(deps).ToString(CultureInfo.InvariantCulture));
            case "fail":
                Save(deps, 999);   // must be reverted
                throw new ContractException("Generic error: asked to fail");
            case "call":
                Save(deps, Load(deps) + 100);
                return new Response().AddMessage(WasmExecute.Json(Addr(deps, body, "contract"), body.GetProperty("msg").GetRawText()));
            case "call_catch":
                Save(deps, Load(deps) + 100);
                return new Response().AddSubMessage(SubMsg.ReplyOnError(WasmExecute.Json(Addr(deps, body, "contract"), body.GetProperty("msg").GetRawText()), 5));
            case "call_reply":
                return new Response().AddSubMessage(SubMsg.ReplyAlways(WasmExecute.Json(Addr(deps, body, "contract"), body.GetProperty("msg").GetRawText()), 6));
            case "send":
                return new Response().AddMessage(new BankSend(Addr(deps, body, "to"), [new Coin(body.GetProperty("denom").GetString()!, UInt128.Parse(body.GetProperty("amount").GetString()!, CultureInfo.InvariantCulture))]));
            case "spawn":
                return new Response().AddSubMessage(SubMsg.ReplyOnSuccess(new WasmInstantiate(CodeId, "{\"count\":41}"u8.ToArray(), [], "child", null), 9));
            case "recurse":
                return new Response().AddMessage(WasmExecute.Json(env.ContractAddress, "{\"recurse\":{}}"));
            case "set_data":
                return new Response().SetData(Encoding.UTF8.GetBytes(body.GetProperty("data").GetString()!));
            case "migrate":
                return new Response().AddMessage(new WasmMigrate(Addr(deps, body, "contract"), body.GetProperty("code_id").GetUInt64(),
                    Encoding.UTF8.GetBytes(body.GetProperty("msg").GetRawText())));
            case "migrate_catch":
                Save(deps, Load(deps) + 100);
                return new Response().AddSubMessage(SubMsg.ReplyOnError(new WasmMigrate(Addr(deps, body, "contract"), body.GetProperty("code_id").GetUInt64(),
                    Encoding.UTF8.GetBytes(body.GetProperty("msg").GetRawText())), 5));
            case "set_admin":
                return new Response().AddMessage(new WasmUpdateAdmin(Addr(deps, body, "contract"), Addr(deps, body, "admin")));
            case "clear_admin":
                return new Response().AddMessage(new WasmClearAdmin(Addr(deps, body, "contract")));
            case "event":
                return new Response().AddEvent("counted", ("n", "1"));
            default:
                throw ContractException.Parse("counter::ExecuteMsg", $"unknown variant `{name}`");
        }
    }

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg)
    {
        var (name, body) = Variant(msg);
        return name switch
        {
            "count" => Encoding.UTF8.GetBytes($"{{\"count\":{Load(deps)}}}"),
            "last_reply" => deps.Storage.Get(LastReplyKey) ?? "null"u8.ToArray(),
            "peer" => deps.Querier.QueryWasmSmart(Addr(deps, body, "contract"), "{\"count\":{}}"),
            "time" => Encoding.UTF8.GetBytes($"{{\"seconds\":{env.Block.TimeSeconds}}}"),
            _ => throw ContractException.Generic($"unknown query {name}"),
        };
    }

    public Response Reply(Deps deps, Env env, Reply reply)
    {
        string record;
        var response = new Response().AddAttribute("action", "reply");
        if (reply.Id == 9)
        {
            var child = MsgInstantiateContractResponse.Parser.ParseFrom(reply.Data).Address;
            record = $"{{\"id\":9,\"child\":\"{child}\"}}";
            response.SetData(Encoding.UTF8.GetBytes(child));
        }
        else if (reply.IsOk)
        {
            var inner = MsgExecuteContractResponse.Parser.ParseFrom(reply.Data).Data.ToStringUtf8();
            record = $"{{\"id\":{reply.Id},\"ok\":true,\"data\":{JsonSerializer.Serialize(inner)},\"events\":{reply.Events!.Count}}}";
            response.SetData(Encoding.UTF8.GetBytes("replied"));
        }
        else
        {
            record = $"{{\"id\":{reply.Id},\"ok\":false,\"error\":{JsonSerializer.Serialize(reply.Error)}}}";
        }
        deps.Storage.Set(LastReplyKey, Encoding.UTF8.GetBytes(record));
        return response;
    }

    private static (string Name, JsonElement Body) Variant(JsonElement msg)
    {
        var p = msg.EnumerateObject().Single();
        return (p.Name, p.Value);
    }

    private static Address Addr(QueryDeps deps, JsonElement body, string field) => deps.Api.AddrValidate(body.GetProperty(field).GetString());

    internal static long Load(QueryDeps deps) =>
        deps.Storage.Get(CountKey) is { } b ? long.Parse(Encoding.UTF8.GetString(b), CultureInfo.InvariantCulture) : 0;

    internal static void Save(Deps deps, long value) =>
        deps.Storage.Set(CountKey, Encoding.UTF8.GetBytes(value.ToString(CultureInfo.InvariantCulture)));
}
