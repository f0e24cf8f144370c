namespace MirrorChain.Contracts.Mirror.Tests.Gov;

/// <summary>
/// A stand-in for the admin_manager and for a poll's target contract: it records every execute message (raw JSON)
/// with its sender, and fails a message <c>{"fail":{}}</c>. Query <c>{"last":{}}</c> returns the last message verbatim,
/// <c>{"count":{}}</c> the number received, <c>{"sender":{}}</c> the last sender.
/// </summary>
internal sealed class RecorderContract : IContract
{
    public const ulong CodeId = 902;

    public string Name => "recorder";

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        deps.Storage.Set(Key("count"), Encoding.UTF8.GetBytes("0"));
        return new Response();
    }

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        if (msg.TryGetProperty("fail", out _))
        {
            throw ContractException.Generic("recorder refuses");
        }
        var count = int.Parse(Encoding.UTF8.GetString(deps.Storage.Get(Key("count"))!), System.Globalization.CultureInfo.InvariantCulture);
        deps.Storage.Set(Key("count"), Encoding.UTF8.GetBytes((count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        deps.Storage.Set(Key("last"), Encoding.UTF8.GetBytes(msg.GetRawText()));
        deps.Storage.Set(Key("sender"), Encoding.UTF8.GetBytes(JsonSerializer.Serialize(info.Sender.ToString())));
        return new Response().AddAttribute("action", "recorded");
    }

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg)
    {
        var name = msg.EnumerateObject().First().Name;
        return deps.Storage.Get(Key(name)) ?? Encoding.UTF8.GetBytes("null");
    }

    private static byte[] Key(string name) => Encoding.UTF8.GetBytes(name);
}
