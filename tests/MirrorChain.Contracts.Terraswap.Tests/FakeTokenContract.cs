using System.Globalization;
using System.Text.Json;

namespace MirrorChain.Contracts.Terraswap.Tests;

/// <summary>
/// A misbehaving "token" for error paths no honest cw20 can reach: it answers every balance with 0 and its
/// <c>fake_send {contract, amount, msg}</c> delivers a cw20 receive hook without moving any balance.
/// </summary>
internal sealed class FakeTokenContract : IContract
{
    public const ulong CodeId = 99;

    public string Name => "fake_token";

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg) => new();

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        var body = msg.GetProperty("fake_send");
        var receive = $$"""{"receive":{"sender":"{{info.Sender}}","amount":"{{body.GetProperty("amount").GetString()}}","msg":"{{body.GetProperty("msg").GetString()}}"} }""";
        return new Response().AddMessage(WasmExecute.Json(deps.Api.AddrValidate(body.GetProperty("contract").GetString()), receive));
    }

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg) =>
        msg.TryGetProperty("balance", out _)
            ? Encoding.UTF8.GetBytes("{\"balance\":\"0\"}")
            : Encoding.UTF8.GetBytes("{\"name\":\"fake\",\"symbol\":\"FAKE\",\"decimals\":6,\"total_supply\":\"" + 0.ToString(CultureInfo.InvariantCulture) + "\"}");
}
