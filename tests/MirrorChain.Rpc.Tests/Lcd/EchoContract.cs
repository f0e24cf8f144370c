using MirrorChain.CosmWasm;

namespace MirrorChain.Rpc.Tests.Lcd;

/// <summary>
/// A minimal contract for the LCD wasm routes: <c>{"config":{}}</c> answers a fixed object, <c>{"ping":{}}</c> adds an
/// attribute; instantiate stores <see cref="StoredKeys"/> (key = value) for the raw and all-state routes.
/// </summary>
internal sealed class EchoContract : IContract
{
    public const ulong CodeId = 901;

    public string Name => "echo";

    /// <summary>The keys instantiate stores, in byte order; each one's value is the key itself.</summary>
    public static readonly string[] StoredKeys = ["a", "b", "c"];

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        foreach (var key in StoredKeys)
        {
            deps.Storage.Set(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(key));
        }
        return new Response().AddAttribute("action", "instantiate");
    }

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg) =>
        msg.TryGetProperty("ping", out _)
            ? new Response().AddAttribute("action", "ping")
            : throw ContractException.Generic("unknown message");

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg) =>
        msg.TryGetProperty("config", out _)
            ? Encoding.UTF8.GetBytes($$$$"""{"name":"echo","contract":"{{{{env.ContractAddress}}}}","values":[1,"two",null]}""")
            : throw ContractException.Generic("unknown query");
}
