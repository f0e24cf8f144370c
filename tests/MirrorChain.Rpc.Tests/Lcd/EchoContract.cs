using MirrorChain.CosmWasm;

namespace MirrorChain.Rpc.Tests.Lcd;

/// <summary>A minimal contract for the LCD wasm routes: <c>{"config":{}}</c> answers a fixed object, <c>{"ping":{}}</c> adds an attribute.</summary>
internal sealed class EchoContract : IContract
{
    public const ulong CodeId = 901;

    public string Name => "echo";

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg) => new Response().AddAttribute("action", "instantiate");

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg) =>
        msg.TryGetProperty("ping", out _)
            ? new Response().AddAttribute("action", "ping")
            : throw ContractException.Generic("unknown message");

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg) =>
        msg.TryGetProperty("config", out _)
            ? Encoding.UTF8.GetBytes($$$$"""{"name":"echo","contract":"{{{{env.ContractAddress}}}}","values":[1,"two",null]}""")
            : throw ContractException.Generic("unknown query");
}
