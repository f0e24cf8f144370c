using System.Globalization;
using System.Text.Json;
using MirrorChain.CosmWasm;

namespace MirrorChain.Execution.Tests.Contracts;

/// <summary>
/// The counter's next version: the same entry points plus migrate, which sets the count from <c>{"count":n}</c>
/// (and can send a message <c>{"then":{contract, msg}}</c> after it), or writes and then fails on <c>{"fail":{}}</c>.
/// </summary>
internal sealed class CounterV2Contract : IContract
{
    public const ulong CodeId = 8;

    private readonly CounterContract _v1 = new();

    public string Name => "counter_v2";

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg) => _v1.Instantiate(deps, env, info, msg);

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg) => _v1.Execute(deps, env, info, msg);

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg) => _v1.Query(deps, env, msg);

    public Response Migrate(Deps deps, Env env, JsonElement msg)
    {
        if (msg.TryGetProperty("fail", out _))
        {
            CounterContract.Save(deps, 999);   // must be reverted
            throw new ContractException("Generic error: refusing to migrate");
        }
        CounterContract.Save(deps, msg.GetProperty("count").GetInt64());
        var response = new Response().AddAttribute("action", "migrate").AddAttribute("count", CounterContract.Load(deps).ToString(CultureInfo.InvariantCulture));
        if (msg.TryGetProperty("then", out var then))
        {
            response.AddMessage(WasmExecute.Json(deps.Api.AddrValidate(then.GetProperty("contract").GetString()), then.GetProperty("msg").GetRawText()));
        }
        return response;
    }
}
