using System.Text.Json.Nodes;

namespace MirrorChain.Contracts.Cw20.Tests;

/// <summary>
/// A tiny cw20 receiver: on <c>{"receive":…}</c> it records what it got (token = info.sender, sender, amount, the raw
/// base64 msg, the decoded hook and its own token balance seen through <see cref="Cw20Queries"/> at hook time), then
/// acts on the hook: <c>{"fail":{}}</c> errors (after writing its record, which must be reverted),
/// <c>{"forward":{"to"}}</c> transfers the received amount on, <c>{"burn":{}}</c> burns it; anything else is kept.
/// </summary>
internal sealed class TestReceiverContract : IContract
{
    public const ulong CodeId = 900;
    private const string MsgType = "test_receiver::ExecuteMsg";
    private static readonly byte[] HooksKey = "hooks"u8.ToArray();

    public string Name => "test_receiver";

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg) => new();

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        var received = Cw20ReceiveMsg.TryParse(msg, MsgType) ?? throw ContractException.Parse(MsgType, "expected `receive`");
        if (!received.TryGetHook(out var hook))
        {
            throw ContractException.Generic("invalid cw20 hook message");
        }
        var seen = Cw20Queries.Balance(deps.Querier, info.Sender, env.ContractAddress);
        var hooks = Load(deps);
        hooks.Add(new JsonObject
        {
            ["token"] = info.Sender.ToString(),
            ["sender"] = received.Sender,
            ["amount"] = received.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["msg"] = Convert.ToBase64String(received.Msg),
            ["hook"] = received.HookJson,
            ["balance_at_hook"] = seen.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        deps.Storage.Set(HooksKey, Encoding.UTF8.GetBytes(hooks.ToJsonString()));

        var response = new Response().AddAttribute("action", "receive").AddAttribute("sender", received.Sender).AddAttribute("amount", received.Amount);
        var (name, body) = ContractJson.Variant(hook, "test_receiver::HookMsg");
        return name switch
        {
            "fail" => throw ContractException.Generic("receiver refused"),
            "forward" => response.AddMessage(Cw20Messages.Transfer(info.Sender, deps.Api.AddrValidate(body.GetProperty("to").GetString()), received.Amount)),
            "burn" => response.AddMessage(Cw20Messages.Burn(info.Sender, received.Amount)),
            _ => response,
        };
    }

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg) => deps.Storage.Get(HooksKey) ?? "[]"u8.ToArray();

    private static JsonArray Load(Deps deps) =>
        deps.Storage.Get(HooksKey) is { } b ? JsonNode.Parse(b)!.AsArray() : [];
}
