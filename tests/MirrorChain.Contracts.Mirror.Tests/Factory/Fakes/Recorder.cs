namespace MirrorChain.Contracts.Mirror.Tests.Factory.Fakes;

/// <summary>One message a recorded contract received: entry point, the contract, its sender and the exact JSON text.</summary>
internal sealed record Recorded(string Entry, Address Contract, Address Sender, string Json);

/// <summary>
/// Wraps a real contract and logs the exact JSON of every instantiate and execute it receives (before running it), so
/// tests can compare the factory's outgoing messages byte for byte while the real contract still acts on them.
/// </summary>
internal sealed class Recorder(IContract inner, List<Recorded> log) : IContract
{
    public string Name => inner.Name;

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        log.Add(new Recorded("instantiate", env.ContractAddress, info.Sender, msg.GetRawText()));
        return inner.Instantiate(deps, env, info, msg);
    }

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        log.Add(new Recorded("execute", env.ContractAddress, info.Sender, msg.GetRawText()));
        return inner.Execute(deps, env, info, msg);
    }

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg) => inner.Query(deps, env, msg);

    public Response Reply(Deps deps, Env env, Reply reply) => inner.Reply(deps, env, reply);
}
