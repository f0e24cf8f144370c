namespace MirrorChain.Contracts.Mirror.Tests.Support;

/// <summary>
/// A stand-in for contracts the collateral oracle queries but MirrorChain does not run (Anchor market, Band,
/// LunaX hub, a Terraswap pair's <c>pool</c>): it answers a query with the JSON stored for the query's exact text,
/// else for its variant name. Instantiate with <c>{"answers":{"pool":{…},"{\"epoch_state\":…}":{…}}}</c>; change an
/// answer with <c>{"set_answer":{"key":…,"answer":…}}</c>.
/// </summary>
internal sealed class MockQueryContract : IContract
{
    public const ulong CodeId = 901;

    public string Name => "mock_query";

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        foreach (var answer in msg.GetProperty("answers").EnumerateObject())
        {
            Save(deps, answer.Name, answer.Value);
        }
        return new Response();
    }

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        var body = msg.GetProperty("set_answer");
        Save(deps, body.GetProperty("key").GetString()!, body.GetProperty("answer"));
        return new Response();
    }

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg)
    {
        var exact = msg.GetRawText();
        var variant = msg.EnumerateObject().First().Name;
        return deps.Storage.Get(Key(exact)) ?? deps.Storage.Get(Key(variant))
            ?? throw ContractException.Generic($"mock has no answer for {exact}");
    }

    private static void Save(Deps deps, string key, JsonElement answer) =>
        deps.Storage.Set(Key(key), Encoding.UTF8.GetBytes(answer.GetRawText()));

    private static byte[] Key(string key) => Encoding.UTF8.GetBytes("answer:" + key);
}
