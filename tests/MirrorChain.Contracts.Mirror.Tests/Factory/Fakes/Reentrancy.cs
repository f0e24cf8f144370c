using System.Text.Json.Nodes;
using MirrorChain.Contracts.Cw20;
using MirrorChain.Contracts.Mirror.Tests.Mint.Fakes;

namespace MirrorChain.Contracts.Mirror.Tests.Factory.Fakes;

/// <summary>
/// A real cw20-base token that, when its name reads <c>callback:&lt;address&gt;</c> (then named "callback token"), calls <c>{"callback":{}}</c> on that
/// address during its instantiate, i.e. while the factory still waits for reply 1. Used to reach the factory's
/// "whitelist in progress" states, which an atomic whitelist otherwise never exposes.
/// </summary>
internal sealed class CallbackToken : IContract
{
    public const ulong CodeId = 902;
    private readonly Cw20BaseContract _inner = new();

    public string Name => "cw20_base";

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        var name = msg.GetProperty("name").GetString()!;
        if (!name.StartsWith("callback:", StringComparison.Ordinal))
        {
            return _inner.Instantiate(deps, env, info, msg);
        }
        var node = JsonNode.Parse(msg.GetRawText())!;
        node["name"] = "callback token";
        using var doc = JsonDocument.Parse(node.ToJsonString());
        return _inner.Instantiate(deps, env, info, doc.RootElement)
            .AddMessage(WasmExecute.Json(Address.Parse(name["callback:".Length..]), "{\"callback\":{}}"));
    }

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg) => _inner.Execute(deps, env, info, msg);

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg) => _inner.Query(deps, env, msg);
}

/// <summary>
/// A contract account that can own the factory and feed the oracle: <c>forward {contract, msg}</c> executes msg (a JSON
/// object) on contract; <c>set_callback {contract, msg}</c> stores a message that <c>callback {}</c> executes later.
/// </summary>
internal sealed class ProxyAccount : IContract
{
    public const ulong CodeId = 903;

    public string Name => "proxy_account";

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg) => new();

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        var (name, body) = ContractJson.Variant(msg, "proxy");
        switch (name)
        {
            case "forward":
                return new Response().AddMessage(WasmExecute.Json(Address.Parse(Fake.Str(body, "contract")), body.GetProperty("msg").GetRawText()));
            case "set_callback":
                Fake.Set(deps.Storage, "cb_contract", Fake.Str(body, "contract"));
                Fake.Set(deps.Storage, "cb_msg", body.GetProperty("msg").GetRawText());
                return new Response();
            case "callback":
                return new Response().AddMessage(WasmExecute.Json(Address.Parse(Fake.Get(deps.Storage, "cb_contract")!), Fake.Get(deps.Storage, "cb_msg")!));
            default:
                throw ContractException.Generic("unknown " + name);
        }
    }

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg) => Encoding.UTF8.GetBytes("{}");
}
